import type { LocationFacts } from '../../catalog/facts'
import { bomsOf, stockSkus } from '../../catalog/kits/kit-boms'
import type { CustomerIdentities } from '../../customers/customer-identities'
import { readTogether } from '../../db/sql/read-together'
import type { SqlDb } from '../../db/sql/sql-db'
import { unlockedPoolsRead } from '../../inventory/pools'
import { type PoolRow, StockLedger, type StockRow } from '../../inventory/stock-ledger'
import { unlockedStockRead } from '../../inventory/stock-writer'
import type { IntegrationDirectory } from '../../outbox/topics'
import { CapacityLedger, type CapacityRow, capacitiesOf, unlockedCapacityRead } from '../../routing/capacity'
import type { Router } from '../../routing/router'
import {
  answers,
  type ExistingRow,
  existingFrom,
  existingRead,
  type IntakeResult,
  routeBatch,
  type Submitted,
  sortBatchFrom,
} from './batch-steps'
import { writeAfterOrders, writesAfterOrders } from './intake-writer'
import { type OneStatementBatch, writeInOneStatement } from './one-statement-write'

export interface OptimisticDeps {
  db: SqlDb
  router: Router
  directory: IntegrationDirectory
  customers: CustomerIdentities
  routed?: (seconds: number) => void
  now: () => number
}

const NO_RESERVATIONS = new Map<string, never[]>()

/**
 * PostgreSQL's intake commit without held locks (issue 18): the batch's stock, pools and capacity
 * are read without locking, the orders routed in memory, and everything written by one statement
 * that re-checks each row (`writeInOneStatement`); a lost race throws `RaceLost` and intake tries
 * again. A redelivery across hubs is still answered from the existing order: the second hub's
 * insert meets the first's (channel, external id) key, loses, and finds the order on its retry.
 *
 * Undefined when the batch needs the locked way (`OrderIntake.commit`): it cites a reservation
 * (claimed by reads and writes of their own), a customer merge, or a pool with a cap (counted from
 * open orders, which no row condition can re-check).
 */
export async function commitOptimistic(
  deps: OptimisticDeps,
  batch: readonly Submitted[],
  locations: readonly LocationFacts[],
): Promise<IntakeResult[] | undefined> {
  if (batch.some((p) => p.prepared.reservationId)) return undefined
  const { db } = deps
  const now = deps.now()
  // 1. Two reads side by side, none locking: one statement for which orders exist already
  // (redeliveries are answered from them) and the stock, pools and capacity of every sku the
  // batch names; the customers settled against the committed links.
  const customers = batch.flatMap((p) => (p.prepared.customer ? [p.prepared.customer] : []))
  const kits = bomsOf(batch.flatMap((p) => p.prepared.lines))
  const skus = stockSkus(
    batch.flatMap((p) => p.prepared.lines.map((l) => l.sku)),
    kits,
  )
  const capacityRead = unlockedCapacityRead(locations, now)
  const [[existing, rows, pools, loads], settled] = await Promise.all([
    readTogether(db, [
      existingRead(batch),
      unlockedStockRead(skus, now),
      unlockedPoolsRead(skus),
      ...(capacityRead ? [capacityRead] : []),
    ]) as Promise<[ExistingRow[], StockRow[], PoolRow[], CapacityRow[] | undefined]>,
    deps.customers.settle(db, customers, 'optimistic'),
  ])
  const sorted = sortBatchFrom(batch, existingFrom(existing))
  const capacity = new CapacityLedger(loads)
  const { fresh } = sorted
  if (fresh.length === 0) return answers(sorted, [])
  // 2. What needs the locked way: a merge, a pool with a cap, a link naming a customer the batch's
  // customer upsert does not write (the locked way writes its row first).
  if (!settled || pools.some((p) => p.cap_units !== null)) return undefined
  customers.forEach((c, n) => {
    c.id = settled.customerIds[n] ?? c.id
  })
  const written = new Set(fresh.flatMap((p) => (p.prepared.customer ? [p.prepared.customer.id] : [])))
  if (settled.links.some((l) => !written.has(l.customerId))) return undefined
  // 3. Routed in memory against that read.
  const stock = new StockLedger(rows, pools, new Map(), kits)
  const context = { router: deps.router, locations, stock, capacity, directory: deps.directory, now }
  const writes = routeBatch(fresh, context, NO_RESERVATIONS, deps.routed)
  // 4. Written and checked by one statement; with a transaction only when more follows it.
  const write: OneStatementBatch = {
    writes,
    actors: fresh.map((p) => p.actor),
    kits,
    capacity,
    capacities: capacitiesOf(locations),
    links: settled.links,
    customers: deps.customers,
  }
  if (!writesAfterOrders(writes)) await writeInOneStatement(db, db, write)
  else
    await db.transaction(async (tx) => {
      await writeInOneStatement(db, tx, write)
      await writeAfterOrders(tx, writes)
    })
  return answers(sorted, writes)
}
