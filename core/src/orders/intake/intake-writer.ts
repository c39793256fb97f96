import { insertRows } from '../../db/sql/insert-rows'
import type { SqlParam, SqlRunner } from '../../db/sql/sql-db'
import { writeJson } from '../../db/sql/sql-db'
import { allocateStock, drawPool } from '../../inventory/stock-writer'
import { writeOutbox } from '../../outbox/outbox-writer'
import { writeOrderPricing } from '../../pricing/order-pricing'
import type { RoutingPlan } from '../../routing/router'
import type { OrderWriteSet } from './intake-plan'

// A record first made from a channel account takes the email of the first order that brings one.
const CUSTOMER_UPSERT = ` on conflict (id) do update set email = coalesce(customer.email, excluded.email),
    name = coalesce(excluded.name, customer.name),
    phone = coalesce(excluded.phone, customer.phone), tier = coalesce(excluded.tier, customer.tier),
    segment = coalesce(excluded.segment, customer.segment), updated_at = excluded.updated_at`

const CUSTOMER_COLUMNS = ['id', 'email', 'name', 'phone', 'tier', 'segment', 'created_at', 'updated_at']
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

/** A routing plan as the two JSON columns of routing_decision: what was decided, and why. */
export function decisionJson(p: RoutingPlan): [string, string] {
  return [
    JSON.stringify({
      assignments: p.assignments,
      unfilled: p.unfilled,
      hold: p.hold ?? null,
      shipments: p.shipments ?? [],
      promiseDate: p.promiseDate ?? null,
      unfillable: p.unfillable ?? null,
      serviceLevel: p.serviceLevel ?? null,
    }),
    JSON.stringify({ candidates: p.candidates, ...(p.details ?? {}) }),
  ]
}

/**
 * Writes a batch of planned orders inside its transaction, table by table with multi-row inserts,
 * in foreign-key order. Stock is taken per (sku, location) once for the whole batch, in sorted
 * order, each with a database-side check that ATP stays at or above zero.
 */
export async function writeBatch(
  tx: SqlRunner,
  writes: readonly OrderWriteSet[],
  actors: readonly string[],
): Promise<void> {
  const customers = new Map<string, SqlParam[]>()
  const orders: SqlParam[][] = []
  const lines: SqlParam[][] = []
  const fulfilments: SqlParam[][] = []
  const allocations: SqlParam[][] = []
  const events: SqlParam[][] = []
  const decisions: SqlParam[][] = []
  const stock = new Map<string, { sku: string; locationId: string; quantity: number; fromPool: number }>()
  const poolDraws = new Map<string, number>()

  writes.forEach((w, i) => {
    const o = w.order
    const now = o.receivedAt
    const c = o.customer
    // One row per customer per statement: PostgreSQL refuses to upsert the same row twice in one.
    if (c) customers.set(c.id, [c.id, c.email, c.name, c.phone, c.tier, c.segment, now, now])
    orders.push([
      o.id,
      o.channelInstanceId,
      o.externalOrderId,
      o.orderNumber,
      w.status,
      o.currency,
      c?.id ?? null,
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
      writeJson(o.raw),
      o.placedAt,
      o.receivedAt,
      now,
      1,
    ])
    for (const l of w.lines) {
      lines.push([
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
      ])
    }
    for (const f of w.fulfilments)
      fulfilments.push([f.id, o.id, f.locationId, f.wmsInstanceId, f.status, now, now])
    for (const a of w.allocations) {
      allocations.push([
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
      const key = `${a.sku}\u0000${a.locationId}`
      const fromPool = a.locationPool ? a.quantity : 0
      const s = stock.get(key)
      if (s) {
        s.quantity += a.quantity
        s.fromPool += fromPool
      } else stock.set(key, { sku: a.sku, locationId: a.locationId, quantity: a.quantity, fromPool })
      if (a.poolId) poolDraws.set(a.poolId, (poolDraws.get(a.poolId) ?? 0) + a.quantity)
    }
    for (const e of w.events)
      events.push([e.id, o.id, e.type, e.fromStatus, e.toStatus, writeJson(e.data), actors[i]!, now])
    const [plan, explanation] = decisionJson(w.decision.plan)
    decisions.push([
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
  })

  const now = writes[0]?.order.receivedAt ?? Date.now()
  for (const key of [...stock.keys()].sort()) {
    const s = stock.get(key)!
    await allocateStock(tx, s.sku, s.locationId, s.quantity, now, s.fromPool)
  }
  // Pools after stock rows, in id order: the same lock order as every other transaction.
  for (const poolId of [...poolDraws.keys()].sort()) await drawPool(tx, poolId, poolDraws.get(poolId)!, now)
  await insertRows(tx, 'customer', CUSTOMER_COLUMNS, [...customers.values()], CUSTOMER_UPSERT)
  await insertRows(tx, 'orders', ORDERS_COLUMNS, orders)
  await insertRows(tx, 'order_line', ORDER_LINE_COLUMNS, lines)
  await insertRows(tx, 'fulfilment', FULFILMENT_COLUMNS, fulfilments)
  await insertRows(tx, 'allocation', ALLOCATION_COLUMNS, allocations)
  await insertRows(tx, 'order_event', ORDER_EVENT_COLUMNS, events)
  await insertRows(tx, 'routing_decision', ROUTING_DECISION_COLUMNS, decisions)
  await writeOrderPricing(
    tx,
    writes.map((w) => w.order),
  )
  await writeOutbox(
    tx,
    writes.flatMap((w) => w.outbox),
  )
}
