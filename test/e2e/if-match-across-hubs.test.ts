import { openSqlDb, resolveDatabaseSettings, type SqlDb } from '@switchyard/core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createTestDb, type TestDb } from '../support/databases'

type EtagModule = typeof import('../../server/src/http/etag')

/**
 * If-Match across hubs on one PostgreSQL database. Each "hub" is its own copy of the etag module
 * (its own in-process turns) with its own connection pool, as two hub processes are; both read the
 * same state and send its tag at once. The check and the write hold the resource in the database,
 * so exactly one write goes ahead and the other is 412 naming what the first left. The control
 * shows the race is real: with the in-process turn alone (what SQLite gets, one hub per file) both
 * pass.
 */
describe('If-Match with two hubs on PostgreSQL', () => {
  let db: TestDb
  const pools: SqlDb[] = []
  const hubs: EtagModule[] = []

  beforeAll(async () => {
    db = await createTestDb('postgresql')
    for (let i = 0; i < 2; i++) {
      pools.push(openSqlDb(resolveDatabaseSettings({ DATABASE_URL: db.env.DATABASE_URL! })))
      vi.resetModules()
      hubs.push(await import('../../server/src/http/etag'))
    }
    await pools[0]!.run('create table edited (id text primary key, n integer not null)')
  })

  afterAll(async () => {
    for (const p of pools) await p.close()
    await db?.drop()
  })

  const pause = () => new Promise((r) => setTimeout(r, 60))

  /** Both hubs write `id` with the tag of the state they both read; slow reads and writes widen the race. */
  async function race(id: string, lockedIn: (db: SqlDb) => SqlDb) {
    await pools[0]!.run('insert into edited (id, n) values (?, 0)', [id])
    const tagOf = (n: number) => hubs[0]!.entityTag({ n })
    const read = tagOf(0)
    const current = async (db: SqlDb) => {
      const row = await db.one<{ n: number }>('select n from edited where id = ?', [id])
      await pause()
      return { etag: tagOf(Number(row!.n)), updatedAt: null }
    }
    const results = await Promise.allSettled(
      [1, 2].map((n, i) =>
        hubs[i]!.writeIfMatch(
          read,
          `edited '${id}'`,
          () => current(pools[i]!),
          async () => {
            await pause()
            await pools[i]!.run('update edited set n = ? where id = ?', [n, id])
            return n
          },
          lockedIn(pools[i]!),
        ),
      ),
    )
    const final = Number((await pools[0]!.one<{ n: number }>('select n from edited where id = ?', [id]))!.n)
    return { results, final, tagOf }
  }

  it('lets exactly one stale-If-Match write through and refuses the other with 412 naming the current tag', async () => {
    const { results, final, tagOf } = await race('a', (db) => db)
    const won = results.filter((r) => r.status === 'fulfilled')
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')
    expect(won).toHaveLength(1)
    expect(lost).toHaveLength(1)
    const winner = (won[0] as PromiseFulfilledResult<number>).value
    expect(final).toBe(winner)
    expect(lost[0]!.reason).toMatchObject({
      code: 'PRECONDITION_FAILED',
      details: { current: { etag: tagOf(winner), updatedAt: null } },
    })
  })

  it('(control) without the database lock both hubs pass the check', async () => {
    const { results } = await race('b', (db) => ({ ...db, dialect: 'sqlite' }) as SqlDb)
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled'])
  })

  /** Hub `i` writes rows `ids` in one bulk write, each entry naming the tag of the state read (n = 0). */
  function bulkWrite(i: number, ids: string[], n: number) {
    const tagOf = (v: number) => hubs[0]!.entityTag({ n: v })
    return hubs[i]!.writeIfEachMatches(
      ids.map((id, at) => ({
        resource: `edited '${id}'`,
        key: id,
        field: `rows[${at}].ifMatch`,
        ifMatch: tagOf(0),
      })),
      async (keys) => {
        const rows = await pools[i]!.all<{ id: string; n: number }>(
          `select id, n from edited where id in (${keys.map(() => '?').join(',')})`,
          keys,
        )
        await pause()
        return new Map(rows.map((r) => [r.id, { etag: tagOf(Number(r.n)), updatedAt: null }]))
      },
      async () => {
        await pause()
        for (const id of ids) await pools[i]!.run('update edited set n = ? where id = ?', [n, id])
        return n
      },
      pools[i]!,
    )
  }

  it('holds a bulk write against a single write of one of its entries on another hub', async () => {
    for (const id of ['c', 'd']) await pools[0]!.run('insert into edited (id, n) values (?, 0)', [id])
    const single = hubs[1]!.writeIfMatch(
      hubs[0]!.entityTag({ n: 0 }),
      `edited 'd'`,
      async () => {
        const row = await pools[1]!.one<{ n: number }>('select n from edited where id = ?', ['d'])
        await pause()
        return { etag: hubs[0]!.entityTag({ n: Number(row!.n) }), updatedAt: null }
      },
      async () => {
        await pause()
        await pools[1]!.run('update edited set n = 5 where id = ?', ['d'])
        return 5
      },
      pools[1]!,
    )
    const results = await Promise.allSettled([bulkWrite(0, ['c', 'd'], 3), single])
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    const rows = await pools[0]!.all<{ id: string; n: number }>(
      "select id, n from edited where id in ('c', 'd') order by id",
    )
    const bulkWon = results[0]!.status === 'fulfilled'
    // All or nothing: the bulk write's other entry moved only if the bulk write went ahead.
    expect(rows.map((r) => Number(r.n))).toEqual(bulkWon ? [3, 3] : [0, 5])
    const lost = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!
    expect(lost.reason).toMatchObject({ code: 'PRECONDITION_FAILED' })
  })

  it('lets one of two bulk writes naming the same rows in opposite orders through, without a deadlock', async () => {
    for (const id of ['e', 'f']) await pools[0]!.run('insert into edited (id, n) values (?, 0)', [id])
    const results = await Promise.allSettled([bulkWrite(0, ['e', 'f'], 1), bulkWrite(1, ['f', 'e'], 2)])
    const won = results.filter((r): r is PromiseFulfilledResult<number> => r.status === 'fulfilled')
    expect(won).toHaveLength(1)
    const lost = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!
    expect(lost.reason).toMatchObject({ status: 412, code: 'PRECONDITION_FAILED' })
    const rows = await pools[0]!.all<{ n: number }>("select n from edited where id in ('e', 'f')")
    expect(rows.map((r) => Number(r.n))).toEqual([won[0]!.value, won[0]!.value])
  })
})
