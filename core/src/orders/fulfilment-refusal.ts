import type { SqlRunner } from '../db/sql/sql-db'
import type { OutcomeWrite } from '../outbox/dispatcher'
import type { CancellationService } from './lifecycle/cancellation-service'
import type { RerouteService } from './lifecycle/reroute-service'
import { addEvent } from './store'

/**
 * A warehouse refused a fulfilment request outright: its plugin threw `PermanentError` (the WMS
 * answered 422, say) or answered `refused`. That is the same news as a rejection webhook, and is
 * handled the same way (`RerouteService.rejectInTx`): the fulfilment is rejected, its stock freed,
 * the location remembered, and the order routed elsewhere (never back there) or backordered, with
 * the channel told. Read before the outbox's transaction opens; the write runs inside it.
 */
export async function refusalWrite(
  reroute: RerouteService,
  cancellation: CancellationService,
  wmsInstanceId: string,
  fulfilmentId: string,
  why: string,
): Promise<OutcomeWrite> {
  const locations = await reroute.prepareRouting()
  const actor = `wms:${wmsInstanceId}`
  const reason = `the warehouse refused the fulfilment request: ${why.slice(0, 500)}`
  return async (tx: SqlRunner) => {
    const f = await tx.one<{ order_id: string; status: string }>(
      'select order_id, status from fulfilment where id = ?',
      [fulfilmentId],
    )
    if (!f) return
    switch (f.status) {
      case 'requested':
      case 'failed':
        await reroute.rejectInTx(tx, locations, wmsInstanceId, fulfilmentId, reason, actor)
        return
      case 'cancelling':
        // The hub asked to cancel it meanwhile, and the warehouse never took it: the cancellation
        // is complete (routing its lines elsewhere would undo what was asked).
        await cancellation.confirmInTx(tx, fulfilmentId, actor)
        return
      default:
        // Accepted, shipped, rejected or cancelled already (a late answer to an earlier attempt):
        // the fulfilment's own news wins, and the refusal is only kept in the history.
        await addEvent(
          tx,
          f.order_id,
          'fulfilment.refusal_ignored',
          null,
          null,
          { fulfilmentId, status: f.status, reason },
          actor,
          Date.now(),
        )
    }
  }
}
