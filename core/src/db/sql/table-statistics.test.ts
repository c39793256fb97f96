import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshSqlDb } from './fresh-sql-db'
import type { SqlDb } from './sql-db'
import { analyzeStaleTables } from './table-statistics'

describe('analyzeStaleTables on postgresql', () => {
  let db: SqlDb
  beforeAll(async () => {
    db = await freshSqlDb('postgresql', 'table-statistics')
    await db.run('create table grows (id int primary key, note text)')
    await db.run('create table still (id int primary key)')
  })
  afterAll(() => db.close())

  /** The counters a backend keeps reach pg_stat_user_tables when it flushes them: now, on every connection used. */
  const flushed = async () => {
    await Promise.all(Array.from({ length: 10 }, () => db.one('select pg_stat_force_next_flush()')))
    await new Promise((r) => setTimeout(r, 50))
  }
  const reltuples = async (table: string) =>
    Number(
      (await db.one<{ n: number }>('select reltuples as n from pg_class where oid = ?::regclass', [table]))!
        .n,
    )

  it('analyzes a table past autovacuum threshold once, and one that barely changed not at all', async () => {
    await db.run('insert into grows select g, md5(g::text) from generate_series(1, 2000) g')
    await db.run('insert into still select g from generate_series(1, 10) g')
    await flushed()
    expect(await reltuples('grows')).toBe(-1) // never analyzed: the planner guesses from its size
    expect(await analyzeStaleTables(db)).toEqual(['grows'])
    expect(await reltuples('grows')).toBe(2000)
    expect(await reltuples('still')).toBe(-1)
    await flushed()
    expect(await analyzeStaleTables(db)).toEqual([])
  })

  it('analyzes again once a tenth of the rows have changed since', async () => {
    await db.run('insert into grows select g, md5(g::text) from generate_series(2001, 2100) g')
    await flushed()
    expect(await analyzeStaleTables(db)).toEqual([])
    await db.run('insert into grows select g, md5(g::text) from generate_series(2101, 2400) g')
    await flushed()
    expect(await analyzeStaleTables(db)).toEqual(['grows'])
    expect(await reltuples('grows')).toBe(2400)
  })

  it('leaves the work to the hub already doing it', async () => {
    await db.run('insert into grows select g, md5(g::text) from generate_series(2401, 4000) g')
    await flushed()
    const [first, second] = await Promise.all([analyzeStaleTables(db), analyzeStaleTables(db)])
    expect([first, second].filter((a) => a.length > 0)).toEqual([['grows']])
  })
})

describe('analyzeStaleTables on sqlite', () => {
  it('has nothing to do: SQLite plans by its indexes without statistics', async () => {
    const db = await freshSqlDb('sqlite', 'table-statistics')
    try {
      expect(await analyzeStaleTables(db)).toEqual([])
    } finally {
      await db.close()
    }
  })
})
