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
})
