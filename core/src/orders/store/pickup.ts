import type { SqlRunner } from '../../db/sql/sql-db'

/** The store has the order at the counter since `at`: the pickup expiry runs from here. */
export async function setPickupReady(tx: SqlRunner, orderId: string, at: number): Promise<void> {
  await tx.run('update orders set pickup_ready_at = ?, updated_at = ? where id = ?', [at, at, orderId])
}

/**
 * Orders waiting at a counter since before `before`, oldest first (the partial index
 * `orders_pickup_ready_idx` holds only orders that were ever ready, so this reads few rows).
 */
export async function readyForPickupBefore(tx: SqlRunner, before: number, limit: number): Promise<string[]> {
  const rows = await tx.all<{ id: string }>(
    `select id from orders
      where pickup_ready_at is not null and pickup_ready_at < ? and status = 'ready_for_pickup'
      order by pickup_ready_at limit ?`,
    [before, limit],
  )
  return rows.map((r) => r.id)
}
