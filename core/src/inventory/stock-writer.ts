import type { SqlRunner } from '../db/sql/sql-db'
import { ConflictError } from '../errors'
import type { StockRow } from './stock-ledger'

/**
 * Reads the stock rows of these skus in one fixed (sku, location) order. On PostgreSQL the rows are
 * locked, so two hub processes allocating the same sku queue behind each other instead of deadlocking.
 */
export async function readStockForUpdate(tx: SqlRunner, skus: readonly string[]): Promise<StockRow[]> {
  if (skus.length === 0) return []
  const sorted = [...new Set(skus)].sort()
  const placeholders = sorted.map(() => '?').join(',')
  const lock = tx.dialect === 'postgresql' ? ' for update' : ''
  return tx.all<StockRow>(
    `select sku, location_id, on_hand, allocated, reserved, safety_stock from inventory_level
      where sku in (${placeholders}) order by sku, location_id${lock}`,
    sorted,
  )
}

/**
 * Commits `quantity` more units of a location's stock. The condition re-checks availability in the
 * database itself, so even a bug upstream cannot push ATP below zero.
 */
export async function allocateStock(
  tx: SqlRunner,
  sku: string,
  locationId: string,
  quantity: number,
  now: number,
): Promise<void> {
  const changed = await tx.run(
    `update inventory_level set allocated = allocated + ?, updated_at = ?
      where sku = ? and location_id = ? and on_hand - allocated - reserved - safety_stock >= ?`,
    [quantity, now, sku, locationId, quantity],
  )
  if (changed !== 1) {
    throw new ConflictError(`not enough stock of ${sku} at ${locationId}`, 'ALLOCATION_CONFLICT', {
      sku,
      locationId,
      quantity,
    })
  }
}

/** Gives allocated units back to available stock (a cancellation, a released allocation). */
export async function releaseStock(
  tx: SqlRunner,
  sku: string,
  locationId: string,
  quantity: number,
  now: number,
): Promise<void> {
  const changed = await tx.run(
    `update inventory_level set allocated = allocated - ?, updated_at = ?
      where sku = ? and location_id = ? and allocated >= ?`,
    [quantity, now, sku, locationId, quantity],
  )
  if (changed !== 1) {
    throw new ConflictError(
      `the ledger holds fewer allocated ${sku} at ${locationId} than the order`,
      'LEDGER_INCONSISTENT',
      {
        sku,
        locationId,
        quantity,
      },
    )
  }
}
