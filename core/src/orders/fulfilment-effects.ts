import type { SqlRunner } from '../db/sql/sql-db'
import type { DeliveryEffects } from '../outbox/dispatcher'
import { addEvent } from './order-rows'

/**
 * What a delivery outcome changes in the order: an accepted fulfilment request records the WMS's
 * reference (also after an operator retried a failed one); a request that could not be delivered
 * at all is marked failed, and the order's history says why.
 */
export const fulfilmentEffects: DeliveryEffects = {
  async onDelivered(message, result, tx: SqlRunner) {
    if (message.topic !== 'fulfilment.request' || result.status !== 'accepted') return
    const fulfilmentId = (message.payload as { fulfilmentId: string }).fulfilmentId
    await tx.run(
      `update fulfilment set status = 'accepted', external_ref = ?, updated_at = ? where id = ? and status in ('requested', 'failed')`,
      [result.externalRef ?? null, Date.now(), fulfilmentId],
    )
  },
  async onDead(message, error, tx: SqlRunner) {
    if (message.topic !== 'fulfilment.request' || !message.orderId) return
    const fulfilmentId = (message.payload as { fulfilmentId: string }).fulfilmentId
    const now = Date.now()
    await tx.run(
      `update fulfilment set status = 'failed', reason = ?, updated_at = ? where id = ? and status = 'requested'`,
      [error.slice(0, 1000), now, fulfilmentId],
    )
    await addEvent(
      tx,
      message.orderId,
      'fulfilment.failed',
      null,
      null,
      { fulfilmentId, error: error.slice(0, 500) },
      'outbox',
      now,
    )
  },
}
