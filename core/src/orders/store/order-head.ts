import type { Address, OrderStatus, ServiceLevel } from '@switchyard/plugin-sdk'
import type { SqlRunner } from '../../db/sql/sql-db'
import { ConflictError } from '../../errors'
import { assertTransition, pathTo } from '../order-state-machine'
import { addEvent } from './history'
import type { OrderSnapshot } from './snapshot'

/** The order row's identity and state: what a service checks before it changes anything. */
export type OrderHead = Pick<
  OrderSnapshot,
  'id' | 'channelInstanceId' | 'externalOrderId' | 'orderNumber' | 'status' | 'version'
>

/** The order row (locked on PostgreSQL until the transaction ends). */
export async function loadOrderHead(tx: SqlRunner, orderId: string): Promise<OrderHead | undefined> {
  const lock = tx.dialect === 'postgresql' ? ' for update' : ''
  const row = await tx.one<{
    id: string
    channel_instance_id: string
    external_order_id: string
    order_number: string | null
    status: OrderStatus
    version: number
  }>(
    `select id, channel_instance_id, external_order_id, order_number, status, version from orders where id = ?${lock}`,
    [orderId],
  )
  return (
    row && {
      id: row.id,
      channelInstanceId: row.channel_instance_id,
      externalOrderId: row.external_order_id,
      orderNumber: row.order_number,
      status: row.status,
      version: Number(row.version),
    }
  )
}

/** The id of a channel's order by the channel's own id for it. */
export async function findByExternalId(
  tx: SqlRunner,
  channelInstanceId: string,
  externalOrderId: string,
): Promise<string | undefined> {
  const row = await tx.one<{ id: string }>(
    'select id from orders where channel_instance_id = ? and external_order_id = ?',
    [channelInstanceId, externalOrderId],
  )
  return row?.id
}

/**
 * The only writer of an order's status (a source scan test holds every other file to that): the
 * move is checked against the transition table, written only if the row is still in the state the
 * caller read, and recorded in the history. Returns the history event's id.
 */
export async function setOrderStatus(
  tx: SqlRunner,
  order: Pick<OrderHead, 'id' | 'status'>,
  to: OrderStatus,
  now: number,
  actor: string,
  data: Record<string, unknown> | null = null,
): Promise<string> {
  assertTransition(order.status, to, order.id)
  const changed = await tx.run(
    'update orders set status = ?, updated_at = ?, version = version + 1 where id = ? and status = ?',
    [to, now, order.id, order.status],
  )
  if (changed !== 1) {
    const row = await tx.one<{ status: OrderStatus }>('select status from orders where id = ?', [order.id])
    throw new ConflictError(
      `order ${order.id} is '${row?.status ?? 'missing'}', not '${order.status}' as read: its status changed meanwhile`,
      'ORDER_STATUS_CHANGED',
      { orderId: order.id, expected: order.status, actual: row?.status ?? null },
    )
  }
  return addEvent(tx, order.id, 'order.status', order.status, to, data, actor, now)
}

/**
 * Moves an order to `target` along the legal path (`pathTo`: through `allocated` where that is the
 * way), one checked and recorded step at a time. Returns the last event's id, or undefined when the
 * order was already there.
 */
export async function moveOrderTo(
  tx: SqlRunner,
  order: Pick<OrderHead, 'id' | 'status'>,
  target: OrderStatus,
  now: number,
  actor: string,
  data: Record<string, unknown> | null = null,
): Promise<string | undefined> {
  let status = order.status
  let eventId: string | undefined
  for (const to of pathTo(status, target, order.id)) {
    eventId = await setOrderStatus(tx, { id: order.id, status }, to, now, actor, data)
    status = to
  }
  return eventId
}

/** The order changed without changing status (lines cancelled, a refusal): a new version. */
export async function touchOrder(tx: SqlRunner, orderId: string, now: number): Promise<void> {
  await tx.run('update orders set updated_at = ?, version = version + 1 where id = ?', [now, orderId])
}

export async function readHoldReason(tx: SqlRunner, orderId: string): Promise<string | null> {
  const row = await tx.one<{ hold_reason: string | null }>('select hold_reason from orders where id = ?', [
    orderId,
  ])
  return row?.hold_reason ?? null
}

export async function setHoldReason(tx: SqlRunner, orderId: string, reason: string | null): Promise<void> {
  await tx.run('update orders set hold_reason = ? where id = ?', [reason, orderId])
}

/** A modification's new address or service level. */
export async function setDelivery(
  tx: SqlRunner,
  orderId: string,
  change: { shipTo?: Address; serviceLevel?: ServiceLevel },
): Promise<void> {
  if (change.shipTo)
    await tx.run('update orders set ship_to = ? where id = ?', [JSON.stringify(change.shipTo), orderId])
  if (change.serviceLevel)
    await tx.run('update orders set service_level = ? where id = ?', [change.serviceLevel, orderId])
}

/** Subtotal and total again from the lines (after a modification changed them). */
export async function recomputeTotals(tx: SqlRunner, orderId: string): Promise<void> {
  const rows = await tx.all<{
    quantity: number
    cancelled_qty: number
    unit_price_minor: number | null
    discount_minor: number
  }>('select quantity, cancelled_qty, unit_price_minor, discount_minor from order_line where order_id = ?', [
    orderId,
  ])
  const subtotal = rows.reduce(
    (s, r) => s + Number(r.unit_price_minor ?? 0) * (r.quantity - r.cancelled_qty) - Number(r.discount_minor),
    0,
  )
  await tx.run('update orders set subtotal_minor = ?, total_minor = ? + shipping_minor where id = ?', [
    subtotal,
    subtotal,
    orderId,
  ])
}

/** Two customer records turned out to be one person: their orders follow the one kept. */
export async function moveOrdersToCustomer(tx: SqlRunner, from: string, into: string): Promise<void> {
  await tx.run('update orders set customer_id = ? where customer_id = ?', [into, from])
}

/**
 * The order backorders are served in: those an `unfillable` rule gave a priority first (1 first),
 * then by placement (`placed_at`, then id). One text, so allocation and promises agree.
 */
export const BACKORDER_QUEUE = 'coalesce(o.backorder_priority, 10), o.placed_at, o.id'

/**
 * Backordered orders in the order they are served (`BACKORDER_QUEUE`: a rule's priority, then
 * first come, first served by placement, so an order placed earlier on a slow channel is not
 * overtaken by one that reached the hub first) that stock of these skus may help: a line still
 * waiting for one, or one held but movable (stock arriving where the missing lines are can let a ship-complete
 * order go in one shipment). All backordered orders when no skus are given.
 */
export async function backorderedOrders(
  tx: SqlRunner,
  skus: readonly string[] | undefined,
  limit: number,
): Promise<string[]> {
  const some = skus !== undefined && skus.length > 0
  const filter = some
    ? ` and exists (select 1 from order_line l where l.order_id = o.id and l.sku in (${skus.map(() => '?').join(',')})
        and (l.backordered_qty > 0 or exists (select 1 from allocation a where a.order_id = o.id and a.line_id = l.id and a.status = 'allocated' and a.fulfilment_id is null)))`
    : ''
  const rows = await tx.all<{ id: string }>(
    `select o.id from orders o where o.status = 'backordered'${filter} order by ${BACKORDER_QUEUE} limit ${Number(limit)}`,
    some ? [...skus] : [],
  )
  return rows.map((r) => r.id)
}

/**
 * Sets a backordered order's promise date (from inbound supply); an order that left `backordered`
 * meanwhile keeps what its routing promised. True when the row changed.
 */
export async function setBackorderPromise(
  tx: SqlRunner,
  orderId: string,
  promiseDate: string | null,
  now: number,
): Promise<boolean> {
  const changed = await tx.run(
    `update orders set promise_date = ?, updated_at = ? where id = ? and status = 'backordered'`,
    [promiseDate, now, orderId],
  )
  return changed > 0
}

/** Orders an `unfillable` rule gave a backorder priority at intake (the batch inserts none). */
export async function setBackorderPriorities(
  tx: SqlRunner,
  orders: readonly { id: string; priority: number }[],
): Promise<void> {
  for (const o of orders)
    await tx.run('update orders set backorder_priority = ? where id = ?', [o.priority, o.id])
}
