import type { OrderStatus, ShipmentConfirmation } from '@switchyard/plugin-sdk'
import type { LocationFacts } from '../../catalog/facts'
import type { SqlDb, SqlRunner } from '../../db/sql/sql-db'
import { ValidationError } from '../../errors'
import { receiveAllocatedStock, shipStock } from '../../inventory/stock-writer'
import { writeOutbox } from '../../outbox/outbox-writer'
import type { IntegrationDirectory, NewOutboxMessage } from '../../outbox/topics'
import { assertOperation, OperationNotAllowedError } from '../lifecycle/order-operations'
import { releaseLooseAllocations } from '../release'
import {
  addEvent,
  type FulfilmentHead,
  insertAllocation,
  loadFulfilment,
  loadSnapshot,
  type OpenAllocation,
  type OrderHead,
  type OrderSnapshot,
  receivedTransfers,
  recordShipment,
  setAllocationStatus,
} from '../store'

export interface TransferShipped {
  order: OrderHead
  fulfilment: FulfilmentHead
  store: string
  allocations: readonly OpenAllocation[]
  shipment: ShipmentConfirmation
  actor: string
  now: number
}

/**
 * The sender's shipment confirmation of a ship-to-store transfer: the units leave its stock and
 * its allocations are shipped, but the customer has nothing yet, so the lines keep them allocated
 * (in transit to the store) and the order stays `released`; the channel hears nothing until the
 * order is ready for pickup. The history says where it went, with the tracking.
 */
export async function transferShipped(tx: SqlRunner, t: TransferShipped): Promise<void> {
  for (const a of t.allocations) {
    await shipStock(tx, a.sku, a.locationId, a.quantity, t.now)
    await setAllocationStatus(tx, a.id, 'shipped', t.now)
  }
  await recordShipment(tx, t.fulfilment.id, t.shipment, t.now)
  await addEvent(
    tx,
    t.order.id,
    'order.in_transit_to_store',
    null,
    null,
    {
      fulfilmentId: t.fulfilment.id,
      from: t.fulfilment.locationId,
      to: t.store,
      carrier: t.shipment.carrier,
      trackingNumber: t.shipment.trackingNumber,
    },
    t.actor,
    t.now,
  )
}

export interface ArrivedOutcome {
  orderId: string
  fulfilmentId: string
  status: OrderStatus
  /** False when the report changed nothing (a repeat, or a transfer not yet shipped). */
  changed: boolean
  reason?: string
}

export interface ReceivedOutcome {
  orderId: string
  status: OrderStatus
  /** The transfers (fulfilment ids) this receipt took in. */
  received: string[]
}

/**
 * Ship to store after routing: the store receives what was sent to it. The units join the store's
 * stock held for the order (on-hand and allocated together), new allocations at the store take
 * them, and the store's WMS or POS gets its pick request; its `fulfilment.picked` then makes the
 * order ready for pickup (`PickupService.picked`, which waits while anything is still on its way).
 */
export class ShipToStoreService {
  constructor(
    private readonly db: SqlDb,
    private readonly directory: IntegrationDirectory,
    private readonly locations: () => Promise<readonly LocationFacts[]>,
    private readonly clock: () => number = Date.now,
  ) {}

  async received(orderId: string, actor: string, channelScope?: string | null): Promise<ReceivedOutcome> {
    // Before the transaction: on SQLite a cache reload inside it would wait for its own connection.
    const locations = await this.locations()
    return this.db.transaction(async (tx) => {
      const now = this.clock()
      const snap = await loadSnapshot(tx, orderId, { channelScope })
      assertOperation('receive-at-store', snap.status, snap.id)
      const already = await receivedTransfers(tx, snap.id)
      const arriving = inTransit(snap).filter((f) => !already.has(f.id))
      if (arriving.length === 0)
        throw new OperationNotAllowedError(
          'receive-at-store',
          snap.status,
          snap.id,
          'nothing is on its way to a pickup store for this order',
        )
      await this.takeIn(tx, snap, arriving, actor, now, locations)
      return { orderId: snap.id, status: snap.status, received: arriving.map((f) => f.id) }
    })
  }

  /**
   * The store's WMS or POS reports a transfer arrived (`fulfilment.arrived`, naming the transfer's
   * fulfilment). Only the pickup store's own instance may report it (else 422
   * `UNKNOWN_FULFILMENT`, as for any report on a fulfilment it was not sent); a repeat, or a
   * transfer its sender has not confirmed shipped, changes nothing.
   */
  async arrived(wmsInstanceId: string, fulfilmentId: string): Promise<ArrivedOutcome> {
    const locations = await this.locations()
    return this.db.transaction(async (tx) => {
      const now = this.clock()
      const f = await loadFulfilment(tx, fulfilmentId)
      const snap = f ? await loadSnapshot(tx, f.orderId) : undefined
      const store = snap?.pickupLocationId
      const storeWms = store ? locations.find((l) => l.id === store)?.wmsInstanceId : undefined
      if (!f || !snap || !store || f.locationId === store || storeWms !== wmsInstanceId)
        throw new ValidationError(
          'unknown fulfilment',
          [
            {
              field: 'fulfilmentId',
              message: `no transfer '${fulfilmentId}' was sent to a store ${wmsInstanceId} serves`,
            },
          ],
          'UNKNOWN_FULFILMENT',
        )
      const quiet = (reason: string): ArrivedOutcome => ({
        orderId: snap.id,
        fulfilmentId,
        status: snap.status,
        changed: false,
        reason,
      })
      if ((await receivedTransfers(tx, snap.id)).has(f.id)) return quiet('already received at the store')
      if (f.status !== 'shipped' || snap.status !== 'released')
        return quiet(
          `the transfer is ${f.status} and the order ${snap.status}: nothing on its way to receive`,
        )
      await this.takeIn(tx, snap, [f], `wms:${wmsInstanceId}`, now, locations)
      return { orderId: snap.id, fulfilmentId, status: snap.status, changed: true }
    })
  }

  /** The transfers' units join the store's stock held for the order, and the store gets its pick request. */
  private async takeIn(
    tx: SqlRunner,
    snap: OrderSnapshot,
    arriving: readonly Pick<FulfilmentHead, 'id' | 'locationId'>[],
    actor: string,
    now: number,
    locations: readonly LocationFacts[],
  ): Promise<void> {
    const store = snap.pickupLocationId!
    for (const f of arriving) {
      const lines: { lineId: string; sku: string; quantity: number }[] = []
      for (const a of snap.allocations.filter((x) => x.fulfilmentId === f.id && x.status === 'shipped')) {
        await receiveAllocatedStock(tx, a.sku, store, a.quantity, now)
        await insertAllocation(
          tx,
          {
            orderId: snap.id,
            lineId: a.lineId,
            sku: a.sku,
            locationId: store,
            quantity: a.quantity,
            status: 'allocated',
            fulfilmentId: null,
            poolId: null,
          },
          now,
        )
        lines.push({ lineId: a.lineId, sku: a.sku, quantity: a.quantity })
      }
      await addEvent(
        tx,
        snap.id,
        'order.transfer_received',
        null,
        null,
        { fulfilmentId: f.id, from: f.locationId, at: store, lines },
        actor,
        now,
      )
    }
    const outbox: NewOutboxMessage[] = []
    await releaseLooseAllocations(tx, snap.id, locations, this.directory, now, outbox)
    await writeOutbox(tx, outbox)
  }
}

/**
 * Whether a transfer is on its way to the order's pickup store (shipped, not yet received): its
 * units belong to no location until the store takes them in, so nothing can cancel them meanwhile.
 */
export async function transferOnItsWay(tx: SqlRunner, snap: OrderSnapshot): Promise<boolean> {
  const shipped = inTransit(snap)
  if (shipped.length === 0) return false
  const received = await receivedTransfers(tx, snap.id)
  return shipped.some((f) => !received.has(f.id))
}

/** Transfers that left their sender for the order's pickup store. */
function inTransit(snap: OrderSnapshot) {
  const store = snap.pickupLocationId
  return snap.fulfilments.filter((f) => store && f.locationId !== store && f.status === 'shipped')
}

/**
 * Units of the order not yet at its pickup store: allocated to its lines but held by no live
 * allocation there (still with a sender, or on their way). Zero for an order collected where it
 * was allocated.
 */
export function unitsAwayFromStore(snap: OrderSnapshot): number {
  const store = snap.pickupLocationId
  if (!store) return 0
  const allocated = snap.lines.reduce((s, l) => s + l.allocatedQty, 0)
  const atStore = snap.allocations
    .filter((a) => a.locationId === store && (a.status === 'allocated' || a.status === 'released'))
    .reduce((s, a) => s + a.quantity, 0)
  return Math.max(0, allocated - atStore)
}
