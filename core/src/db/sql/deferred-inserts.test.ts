import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshSqlDb } from './fresh-sql-db'
import { insertRows } from './insert-rows'
import type { SqlDb } from './sql-db'

describe('inserts a PostgreSQL transaction sends later', () => {
  let db: SqlDb
  beforeAll(async () => {
    db = await freshSqlDb('postgresql', 'deferred')
    await db.run('create table parent (id integer primary key, n integer not null)')
    await db.run(
      'create table child (id integer primary key, parent_id integer not null references parent (id))',
    )
  })
  afterAll(() => db.close())

  it('sends a run of inserts with the next statement: a child before its parent is fine, reads see them', async () => {
    // Each table's first insert in a process asks the catalogue for its json columns (a statement).
    await db.transaction(async (tx) => {
      await insertRows(tx, 'parent', ['id', 'n'], [[1, 0]])
      await insertRows(tx, 'child', ['id', 'parent_id'], [[0, 1]])
    })
    const seen = await db.transaction(async (tx) => {
      await insertRows(tx, 'child', ['id', 'parent_id'], [[1, 10]])
      await insertRows(tx, 'parent', ['id', 'n'], [[10, 1]])
      return tx.all<{ id: number }>(
        'select c.id from child c join parent p on p.id = c.parent_id where c.id = 1',
      )
    })
    expect(seen).toEqual([{ id: 1 }])
  })

  it('sends what waits at commit, and an upsert of a row inserted earlier in the same transaction sees it', async () => {
    await db.transaction(async (tx) => {
      await insertRows(tx, 'parent', ['id', 'n'], [[20, 1]])
      await insertRows(
        tx,
        'parent',
        ['id', 'n'],
        [[20, 5]],
        ' on conflict (id) do update set n = parent.n + excluded.n',
      )
    })
    expect(await db.one('select n from parent where id = 20')).toEqual({ n: 6 })
  })

  it('rolls back what waited when the transaction fails, and a bad insert fails the transaction', async () => {
    await expect(
      db.transaction(async (tx) => {
        await insertRows(tx, 'parent', ['id', 'n'], [[30, 1]])
        throw new Error('changed my mind')
      }),
    ).rejects.toThrow('changed my mind')
    await expect(
      db.transaction(async (tx) => {
        await insertRows(tx, 'parent', ['id', 'n'], [[31, 1]])
        await insertRows(tx, 'child', ['id', 'parent_id'], [[31, 999]])
      }),
    ).rejects.toMatchObject({ code: '23503' })
    expect(await db.all('select id from parent where id in (30, 31)')).toEqual([])
  })
})
