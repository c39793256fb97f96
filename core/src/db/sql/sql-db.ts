import type { Dialect } from '../database-settings'

export type SqlParam = string | number | bigint | null | Uint8Array | readonly string[] | readonly number[]

/** The statements a unit of work can run; placeholders are `?` on both dialects. */
export interface SqlRunner {
  readonly dialect: Dialect
  all<T = Record<string, unknown>>(sql: string, params?: readonly SqlParam[]): Promise<T[]>
  one<T = Record<string, unknown>>(sql: string, params?: readonly SqlParam[]): Promise<T | undefined>
  /** Returns the number of rows changed. */
  run(sql: string, params?: readonly SqlParam[]): Promise<number>
  /**
   * Tells `SqlDb.onCommitted` listeners about `event` once this unit of work commits (at once
   * outside a transaction, never after a rollback), e.g. that it wrote outbox messages.
   */
  announce(event: CommitEvent): void
  /**
   * PostgreSQL transactions only: an insert whose result nobody reads, sent together with the
   * transaction's next statement or its COMMIT (one `WITH …` statement for a run of inserts into
   * different tables) instead of a round trip of its own while the transaction holds its locks.
   */
  insertLater?(table: string, sql: string, params: readonly SqlParam[]): Promise<void>
}

export type CommitEvent = 'outbox'

/**
 * PostgreSQL: a statement starting with this comment is planned with its parameters at every call
 * instead of being kept as a prepared statement. For a hot read whose best plan depends on the
 * values and on how big the tables have grown: a generic plan made while a fresh database's
 * `orders` was small probed the (channel, placed_at) index for every key of intake's existence
 * check, scanning every order of the channel, for as long as the connection lived.
 */
export const PLAN_EACH_CALL = '/* plan each call */ '

/**
 * A thin, fast SQL layer for the paths where MikroORM's unit of work costs too much (intake,
 * allocation, outbox): cached prepared statements, explicit transactions, nothing else.
 */
export interface SqlDb extends SqlRunner {
  transaction<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T>
  onCommitted(event: CommitEvent, listener: () => void): void
  close(): Promise<void>
}

/** The listeners of each commit event, for the SqlDb implementations. */
export class CommitListeners {
  private readonly listeners = new Map<CommitEvent, (() => void)[]>()

  on(event: CommitEvent, listener: () => void): void {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener])
  }

  fire(events: Iterable<CommitEvent>): void {
    for (const event of events) for (const listener of this.listeners.get(event) ?? []) listener()
  }
}

/** JSON columns come back parsed from PostgreSQL and as text from SQLite. */
export function readJson<T>(value: unknown): T {
  if (typeof value === 'string') return JSON.parse(value) as T
  return value as T
}

export function writeJson(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value)
}

export function isRetryableDbError(error: unknown): boolean {
  const code = (error as { code?: string })?.code
  // 40001 serialization failure, 40P01 deadlock, SQLITE_BUSY when another writer holds the lock too long.
  return code === '40001' || code === '40P01' || code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_SNAPSHOT'
}

export function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: string })?.code
  return (
    code === 'ECONNREFUSED' ||
    code === 'ECONNRESET' ||
    code === '57P01' ||
    code === '57P02' ||
    code === '57P03' ||
    code === '08006' ||
    code === '08003' ||
    code === '08001' ||
    /Connection terminated|connection timeout|Client has encountered a connection error/i.test(
      (error as Error)?.message ?? '',
    )
  )
}
