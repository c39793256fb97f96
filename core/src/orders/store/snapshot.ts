import type { Address, OrderStatus, ServiceLevel, ShipmentInfo } from '@switchyard/plugin-sdk'
import type { CustomerSchema } from '../../customers/customer.entity'
import type { RowOf } from '../../db/row-of'
import type { SqlRunner } from '../../db/sql/sql-db'
import { readJson } from '../../db/sql/sql-db'
import { NotFoundError } from '../../errors'
import type { AllocationSchema } from '../allocation.entity'
import type { FulfilmentSchema, FulfilmentStatus } from '../fulfilment.entity'
import type { OrderLineSchema, OrderSchema } from '../order.entity'
import type { StatusLine } from '../status-update'

export interface SnapshotLine {
  id: string
  lineNo: number
  externalLineId: string | null
  sku: string
  name: string | null
  quantity: number
  unitPriceMinor: number | null
  discountMinor: number
  allocatedQty: number
  backorderedQty: number
  shippedQty: number
  cancelledQty: number
  /** The channel's own sku when a sku mapping turned it into `sku`; the counters are hub units. */
  channelSku: string | null
  /** Hub units per channel unit (1 unless mapped). */
  channelMultiplier: number
}

export interface SnapshotAllocation {
  id: string
  lineId: string
  sku: string
  locationId: string
  quantity: number
  status: 'allocated' | 'released' | 'shipped' | 'cancelled'
  fulfilmentId: string | null
  poolId: string | null
}

export interface SnapshotFulfilment {
  id: string
  locationId: string
  wmsInstanceId: string | null
  status: FulfilmentStatus
  externalRef: string | null
}

/**
 * An order as one transaction sees it (the order row locked on PostgreSQL when asked): the one
 * shape every service that changes an order reads. Intake's prepared input is its own type.
 */
export interface OrderSnapshot {
  id: string
  channelInstanceId: string
  externalOrderId: string
  orderNumber: string | null
  status: OrderStatus
  currency: string
  version: number
  shipTo: Address
  serviceLevel: ServiceLevel
  /** Click and collect: the store the customer collects from; null when the order ships. */
  pickupLocationId: string | null
  /** When the store had it ready at the counter (epoch ms); null until then. */
  pickupReadyAt: number | null
  totalMinor: number
  tags: string[]
  placedAt: number
  customer: { id: string | null; tier: string | null; segment: string | null }
  holdReason: string | null
  lines: SnapshotLine[]
  allocations: SnapshotAllocation[]
  fulfilments: SnapshotFulfilment[]
}

type OrderRow = Pick<
  RowOf<typeof OrderSchema>,
  | 'id'
  | 'channel_instance_id'
  | 'external_order_id'
  | 'order_number'
  | 'status'
  | 'currency'
  | 'version'
  | 'ship_to'
  | 'service_level'
  | 'pickup_location_id'
  | 'pickup_ready_at'
  | 'total_minor'
  | 'tags'
  | 'placed_at'
  | 'customer_id'
  | 'hold_reason'
> &
  Pick<RowOf<typeof CustomerSchema>, 'tier' | 'segment'>

/**
 * The order's rows; `NotFoundError` when there is none or a channel-scoped caller may not see it.
 * `lock` (default true) locks the order row on PostgreSQL for the rest of the transaction.
 */
export async function loadSnapshot(
  tx: SqlRunner,
  orderId: string,
  options: { channelScope?: string | null | undefined; lock?: boolean } = {},
): Promise<OrderSnapshot> {
  const snap = await findSnapshot(tx, orderId, options.lock ?? true)
  if (!snap || (options.channelScope && snap.channelInstanceId !== options.channelScope))
    throw new NotFoundError('order', orderId, 'ORDER_NOT_FOUND')
  return snap
}

/** As `loadSnapshot`, undefined when there is no such order. */
export async function findSnapshot(
  tx: SqlRunner,
  orderId: string,
  lock: boolean,
): Promise<OrderSnapshot | undefined> {
  const o = await tx.one<OrderRow>(
    `select o.id, o.channel_instance_id, o.external_order_id, o.order_number, o.status, o.currency, o.version,
            o.ship_to, o.service_level, o.pickup_location_id, o.pickup_ready_at, o.total_minor, o.tags, o.placed_at, o.customer_id, o.hold_reason, c.tier, c.segment
       from orders o left join customer c on c.id = o.customer_id
      where o.id = ?${lock && tx.dialect === 'postgresql' ? ' for update of o' : ''}`,
    [orderId],
  )
  if (!o) return undefined
  const [lines, allocations, fulfilments] = [
    await loadSnapshotLines(tx, orderId),
    await loadSnapshotAllocations(tx, orderId),
    await loadSnapshotFulfilments(tx, orderId),
  ]
  return {
    id: o.id,
    channelInstanceId: o.channel_instance_id,
    externalOrderId: o.external_order_id,
    orderNumber: o.order_number,
    status: o.status,
    currency: o.currency,
    version: Number(o.version),
    shipTo: readJson<Address>(o.ship_to),
    serviceLevel: o.service_level,
    pickupLocationId: o.pickup_location_id,
    pickupReadyAt: o.pickup_ready_at === null ? null : Number(o.pickup_ready_at),
    totalMinor: Number(o.total_minor),
    tags: readJson<string[]>(o.tags) ?? [],
    placedAt: Number(o.placed_at),
    customer: { id: o.customer_id, tier: o.tier, segment: o.segment },
    holdReason: o.hold_reason,
    lines,
    allocations,
    fulfilments,
  }
}

async function loadSnapshotLines(tx: SqlRunner, orderId: string): Promise<SnapshotLine[]> {
  const lines = await tx.all<Omit<RowOf<typeof OrderLineSchema>, 'order_id'>>(
    `select id, line_no, external_line_id, sku, name, quantity, unit_price_minor, discount_minor,
            allocated_qty, backordered_qty, shipped_qty, cancelled_qty, channel_sku, channel_multiplier
       from order_line where order_id = ? order by line_no`,
    [orderId],
  )
  return lines.map((l) => ({
    id: l.id,
    lineNo: Number(l.line_no),
    externalLineId: l.external_line_id,
    sku: l.sku,
    name: l.name,
    quantity: Number(l.quantity),
    unitPriceMinor: l.unit_price_minor === null ? null : Number(l.unit_price_minor),
    discountMinor: Number(l.discount_minor),
    allocatedQty: Number(l.allocated_qty),
    backorderedQty: Number(l.backordered_qty),
    shippedQty: Number(l.shipped_qty),
    cancelledQty: Number(l.cancelled_qty),
    channelSku: l.channel_sku ?? null,
    channelMultiplier: Number(l.channel_multiplier),
  }))
}

async function loadSnapshotAllocations(tx: SqlRunner, orderId: string): Promise<SnapshotAllocation[]> {
  const rows = await tx.all<Omit<RowOf<typeof AllocationSchema>, 'order_id' | 'created_at' | 'updated_at'>>(
    'select id, line_id, sku, location_id, quantity, status, fulfilment_id, pool_id from allocation where order_id = ? order by id',
    [orderId],
  )
  return rows.map((a) => ({
    id: a.id,
    lineId: a.line_id,
    sku: a.sku,
    locationId: a.location_id,
    quantity: Number(a.quantity),
    status: a.status,
    fulfilmentId: a.fulfilment_id,
    poolId: a.pool_id,
  }))
}

async function loadSnapshotFulfilments(tx: SqlRunner, orderId: string): Promise<SnapshotFulfilment[]> {
  const rows = await tx.all<
    Pick<RowOf<typeof FulfilmentSchema>, 'id' | 'location_id' | 'wms_instance_id' | 'status' | 'external_ref'>
  >(
    'select id, location_id, wms_instance_id, status, external_ref from fulfilment where order_id = ? order by id',
    [orderId],
  )
  return rows.map((f) => ({
    id: f.id,
    locationId: f.location_id,
    wmsInstanceId: f.wms_instance_id,
    status: f.status,
    externalRef: f.external_ref,
  }))
}

/** The line counters a status update tells the channel. */
export async function loadLines(tx: SqlRunner, orderId: string): Promise<StatusLine[]> {
  return (await loadSnapshotLines(tx, orderId)).map((l) => ({
    externalLineId: l.externalLineId,
    sku: l.sku,
    quantity: l.quantity,
    allocatedQty: l.allocatedQty,
    backorderedQty: l.backorderedQty,
    shippedQty: l.shippedQty,
    cancelledQty: l.cancelledQty,
    // buildStatusUpdate tells the channel its own sku, in its own units.
    channelSku: l.channelSku,
    channelMultiplier: l.channelMultiplier,
  }))
}

/** The order's shipments so far, with their lines, as a status update carries them. */
export async function loadShipments(tx: SqlRunner, orderId: string): Promise<ShipmentInfo[]> {
  const rows = await tx.all<{
    id: string
    carrier: string
    tracking_number: string
    tracking_url: string | null
    shipped_at: number
  }>(
    // A ship-to-store transfer (a pickup order's fulfilment away from its store) went to the store,
    // not the customer: the channel hears the collection, not the units twice.
    `select f.id, f.carrier, f.tracking_number, f.tracking_url, f.shipped_at
       from fulfilment f join orders o on o.id = f.order_id
      where f.order_id = ? and f.status = 'shipped'
        and (o.pickup_location_id is null or f.location_id = o.pickup_location_id)
      order by f.shipped_at, f.id`,
    [orderId],
  )
  const shipments: ShipmentInfo[] = []
  for (const r of rows) {
    const lines = await tx.all<{
      external_line_id: string | null
      sku: string
      quantity: number
      channel_sku: string | null
      channel_multiplier: number
    }>(
      `select l.external_line_id, a.sku, a.quantity, l.channel_sku, l.channel_multiplier
         from allocation a join order_line l on l.id = a.line_id
        where a.fulfilment_id = ? and a.status = 'shipped' order by l.line_no`,
      [r.id],
    )
    shipments.push({
      fulfilmentId: r.id,
      carrier: r.carrier,
      trackingNumber: r.tracking_number,
      ...(r.tracking_url ? { trackingUrl: r.tracking_url } : {}),
      shippedAt: new Date(Number(r.shipped_at)).toISOString(),
      // A mapped line is named by the channel's sku, in its units: whole packs (a pack split over
      // two parcels counts in neither; the line's counters still say when it has all shipped).
      lines: lines.map((l) => ({
        ...(l.external_line_id ? { externalLineId: l.external_line_id } : {}),
        sku: l.channel_sku ?? l.sku,
        quantity: l.channel_sku ? Math.floor(Number(l.quantity) / Number(l.channel_multiplier)) : l.quantity,
      })),
    })
  }
  return shipments
}
