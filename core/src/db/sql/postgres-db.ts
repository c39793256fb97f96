import { createHash } from 'node:crypto'
import pg from 'pg'
import { DeferredInserts } from './deferred-inserts'
import {
  type CommitEvent,
  CommitListeners,
  PLAN_EACH_CALL,
  type SqlDb,
  type SqlParam,
  type SqlRunner,
} from './sql-db'

const INT8 = 20
const NUMERIC = 1700

/** `?` → `$1, $2…`, once per distinct statement. */
function toPositional(sql: string): string {
  let n = 0
  return sql.replace(/\?/g, () => `$${++n}`)
}

/**
 * PostgreSQL through node-postgres. Statements are sent as named prepared statements, so each
 * connection parses and plans a statement once (those marked `PLAN_EACH_CALL` excepted). BIGINT
 * columns come back as numbers: every one we store (epoch ms, minor units) is far below 2^53.
 */
export function openPostgresDb(url: string, options: { schema?: string; poolSize: number }): SqlDb {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 10_000,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    types: {
      getTypeParser(oid: number, format?: string) {
        if (oid === INT8 || oid === NUMERIC) return (v: string) => (v === null ? null : Number(v))
        return pg.types.getTypeParser(oid, format as 'text')
      },
    } as pg.CustomTypesConfig,
  })
  // An idle client losing its connection (e.g. a PostgreSQL restart) must not crash the hub.
  pool.on('error', () => {})
  const prepared = new Map<string, { name: string; text: string }>()
  const query = (sql: string) => {
    let q = prepared.get(sql)
    if (!q) {
      q = { name: `sy_${createHash('sha1').update(sql).digest('hex').slice(0, 16)}`, text: toPositional(sql) }
      prepared.set(sql, q)
    }
    return q
  }
  const committed = new CommitListeners()
  const send = async (client: pg.Pool | pg.PoolClient, sql: string, params: readonly SqlParam[]) => {
    const q = query(sql)
    // Unnamed: PostgreSQL plans it with these values and keeps no plan.
    if (sql.startsWith(PLAN_EACH_CALL)) return client.query({ text: q.text, values: params as unknown[] })
    return client.query({ name: q.name, text: q.text, values: params as unknown[] })
  }
  /** `announced` collects a transaction's events; without it (the pool) they fire at once. */
  const runnerFor = (client: pg.Pool | pg.PoolClient, announced?: Set<CommitEvent>): SqlRunner => ({
    dialect: 'postgresql',
    announce: (event) => (announced ? announced.add(event) : committed.fire([event])),
    all: async <T>(sql: string, params: readonly SqlParam[] = []) =>
      (await send(client, sql, params)).rows as T[],
    one: async <T>(sql: string, params: readonly SqlParam[] = []) =>
      (await send(client, sql, params)).rows[0] as T | undefined,
    run: async (sql: string, params: readonly SqlParam[] = []) =>
      (await send(client, sql, params)).rowCount ?? 0,
  })
  /** A transaction's runner: inserts wait for its next statement (see `SqlRunner.insertLater`). */
  const transactionRunner = (client: pg.PoolClient, announced: Set<CommitEvent>) => {
    const inner = runnerFor(client, announced)
    const later = new DeferredInserts((sql, params) => send(client, sql, params))
    const runner: SqlRunner = {
      ...inner,
      async all(sql, params) {
        await later.flush()
        return inner.all(sql, params)
      },
      async one(sql, params) {
        await later.flush()
        return inner.one(sql, params)
      },
      async run(sql, params) {
        await later.flush()
        return inner.run(sql, params)
      },
      insertLater: (table, sql, params) => later.add(table, sql, params),
    }
    return { runner, flush: () => later.flush() }
  }
  const base = runnerFor(pool)
  return {
    ...base,
    onCommitted: (event, listener) => committed.on(event, listener),
    async transaction<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T> {
      const client = await pool.connect()
      let broken = false
      // A server going away mid-transaction makes the checked-out client emit 'error'; unhandled,
      // that would end the process. The failing query rejects on its own, so only mark it broken.
      const onError = () => {
        broken = true
      }
      client.on('error', onError)
      try {
        const announced = new Set<CommitEvent>()
        await client.query('BEGIN')
        const { runner, flush } = transactionRunner(client, announced)
        const result = await fn(runner)
        await flush()
        await client.query('COMMIT')
        committed.fire(announced)
        return result
      } catch (error) {
        try {
          await client.query('ROLLBACK')
        } catch {
          broken = true
        }
        throw error
      } finally {
        client.off('error', onError)
        client.release(broken)
      }
    },
    async close() {
      await pool.end()
    },
  }
}
