import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import shipbobPlugin from '../../plugins/shipbob/src/index'
import { waitFor } from '../peers/http-peer'
import { ShipbobPeer } from '../peers/shipbob-peer'
import { ShopifyPeer } from '../peers/shopify-peer'
import { createTestDb, type TestDb } from '../support/databases'
import { seedWorld } from '../support/world'
import { type ConnectorHub, startConnectorHub } from './connectors-hub'

/** The ShipBob-style WMS on its own: idempotent creates, inventory by schedule and webhook, cancel. */
describe('ShipBob WMS', () => {
  let db: TestDb
  let hub: ConnectorHub
  let shipbob: ShipbobPeer
  let shop: ShopifyPeer

  const plugins = () => [
    {
      id: 'shop',
      use: '@switchyard/shopify',
      config: {
        shop: shop.shop,
        baseUrl: shop.http.url,
        accessToken: { $env: 'SHOP_TOKEN' },
        webhookSecret: { $env: 'SHOP_SECRET' },
        reconcileFrom: new Date().toISOString(),
      },
    },
    {
      id: 'sb',
      use: '@switchyard/shipbob',
      config: {
        baseUrl: shipbob.baseUrl,
        apiToken: { $env: 'SB_TOKEN' },
        channelId: shipbob.channelId,
        webhookSecret: { $env: 'SB_HOOK' },
        locations: { '7': 'akl', '9': 'chc' },
        timeoutMs: 1000,
      },
    },
  ]
  const env = () => ({
    SHOP_TOKEN: shop.accessToken,
    SHOP_SECRET: shop.clientSecret,
    SB_TOKEN: shipbob.apiToken,
    SB_HOOK: shipbob.webhookSecret,
  })

  beforeAll(async () => {
    db = await createTestDb('sqlite')
    shipbob = await ShipbobPeer.start()
    shop = await ShopifyPeer.start()
    shipbob.inventory = [
      {
        inventory_id: 1,
        sku: 'SKU-A',
        name: 'Merino tee',
        locations: [
          { location_id: 7, location_name: 'Cicero (IL)', on_hand_quantity: 42, fulfillable_quantity: 40 },
          { location_id: 99, location_name: 'Unmapped', on_hand_quantity: 5, fulfillable_quantity: 5 },
        ],
      },
      // A sku the hub does not sell must not stop the others' levels.
      {
        inventory_id: 2,
        sku: 'SB-ONLY',
        name: 'Insert',
        locations: [
          { location_id: 7, location_name: 'Cicero (IL)', on_hand_quantity: 3, fulfillable_quantity: 3 },
        ],
      },
    ]
    hub = await startConnectorHub(db, plugins(), env(), { pollMs: 300 })
    await seedWorld(hub.api, { wms: 'sb' })
  })

  afterAll(async () => {
    await hub?.stop()
    await shipbob?.close()
    await shop?.close()
    await db?.drop()
  })

  const level = async (sku: string, location: string) =>
    (await hub.api(`/api/v1/inventory?sku=${sku}&location=${location}`)).body.items[0] as
      | { onHand: number }
      | undefined

  it('pulls inventory levels on a schedule, by fulfillment centre, skipping unknown skus and centres', async () => {
    await waitFor(
      async () => ((await level('SKU-A', 'akl'))?.onHand === 42 ? true : undefined),
      10_000,
      'SKU-A level from ShipBob',
    )
    const pulls = shipbob.http.requests.filter((r) => r.path.startsWith('/2026-01/inventory-level/locations'))
    expect(pulls.length).toBeGreaterThan(0)
    expect(pulls[0]!.headers.authorization).toBe(`Bearer ${shipbob.apiToken}`)
  })

  it('pulls the levels of the skus named in an exception webhook', async () => {
    shipbob.inventory.push({
      inventory_id: 3,
      sku: 'SKU-B',
      name: 'Rain shell',
      locations: [
        { location_id: 9, location_name: 'Christchurch', on_hand_quantity: 0, fulfillable_quantity: 0 },
      ],
    })
    const res = await shipbob.sendWebhook(hub.url, 'sb', 'order.shipment.exception', {
      id: 1,
      reference_id: 'x',
      products: [{ reference_id: 'SKU-B', sku: 'SKU-B', quantity: 1 }],
    })
    expect(res.status).toBe(200)
    expect(res.body.results[0]).toMatchObject({ type: 'inventory', applied: 1 })
    expect((await level('SKU-B', 'chc'))?.onHand).toBe(0)
    expect(shipbob.http.requests.some((r) => r.path.includes('SearchBy=SKU-B'))).toBe(true)
  })

  it('creates one ShipBob order when the answer to the create is lost, and remembers its id', async () => {
    shipbob.loseCreateAnswers = 1
    const order = shop.createOrder([{ sku: 'SKU-A', quantity: 1 }])
    const posted = await shop.sendWebhook(hub.url, 'shop', 'orders/create', order.body)
    const orderId = posted.body.results[0].orderId as string
    const fulfilmentId = (await hub.api(`/api/v1/orders/${orderId}`)).body.fulfilments[0].id as string
    const accepted = await waitFor(
      async () => {
        const f = (await hub.api(`/api/v1/orders/${orderId}`)).body.fulfilments[0]
        return f.externalRef ? f : undefined
      },
      10_000,
      'fulfilment accepted',
    )
    const calls = shipbob.createCalls().filter((c) => c.body.includes(fulfilmentId))
    expect(calls.length).toBe(2)
    expect(shipbob.accepted().filter((o) => o.reference_id === fulfilmentId)).toHaveLength(1)
    expect(accepted.externalRef).toBe(String(shipbob.byReference(fulfilmentId)!.id))
    // ShipBob is told the fulfillment centre the hub's routing chose (centre 7 is the hub's akl).
    const location = (await hub.api(`/api/v1/orders/${orderId}`)).body.fulfilments[0].locationId
    expect(shipbob.byReference(fulfilmentId)!.location_id).toBe(location === 'akl' ? 7 : 9)
  })

  it("ignores webhooks about orders of the account's other sales channels", async () => {
    const other = await shipbob.sendWebhook(hub.url, 'sb', 'order.shipped', {
      id: 999,
      reference_id: 'SHOPIFY-OTHER-1',
      channel: { id: 777, name: 'Another store' },
      shipments: [{ id: 1, status: 'Completed', tracking: { carrier: 'USPS', tracking_number: '9400' } }],
    })
    expect(other.status).toBe(200)
    expect(other.body.results).toEqual([
      { type: 'ignored', reason: `order of ShipBob channel 777, not ${shipbob.channelId}` },
    ])
  })

  it('refuses forged and stale webhooks with 401', async () => {
    const forged = await shipbob.sendWebhook(
      hub.url,
      'sb',
      'order.shipped',
      { id: 1, reference_id: 'x', shipments: [] },
      {
        secret: `whsec_${Buffer.from('another-key-another-key-another!').toString('base64')}`,
      },
    )
    expect(forged.status).toBe(401)
    const stale = await shipbob.sendWebhook(
      hub.url,
      'sb',
      'order.shipped',
      { id: 1, reference_id: 'x', shipments: [] },
      {
        timestampSec: Math.floor(Date.now() / 1000) - 3600,
      },
    )
    expect(stale.status).toBe(401)
    expect(stale.body.detail).toMatch(/timestamp/)
  })

  it('cancels a fulfilment order at ShipBob by its id, or finds it by reference_id', async () => {
    const ref = shipbob.accepted()[0]!
    const ctx = {
      ...hub.hub.context.contexts(hub.hub.context.registry.get('sb')!),
    } as Parameters<NonNullable<typeof shipbobPlugin.capabilities.fulfilment>['requestFulfilment']>[1]
    const cancel = shipbobPlugin.capabilities.fulfilment!.cancelFulfilment!
    expect(await cancel({ fulfilmentId: ref.reference_id }, ctx)).toMatchObject({
      status: 'accepted',
      externalRef: String(ref.id),
    })
    expect(shipbob.orders.get(ref.id)!.cancelled).toBe(true)
    expect(
      shipbob.http.requests.some((r) => r.method === 'POST' && r.path === `/2026-01/order/${ref.id}:cancel`),
    ).toBe(true)
    expect(await cancel({ fulfilmentId: 'not-at-shipbob' }, ctx)).toMatchObject({ status: 'skipped' })
  })
})

describe('pollers on PostgreSQL with two hub processes', () => {
  it('lets one process poll an instance at a time, and the other take over when it stops', async () => {
    const db = await createTestDb('postgresql')
    const shipbob = await ShipbobPeer.start()
    const config = [
      {
        id: 'sb',
        use: '@switchyard/shipbob',
        config: {
          baseUrl: shipbob.baseUrl,
          apiToken: { $env: 'SB_TOKEN' },
          channelId: shipbob.channelId,
          webhookSecret: { $env: 'SB_HOOK' },
        },
      },
    ]
    const env = { SB_TOKEN: shipbob.apiToken, SB_HOOK: shipbob.webhookSecret }
    // Long intervals: only the first scheduled round and the explicit runOnce calls poll.
    const a = await startConnectorHub(db, config, env, { pollMs: 600_000 })
    const b = await startConnectorHub(db, config, env, { pollMs: 600_000, adminKey: a.adminKey })
    try {
      await waitFor(
        async () =>
          (await a.hub.core.db.one("select 1 as x from plugin_state where key = 'hub:lease:inventory'")) ??
          undefined,
        5_000,
        'a lease',
      )
      const holder = (await a.hub.pollers!.runOnce('sb', 'inventory')) ? a : b
      const other = holder === a ? b : a
      expect(await holder.hub.pollers!.runOnce('sb', 'inventory')).toBe(true)
      expect(await other.hub.pollers!.runOnce('sb', 'inventory')).toBe(false)
      await holder.stop()
      expect(await other.hub.pollers!.runOnce('sb', 'inventory')).toBe(true)
    } finally {
      await a.stop()
      await b.stop()
      await shipbob.close()
      await db.drop()
    }
  })
})
