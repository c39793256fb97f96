import { createOrm, migrate, openSqlDb, resolveDatabaseSettings } from '@switchyard/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDb, type TestDb } from '../support/databases'

type Column = { table: string; column: string; nullable: boolean; family: string }

/** Dialect type names folded to what the column holds, so the two schemas can be compared. */
function family(type: string): string {
  const t = type.toLowerCase()
  if (t.startsWith('varchar') || t.startsWith('character varying') || t === 'text') return 'text'
  if (t.startsWith('char(36)') || t === 'uuid') return 'uuid'
  if (t === 'bigint') return 'bigint'
  if (t === 'integer') return 'integer'
  if (t === 'boolean') return 'boolean'
  if (t === 'float' || t === 'double precision') return 'double'
  if (t === 'json' || t === 'jsonb') return 'json'
  return t
}

/**
 * The one migration history must give SQLite and PostgreSQL the same tables and columns, with the
 * same nullability and kind of value: the hub's hand-written SQL runs unchanged on both.
 */
describe('schema parity between SQLite and PostgreSQL', () => {
  const dbs: Record<'sqlite' | 'postgresql', TestDb | undefined> = {
    sqlite: undefined,
    postgresql: undefined,
  }
  const columns: Record<string, Column[]> = {}

  beforeAll(async () => {
    for (const kind of ['sqlite', 'postgresql'] as const) {
      const db = await createTestDb(kind)
      dbs[kind] = db
      const settings = resolveDatabaseSettings({ ...db.env })
      const orm = await createOrm(settings)
      await migrate(orm)
      await orm.close()
      const sql = openSqlDb(settings)
      if (kind === 'sqlite') {
        const tables = await sql.all<{ name: string }>(
          "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name",
        )
        const cols: Column[] = []
        for (const { name } of tables) {
          const info = await sql.all<{ name: string; type: string; notnull: number; pk: number }>(
            `pragma table_info(${name})`,
          )
          for (const c of info)
            cols.push({
              table: name,
              column: c.name,
              nullable: c.notnull === 0 && c.pk === 0,
              family: family(c.type),
            })
        }
        columns[kind] = cols
      } else {
        const rows = await sql.all<{
          table_name: string
          column_name: string
          is_nullable: string
          data_type: string
        }>(
          'select table_name, column_name, is_nullable, data_type from information_schema.columns where table_schema = current_schema()',
        )
        columns[kind] = rows.map((r) => ({
          table: r.table_name,
          column: r.column_name,
          nullable: r.is_nullable === 'YES',
          family: family(r.data_type),
        }))
      }
      await sql.close()
    }
  })

  afterAll(async () => {
    await dbs.sqlite?.drop()
    await dbs.postgresql?.drop()
  })

  it('has the same tables, columns, nullability and value kinds', () => {
    const norm = (cols: Column[]) =>
      cols
        .filter((c) => c.table !== 'mikro_orm_migrations')
        .map((c) => `${c.table}.${c.column} ${c.family}${c.nullable ? ' null' : ''}`)
        .sort()
    const sqlite = norm(columns.sqlite!)
    expect(sqlite.length).toBeGreaterThan(100)
    expect(norm(columns.postgresql!)).toEqual(sqlite)
  })
})
