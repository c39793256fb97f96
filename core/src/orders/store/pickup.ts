import { readJson, type SqlRunner } from '../../db/sql/sql-db'

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

/** The store a click-and-collect order is collected from; null when the order ships. */
export async function pickupStoreOf(tx: SqlRunner, orderId: string): Promise<string | null> {
  const row = await tx.one<{ pickup_location_id: string | null }>(
    'select pickup_location_id from orders where id = ?',
    [orderId],
  )
  return row?.pickup_location_id ?? null
}

/** Ship to store: the transfers (fulfilment ids) the store has already received for this order. */
export async function receivedTransfers(tx: SqlRunner, orderId: string): Promise<Set<string>> {
  const rows = await tx.all<{ data: string | Record<string, unknown> | null }>(
    `select data from order_event where order_id = ? and type = 'order.transfer_received'`,
    [orderId],
  )
  return new Set(rows.map((r) => String(readJson<{ fulfilmentId: string }>(r.data)?.fulfilmentId)))
}
