import { resolve } from 'node:path'

export type Dialect = 'sqlite' | 'postgresql'

export interface DatabaseSettings {
  dialect: Dialect
  /** SQLite file path (dialect sqlite). */
  sqlitePath?: string
  /** Connection string without Switchyard's own parameters (dialect postgresql). */
  url?: string
  /** PostgreSQL schema to use instead of `public` (from `?schema=` in DATABASE_URL). */
  schema?: string
  /**
   * SQLite durability. `normal` (default) survives a process crash: WAL with synchronous=NORMAL.
   * `full` also survives power loss: every commit is fsynced.
   */
  sqliteSync: 'normal' | 'full'
  /** Connections per hub process (PostgreSQL). */
  poolSize: number
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/

/**
 * Reads DATABASE_URL (unset: an SQLite file under SWITCHYARD_DATA_DIR, default ./data),
 * SWITCHYARD_SQLITE_SYNC (normal | full) and SWITCHYARD_DB_POOL.
 */
export function resolveDatabaseSettings(env: NodeJS.ProcessEnv = process.env): DatabaseSettings {
  const sqliteSync = env.SWITCHYARD_SQLITE_SYNC === 'full' ? 'full' : 'normal'
  if (env.SWITCHYARD_SQLITE_SYNC && !['normal', 'full'].includes(env.SWITCHYARD_SQLITE_SYNC)) {
    throw new Error(`SWITCHYARD_SQLITE_SYNC must be 'normal' or 'full', got '${env.SWITCHYARD_SQLITE_SYNC}'`)
  }
  const poolSize = Number(env.SWITCHYARD_DB_POOL ?? 10)
  const url = env.DATABASE_URL?.trim()
  if (!url) {
    const dir = resolve(env.SWITCHYARD_DATA_DIR ?? './data')
    return { dialect: 'sqlite', sqlitePath: resolve(dir, 'switchyard.db'), sqliteSync, poolSize }
  }
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    const parsed = new URL(url)
    const schema = parsed.searchParams.get('schema') ?? undefined
    parsed.searchParams.delete('schema')
    if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
      throw new Error(`DATABASE_URL: schema '${schema}' must be a lower-case SQL identifier`)
    }
    return { dialect: 'postgresql', url: parsed.toString(), schema, sqliteSync, poolSize }
  }
  if (url.startsWith('sqlite:') || url.startsWith('file:')) {
    const path = url.replace(/^sqlite:(\/\/)?/, '').replace(/^file:(\/\/)?/, '')
    return { dialect: 'sqlite', sqlitePath: resolve(path), sqliteSync, poolSize }
  }
  throw new Error(
    `DATABASE_URL must start with postgres://, postgresql://, sqlite: or file: (got '${url.split(':')[0]}:')`,
  )
}
