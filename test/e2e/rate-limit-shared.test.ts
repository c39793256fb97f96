import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RestChannelPeer, sampleOrder } from '../peers/rest-channel-peer'
import { createTestDb, dbKinds, type TestDb } from '../support/databases'
import { startTestHub, type TestHub } from '../support/test-hub'
import { seedWorld } from '../support/world'

/**
 * The API key limit: the RateLimit headers on every answer, and on PostgreSQL one allowance for a
 * key across every hub of the database (on SQLite a hub is alone). The webhook limit likewise: one
 * allowance per source (instance and address) across the hubs.
 */
describe.each(dbKinds)('the API key and webhook rate limits on %s', (kind) => {
  let db: TestDb
  const hubs: TestHub[] = []
  let web: RestChannelPeer
  const plugins = [{ id: 'web', use: '@switchyard/rest-channel', config: { secret: { $env: 'WEB_SECRET' } } }]

  beforeAll(async () => {
    db = await createTestDb(kind)
    web = await RestChannelPeer.start('rate-limit-web-secret')
    // A slow refill, so the allowance cannot grow back during the test: 8 at once, then 1 per 10 s.
    const env = {
      SWITCHYARD_RATE_LIMIT_KEY: '0.1:8',
      SWITCHYARD_RATE_LIMIT_WEBHOOK: '0.1:8',
      WEB_SECRET: web.secret,
    }
    hubs.push(await startTestHub(db, plugins, env))
    if (kind === 'postgresql') hubs.push(await startTestHub(db, plugins, env, hubs[0]!.adminKey))
    await seedWorld(hubs[0]!.api)
  })

  afterAll(async () => {
    for (const h of hubs) await h.stop()
    await web?.close()
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

  it('limits a webhook source as one, whichever hub it reaches, on PostgreSQL', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 12; i++) {
      const hub = hubs[i % hubs.length]!
      const res = await web.postOrder(hub.url, 'web', sampleOrder())
      statuses.push(res.status)
      if (res.status === 429) expect(res.body).toMatchObject({ code: 'RATE_LIMITED' })
    }
    // 8 in all, taken as orders: per-hub limits would have let all 12 through two hubs.
    expect(statuses.slice(0, 8).every((s) => s >= 200 && s < 300)).toBe(true)
    expect(statuses.slice(8)).toEqual([429, 429, 429, 429])
  })
})
