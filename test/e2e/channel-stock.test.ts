import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AmazonPeer } from '../peers/amazon-peer'
import { EdiPartner } from '../peers/edi-partner'
import { waitFor } from '../peers/http-peer'
import { RestWmsPeer } from '../peers/rest-wms-peer'
import { ShopifyPeer } from '../peers/shopify-peer'
import { WoocommercePeer } from '../peers/woocommerce-peer'
import { amazonEntry, ediEntry } from '../support/connector-entries'
import { createTestDb, dbKinds, type TestDb } from '../support/databases'
import { seedWorld } from '../support/world'
import { type ConnectorHub, startConnectorHub } from './connectors-hub'

const ITEM = 'gid://shopify/InventoryItem/5150'

/**
 * Stock on every existing channel (issue 17): one sku sold on Shopify, WooCommerce, Amazon and an
 * EDI partner that wants 846s, through the simulated peers. Within the sync window each shows what
 * the hub lets it sell; an order on one lowers them all; at zero every one shows zero.
 */
describe.each(dbKinds)('stock on every channel on %s', (kind) => {
  let db: TestDb
  let hub: ConnectorHub
  let shop: ShopifyPeer
  let woo: WoocommercePeer
  let amazon: AmazonPeer
  let wms: RestWmsPeer
  let partner: EdiPartner
  const mailbox = mkdtempSync(join(tmpdir(), 'switchyard-stock-edi-'))
  const future = new Date(Date.now() + 86_400_000).toISOString()

  beforeAll(async () => {
    db = await createTestDb(kind)
    shop = await ShopifyPeer.start()
    woo = await WoocommercePeer.start()
    amazon = await AmazonPeer.start()
    wms = await RestWmsPeer.start('stock-wms-key', 'stock-wms-hook')
    partner = new EdiPartner(mailbox)
    shop.variants.set('SKU-A', ITEM)
    woo.addProduct('SKU-A', { stock: 99 })
    amazon.listings.set('SKU-A', { quantity: 99, price: 10, currency: 'NZD' })
    hub = await startConnectorHub(
      db,
      [
        {
          id: 'shop',
          use: '@switchyard/shopify',
          config: {
            shop: shop.shop,
            baseUrl: shop.http.url,
            accessToken: { $env: 'SHOP_TOKEN' },
            webhookSecret: { $env: 'SHOP_SECRET' },
            locationId: 'gid://shopify/Location/1',
            reconcileFrom: future,
          },
        },
        {
          id: 'woo',
          use: '@switchyard/woocommerce',
          config: {
            siteUrl: woo.http.url,
            consumerKey: { $env: 'WOO_KEY' },
            consumerSecret: { $env: 'WOO_SECRET' },
            webhookSecret: { $env: 'WOO_HOOK' },
            reconcileFrom: future,
          },
        },
        amazonEntry(amazon, { acknowledge: false }),
        ediEntry(mailbox, { inventoryAdvice: true }),
        {
          id: 'dc',
          use: '@switchyard/rest-wms',
          config: { baseUrl: wms.http.url, apiKey: { $env: 'DC_KEY' }, webhookSecret: { $env: 'DC_HOOK' } },
        },
      ],
      {
        SHOP_TOKEN: shop.accessToken,
        SHOP_SECRET: shop.clientSecret,
        WOO_KEY: woo.consumerKey,
        WOO_SECRET: woo.consumerSecret,
        WOO_HOOK: woo.webhookSecret,
        AMZN_CLIENT_SECRET: amazon.clientSecret,
        AMZN_REFRESH_TOKEN: amazon.refreshToken,
        DC_KEY: wms.apiKey,
        DC_HOOK: wms.webhookSecret,
        SWITCHYARD_STOCK_SYNC_MS: '200',
      },
      { pollMs: 200 },
    )
    await seedWorld(hub.api, { wms: 'dc', stock: [{ sku: 'SKU-A', locationId: 'akl', onHand: 10 }] })
  }, 60_000)

  afterAll(async () => {
    await hub?.stop()
    await Promise.all([shop?.close(), woo?.close(), amazon?.close(), wms?.close()])
    await db?.drop()
    rmSync(mailbox, { recursive: true, force: true })
  })

  /** The last 846 the partner received: its quantity for SKU-A. */
  const ediShows = () => {
    const advices = partner.received().filter((d) => d.setIds.includes('846'))
    const segs = advices.at(-1)?.segments ?? []
    const at = segs.findIndex((s) => s[0] === 'LIN' && s[3] === 'SKU-A')
    return at >= 0 ? Number(segs[at + 1]?.[2]) : undefined
  }
  const shows = () => ({
    shop: shop.available.get(ITEM),
    woo: woo.listing('SKU-A')?.stock_quantity,
    amzn: amazon.listings.get('SKU-A')?.quantity,
    edi: ediShows(),
  })
  const hubSays = async (channel: string) =>
    (await hub.api(`/api/v1/availability?sku=SKU-A&channel=${channel}`)).body.items[0].channel.total as number
  const everyPeerShows = (n: number, what: string) =>
    waitFor(
      () => {
        const s = shows()
        return Object.values(s).every((v) => v === n) ? s : undefined
      },
      15_000,
      `${what}: ${JSON.stringify(shows())}`,
    )

  it('tells every channel what it may sell, lowers them all when one sells, and shows zero at zero', async () => {
    for (const channel of ['shop', 'woo', 'amzn', 'acme-edi']) expect(await hubSays(channel)).toBe(10)
    await everyPeerShows(10, 'every peer at 10')

    // Three sell on Amazon: every channel hears 7.
    const order = amazon.createOrder([{ sku: 'SKU-A', quantity: 3 }])
    await waitFor(
      async () =>
        (await hub.api(`/api/v1/orders?channel=amzn&externalId=${order.orderId}`)).body.items[0] ?? undefined,
      15_000,
      'the Amazon order',
    )
    await waitFor(async () => ((await hubSays('woo')) === 7 ? true : undefined), 10_000, 'the hub at 7')
    await everyPeerShows(7, 'every peer at 7')

    // The rest is counted away: every channel shows zero, none more than the hub's figure.
    const counted = await hub.api('/api/v1/inventory', {
      method: 'PUT',
      body: { items: [{ sku: 'SKU-A', locationId: 'akl', onHand: 3 }] },
    })
    expect(counted.status).toBe(200)
    for (const channel of ['shop', 'woo', 'amzn', 'acme-edi'])
      await waitFor(
        async () => ((await hubSays(channel)) === 0 ? true : undefined),
        10_000,
        `${channel} at 0`,
      )
    await everyPeerShows(0, 'every peer at 0')

    const health = (await hub.api('/api/v1/plugins')).body.items as {
      id: string
      consecutiveFailures: number
    }[]
    for (const id of ['shop', 'woo', 'amzn', 'acme-edi'])
      expect(health.find((h) => h.id === id)?.consecutiveFailures, id).toBe(0)
  })
})
