import { type KitBoms, NO_KITS } from '../../catalog/kits/kit-boms'
import { upsertCustomers } from '../../customers/customer-upsert'
import type { SqlRunner } from '../../db/sql/sql-db'
import { allocateStockBatch, drawPool } from '../../inventory/stock-writer'
import { writeOutbox } from '../../outbox/outbox-writer'
import { writeOrderPricing } from '../../pricing/order-pricing'
import { insertOrderBatch } from '../store/order-batch'
import type { OrderWriteSet } from './intake-plan'

/**
 * Writes a batch of planned orders inside its transaction, table by table with multi-row inserts,
 * in foreign-key order. Stock is taken per (sku, location) once for the whole batch, in sorted
 * order, each with a database-side check that ATP stays at or above zero (one statement on PostgreSQL).
 */
export async function writeBatch(
  tx: SqlRunner,
  writes: readonly OrderWriteSet[],
  actors: readonly string[],
  /** Bills of materials of the batch's kits: a kit's allocation takes its components' stock. */
  kits: KitBoms = NO_KITS,
): Promise<void> {
  const stock = new Map<string, { sku: string; locationId: string; quantity: number; fromPool: number }>()
  const poolDraws = new Map<string, number>()
  for (const w of writes) {
    for (const a of w.allocations) {
      const key = `${a.sku}\u0000${a.locationId}`
      const fromPool = a.locationPool ? a.quantity : 0
      const s = stock.get(key)
      if (s) {
        s.quantity += a.quantity
        s.fromPool += fromPool
      } else stock.set(key, { sku: a.sku, locationId: a.locationId, quantity: a.quantity, fromPool })
      if (a.poolId) poolDraws.set(a.poolId, (poolDraws.get(a.poolId) ?? 0) + a.quantity)
    }
  }

  const now = writes[0]?.order.receivedAt ?? Date.now()
  await allocateStockBatch(tx, [...stock.values()], now, kits)
  // Pools after stock rows, in id order: the same lock order as every other transaction.
  for (const poolId of [...poolDraws.keys()].sort()) await drawPool(tx, poolId, poolDraws.get(poolId)!, now)
  await upsertCustomers(
    tx,
    writes.flatMap((w) => (w.order.customer ? [w.order.customer] : [])),
    now,
  )
  await insertOrderBatch(tx, writes, actors)
  await writeOrderPricing(
    tx,
    writes.map((w) => w.order),
  )
  await writeOutbox(
    tx,
    writes.flatMap((w) => w.outbox),
  )
}
