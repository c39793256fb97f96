import type { SqlRunner } from '../../db/sql/sql-db'
import { uuidv7 } from '../../ids'

/** Changes of a line's counters, in units (negative takes away). */
export interface LineShift {
  allocated?: number
  backordered?: number
  shipped?: number
  cancelled?: number
}

const COLUMN = {
  allocated: 'allocated_qty',
  backordered: 'backordered_qty',
  shipped: 'shipped_qty',
  cancelled: 'cancelled_qty',
} as const

/**
 * Moves units between a line's counters relative to what the row holds now, so two writers in one
 * transaction (a cancellation freeing stock, then confirming) never overwrite each other's counts.
 */
export async function shiftLine(tx: SqlRunner, lineId: string, shift: LineShift): Promise<void> {
  const parts = (Object.keys(COLUMN) as (keyof LineShift)[]).filter((k) => (shift[k] ?? 0) !== 0)
  if (parts.length === 0) return
  await tx.run(
    `update order_line set ${parts.map((k) => `${COLUMN[k]} = ${COLUMN[k]} + ?`).join(', ')} where id = ?`,
    [...parts.map((k) => shift[k]!), lineId],
  )
}

/**
 * Every unit of the order neither allocated, cancelled nor shipped waits for the router, counted as
 * backordered until it places them (a held order let through).
 */
export async function backorderUnplaced(tx: SqlRunner, orderId: string): Promise<void> {
  await tx.run(
    'update order_line set backordered_qty = quantity - allocated_qty - cancelled_qty - shipped_qty where order_id = ?',
    [orderId],
  )
}

/**
 * A modification gave every allocation back: nothing is allocated; what is open is backordered
 * for the router, or, for a held order that waits for a person, simply unrouted.
 */
export async function unrouteLines(tx: SqlRunner, orderId: string, held: boolean): Promise<void> {
  await tx.run(
    held
      ? 'update order_line set allocated_qty = 0, backordered_qty = 0 where order_id = ?'
      : 'update order_line set allocated_qty = 0, backordered_qty = quantity - cancelled_qty - shipped_qty where order_id = ?',
    [orderId],
  )
}

/** A new quantity for a line; 0 removes it (the quantity stays for the record, all of it cancelled). */
export async function setLineQuantity(tx: SqlRunner, lineId: string, quantity: number): Promise<void> {
  if (quantity === 0) await tx.run('update order_line set cancelled_qty = quantity where id = ?', [lineId])
  else await tx.run('update order_line set quantity = ? where id = ?', [quantity, lineId])
}

export interface NewLine {
  lineNo: number
  externalLineId: string | null
  sku: string
  name: string | null
  quantity: number
  unitPriceMinor: number | null
}

/** A line added to an order after intake, not yet routed. */
export async function addLine(tx: SqlRunner, orderId: string, line: NewLine, now: number): Promise<void> {
  await tx.run(
    `insert into order_line (id, order_id, line_no, external_line_id, sku, name, quantity, unit_price_minor, discount_minor,
       allocated_qty, backordered_qty, shipped_qty, cancelled_qty) values (?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, 0)`,
    [
      uuidv7(now),
      orderId,
      line.lineNo,
      line.externalLineId,
      line.sku,
      line.name,
      line.quantity,
      line.unitPriceMinor,
    ],
  )
}

/** Skus and units still backordered, in line order. */
export async function backorderedLines(
  tx: SqlRunner,
  orderId: string,
): Promise<{ sku: string; quantity: number }[]> {
  const rows = await tx.all<{ sku: string; backordered_qty: number }>(
    'select sku, backordered_qty from order_line where order_id = ? and backordered_qty > 0 order by line_no',
    [orderId],
  )
  return rows.map((r) => ({ sku: r.sku, quantity: Number(r.backordered_qty) }))
}
