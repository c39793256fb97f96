import { type KitBoms, NO_KITS } from '../../catalog/kits/kit-boms'
import { upsertCustomers } from '../../customers/customer-upsert'
import type { SqlRunner } from '../../db/sql/sql-db'
import { allocateStockBatch, drawPool, type StockTake } from '../../inventory/stock-writer'
import { writeOutbox } from '../../outbox/outbox-writer'
import { writeOrderPricing } from '../../pricing/order-pricing'
import { claimPreorders, needsPreorderClaim } from '../../supply/preorder-claims'
import { setBackorderPriorities } from '../store'
import { insertOrderBatch } from '../store/order-batch'
import type { OrderWriteSet } from './intake-plan'

/** What a batch takes out of shared rows: stock per (sku, location) and units per pool. */
export interface BatchTakes {
  stock: StockTake[]
  /** Units per pool id. */
  poolDraws: Map<string, number>
}

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
  const { stock, poolDraws } = batchTakes(writes)
  const now = batchTime(writes)
  await allocateStockBatch(tx, stock, now, kits)
  // Pools after stock rows, in id order: the same lock order as every other transaction.
  for (const poolId of [...poolDraws.keys()].sort()) await drawPool(tx, poolId, poolDraws.get(poolId)!, now)
  await insertBatchRows(tx, writes, actors)
}

/** The batch's allocations summed per stock row and per pool. */
export function batchTakes(writes: readonly OrderWriteSet[]): BatchTakes {
  const stock = new Map<string, StockTake>()
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
  return { stock: [...stock.values()], poolDraws }
}

export function batchTime(writes: readonly OrderWriteSet[]): number {
  return writes[0]?.order.receivedAt ?? Date.now()
}

/** Every row the batch's orders insert: customers, orders and their children, pricing, outbox. */
export async function insertBatchRows(
  tx: SqlRunner,
  writes: readonly OrderWriteSet[],
  actors: readonly string[],
): Promise<void> {
  await upsertCustomers(
    tx,
    writes.flatMap((w) => (w.order.customer ? [w.order.customer] : [])),
    batchTime(writes),
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

/** Whether the batch writes more after its orders (`writeAfterOrders`): rare, and never in one statement. */
export function writesAfterOrders(writes: readonly OrderWriteSet[]): boolean {
  return writes.some((w) => w.status === 'backordered' && (prioritised(w) || needsPreorderClaim(w.lines)))
}

/**
 * After the orders are written, in their transaction: backorders a rule gave a priority keep it,
 * and pre-order lines are checked against their supply's room (counted from the orders just
 * written: only batches holding a backordered pre-order line pay).
 */
export async function writeAfterOrders(tx: SqlRunner, writes: readonly OrderWriteSet[]): Promise<void> {
  const withPriority = writes.filter((w) => w.status === 'backordered' && prioritised(w))
  if (withPriority.length > 0)
    await setBackorderPriorities(
      tx,
      withPriority.map((w) => ({ id: w.order.id, priority: w.decision.plan.unfillable!.priority! })),
    )
  const preorders = writes.filter((w) => w.status === 'backordered' && needsPreorderClaim(w.lines))
  if (preorders.length > 0)
    await claimPreorders(
      tx,
      preorders.map((w) => w.lines),
    )
}

const prioritised = (w: OrderWriteSet) => Boolean(w.decision.plan.unfillable?.priority)
