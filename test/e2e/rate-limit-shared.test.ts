import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDb, dbKinds, type TestDb } from '../support/databases'
import { startTestHub, type TestHub } from '../support/test-hub'

/**
 * The API key limit: the RateLimit headers on every answer, and on PostgreSQL one allowance for a
 * key across every hub of the database (on SQLite a hub is alone).
 */
describe.each(dbKinds)('the API key rate limit on %s', (kind) => {
  let db: TestDb
  const hubs: TestHub[] = []

  beforeAll(async () => {
    db = await createTestDb(kind)
    // A slow refill, so the allowance cannot grow back during the test: 8 at once, then 1 per 10 s.
    const env = { SWITCHYARD_RATE_LIMIT_KEY: '0.1:8' }
    hubs.push(await startTestHub(db, [], env))
    if (kind === 'postgresql') hubs.push(await startTestHub(db, [], env, hubs[0]!.adminKey))
  })

  afterAll(async () => {
    for (const h of hubs) await h.stop()
    await db?.drop()
  })

  it('says the limit and what is left, and shares it between hubs on PostgreSQL', async () => {
    const key = (await hubs[0]!.api('/api/v1/keys', { body: { name: 'limited', role: 'viewer' } })).body
      .token as string
    const statuses: number[] = []
    let first: Response | undefined
    for (let i = 0; i < 12; i++) {
      const hub = hubs[i % hubs.length]!
      const res = await fetch(`${hub.url}/api/v1/me`, { headers: { authorization: `Bearer ${key}` } })
      first ??= res
      statuses.push(res.status)
      if (res.status === 429) {
        expect(res.headers.get('ratelimit-remaining')).toBe('0')
        expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0)
      }
    }
    expect(first!.headers.get('ratelimit-limit')).toBe('8')
    expect(first!.headers.get('ratelimit-remaining')).toBe('7')
    expect(first!.headers.get('ratelimit-policy')).toBe('8;w=80')
    // 8 in all, whichever hub answered: per-hub limits would have let all 12 through two hubs.
    expect(statuses.filter((s) => s === 200)).toHaveLength(8)
    expect(statuses.slice(8).every((s) => s === 429)).toBe(true)
  })
})
