import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { waitFor } from '../peers/http-peer'
import { RestChannelPeer, sampleOrder } from '../peers/rest-channel-peer'
import { RestWmsPeer } from '../peers/rest-wms-peer'
import { createTestDb, TEST_PG_URL, type TestDb } from '../support/databases'
import { type HubProcess, spawnHub } from '../support/hub-process'
import { apiClient, hubEnv, writeConfig } from '../support/test-hub'
import { seedWorld } from '../support/world'

/**
 * Two hub processes on one PostgreSQL database, both running outbox workers: every fulfilment
 * request is delivered, and none twice under its idempotency key, because each message is claimed
 * by one worker at a time (FOR UPDATE SKIP LOCKED).
 */
describe('outbox with two hub processes on PostgreSQL', () => {
  let db: TestDb
  let channel: RestChannelPeer
  let wms: RestWmsPeer
  let config: ReturnType<typeof writeConfig>
  const hubs: HubProcess[] = []

  beforeAll(async () => {
    db = await createTestDb('postgresql')
    channel = await RestChannelPeer.start('multi-hub-channel')
    wms = await RestWmsPeer.start('multi-hub-wms-key', 'multi-hub-wms-hook')
    config = writeConfig([
      {
        id: 'web',
        use: '@switchyard/rest-channel',
        config: { secret: { $env: 'WEB_SECRET' }, callbackUrl: channel.callbackUrl },
      },
      {
        id: 'dc',
        use: '@switchyard/rest-wms',
        config: { baseUrl: wms.http.url, apiKey: { $env: 'DC_KEY' }, webhookSecret: { $env: 'DC_HOOK' } },
      },
    ])
  })

  afterAll(async () => {
    for (const h of hubs) await h.stop()
    await channel?.close()
    await wms?.close()
    config?.cleanup()
    await db?.drop()
  })

  it('delivers every message once across both processes', async () => {
    const env = hubEnv(db, config.path, {
      WEB_SECRET: channel.secret,
      DC_KEY: wms.apiKey,
      DC_HOOK: wms.webhookSecret,
    })
    // Both start together: migrations must be applied once, under the advisory lock.
    const [a, b] = await Promise.all([spawnHub(env), spawnHub(env)])
    hubs.push(a!, b!)
    const key = a!.bootstrapKey ?? b!.bootstrapKey
    expect(key).toBeTruthy()
    expect(a!.bootstrapKey && b!.bootstrapKey).toBeFalsy() // exactly one of them created the first key
    await seedWorld(apiClient(a!.url, key!), {
      wms: 'dc',
      stock: [
        { sku: 'SKU-A', locationId: 'akl', onHand: 10_000 },
        { sku: 'SKU-B', locationId: 'wlg', onHand: 10_000 },
      ],
    })

    const N = 240
    const posted = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        channel.postOrder(
          (i % 2 ? a : b)!.url,
          'web',
          sampleOrder({ externalId: `MULTI-${i}` }, [{ sku: i % 3 ? 'SKU-A' : 'SKU-B', quantity: 1 }]),
        ),
      ),
    )
    expect(posted.every((p) => p.status === 201)).toBe(true)

    await waitFor(
      () => (new Set(wms.fulfilments().map((f) => f.idempotencyKey)).size >= N ? true : undefined),
      60_000,
      `${N} fulfilment requests`,
    )
    await waitFor(() => (channel.callbacks().length >= N ? true : undefined), 60_000, `${N} status callbacks`)
    await new Promise((r) => setTimeout(r, 500)) // time for any duplicate to show up

    const keys = wms.fulfilments().map((f) => f.idempotencyKey)
    expect(keys.length).toBe(N)
    expect(new Set(keys).size).toBe(N)
    // Both processes took part in delivering (the user agent names the delivering process).
    const agents = new Set(wms.http.requests.map((r) => r.headers['user-agent']))
    expect(agents.size).toBe(2)
    const callbackKeys = channel.callbacks().map((c) => c.idempotencyKey)
    expect(new Set(callbackKeys).size).toBe(callbackKeys.length)

    const client = new pg.Client({ connectionString: TEST_PG_URL })
    await client.connect()
    const schema = new URL(db.env.DATABASE_URL!).searchParams.get('schema')
    const { rows } = await client.query(
      `select status, count(*)::int as n from ${schema}.outbox_message group by status`,
    )
    await client.end()
    expect(rows).toEqual([{ status: 'delivered', n: 2 * N }])
  })
})
