import type { SqlRunner } from '../../db/sql/sql-db'
import { readJson } from '../../db/sql/sql-db'
import { BACKORDER_QUEUE } from './order-head'

/** A backordered line waiting for stock, with what its order's promise needs. */
export interface WaitingLine {
  orderId: string
  lineId: string
  sku: string
  quantity: number
  promiseDate: string | null
}

/**
 * The backordered lines of backordered orders, in the order they are served (`BACKORDER_QUEUE`:
 * a rule's priority, then placement), then line number. `skus` narrows it to orders waiting for one of them;
 * `orderIds` to those orders (every backordered line of each).
 */
export async function waitingLines(
  tx: SqlRunner,
  filter: { skus: readonly string[] } | { orderIds: readonly string[] },
): Promise<WaitingLine[]> {
  const values = 'skus' in filter ? filter.skus : filter.orderIds
  if (values.length === 0) return []
  const marks = values.map(() => '?').join(',')
  const where =
    'skus' in filter
      ? `o.id in (select w.order_id from order_line w where w.sku in (${marks}) and w.backordered_qty > 0)`
      : `o.id in (${marks})`
  const rows = await tx.all<{
    order_id: string
    id: string
    sku: string
    backordered_qty: number
    promise_date: string | null
  }>(
    `select l.order_id, l.id, l.sku, l.backordered_qty, o.promise_date
       from orders o join order_line l on l.order_id = o.id
      where o.status = 'backordered' and l.backordered_qty > 0 and ${where}
      order by ${BACKORDER_QUEUE}, l.line_no`,
    [...values],
  )
  return rows.map((r) => ({
    orderId: r.order_id,
    lineId: r.id,
    sku: r.sku,
    quantity: Number(r.backordered_qty),
    promiseDate: r.promise_date,
  }))
}

/**
 * The promise date each order's channel was last told for its backorder (the latest
 * `order.promise_moved` event), so a re-route that cleared the column and a refresh that puts the
 * same date back tell nobody anything new.
 */
export async function lastToldPromises(
  tx: SqlRunner,
  orderIds: readonly string[],
): Promise<Map<string, string | null>> {
  const told = new Map<string, string | null>()
  if (orderIds.length === 0) return told
  const rows = await tx.all<{ order_id: string; data: unknown }>(
    `select order_id, data from order_event where type = 'order.promise_moved' and order_id in (${orderIds.map(() => '?').join(',')}) order by id desc`,
    [...orderIds],
  )
  for (const r of rows) {
    if (told.has(r.order_id)) continue
    told.set(r.order_id, readJson<{ to?: string | null }>(r.data)?.to ?? null)
  }
  return told
}
