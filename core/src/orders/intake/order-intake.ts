import type { CanonicalOrder } from '@switchyard/plugin-sdk'
import type { CatalogCache } from '../../catalog/catalog-cache'
import type { LocationFacts } from '../../catalog/facts'
import { bomsOf, stockSkus } from '../../catalog/kits/kit-boms'
import type { SkuMappingSet } from '../../channels/sku-mappings'
import type { CustomerIdentities } from '../../customers/customer-identities'
import type { IdentityLink } from '../../customers/customer-identity'
import type { SqlDb, SqlRunner } from '../../db/sql/sql-db'
import { isConnectionError, isRetryableDbError } from '../../db/sql/sql-db'
import { ConflictError, ServiceUnavailableError } from '../../errors'
import { openUnitsByChannel, readPoolsForUpdate } from '../../inventory/pools'
import { claimReservations, reservationSkus } from '../../inventory/reservations'
import { StockLedger } from '../../inventory/stock-ledger'
import { readStockForUpdate } from '../../inventory/stock-writer'
import type { IntegrationDirectory } from '../../outbox/topics'
import { capacitiesOf, readCapacityForUpdate, writeCapacity } from '../../routing/capacity'
import type { Router } from '../../routing/router'
import { answers, type IntakeResult, routeBatch, sortBatch } from './batch-steps'
import { writeAfterOrders, writeBatch } from './intake-writer'
import { RaceLost } from './one-statement-write'
import { commitOptimistic } from './optimistic-commit'
import { type PreparedOrder, prepareOrder } from './prepared-order'

export type { IntakeResult } from './batch-steps'

/**
 * What intake reports about itself, for metrics. Called synchronously on the intake path, so
 * implementations must be cheap (a counter increment, a histogram observation).
 */
export interface IntakeObserver {
  /**
   * One batch committed: its duration, how many orders it carried, and how it was written
   * (PostgreSQL's one statement without held locks, or the locked transaction).
   */
  batchCommitted?(seconds: number, orders: number, way: IntakeWay): void
  /** One routing decision (rules, candidates, allocation plan) for one order, inside the transaction. */
  routed?(seconds: number): void
  /** A transaction was retried; `reason` is a stable word: stock, capacity, duplicate, lock, deadlock, serialization. */
  retried?(reason: string): void
  /** Every order intake answered (new or a redelivery), whoever submitted it: a channel, the API, a return's exchange. */
  answered?(channelInstanceId: string, result: IntakeResult): void
}

/** How a batch was written: see `optimistic-commit.ts` and `OrderIntake.commit`. */
export type IntakeWay = 'one-statement' | 'locked'

export interface OrderIntakeDeps {
  db: SqlDb
  catalog: CatalogCache
  router: Router
  directory: IntegrationDirectory
  /** Resolves each order's customer from its identifiers before pricing; links new ones in the batch. */
  customers: CustomerIdentities
  /**
   * Settles prices before the order is queued (never inside the transaction): prices lines that
   * came without one, checks contract customers' prices. Returns at once for priced orders of
   * customers without a contract.
   */
  pricing?: { settle(order: PreparedOrder): Promise<void> }
  /** Each channel instance's sku mappings, from memory (channels/sku-mappings); none when absent. */
  skuMappings?: { forInstance(channelInstanceId: string): Promise<SkuMappingSet> }
  maxBatch?: number
  clock?: () => number
  observer?: IntakeObserver
  /**
   * Told, after the commit and without being waited for, the skus of new orders that came out
   * backordered (their promise dates come from inbound supply: supply/supply-promises.ts).
   */
  backordered?: (skus: readonly string[]) => void
}

interface Pending {
  prepared: PreparedOrder
  actor: string
  resolve: (r: IntakeResult) => void
  reject: (e: unknown) => void
}

const MAX_RETRIES = 6
/**
 * PostgreSQL: attempts written optimistically (`optimistic-commit.ts`) before the locked way, which
 * always makes progress however hot the stock (the losers of a race wait instead of retrying).
 */
const OPTIMISTIC_ATTEMPTS = 3
/** Orders in one commit that mean callers are queueing rather than arriving one by one. */
const CROWDED_BATCH = 4

/**
 * Order intake. Each order is checked against the catalogue first; then orders that arrive
 * together are committed together: one transaction routes them in turn against the same locked
 * stock, writes them with their allocations, fulfilments, history and outbox messages, and commits
 * once. Nothing is acknowledged before that commit. A redelivered order (same channel instance and
 * external id) returns the existing order and writes nothing.
 */
export class OrderIntake {
  private queue: Pending[] = []
  private running = false
  /** When intake last committed a batch of several orders at once: callers were queueing. */
  private crowdedAt = Number.NEGATIVE_INFINITY
  private readonly maxBatch: number
  private readonly now: () => number

  constructor(private readonly deps: OrderIntakeDeps) {
    this.maxBatch = deps.maxBatch ?? 256
    this.now = deps.clock ?? Date.now
  }

  /**
   * Whether callers have been queueing for intake within the last `withinMs`: a commit carried
   * `CROWDED_BATCH` orders or more. Background work (the outbox dispatcher) gives way meanwhile.
   * A time window, not the queue length at one instant: between two commits the queue is often
   * empty while the next requests are still being parsed.
   */
  crowded(withinMs = 250): boolean {
    return performance.now() - this.crowdedAt < withinMs
  }

  async submit(
    channelInstanceId: string,
    order: CanonicalOrder,
    actor = `channel:${channelInstanceId}`,
  ): Promise<IntakeResult> {
    const mappings = await this.deps.skuMappings?.forInstance(channelInstanceId)
    const prepared = await prepareOrder(channelInstanceId, order, this.deps.catalog, this.now(), mappings)
    // Before pricing: contracts are keyed by the customer the identifiers resolve to.
    if (prepared.customer) {
      prepared.customer.resolution = await this.deps.customers.resolve(prepared.customer.identifiers)
      prepared.customer.id = prepared.customer.resolution?.customerId ?? prepared.customer.id
    }
    if (this.deps.pricing) await this.deps.pricing.settle(prepared)
    return new Promise<IntakeResult>((resolve, reject) => {
      this.queue.push({ prepared, actor, resolve, reject })
      if (!this.running) {
        this.running = true
        setImmediate(() => void this.drain())
      }
    })
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.maxBatch)
        if (batch.length >= CROWDED_BATCH) this.crowdedAt = performance.now()
        await this.process(batch)
      }
    } finally {
      this.running = false
    }
  }

  private async process(batch: Pending[]): Promise<void> {
    try {
      const results = await this.commitWithRetry(batch)
      const answered = this.deps.observer?.answered
      let waiting: string[] | undefined
      for (const [i, p] of batch.entries()) {
        const r = results[i]!
        answered?.(p.prepared.channelInstanceId, r)
        p.resolve(r)
        if (r.created && r.status === 'backordered') {
          waiting ??= []
          for (const l of p.prepared.lines) waiting.push(l.sku)
        }
      }
      if (waiting && this.deps.backordered) this.deps.backordered([...new Set(waiting)])
      return
    } catch (error) {
      if (batch.length === 1) {
        batch[0]!.reject(translate(error))
        return
      }
      if (isConnectionError(error)) {
        for (const p of batch) p.reject(translate(error))
        return
      }
    }
    // One bad order must not fail the others that happened to share its commit.
    for (const p of batch) await this.process([p])
  }

  private optimisticDeps() {
    const { db, router, directory, customers, observer } = this.deps
    return { db, router, directory, customers, routed: observer?.routed, now: this.now }
  }

  private async commitWithRetry(batch: Pending[]): Promise<IntakeResult[]> {
    for (let attempt = 1; ; attempt++) {
      try {
        const locations = await this.deps.catalog.activeLocations()
        // Outside the transaction: the live rule set and carrier network, so routing stays synchronous.
        await this.deps.router.prepare?.(this.now())
        const started = performance.now()
        let way: IntakeWay = 'one-statement'
        let results =
          this.deps.db.dialect === 'postgresql' && attempt <= OPTIMISTIC_ATTEMPTS
            ? await commitOptimistic(this.optimisticDeps(), batch, locations)
            : undefined
        if (!results) {
          way = 'locked'
          results = await this.deps.db.transaction((tx) => this.commit(tx, batch, locations))
        }
        this.deps.observer?.batchCommitted?.((performance.now() - started) / 1000, batch.length, way)
        return results
      } catch (error) {
        const reason = retryReason(error)
        if (!reason || attempt >= MAX_RETRIES) throw error
        this.deps.observer?.retried?.(reason)
        await new Promise((r) => setTimeout(r, Math.random() * 5 * attempt))
      }
    }
  }

  /** The locked way: every row the batch reads is locked from its read to the commit. */
  private async commit(
    tx: SqlRunner,
    batch: Pending[],
    locations: readonly LocationFacts[],
  ): Promise<IntakeResult[]> {
    if (tx.dialect === 'postgresql') {
      // Serialises concurrent intake of the same order across hub processes; sorted, so never a deadlock.
      const keys = [
        ...new Set(
          batch.map((p) => JSON.stringify([p.prepared.channelInstanceId, p.prepared.externalOrderId])),
        ),
      ].sort()
      await tx.all(
        'select pg_advisory_xact_lock(h) from (select hashtextextended(k, 0) as h from unnest(?::text[]) as k order by h) s',
        [keys],
      )
    }
    const sorted = await sortBatch(tx, batch)
    const { fresh } = sorted
    if (fresh.length === 0) return answers(sorted, [])
    // Before any stock lock: new customers' identifiers are locked (PostgreSQL) and resolved again.
    const links = await this.settleCustomers(tx, fresh)
    // A kit's stock is its components' rows: they are read (and locked) in its place.
    const kits = bomsOf(fresh.flatMap((p) => p.prepared.lines))
    const skus = [
      ...stockSkus(
        fresh.flatMap((p) => p.prepared.lines.map((l) => l.sku)),
        kits,
      ),
      ...(await reservationSkus(
        tx,
        fresh.map((p) => p.prepared),
      )),
    ]
    const rows = await readStockForUpdate(tx, skus)
    const pools = await readPoolsForUpdate(tx, skus)
    const stock = new StockLedger(rows, pools, await openUnitsByChannel(tx, pools), kits)
    const reservations = await claimReservations(
      tx,
      fresh.map((p) => p.prepared),
      this.now(),
    )
    const now = this.now()
    const capacity = await readCapacityForUpdate(tx, locations, now)
    const context = {
      router: this.deps.router,
      locations,
      stock,
      capacity,
      directory: this.deps.directory,
      now,
    }
    const writes = routeBatch(fresh, context, reservations, this.deps.observer?.routed)
    await writeCapacity(tx, capacity, capacitiesOf(locations), now)
    await writeBatch(
      tx,
      writes,
      fresh.map((p) => p.actor),
      kits,
    )
    await writeAfterOrders(tx, writes)
    await this.deps.customers.writeLinks(tx, links, now)
    return answers(sorted, writes)
  }

  /**
   * Final customer ids for orders that bring identifiers the hub had not recorded when they were
   * resolved before the queue; what other hubs and earlier orders of this batch linked since wins.
   * (Prices were settled with the earlier answer: the two differ only when another hub linked the
   * same new identifier to another customer in between.)
   */
  private async settleCustomers(tx: SqlRunner, fresh: Pending[]): Promise<IdentityLink[]> {
    const customers = fresh.flatMap((p) => (p.prepared.customer ? [p.prepared.customer] : []))
    const { customerIds, links } = await this.deps.customers.settle(tx, customers)
    customers.forEach((c, n) => {
      c.id = customerIds[n] ?? c.id
    })
    return links
  }
}

function translate(error: unknown): unknown {
  if (isConnectionError(error)) {
    return new ServiceUnavailableError(
      'the database is unreachable; the order was not accepted',
      'DATABASE_UNAVAILABLE',
      {
        cause: error,
      },
    )
  }
  return error
}

/** Why a failed intake transaction may be tried again, or undefined when it may not. */
export function retryReason(error: unknown): string | undefined {
  if (error instanceof RaceLost) return error.reason
  if (error instanceof ConflictError) {
    if (error.code === 'ALLOCATION_CONFLICT') return 'stock'
    if (error.code === 'CAPACITY_CONFLICT') return 'capacity'
    return undefined
  }
  if (!isRetryableDbError(error)) return undefined
  const code = (error as { code?: string }).code
  if (code === '40P01') return 'deadlock'
  if (code === '40001') return 'serialization'
  return 'lock'
}
