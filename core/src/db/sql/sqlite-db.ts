import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import { type CommitEvent, CommitListeners, type SqlDb, type SqlParam, type SqlRunner } from './sql-db'
import { startWalCheckpointer, type WalCheckpointer } from './wal-checkpointer'

/**
 * SQLite through better-sqlite3. Calls are synchronous underneath, so a simple async mutex is
 * enough to keep one transaction's statements from interleaving with another's on this connection.
 */
export function openSqliteDb(
  path: string,
  sync: 'normal' | 'full',
  options: { checkpoints?: boolean } = {},
): SqlDb {
  mkdirSync(dirname(path), { recursive: true })
  const db = new Database(path)
  db.pragma('journal_mode = WAL')
  db.pragma(`synchronous = ${sync === 'full' ? 'FULL' : 'NORMAL'}`)
  db.pragma('busy_timeout = 10000')
  db.pragma('foreign_keys = ON')
  db.pragma('cache_size = -32000')
  db.pragma('temp_store = MEMORY')
  // Checkpoints happen on a thread of their own (see wal-checkpointer.ts). The writer's own is kept
  // far out, only as a bound on the WAL should that thread ever fall behind.
  let checkpointer: WalCheckpointer | undefined
  if (options.checkpoints !== false && !db.memory && db.pragma('journal_mode', { simple: true }) === 'wal') {
    db.pragma('wal_autocheckpoint = 8000')
    checkpointer = startWalCheckpointer(path, sync === 'full' ? 'FULL' : 'NORMAL')
  }
  const statements = new Map<string, Database.Statement>()
  const prepare = (sql: string): Database.Statement => {
    let stmt = statements.get(sql)
    if (!stmt) {
      stmt = db.prepare(sql)
      statements.set(sql, stmt)
    }
    return stmt
  }

  const committed = new CommitListeners()
  const runner: SqlRunner = {
    dialect: 'sqlite',
    announce: (event) => committed.fire([event]),
    async all<T>(sql: string, params: readonly SqlParam[] = []) {
      return prepare(sql).all(...params) as T[]
    },
    async one<T>(sql: string, params: readonly SqlParam[] = []) {
      return prepare(sql).get(...params) as T | undefined
    },
    async run(sql: string, params: readonly SqlParam[] = []) {
      const stmt = prepare(sql)
      if (!stmt.reader) return stmt.run(...params).changes
      return stmt.all(...params).length
    },
  }

  let tail: Promise<void> = Promise.resolve()
  const exclusive = async <T>(fn: () => Promise<T>): Promise<T> => {
    const previous = tail
    let release!: () => void
    tail = new Promise<void>((r) => {
      release = r
    })
    await previous
    try {
      return await fn()
    } finally {
      release()
    }
  }

  return {
    dialect: 'sqlite',
    all: (sql, params) => exclusive(() => runner.all(sql, params)),
    one: (sql, params) => exclusive(() => runner.one(sql, params)),
    run: (sql, params) => exclusive(() => runner.run(sql, params)),
    announce: runner.announce,
    onCommitted: (event, listener) => committed.on(event, listener),
    transaction<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T> {
      return exclusive(async () => {
        const announced = new Set<CommitEvent>()
        prepare('BEGIN IMMEDIATE').run()
        try {
          const result = await fn({ ...runner, announce: (event) => announced.add(event) })
          prepare('COMMIT').run()
          committed.fire(announced)
          return result
        } catch (error) {
          if (db.inTransaction) prepare('ROLLBACK').run()
          throw error
        }
      })
    },
    async close() {
      await exclusive(async () => {
        await checkpointer?.close()
        db.close()
      })
    },
  }
}
