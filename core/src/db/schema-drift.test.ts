import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { type DatabaseSettings, resolveDatabaseSettings } from './database-settings'
import { createOrm, migrate } from './orm'

/** PostgreSQL for tests: database `test` on 127.0.0.1 unless SWITCHYARD_TEST_PG says otherwise. */
const TEST_PG_URL = process.env.SWITCHYARD_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test'

const cleanups: (() => Promise<void> | void)[] = []
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup()
})

async function freshDatabase(dialect: 'sqlite' | 'postgresql'): Promise<DatabaseSettings> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'switchyard-schema-drift-'))
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
    return resolveDatabaseSettings({ SWITCHYARD_DATA_DIR: dir })
  }
  const schema = `sy_drift_${randomBytes(5).toString('hex')}`
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: TEST_PG_URL })
    await client.connect()
    try {
      await client.query(sql)
    } finally {
      await client.end()
    }
  }
  await admin(`create schema ${schema}`)
  cleanups.push(() => admin(`drop schema if exists ${schema} cascade`))
  const url = new URL(TEST_PG_URL)
  url.searchParams.set('schema', schema)
  return resolveDatabaseSettings({ DATABASE_URL: url.toString() })
}

/**
 * Each table is described once, by its MikroORM entity (core/src/db/entities.ts); the migrations
 * that create the tables must agree with it. After every migration has run on an empty database,
 * MikroORM's schema diff between the entities and the database must be empty: a column, index,
 * unique key or foreign key added to a migration and not to its entity (or the other way round)
 * fails here, and the message is the SQL MikroORM would run to make the database match.
 */
describe('entities describe the migrated schema exactly', () => {
  for (const dialect of ['sqlite', 'postgresql'] as const) {
    it(`on ${dialect}`, async () => {
      const settings = await freshDatabase(dialect)
      const orm = await createOrm(settings)
      try {
        const applied = await migrate(orm)
        expect(applied.length).toBeGreaterThan(0)
        const diff = await orm.schema.getUpdateSchemaSQL({
          wrap: false,
          ...(settings.schema ? { schema: settings.schema } : {}),
        })
        expect(
          diff.trim(),
          `The entities and the migrations disagree on ${dialect}. MikroORM would run this to make the ` +
            `database match the entities:\n\n${diff}\n\nDeclare in the entity what the migration creates ` +
            '(see ARCHITECTURE.md, "One description of each table").',
        ).toBe('')
      } finally {
        await orm.close()
      }
    }, 60_000)
  }
})
