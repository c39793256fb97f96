import { type KitBoms, NO_KITS } from '../../catalog/kits/kit-boms'
import { insertRows } from '../../db/sql/insert-rows'
import type { SqlParam, SqlRunner } from '../../db/sql/sql-db'
import { allocateStockBatch, drawPool } from '../../inventory/stock-writer'
import { writeOutbox } from '../../outbox/outbox-writer'
import { writeOrderPricing } from '../../pricing/order-pricing'
import { insertOrderBatch } from '../store/order-batch'
import type { OrderWriteSet } from './intake-plan'

// A record first made from a channel account takes the email of the first order that brings one.
const CUSTOMER_UPSERT = ` on conflict (id) do update set email = coalesce(customer.email, excluded.email),
    name = coalesce(excluded.name, customer.name),
    phone = coalesce(excluded.phone, customer.phone), tier = coalesce(excluded.tier, customer.tier),
    segment = coalesce(excluded.segment, customer.segment), updated_at = excluded.updated_at`

const CUSTOMER_COLUMNS = ['id', 'email', 'name', 'phone', 'tier', 'segment', 'created_at', 'updated_at']

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
  const customers = new Map<string, SqlParam[]>()
  const stock = new Map<string, { sku: string; locationId: string; quantity: number; fromPool: number }>()
  const poolDraws = new Map<string, number>()
  for (const w of writes) {
    const c = w.order.customer
    const now = w.order.receivedAt
    // One row per customer per statement: PostgreSQL refuses to upsert the same row twice in one.
    if (c) customers.set(c.id, [c.id, c.email, c.name, c.phone, c.tier, c.segment, now, now])
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
  await insertRows(tx, 'customer', CUSTOMER_COLUMNS, [...customers.values()], CUSTOMER_UPSERT)
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
