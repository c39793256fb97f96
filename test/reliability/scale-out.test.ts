import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { waitFor } from '../peers/http-peer'
import { RestChannelPeer, sampleOrder } from '../peers/rest-channel-peer'
import { RestWmsPeer } from '../peers/rest-wms-peer'
import { createTestDb, type TestDb } from '../support/databases'
import { type HubProcess, spawnHub } from '../support/hub-process'
import { allOrders, checkOrderInvariants } from '../support/invariants'
import { apiClient, hubEnv, writeConfig } from '../support/test-hub'
import { seedWorld } from '../support/world'

/**
 * Two and three hub processes on one PostgreSQL behind a round-robin client, racing for scarce
 * stock: exactly the stock there is gets allocated (never more), every order ends allocated or
 * backordered, and each outbox message is delivered once.
 */
describe.each([2, 3])('scale-out with %i hubs on PostgreSQL', (n) => {
  let db: TestDb
  let channel: RestChannelPeer
  let wms: RestWmsPeer
  let config: ReturnType<typeof writeConfig>
  const hubs: HubProcess[] = []

  beforeAll(async () => {
    db = await createTestDb('postgresql')
    channel = await RestChannelPeer.start(`scale-${n}-channel`)
    wms = await RestWmsPeer.start(`scale-${n}-wms`, `scale-${n}-hook`)
    config = writeConfig([
      { id: 'web', use: '@switchyard/rest-channel', config: { secret: { $env: 'S1' } } },
      {
        id: 'dc',
        use: '@switchyard/rest-wms',
        config: { baseUrl: wms.http.url, apiKey: { $env: 'S2' }, webhookSecret: { $env: 'S3' } },
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

  it('never oversells and delivers each message once', async () => {
    const env = hubEnv(db, config.path, {
      S1: channel.secret,
      S2: wms.apiKey,
      S3: wms.webhookSecret,
      SWITCHYARD_RATE_LIMIT_WEBHOOK: 'off',
    })
    hubs.push(...(await Promise.all(Array.from({ length: n }, () => spawnHub(env)))))
    const key = hubs.find((h) => h.bootstrapKey)!.bootstrapKey!
    const api = apiClient(hubs[0]!.url, key)
    const STOCK = { akl: 300, wlg: 120, chc: 80 }
    await seedWorld(api, {
      wms: 'dc',
      stock: [
        { sku: 'SKU-A', locationId: 'akl', onHand: STOCK.akl },
        { sku: 'SKU-A', locationId: 'wlg', onHand: STOCK.wlg },
        { sku: 'SKU-A', locationId: 'chc', onHand: STOCK.chc },
      ],
    })
    const total = STOCK.akl + STOCK.wlg + STOCK.chc
    const ORDERS = 800
    let next = 0
    const statuses: Record<string, number> = {}
    const client = async () => {
      while (next < ORDERS) {
        const i = next++
        const res = await channel.postOrder(
          hubs[i % n]!.url,
          'web',
          sampleOrder({ externalId: `SCALE-${i}` }, [{ sku: 'SKU-A', quantity: 1 }]),
        )
        expect(res.status).toBe(201)
        const status = (res.body.results as { status: string }[])[0]!.status
        statuses[status] = (statuses[status] ?? 0) + 1
      }
    }
    await Promise.all(Array.from({ length: 24 }, client))

    expect(statuses).toEqual({ released: total, backordered: ORDERS - total })
    const levels = (await api('/api/v1/inventory?sku=SKU-A')).body.items as {
      allocated: number
      onHand: number
    }[]
    expect(levels.reduce((s, l) => s + l.allocated, 0)).toBe(total)
    for (const l of levels) expect(l.allocated).toBeLessThanOrEqual(l.onHand)
    const orders = await allOrders(api)
    expect(orders).toHaveLength(ORDERS)
    expect(await checkOrderInvariants(api, orders)).toEqual([])

    await waitFor(
      () => (wms.fulfilments().length >= total ? true : undefined),
      60_000,
      'every fulfilment request',
    )
    await new Promise((r) => setTimeout(r, 500))
    const keys = wms.fulfilments().map((f) => f.idempotencyKey)
    expect(keys).toHaveLength(total)
    expect(new Set(keys).size).toBe(total)
    expect(new Set(wms.http.requests.map((r) => r.headers['user-agent'])).size).toBe(n)
    process.stdout.write(
      `scale-out figures (${n} hubs): ${JSON.stringify({ orders: ORDERS, stock: total, allocated: total, oversold: 0, deliveries: keys.length, duplicates: keys.length - new Set(keys).size })}\n`,
    )
  })
})
