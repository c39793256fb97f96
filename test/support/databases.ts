import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'

export type DbKind = 'sqlite' | 'postgresql'

export interface TestDb {
  kind: DbKind
  /** Environment that points a hub at this database. */
  env: Record<string, string>
  drop(): Promise<void>
}

/** PostgreSQL for tests: database `test` on 127.0.0.1 unless SWITCHYARD_TEST_PG says otherwise. */
export const TEST_PG_URL = process.env.SWITCHYARD_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test'

/** A fresh, empty database: an SQLite file in a temp folder, or a PostgreSQL schema of its own. */
export async function createTestDb(kind: DbKind): Promise<TestDb> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'switchyard-test-'))
    return {
      kind,
      env: { SWITCHYARD_DATA_DIR: dir },
      async drop() {
        rmSync(dir, { recursive: true, force: true })
      },
    }
  }
  const schema = `sy_test_${randomBytes(5).toString('hex')}`
  const client = new pg.Client({ connectionString: TEST_PG_URL })
  await client.connect()
  await client.query(`create schema ${schema}`)
  await client.end()
  const url = new URL(TEST_PG_URL)
  url.searchParams.set('schema', schema)
  return {
    kind,
    env: { DATABASE_URL: url.toString() },
    async drop() {
      const c = new pg.Client({ connectionString: TEST_PG_URL })
      await c.connect()
      await c.query(`drop schema if exists ${schema} cascade`)
      await c.end()
    },
  }
}

export const dbKinds: DbKind[] = ['sqlite', 'postgresql']
