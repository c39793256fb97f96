import type { OrderStatus, ShipmentInfo } from '@switchyard/plugin-sdk'
import type { SqlRunner } from '../db/sql/sql-db'
import { writeJson } from '../db/sql/sql-db'
import { ConflictError, ValidationError } from '../errors'
import { isUuid, uuidv7 } from '../ids'
import { assertTransition, pathTo } from './order-state-machine'
import type { StatusLine } from './status-update'

export interface OrderHead {
  id: string
  channel_instance_id: string
  external_order_id: string
  order_number: string | null
  status: OrderStatus
  version: number
}

export interface LineRow {
  id: string
  external_line_id: string | null
  sku: string
  quantity: number
  allocated_qty: number
  backordered_qty: number
  shipped_qty: number
  cancelled_qty: number
}

export interface FulfilmentRow {
  id: string
  order_id: string
  location_id: string
  wms_instance_id: string | null
  status: string
  tracking_number: string | null
}

/**
 * The fulfilment a warehouse reports on (shipped, rejected, cancelled). Only the WMS it was sent to
 * may report on it: anything else is 422 `UNKNOWN_FULFILMENT`, the same for every report.
 */
export async function loadSentFulfilment(
  tx: SqlRunner,
  wmsInstanceId: string,
  fulfilmentId: string,
): Promise<FulfilmentRow> {
  // A WMS may name anything; text that cannot be an id is no fulfilment, not a database error.
  const f = isUuid(fulfilmentId)
    ? await tx.one<FulfilmentRow>(
        'select id, order_id, location_id, wms_instance_id, status, tracking_number from fulfilment where id = ?',
        [fulfilmentId],
      )
    : undefined
  if (!f || f.wms_instance_id !== wmsInstanceId) {
    throw new ValidationError(
      'unknown fulfilment',
      [{ field: 'fulfilmentId', message: `no fulfilment '${fulfilmentId}' was sent to ${wmsInstanceId}` }],
      'UNKNOWN_FULFILMENT',
    )
  }
  return f
}

/** Shared reads and writes of an order's rows inside a transaction, for the services that change orders. */
export async function loadOrderHead(tx: SqlRunner, orderId: string): Promise<OrderHead | undefined> {
  const lock = tx.dialect === 'postgresql' ? ' for update' : ''
  return tx.one<OrderHead>(
    `select id, channel_instance_id, external_order_id, order_number, status, version from orders where id = ?${lock}`,
    [orderId],
  )
}

export async function loadLines(tx: SqlRunner, orderId: string): Promise<StatusLine[]> {
  const rows = await tx.all<LineRow>(
    `select id, external_line_id, sku, quantity, allocated_qty, backordered_qty, shipped_qty, cancelled_qty
       from order_line where order_id = ? order by line_no`,
    [orderId],
  )
  return rows.map((r) => ({
    externalLineId: r.external_line_id,
    sku: r.sku,
    quantity: r.quantity,
    allocatedQty: r.allocated_qty,
    backorderedQty: r.backordered_qty,
    shippedQty: r.shipped_qty,
    cancelledQty: r.cancelled_qty,
  }))
}

export async function loadShipments(tx: SqlRunner, orderId: string): Promise<ShipmentInfo[]> {
  const rows = await tx.all<{
    id: string
    carrier: string
    tracking_number: string
    tracking_url: string | null
    shipped_at: number
  }>(
    `select id, carrier, tracking_number, tracking_url, shipped_at from fulfilment
      where order_id = ? and status = 'shipped' order by shipped_at, id`,
    [orderId],
  )
  const shipments: ShipmentInfo[] = []
  for (const r of rows) {
    const lines = await tx.all<{ external_line_id: string | null; sku: string; quantity: number }>(
      `select l.external_line_id, a.sku, a.quantity from allocation a join order_line l on l.id = a.line_id
        where a.fulfilment_id = ? and a.status = 'shipped' order by l.line_no`,
      [r.id],
    )
    shipments.push({
      fulfilmentId: r.id,
      carrier: r.carrier,
      trackingNumber: r.tracking_number,
      ...(r.tracking_url ? { trackingUrl: r.tracking_url } : {}),
      shippedAt: new Date(Number(r.shipped_at)).toISOString(),
      lines: lines.map((l) => ({
        ...(l.external_line_id ? { externalLineId: l.external_line_id } : {}),
        sku: l.sku,
        quantity: l.quantity,
      })),
    })
  }
  return shipments
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

export async function addEvent(
  tx: SqlRunner,
  orderId: string,
  type: string,
  from: string | null,
  to: string | null,
  data: Record<string, unknown> | null,
  actor: string,
  now: number,
): Promise<string> {
  const id = uuidv7(now)
  await tx.run(
    'insert into order_event (id, order_id, type, from_status, to_status, data, actor, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)',
    [id, orderId, type, from, to, writeJson(data), actor, now],
  )
  return id
}
