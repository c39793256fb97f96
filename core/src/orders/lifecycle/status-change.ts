import type { OrderStatus } from '@switchyard/plugin-sdk'
import type { SqlRunner } from '../../db/sql/sql-db'
import { uuidv7 } from '../../ids'
import { statusMessages, wantsStatus } from '../../outbox/status-messages'
import type { IntegrationDirectory, NewOutboxMessage } from '../../outbox/topics'
import { buildStatusUpdate } from '../status-update'
import { loadLines, loadShipments, moveOrderTo, type OrderSnapshot, touchOrder } from '../store'

/**
 * Moves an order to `target` (through `allocated` when that is the legal way, as at intake; any
 * other move the transition table refuses is an `IllegalTransitionError`), records each step in its
 * history, and tells its channel — also when the status stays but the order
 * changed (some lines cancelled, a cancellation refused), with `reason` saying what happened.
 */
export async function changeStatus(
  tx: SqlRunner,
  order: Pick<OrderSnapshot, 'id' | 'channelInstanceId' | 'externalOrderId' | 'orderNumber' | 'status'>,
  target: OrderStatus,
  options: {
    now: number
    actor: string
    reason?: string
    notify: boolean
    directory: IntegrationDirectory
    data?: Record<string, unknown>
  },
): Promise<{ status: OrderStatus; outbox: NewOutboxMessage[] }> {
  const { now, actor } = options
  // Through the transition table: a move it does not allow is an IllegalTransitionError, never skipped.
  const lastEvent = await moveOrderTo(tx, order, target, now, actor, {
    ...options.data,
    ...(options.reason ? { reason: options.reason } : {}),
  })
  const status = target
  if (!lastEvent) await touchOrder(tx, order.id, now)
  const outbox: NewOutboxMessage[] = []
  if ((lastEvent || options.notify) && wantsStatus(options.directory, order.channelInstanceId)) {
    outbox.push(
      ...statusMessages(options.directory, {
        channelInstanceId: order.channelInstanceId,
        orderId: order.id,
        key: lastEvent ?? uuidv7(now),
        now,
        payload: buildStatusUpdate({
          orderId: order.id,
          externalOrderId: order.externalOrderId,
          orderNumber: order.orderNumber,
          status,
          previousStatus: order.status,
          reason: options.reason ?? null,
          lines: await loadLines(tx, order.id),
          shipments: await loadShipments(tx, order.id),
          occurredAt: now,
        }),
      }),
    )
  }
  return { status, outbox }
}
