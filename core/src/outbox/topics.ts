import type {
  ChannelInventoryLevel,
  ChannelPrice,
  DiscardedOrder,
  FulfilmentCancelRequest,
  FulfilmentRequest,
  NotificationEvent,
  OrderStatusUpdate,
  RefundRequest,
} from '@switchyard/plugin-sdk'

/** What each outbox message asks a plugin to do, and what it carries. */
export interface OutboxPayloads {
  'fulfilment.request': FulfilmentRequest
  'fulfilment.cancel': FulfilmentCancelRequest
  'order.status': OrderStatusUpdate
  'inventory.push': ChannelInventoryLevel[]
  'refund.push': RefundRequest
  'price.push': ChannelPrice[]
  notification: NotificationEvent
  /** A person discarded an intake exception of the channel's: the channel is told (an EDI 855 RJ). */
  'exception.discarded': DiscardedOrder
}
export type OutboxTopic = keyof OutboxPayloads
export const outboxTopics = [
  'fulfilment.request',
  'fulfilment.cancel',
  'order.status',
  'inventory.push',
  'refund.push',
  'price.push',
  'notification',
  'exception.discarded',
] as const satisfies readonly OutboxTopic[]

/** One variant per topic, so checking `topic` tells the payload's type without a cast. */
export type WithPayload<Base> = {
  [T in OutboxTopic]: Base & { topic: T; payload: OutboxPayloads[T] }
}[OutboxTopic]

/**
 * Which plugin instances can take which messages. Implemented by the server from the loaded
 * plugins, so core never writes a message nobody can deliver.
 */
export interface IntegrationDirectory {
  accepts(instanceId: string, topic: OutboxTopic): boolean
  /** Notification instances that hear every order status change. */
  notificationTargets?(): readonly string[]
}

export type NewOutboxMessage = WithPayload<{
  id: string
  instanceId: string
  orderId: string | null
  idempotencyKey: string
  createdAt: number
}>
