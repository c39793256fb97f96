import type { OrderStatus, ShipmentConfirmation } from '@switchyard/plugin-sdk'
import type { SqlDb, SqlRunner } from '../db/sql/sql-db'
import { ConflictError, ValidationError } from '../errors'
import { shipStock } from '../inventory/stock-writer'
import { writeOutbox } from '../outbox/outbox-writer'
import { statusMessages, wantsStatus } from '../outbox/status-messages'
import type { IntegrationDirectory } from '../outbox/topics'
import { transferShipped } from './pickup/ship-to-store-service'
import { buildStatusUpdate } from './status-update'
import {
  addEvent,
  fulfilmentAllocations,
  loadLines,
  loadOrderHead,
  loadSentFulfilment,
  loadShipments,
  pickupStoreOf,
  recordShipment,
  setAllocationStatus,
  setOrderStatus,
  shiftLine,
} from './store'

export interface ShipmentOutcome {
  orderId: string
  fulfilmentId: string
  status: OrderStatus
  /** True when this confirmation had already been applied. */
  duplicate: boolean
}

/**
 * Applies a WMS's shipment confirmation: the fulfilment ships, its stock leaves on-hand and
 * allocated together, the order moves to shipped or partially shipped, and the channel is told
 * with the tracking, all in one transaction.
 */
export class ShipmentService {
  constructor(
    private readonly db: SqlDb,
    private readonly directory: IntegrationDirectory,
    private readonly clock: () => number = Date.now,
  ) {}

  async confirm(wmsInstanceId: string, shipment: ShipmentConfirmation): Promise<ShipmentOutcome> {
    return this.db.transaction((tx) => this.apply(tx, wmsInstanceId, shipment))
  }

  private async apply(
    tx: SqlRunner,
    wmsInstanceId: string,
    s: ShipmentConfirmation,
  ): Promise<ShipmentOutcome> {
    const now = this.clock()
    const f = await loadSentFulfilment(tx, wmsInstanceId, s.fulfilmentId)
    const order = (await loadOrderHead(tx, f.orderId))!
    if (f.status === 'shipped') {
      return { orderId: f.orderId, fulfilmentId: f.id, status: order.status, duplicate: true }
    }
    if (f.status === 'cancelled' || f.status === 'rejected') {
      throw new ConflictError(`fulfilment ${f.id} is ${f.status} and cannot ship`, 'FULFILMENT_CLOSED', {
        status: f.status,
      })
    }

    // A cancellation the hub asked for lost the race: the parcel is already on its way.
    const cancelRefused = f.status === 'cancelling'
    if (cancelRefused) {
      await addEvent(
        tx,
        order.id,
        'order.cancel_refused',
        null,
        null,
        { fulfilmentId: f.id, reason: 'already shipped' },
        `wms:${wmsInstanceId}`,
        now,
      )
    }

    const allocations = await fulfilmentAllocations(tx, f.id)
    if (s.lines) checkLinesMatch(s, allocations)
    // Ship to store: the parcel went to the pickup store, not the customer.
    const store = await pickupStoreOf(tx, order.id)
    if (store !== null && store !== f.locationId) {
      const actor = `wms:${wmsInstanceId}`
      await transferShipped(tx, { order, fulfilment: f, store, allocations, shipment: s, actor, now })
      return { orderId: order.id, fulfilmentId: f.id, status: order.status, duplicate: false }
    }
    for (const a of allocations) {
      await shipStock(tx, a.sku, a.locationId, a.quantity, now)
      await setAllocationStatus(tx, a.id, 'shipped', now)
      await shiftLine(tx, a.lineId, { shipped: a.quantity, allocated: -a.quantity })
    }
    await recordShipment(tx, f.id, s, now)
    const actor = `wms:${wmsInstanceId}`
    await addEvent(
      tx,
      order.id,
      'fulfilment.shipped',
      null,
      null,
      { fulfilmentId: f.id, carrier: s.carrier, trackingNumber: s.trackingNumber },
      actor,
      now,
    )

    const lines = await loadLines(tx, order.id)
    const done = lines.every((l) => l.shippedQty + l.cancelledQty >= l.quantity)
    const next: OrderStatus = done ? 'shipped' : 'partially_shipped'
    let status = order.status
    if (next !== order.status) {
      await setOrderStatus(tx, order, next, now, actor)
      status = next
    }
    if (wantsStatus(this.directory, order.channelInstanceId)) {
      const shipments = await loadShipments(tx, order.id)
      await writeOutbox(
        tx,
        statusMessages(this.directory, {
          channelInstanceId: order.channelInstanceId,
          orderId: order.id,
          key: `shipment:${f.id}`,
          now,
          payload: buildStatusUpdate({
            orderId: order.id,
            externalOrderId: order.externalOrderId,
            orderNumber: order.orderNumber,
            status,
            previousStatus: order.status,
            reason: cancelRefused ? 'cancellation refused: already shipped' : null,
            lines,
            shipments,
            occurredAt: now,
          }),
        }),
      )
    }
    return { orderId: order.id, fulfilmentId: f.id, status, duplicate: false }
  }
}

function checkLinesMatch(
  s: ShipmentConfirmation,
  allocations: readonly { sku: string; quantity: number }[],
): void {
  const expected = new Map<string, number>()
  for (const a of allocations) expected.set(a.sku, (expected.get(a.sku) ?? 0) + a.quantity)
  const got = new Map<string, number>()
  for (const l of s.lines ?? []) got.set(l.sku, (got.get(l.sku) ?? 0) + l.quantity)
  const issues = [...new Set([...expected.keys(), ...got.keys()])]
    .filter((sku) => expected.get(sku) !== got.get(sku))
    .map((sku) => ({
      field: `lines[${(s.lines ?? []).findIndex((l) => l.sku === sku)}].quantity`,
      message: `fulfilment holds ${expected.get(sku) ?? 0} × ${sku}, confirmation says ${got.get(sku) ?? 0}; a fulfilment ships whole`,
    }))
  if (issues.length > 0)
    throw new ValidationError('shipment lines do not match the fulfilment', issues, 'SHIPMENT_MISMATCH')
}
