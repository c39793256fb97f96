import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { type DatabaseSettings, resolveDatabaseSettings } from './database-settings'

const TEST_PG_URL = process.env.SWITCHYARD_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test'

/**
 * For tests that run on both databases: a fresh SQLite file, or a fresh PostgreSQL schema on the
 * test server (`SWITCHYARD_TEST_PG`), and how to drop it. Opening the settings twice gives two hubs
 * on one database. Not exported from the package: tests only.
 */
export async function freshDatabase(
  dialect: 'sqlite' | 'postgresql',
  name: string,
): Promise<{ settings: DatabaseSettings; drop(): Promise<void> }> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), `switchyard-${name}-`))
    return {
      settings: resolveDatabaseSettings({ SWITCHYARD_DATA_DIR: dir }),
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    }
  }
  const schema = `sy_${name.replace(/\W/g, '_')}_${randomBytes(5).toString('hex')}`
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: TEST_PG_URL })
    await client.connect()
    await client.query(sql).finally(() => client.end())
  }
  await admin(`create schema ${schema}`)
  const url = new URL(TEST_PG_URL)
  url.searchParams.set('schema', schema)
  return {
    settings: resolveDatabaseSettings({ DATABASE_URL: url.toString() }),
    drop: () => admin(`drop schema if exists ${schema} cascade`),
  }
}
