import type { SqlRunner } from '../db/sql/sql-db'
import type { DeliveryEffects } from '../outbox/dispatcher'
import type { ClaimedMessage, SettledCheck } from '../outbox/outbox-store'
import { grouped } from '../outbox/outcome-writes'
import type { RefundService } from '../returns/refund-service'
import { refusalWrite } from './fulfilment-refusal'
import type { CancellationService } from './lifecycle/cancellation-service'
import type { RerouteService } from './lifecycle/reroute-service'
import { acceptFulfilments, addEvent, setFulfilmentStatus } from './store'

type Acceptance = { fulfilmentId: string; externalRef: string | null }
/** The most common outcome of all: a round's accepted requests are one statement. */
const accepted = (tx: SqlRunner, items: readonly Acceptance[]) => acceptFulfilments(tx, items, Date.now())

/**
 * What a delivery outcome changes in the order:
 * - a fulfilment request accepted records the WMS's reference (also after an operator retried a
 *   failed one); one the warehouse refused (`PermanentError` or a `refused` answer) is a rejection,
 *   as from its webhook (`fulfilment-refusal.ts`); one that could not be delivered before its
 *   attempts ran out is marked failed, with the reason, for an operator to retry;
 * - a refund the channel made is confirmed with its reference; one refused or undeliverable fails;
 * - a cancel request the WMS accepted cancels the fulfilment's lines; one it refused (already
 *   shipped) or that could not be delivered leaves the fulfilment going, and the channel is told.
 */
export function deliveryEffects(
  cancellation: CancellationService,
  refunds: RefundService,
  reroute: RerouteService,
): DeliveryEffects {
  return {
    async onDelivered(message, result) {
      if (message.topic === 'refund.push') {
        const { refundId } = message.payload
        if (result.status === 'accepted') return (tx) => refunds.confirmInTx(tx, refundId, result.externalRef)
        if (result.status === 'refused') return (tx) => refunds.failInTx(tx, refundId, result.reason)
        return undefined
      }
      const fulfilmentId = fulfilmentOf(message)
      if (!fulfilmentId) return undefined
      if (message.topic === 'fulfilment.request') {
        if (result.status === 'refused')
          return refusalWrite(reroute, cancellation, message.instanceId, fulfilmentId, result.reason)
        if (result.status !== 'accepted') return undefined
        return grouped(accepted, { fulfilmentId, externalRef: result.externalRef ?? null })
      }
      if (message.topic === 'fulfilment.cancel') {
        const actor = `wms:${message.instanceId}`
        if (result.status === 'accepted') return (tx) => cancellation.confirmInTx(tx, fulfilmentId, actor)
        if (result.status === 'refused')
          return (tx) => cancellation.refuseInTx(tx, fulfilmentId, result.reason, actor)
      }
      return undefined
    },
    async onDead(message, { error, failure }) {
      if (message.topic === 'refund.push') {
        const { refundId } = message.payload
        return (tx) => refunds.failInTx(tx, refundId, error)
      }
      const fulfilmentId = fulfilmentOf(message)
      const orderId = message.orderId
      if (!fulfilmentId || !orderId) return undefined
      if (message.topic === 'fulfilment.request') {
        if (failure === 'permanent')
          return refusalWrite(reroute, cancellation, message.instanceId, fulfilmentId, error)
        return async (tx: SqlRunner) => {
          const now = Date.now()
          await setFulfilmentStatus(tx, fulfilmentId, 'failed', now, { from: ['requested'], reason: error })
          await addEvent(
            tx,
            orderId,
            'fulfilment.failed',
            null,
            null,
            { fulfilmentId, error: error.slice(0, 500) },
            'outbox',
            now,
          )
        }
      }
      if (message.topic === 'fulfilment.cancel') {
        const why = `the warehouse could not be reached (${error.slice(0, 200)})`
        return (tx) => cancellation.refuseInTx(tx, fulfilmentId, why, 'outbox')
      }
      return undefined
    },
  }
}

/**
 * Fulfilment requests not worth retrying: their fulfilment is no longer waiting to be sent
 * (rejected after the warehouse refused it, cancelled, or already accepted), so sending it again
 * would hand a warehouse work the order has moved on from.
 */
export const settledFulfilmentRequests: SettledCheck = async (tx, messages) => {
  const byFulfilment = new Map<string, string>()
  for (const m of messages)
    if (m.topic === 'fulfilment.request') byFulfilment.set(m.payload.fulfilmentId, m.id)
  const settled = new Set<string>()
  const ids = [...byFulfilment.keys()]
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500)
    const rows = await tx.all<{ id: string }>(
      `select id from fulfilment where id in (${chunk.map(() => '?').join(',')}) and status not in ('requested', 'failed')`,
      chunk,
    )
    for (const r of rows) settled.add(byFulfilment.get(r.id)!)
  }
  return settled
}

/** The fulfilment a request or cancel message is about. */
function fulfilmentOf(message: ClaimedMessage): string | undefined {
  return message.topic === 'fulfilment.request' || message.topic === 'fulfilment.cancel'
    ? message.payload.fulfilmentId
    : undefined
}
