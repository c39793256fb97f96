import type { SqlDb } from '../../db/sql/sql-db'
import { addEvent, HOLDABLE, loadFulfilment, setFulfilmentHold } from '../store'

export interface WarehouseHoldOutcome {
  orderId: string
  fulfilmentId: string
  /** Whether the fulfilment is held now. */
  held: boolean
  /** False when the report changed nothing (a repeat, or a fulfilment no longer with the warehouse). */
  changed: boolean
}

/**
 * A warehouse holding a fulfilment it accepted until a person fixes something (ShipBob's `On
 * Hold`), and taking it up again. The hold is shown on the fulfilment and written to the order's
 * history (which is also what tells live views); stock, the order's status and the channel are left
 * alone: the warehouse still has the parcel and may yet ship it. Only the WMS the fulfilment was sent
 * to may report on it; a report on any other (a warehouse order from another source, another WMS's
 * fulfilment) is not the hub's to show: undefined, and nothing is written. Unlike a shipment, a hold
 * asks nothing of the hub, so it is not refused (a poll reporting every order it sees stays quiet).
 */
export class WarehouseHoldService {
  constructor(
    private readonly db: SqlDb,
    private readonly clock: () => number = Date.now,
  ) {}

  hold(
    wmsInstanceId: string,
    fulfilmentId: string,
    reason: string,
  ): Promise<WarehouseHoldOutcome | undefined> {
    return this.set(wmsInstanceId, fulfilmentId, { reason: reason.trim() || 'held by the warehouse' })
  }

  resume(wmsInstanceId: string, fulfilmentId: string): Promise<WarehouseHoldOutcome | undefined> {
    return this.set(wmsInstanceId, fulfilmentId, null)
  }

  private set(
    wmsInstanceId: string,
    fulfilmentId: string,
    hold: { reason: string } | null,
  ): Promise<WarehouseHoldOutcome | undefined> {
    return this.db.transaction(async (tx) => {
      const now = this.clock()
      const f = await loadFulfilment(tx, fulfilmentId)
      if (!f || f.wmsInstanceId !== wmsInstanceId) return undefined
      const changed = await setFulfilmentHold(tx, fulfilmentId, hold, now)
      if (changed)
        await addEvent(
          tx,
          f.orderId,
          hold ? 'fulfilment.held' : 'fulfilment.resumed',
          null,
          null,
          { fulfilmentId, locationId: f.locationId, ...(hold ? { reason: hold.reason } : {}) },
          `wms:${wmsInstanceId}`,
          now,
        )
      return { orderId: f.orderId, fulfilmentId, held: hold !== null && HOLDABLE.includes(f.status), changed }
    })
  }
}
