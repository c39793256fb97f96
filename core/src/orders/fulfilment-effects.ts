import type { SqlRunner } from '../db/sql/sql-db'
import type { DeliveryEffects } from '../outbox/dispatcher'
import type { RefundService } from '../returns/refund-service'
import type { CancellationService } from './lifecycle/cancellation-service'
import { addEvent } from './order-rows'

/**
 * What a delivery outcome changes in the order:
 * - a fulfilment request accepted records the WMS's reference (also after an operator retried a
 *   failed one); one that could not be delivered at all is marked failed, with the reason;
 * - a refund the channel made is confirmed with its reference; one refused or undeliverable fails;
 * - a cancel request the WMS accepted cancels the fulfilment's lines; one it refused (already
 *   shipped) or that could not be delivered leaves the fulfilment going, and the channel is told.
 */
export function deliveryEffects(cancellation: CancellationService, refunds: RefundService): DeliveryEffects {
  return {
    async onDelivered(message, result, tx: SqlRunner) {
      if (message.topic === 'refund.push') {
        const refundId = (message.payload as { refundId: string }).refundId
        if (result.status === 'accepted') await refunds.confirmInTx(tx, refundId, result.externalRef)
        else if (result.status === 'refused') await refunds.failInTx(tx, refundId, result.reason)
        return
      }
      const fulfilmentId = (message.payload as { fulfilmentId?: string }).fulfilmentId
      if (!fulfilmentId) return
      if (message.topic === 'fulfilment.request' && result.status === 'accepted') {
        await tx.run(
          `update fulfilment set status = 'accepted', external_ref = ?, updated_at = ? where id = ? and status in ('requested', 'failed')`,
          [result.externalRef ?? null, Date.now(), fulfilmentId],
        )
      }
      if (message.topic === 'fulfilment.cancel') {
        if (result.status === 'accepted')
          await cancellation.confirmInTx(tx, fulfilmentId, `wms:${message.instanceId}`)
        else if (result.status === 'refused')
          await cancellation.refuseInTx(tx, fulfilmentId, result.reason, `wms:${message.instanceId}`)
      }
    },
    async onDead(message, error, tx: SqlRunner) {
      if (message.topic === 'refund.push') {
        await refunds.failInTx(tx, (message.payload as { refundId: string }).refundId, error)
        return
      }
      const fulfilmentId = (message.payload as { fulfilmentId?: string }).fulfilmentId
      if (!fulfilmentId || !message.orderId) return
      const now = Date.now()
      if (message.topic === 'fulfilment.request') {
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
      }
      if (message.topic === 'fulfilment.cancel') {
        await cancellation.refuseInTx(
          tx,
          fulfilmentId,
          `the warehouse could not be reached (${error.slice(0, 200)})`,
          'outbox',
          now,
        )
      }
    },
  }
}
