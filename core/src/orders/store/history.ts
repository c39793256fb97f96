import type { SqlRunner } from '../../db/sql/sql-db'
import { writeJson } from '../../db/sql/sql-db'
import { uuidv7 } from '../../ids'

/** Appends one event to an order's history; returns its id (also the key of messages it causes). */
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

/** Whether the order's history holds an event of this type. */
export async function hasEvent(tx: SqlRunner, orderId: string, type: string): Promise<boolean> {
  const row = await tx.one<{ n: number | string }>(
    'select count(*) as n from order_event where order_id = ? and type = ?',
    [orderId, type],
  )
  return Number(row?.n ?? 0) > 0
}
