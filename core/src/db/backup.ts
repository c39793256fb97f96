import { spawnSync } from 'node:child_process'
import { existsSync, renameSync, rmSync } from 'node:fs'
import Database from 'better-sqlite3'
import type { DatabaseSettings } from './database-settings'

/** What a backup or restore did, for the CLI to print. */
export interface BackupOutcome {
  file: string
  /** Orders in the copy: the quick check that it holds what it should. */
  orders: number
}

export class BackupError extends Error {}

/**
 * Copies the database to `file` while hubs keep running. SQLite: the online backup API (pages
 * copied in steps, a consistent snapshot even under writes), then an integrity check of the copy.
 * PostgreSQL: `pg_dump --format=custom` of the hub's schema (pg_dump must be on PATH).
 */
export async function backupDatabase(settings: DatabaseSettings, file: string): Promise<BackupOutcome> {
  if (settings.dialect === 'sqlite') {
    const source = new Database(sqlitePath(settings), { readonly: true, fileMustExist: true })
    try {
      await source.backup(file)
    } finally {
      source.close()
    }
    return { file, orders: checkedSqliteOrders(file) }
  }
  run('pg_dump', file, ['--format=custom', `--file=${file}`, ...schemaArgs(settings), pgUrl(settings)])
  return { file, orders: await pgOrders(settings) }
}

/**
 * Puts a backup in place. SQLite: only with every hub stopped; the backup is checked first, copied
 * beside the database and swapped in (the old file's WAL and shared memory go with it).
 * PostgreSQL: `pg_restore --clean --if-exists` of the dump: the hub's schema as it was (stop the hubs
 * first: a restore replaces every table).
 */
export async function restoreDatabase(settings: DatabaseSettings, file: string): Promise<BackupOutcome> {
  if (!existsSync(file)) throw new BackupError(`no backup at ${file}`)
  if (settings.dialect === 'sqlite') {
    const target = sqlitePath(settings)
    const orders = checkedSqliteOrders(file)
    const staged = `${target}.restoring`
    const source = new Database(file, { readonly: true, fileMustExist: true })
    try {
      await source.backup(staged)
    } finally {
      source.close()
    }
    for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true })
    renameSync(staged, target)
    return { file, orders }
  }
  run('pg_restore', file, ['--clean', '--if-exists', '--no-owner', `--dbname=${pgUrl(settings)}`, file])
  return { file, orders: await pgOrders(settings) }
}

function sqlitePath(settings: DatabaseSettings): string {
  if (!settings.sqlitePath) throw new BackupError('no SQLite file configured')
  return settings.sqlitePath
}

/** The copy opens, passes SQLite's integrity check, and holds an orders table. */
function checkedSqliteOrders(file: string): number {
  const copy = new Database(file, { readonly: true, fileMustExist: true })
  try {
    const check = copy.pragma('integrity_check', { simple: true })
    if (check !== 'ok') throw new BackupError(`${file} fails SQLite's integrity check: ${String(check)}`)
    return Number((copy.prepare('select count(*) as n from orders').get() as { n: number }).n)
  } catch (error) {
    if (error instanceof BackupError) throw error
    throw new BackupError(`${file} is not a Switchyard SQLite backup: ${(error as Error).message}`)
  } finally {
    copy.close()
  }
}

function pgUrl(settings: DatabaseSettings): string {
  if (!settings.url) throw new BackupError('no PostgreSQL URL configured')
  return settings.url
}

function schemaArgs(settings: DatabaseSettings): string[] {
  return settings.schema ? [`--schema=${settings.schema}`] : []
}

async function withPg<T>(
  settings: DatabaseSettings,
  fn: (client: import('pg').Client) => Promise<T>,
): Promise<T> {
  const { default: pg } = await import('pg')
  const client = new pg.Client({ connectionString: pgUrl(settings) })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

async function pgOrders(settings: DatabaseSettings): Promise<number> {
  const table = settings.schema ? `${settings.schema}.orders` : 'orders'
  return withPg(settings, async (c) =>
    Number((await c.query(`select count(*) as n from ${table}`)).rows[0].n),
  )
}

function run(command: string, file: string, args: string[]): void {
  const res = spawnSync(command, args, { encoding: 'utf8' })
  if (res.error)
    throw new BackupError(
      `${command} could not run (${res.error.message}); install the PostgreSQL client tools of your server's version`,
    )
  if (res.status !== 0)
    throw new BackupError(`${command} failed on ${file}: ${res.stderr.trim() || `exit ${res.status}`}`)
}
