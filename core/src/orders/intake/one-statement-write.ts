import { type KitBoms, NO_KITS } from '../../catalog/kits/kit-boms'
import type { CustomerIdentities } from '../../customers/customer-identities'
import type { IdentityLink } from '../../customers/customer-identity'
import type { CommitEvent, SqlDb, SqlParam, SqlRunner } from '../../db/sql/sql-db'
import { componentTakes } from '../../inventory/stock-writer'
import type { CapacityLedger } from '../../routing/capacity'
import type { OrderWriteSet } from './intake-plan'
import { batchTakes, batchTime, insertBatchRows } from './intake-writer'

/** Another writer got there first (stock, a pool, capacity, the same order or identifier): route again. */
export class RaceLost extends Error {
  constructor(
    readonly reason: 'stock' | 'capacity' | 'duplicate',
    options?: { cause?: unknown },
  ) {
    super(`the batch lost a race for ${reason}`, options)
  }
}

export interface OneStatementBatch {
  writes: readonly OrderWriteSet[]
  actors: readonly string[]
  kits?: KitBoms
  capacity: CapacityLedger
  /** Daily capacity per location id (null: unlimited). */
  capacities: ReadonlyMap<string, number | null>
  links: readonly IdentityLink[]
  customers: CustomerIdentities
}

/**
 * PostgreSQL: a routed batch written by ONE statement, with no BEGIN and COMMIT of its own (issue
 * 18). Every insert is a data-modifying CTE over one jsonb parameter; the main query calls
 * `switchyard_take` (Migration20261206220000), which takes stock, pools and day capacity in the
 * lock order of every other writer and checks each row as intake's conditional updates always
 * did. The routing read its stock without locks, so the rows are locked only while the statement
 * runs, not across a dozen round trips: hubs stop queueing behind each other. A row short, an
 * order another hub wrote meanwhile (the unique external id) or an identifier it linked (strict
 * links) fails the whole statement as `RaceLost`; intake then routes the batch again.
 *
 * `runner` is the pool (one round trip, its own transaction) or a transaction that has more to
 * write after it.
 */
export async function writeInOneStatement(
  db: SqlDb,
  runner: SqlRunner,
  batch: OneStatementBatch,
): Promise<void> {
  const now = batchTime(batch.writes)
  const parts = new StatementParts(db)
  await insertBatchRows(parts, batch.writes, batch.actors)
  await batch.customers.writeLinks(parts, batch.links, now, { strict: true })
  const { stock, poolDraws } = batchTakes(batch.writes)
  const takes = componentTakes(stock, batch.kits ?? NO_KITS).map((t) => ({
    sku: t.sku,
    location_id: t.locationId,
    quantity: t.quantity,
    from_pool: t.fromPool,
  }))
  const draws = [...poolDraws].map(([id, quantity]) => ({ id, quantity }))
  const loads = batch.capacity.increments().flatMap((inc) => {
    const cap = batch.capacities.get(inc.locationId)
    return cap === null || cap === undefined
      ? []
      : [{ location_id: inc.locationId, day: inc.day, orders: inc.count, cap }]
  })
  const { sql, params } = parts.statement('select switchyard_take(?::jsonb, ?::jsonb, ?::jsonb, ?)', [
    JSON.stringify(takes),
    JSON.stringify(draws),
    JSON.stringify(loads),
    now,
  ])
  try {
    await runner.all(sql, params)
  } catch (error) {
    throw raceLost(error) ?? error
  }
  for (const event of parts.announced) runner.announce(event)
}

/** The database's word for a lost race, as `RaceLost`; undefined for any other error. */
function raceLost(error: unknown): RaceLost | undefined {
  const e = error as { code?: string; detail?: string; table?: string }
  if (e?.code === 'SY409')
    return new RaceLost(e.detail === 'CAPACITY_CONFLICT' ? 'capacity' : 'stock', { cause: error })
  // The orders' (channel, external id) key or an identifier's link: written by another hub since the read.
  if (e?.code === '23505' && (e.table === 'orders' || e.table === 'customer_identity'))
    return new RaceLost('duplicate', { cause: error })
  return undefined
}

/**
 * A runner that collects a batch's inserts (`insertLater`) as the parts of one statement instead
 * of sending them. Reads go to the database (an insert helper may look up a table's columns once);
 * any other write is a mistake on this path.
 */
class StatementParts implements SqlRunner {
  readonly dialect = 'postgresql' as const
  readonly announced = new Set<CommitEvent>()
  private readonly parts: { table: string; sql: string; params: readonly SqlParam[] }[] = []

  constructor(private readonly reads: SqlRunner) {}

  all<T>(sql: string, params?: readonly SqlParam[]): Promise<T[]> {
    return this.reads.all<T>(sql, params)
  }

  one<T>(sql: string, params?: readonly SqlParam[]): Promise<T | undefined> {
    return this.reads.one<T>(sql, params)
  }

  run(): Promise<number> {
    throw new Error('only inserts go into the one-statement write')
  }

  announce(event: CommitEvent): void {
    this.announced.add(event)
  }

  async insertLater(table: string, sql: string, params: readonly SqlParam[]): Promise<void> {
    // Two upserts of one table in one statement could meet the same row, which PostgreSQL refuses.
    if (/ on conflict /i.test(sql) && this.parts.some((p) => p.table === table))
      throw new Error(`${table}: a second upsert in the one-statement write`)
    this.parts.push({ table, sql, params })
  }

  /** The inserts as CTEs in front of `main`; their parameters first, as the text reads. */
  statement(main: string, mainParams: readonly SqlParam[]): { sql: string; params: SqlParam[] } {
    const ctes = this.parts.map((p, i) => `w${i} as (${p.sql})`).join(', ')
    return {
      sql: ctes ? `with ${ctes} ${main}` : main,
      params: [...this.parts.flatMap((p) => p.params), ...mainParams],
    }
  }
}
