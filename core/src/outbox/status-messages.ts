import type { OrderStatusUpdate } from '@switchyard/plugin-sdk'
import { uuidv7 } from '../ids'
import type { IntegrationDirectory, NewOutboxMessage } from './topics'

/** True when someone listens to this channel's status changes: the channel itself or a notifier. */
export function wantsStatus(directory: IntegrationDirectory, channelInstanceId: string): boolean {
  return (
    directory.accepts(channelInstanceId, 'order.status') ||
    (directory.notificationTargets?.().length ?? 0) > 0
  )
}

/**
 * One status change, as messages: to the order's channel (in its own terms, through its plugin)
 * and to every notification instance (email, SMS, webhook). Each has its own idempotency key, so
 * a redelivery is recognisable to each receiver.
 */
export function statusMessages(
  directory: IntegrationDirectory,
  input: { channelInstanceId: string; orderId: string; key: string; now: number; payload: OrderStatusUpdate },
): NewOutboxMessage[] {
  const out: NewOutboxMessage[] = []
  if (directory.accepts(input.channelInstanceId, 'order.status')) {
    out.push({
      id: uuidv7(input.now),
      topic: 'order.status',
      instanceId: input.channelInstanceId,
      orderId: input.orderId,
      idempotencyKey: `order.status:${input.key}`,
      payload: input.payload,
      createdAt: input.now,
    })
  }
  for (const target of directory.notificationTargets?.() ?? []) {
    out.push({
      id: uuidv7(input.now),
      topic: 'notification',
      instanceId: target,
      orderId: input.orderId,
      idempotencyKey: `notification:${target}:${input.key}`,
      payload: { channelInstanceId: input.channelInstanceId, update: input.payload },
      createdAt: input.now,
    })
  }
  return out
}
