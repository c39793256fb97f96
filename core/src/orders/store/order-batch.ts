import { insertRows } from '../../db/sql/insert-rows'
import type { SqlParam, SqlRunner } from '../../db/sql/sql-db'
import { writeJson } from '../../db/sql/sql-db'
import { decisionJson } from '../../routing/stored-decision'
import type { OrderWriteSet } from '../intake/intake-plan'

const ORDERS_COLUMNS = [
  'id',
  'channel_instance_id',
  'external_order_id',
  'order_number',
  'status',
  'currency',
  'customer_id',
  'email',
  'ship_to',
  'bill_to',
  'service_level',
  'subtotal_minor',
  'shipping_minor',
  'total_minor',
  'tags',
  'notes',
  'hold_reason',
  'promise_date',
  'pickup_location_id',
  'raw',
  'placed_at',
  'received_at',
  'updated_at',
  'version',
]
const ORDER_LINE_COLUMNS = [
  'id',
  'order_id',
  'line_no',
  'external_line_id',
  'sku',
  'name',
  'quantity',
  'unit_price_minor',
  'discount_minor',
  'allocated_qty',
  'backordered_qty',
  'shipped_qty',
  'cancelled_qty',
  'channel_sku',
  'channel_multiplier',
]
const FULFILMENT_COLUMNS = [
  'id',
  'order_id',
  'location_id',
  'wms_instance_id',
  'status',
  'created_at',
  'updated_at',
]
const ALLOCATION_COLUMNS = [
  'id',
  'order_id',
  'line_id',
  'sku',
  'location_id',
  'quantity',
  'status',
  'fulfilment_id',
  'created_at',
  'updated_at',
  'pool_id',
]
const ORDER_EVENT_COLUMNS = [
  'id',
  'order_id',
  'type',
  'from_status',
  'to_status',
  'data',
  'actor',
  'created_at',
]
const ROUTING_DECISION_COLUMNS = [
  'id',
  'order_id',
  'attempt',
  'rule_set_version_id',
  'strategy',
  'plan',
  'explanation',
  'summary',
  'created_at',
]

/**
 * Inserts a batch of new orders with their lines, fulfilments, allocations, history and first
 * routing decision: one multi-row insert per table, in foreign-key order (intake's hot path).
 */
export async function insertOrderBatch(
  tx: SqlRunner,
  writes: readonly OrderWriteSet[],
  actors: readonly string[],
): Promise<void> {
  const rows = {
    orders: [] as SqlParam[][],
    lines: [] as SqlParam[][],
    fulfilments: [] as SqlParam[][],
    allocations: [] as SqlParam[][],
    events: [] as SqlParam[][],
    decisions: [] as SqlParam[][],
  }
  writes.forEach((w, i) => {
    addRows(rows, w, actors[i]!)
  })
  await insertRows(tx, 'orders', ORDERS_COLUMNS, rows.orders)
  await insertRows(tx, 'order_line', ORDER_LINE_COLUMNS, rows.lines)
  await insertRows(tx, 'fulfilment', FULFILMENT_COLUMNS, rows.fulfilments)
  await insertRows(tx, 'allocation', ALLOCATION_COLUMNS, rows.allocations)
  await insertRows(tx, 'order_event', ORDER_EVENT_COLUMNS, rows.events)
  await insertRows(tx, 'routing_decision', ROUTING_DECISION_COLUMNS, rows.decisions)
}

function addRows(
  rows: Record<'orders' | 'lines' | 'fulfilments' | 'allocations' | 'events' | 'decisions', SqlParam[][]>,
  w: OrderWriteSet,
  actor: string,
): void {
  const o = w.order
  const now = o.receivedAt
  rows.orders.push([
    o.id,
    o.channelInstanceId,
    o.externalOrderId,
    o.orderNumber,
    w.status,
    o.currency,
    o.customer?.id ?? null,
    o.email,
    JSON.stringify(o.shipTo),
    writeJson(o.billTo),
    o.serviceLevel,
    o.subtotalMinor,
    o.shippingMinor,
    o.totalMinor,
    JSON.stringify(o.tags),
    o.notes,
    w.holdReason,
    w.decision.plan.promiseDate ?? null,
    o.pickupLocationId ?? null,
    writeJson(o.raw),
    o.placedAt,
    o.receivedAt,
    now,
    1,
  ])
  for (const l of w.lines)
    rows.lines.push([
      l.id,
      o.id,
      l.lineNo,
      l.externalLineId,
      l.sku,
      l.name,
      l.quantity,
      l.unitPriceMinor,
      l.discountMinor,
      l.allocatedQty,
      l.backorderedQty,
      0,
      0,
      l.channelSku ?? null,
      l.channelMultiplier ?? 1,
    ])
  for (const f of w.fulfilments)
    rows.fulfilments.push([f.id, o.id, f.locationId, f.wmsInstanceId, f.status, now, now])
  for (const a of w.allocations)
    rows.allocations.push([
      a.id,
      o.id,
      a.lineId,
      a.sku,
      a.locationId,
      a.quantity,
      a.status,
      a.fulfilmentId,
      now,
      now,
      a.poolId,
    ])
  for (const e of w.events)
    rows.events.push([e.id, o.id, e.type, e.fromStatus, e.toStatus, writeJson(e.data), actor, now])
  const [plan, explanation] = decisionJson(w.decision.plan)
  rows.decisions.push([
    w.decision.id,
    o.id,
    1,
    w.decision.plan.ruleSetVersionId,
    w.decision.plan.strategy,
    plan,
    explanation,
    w.decision.plan.summary,
    now,
  ])
}
