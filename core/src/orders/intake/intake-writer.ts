import type { SqlRunner } from '../../db/sql/sql-db'
import { writeJson } from '../../db/sql/sql-db'
import { allocateStock } from '../../inventory/stock-writer'
import { writeOutbox } from '../../outbox/outbox-writer'
import type { OrderWriteSet } from './intake-plan'

const UPSERT_CUSTOMER = `insert into customer (id, email, name, phone, tier, segment, created_at, updated_at)
  values (?, ?, ?, ?, ?, ?, ?, ?)
  on conflict (id) do update set name = coalesce(excluded.name, customer.name),
    phone = coalesce(excluded.phone, customer.phone), tier = coalesce(excluded.tier, customer.tier),
    segment = coalesce(excluded.segment, customer.segment), updated_at = excluded.updated_at`

const INSERT_ORDER = `insert into orders (id, channel_instance_id, external_order_id, order_number, status, currency,
  customer_id, email, ship_to, bill_to, service_level, subtotal_minor, shipping_minor, total_minor, tags, notes,
  hold_reason, raw, placed_at, received_at, updated_at, version)
  values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`

const INSERT_LINE = `insert into order_line (id, order_id, line_no, external_line_id, sku, name, quantity,
  unit_price_minor, discount_minor, allocated_qty, backordered_qty, shipped_qty, cancelled_qty)
  values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0)`

const INSERT_FULFILMENT = `insert into fulfilment (id, order_id, location_id, wms_instance_id, status, created_at, updated_at)
  values (?, ?, ?, ?, ?, ?, ?)`

const INSERT_ALLOCATION = `insert into allocation (id, order_id, line_id, sku, location_id, quantity, status,
  fulfilment_id, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

const INSERT_EVENT = `insert into order_event (id, order_id, type, from_status, to_status, data, actor, created_at)
  values (?, ?, ?, ?, ?, ?, ?, ?)`

const INSERT_DECISION = `insert into routing_decision (id, order_id, attempt, rule_set_version_id, strategy, plan,
  explanation, summary, created_at) values (?, ?, 1, ?, ?, ?, ?, ?, ?)`

/** Writes one planned order inside the batch transaction. */
export async function writeOrder(tx: SqlRunner, w: OrderWriteSet, actor: string): Promise<void> {
  const o = w.order
  const now = o.receivedAt
  if (o.customer) {
    const c = o.customer
    await tx.run(UPSERT_CUSTOMER, [c.id, c.email, c.name, c.phone, c.tier, c.segment, now, now])
  }
  await tx.run(INSERT_ORDER, [
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
    writeJson(o.raw),
    o.placedAt,
    o.receivedAt,
    now,
  ])
  for (const l of w.lines) {
    await tx.run(INSERT_LINE, [
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
    ])
  }
  for (const f of w.fulfilments) {
    await tx.run(INSERT_FULFILMENT, [f.id, o.id, f.locationId, f.wmsInstanceId, f.status, now, now])
  }
  for (const a of w.allocations) {
    await allocateStock(tx, a.sku, a.locationId, a.quantity, now)
    await tx.run(INSERT_ALLOCATION, [
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
    ])
  }
  for (const e of w.events) {
    await tx.run(INSERT_EVENT, [e.id, o.id, e.type, e.fromStatus, e.toStatus, writeJson(e.data), actor, now])
  }
  const p = w.decision.plan
  await tx.run(INSERT_DECISION, [
    w.decision.id,
    o.id,
    p.ruleSetVersionId,
    p.strategy,
    JSON.stringify({ assignments: p.assignments, unfilled: p.unfilled, hold: p.hold ?? null }),
    JSON.stringify({ candidates: p.candidates }),
    p.summary,
    now,
  ])
  await writeOutbox(tx, w.outbox)
}
