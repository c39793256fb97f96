import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HttpPeer, waitFor } from '../peers/http-peer'
import { ShopifyPeer } from '../peers/shopify-peer'
import { createTestDb, type TestDb } from '../support/databases'
import { type HubProcess, spawnHub } from '../support/hub-process'
import { apiClient, hubEnv, writeConfig } from '../support/test-hub'
import { seedWorld } from '../support/world'

/** The process that sent a request: the hub's user agent ends with `; host:pid)`. */
const senderOf = (userAgent: string | undefined) => /; ([^;)]+)\)$/.exec(userAgent ?? '')?.[1] ?? '?'

/**
 * Schedulers with two hub processes on one PostgreSQL: the reconciliation poll runs on one process
 * at a time (a lease) and moves to the other when its holder stops; expired holds are given back
 * once; channel stock sync tells the channel each change once, not once per process.
 */
describe('schedulers across two hub processes on PostgreSQL', () => {
  let db: TestDb
  let shop: ShopifyPeer
  let stockFeed: HttpPeer
  let config: ReturnType<typeof writeConfig>
  let api: ReturnType<typeof apiClient>
  let key: string
  const hubs: HubProcess[] = []

  const polls = () => shop.http.requests.filter((r) => r.method === 'GET' && r.path.includes('/orders.json'))

  beforeAll(async () => {
    db = await createTestDb('postgresql')
    shop = await ShopifyPeer.start()
    stockFeed = await HttpPeer.start((_req, res) => {
      res.statusCode = 204
      res.end()
    })
    config = writeConfig([
      {
        id: 'shop',
        use: '@switchyard/shopify',
        config: {
          shop: shop.shop,
          baseUrl: shop.http.url,
          accessToken: { $env: 'SHOP_TOKEN' },
          webhookSecret: { $env: 'SHOP_SECRET' },
        },
      },
      {
        id: 'web',
        use: '@switchyard/rest-channel',
        config: { secret: { $env: 'S1' }, inventoryUrl: `${stockFeed.url}/stock` },
      },
    ])
    const env = hubEnv(db, config.path, {
      SHOP_TOKEN: shop.accessToken,
      SHOP_SECRET: shop.clientSecret,
      S1: 'schedulers-web-secret',
      SWITCHYARD_POLL_INTERVAL_MS: '100',
      SWITCHYARD_STOCK_SYNC_MS: '100',
      // The test reads 40 holds at a time while it waits; the per-key limit is not what is tested here.
      SWITCHYARD_RATE_LIMIT_KEY: 'off',
    })
    hubs.push(...(await Promise.all([spawnHub(env), spawnHub(env)])))
    key = hubs.find((h) => h.bootstrapKey)!.bootstrapKey!
    api = apiClient(hubs[0]!.url, key)
    await seedWorld(api, {
      wms: null,
      stock: [
        { sku: 'SKU-A', locationId: 'akl', onHand: 500 },
        { sku: 'SKU-B', locationId: 'akl', onHand: 500 },
      ],
    })
  }, 90_000)

  afterAll(async () => {
    for (const h of hubs) await h.stop()
    await shop?.close()
    await stockFeed?.close()
    config?.cleanup()
    await db?.drop()
  })

  it('gives each expired hold back once, whichever process sweeps it', async () => {
    const HOLDS = 40
    const created = await Promise.all(
      Array.from({ length: HOLDS }, (_, i) =>
        apiClient(hubs[i % 2]!.url, key)('/api/v1/reservations', {
          body: { channel: 'web', lines: [{ sku: 'SKU-B', quantity: 2 }], ttlSeconds: 1 },
        }),
      ),
    )
    for (const c of created) expect(c.status).toBe(201)
    await waitFor(
      async () => {
        await new Promise((r) => setTimeout(r, 200))
        const states = await Promise.all(
          created.map(async (c) => (await api(`/api/v1/reservations/${c.body.id}`)).body.status),
        )
        return states.every((s) => s === 'expired') ? true : undefined
      },
      20_000,
      'every hold expired',
    )
    const level = (await api('/api/v1/inventory?sku=SKU-B')).body.items[0]
    // Given back twice would show as more than on hand; not at all, as still reserved.
    expect(level).toMatchObject({ onHand: 500, reserved: 0, available: 500 })
  })

  it('tells the channel each stock change once, not once per process', async () => {
    const pushes = () =>
      stockFeed.requests.flatMap((r) => JSON.parse(r.body).levels as { sku: string; available: number }[])
    await waitFor(
      () => (pushes().some((l) => l.sku === 'SKU-A' && l.available === 500) ? true : undefined),
      20_000,
      'first stock push',
    )
    for (const [i, onHand] of [480, 470, 455].entries()) {
      const res = await apiClient(hubs[i % 2]!.url, key)('/api/v1/inventory', {
        method: 'PUT',
        body: { items: [{ sku: 'SKU-A', locationId: 'akl', onHand }] },
      })
      expect(res.status).toBe(200)
      await waitFor(
        () => (pushes().some((l) => l.sku === 'SKU-A' && l.available === onHand) ? true : undefined),
        20_000,
        `push of ${onHand}`,
      )
    }
    await new Promise((r) => setTimeout(r, 1_000))
    const told = pushes()
      .filter((l) => l.sku === 'SKU-A')
      .map((l) => l.available)
    expect(told).toEqual([500, 480, 470, 455])
  })

  it('polls a channel from one process at a time, and hands over when that process stops', async () => {
    await waitFor(() => (polls().length >= 10 ? true : undefined), 20_000, 'ten polls')
    const since = polls().length
    await new Promise((r) => setTimeout(r, 1_500))
    const window = polls().slice(since)
    const senders = new Set(window.map((r) => senderOf(r.headers['user-agent'])))
    expect(window.length).toBeGreaterThanOrEqual(5)
    expect(senders.size).toBe(1)
    const holder = [...senders][0]!

    const holderHub = hubs.find((h) => holder.endsWith(`:${h.child.pid}`))
    expect(holderHub, 'the lease holder is one of the two hubs').toBeDefined()
    await holderHub!.stop()
    hubs.splice(hubs.indexOf(holderHub!), 1)
    api = apiClient(hubs[0]!.url, key)
    const after = polls().length
    await waitFor(() => (polls().length >= after + 5 ? true : undefined), 20_000, 'polls after handover')
    const next = new Set(
      polls()
        .slice(after)
        .map((r) => senderOf(r.headers['user-agent'])),
    )
    expect(next.size).toBe(1)
    expect([...next][0]).not.toBe(holder)
    process.stdout.write(
      `schedulers figures: ${JSON.stringify({ pollsWhileBothRan: window.length, pollingProcesses: senders.size, handedOver: true })}\n`,
    )
  })
})
