/** What an outbox message asks a plugin to do. */
export const outboxTopics = [
  'fulfilment.request',
  'fulfilment.cancel',
  'order.status',
  'inventory.push',
  'refund.push',
  'price.push',
  'notification',
] as const
export type OutboxTopic = (typeof outboxTopics)[number]

/**
 * Which plugin instances can take which messages. Implemented by the server from the loaded
 * plugins, so core never writes a message nobody can deliver.
 */
export interface IntegrationDirectory {
  accepts(instanceId: string, topic: OutboxTopic): boolean
  /** Notification instances that hear every order status change. */
  notificationTargets?(): readonly string[]
}

export interface NewOutboxMessage {
  id: string
  topic: OutboxTopic
  instanceId: string
  orderId: string | null
  idempotencyKey: string
  payload: unknown
  createdAt: number
}
