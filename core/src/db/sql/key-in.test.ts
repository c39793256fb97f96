import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshSqlDb } from './fresh-sql-db'
import { keyIn } from './key-in'
import type { SqlDb } from './sql-db'

describe.each(['sqlite', 'postgresql'] as const)('keyIn on %s', (dialect) => {
  let db: SqlDb
  beforeAll(async () => {
    db = await freshSqlDb(dialect, 'key-in')
    await db.run('create table key_probe (k varchar(40) primary key, n integer)')
    for (let i = 0; i < 20; i++) await db.run('insert into key_probe (k, n) values (?, ?)', [`k${i}`, i])
  })
  afterAll(() => db.close())

  const read = (keys: string[]) => {
    const c = keyIn(dialect, 'k', keys)
    return db.all<{ k: string }>(`select k from key_probe where ${c.sql} order by n`, c.params)
  }

  it('finds exactly the keys asked for, whatever their number; none for none', async () => {
    expect((await read(['k3', 'k1', 'missing', "it's"])).map((r) => r.k)).toEqual(['k1', 'k3'])
    expect(await read([])).toEqual([])
    const many = Array.from({ length: 500 }, (_, i) => `k${i}`)
    expect(await read(many)).toHaveLength(20)
  })

  it('names a number of keys in one text on PostgreSQL', () => {
    const texts = new Set([1, 2, 37].map((n) => keyIn(dialect, 'k', Array(n).fill('x')).sql))
    expect(texts.size).toBe(dialect === 'postgresql' ? 1 : 3)
  })
})
