import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AmazonPeer } from '../peers/amazon-peer'
import { EbayPeer } from '../peers/ebay-peer'
import { EdiPartner } from '../peers/edi-partner'
import { waitFor } from '../peers/http-peer'
import { RestWmsPeer } from '../peers/rest-wms-peer'
import { ShopifyPeer } from '../peers/shopify-peer'
import { type PeerListing, TradeMePeer } from '../peers/trademe-peer'
import { WoocommercePeer } from '../peers/woocommerce-peer'
import { amazonEntry, ebayEntry, ediEntry } from '../support/connector-entries'
import { createTestDb, dbKinds, type TestDb } from '../support/databases'
import { seedWorld } from '../support/world'
import { type ConnectorHub, startConnectorHub } from './connectors-hub'

const ITEM = 'gid://shopify/InventoryItem/5150'
const TM_CAP = 2

/**
 * Stock on every channel (issue 17): one sku sold on Shopify, WooCommerce, Amazon, eBay, TradeMe
 * and an EDI partner that wants 846s, through the simulated peers. Within the sync window each
 * shows what the hub lets it sell; orders on Amazon, TradeMe and eBay take the shared stock and
 * lower them all; at zero every one shows zero (TradeMe's listing is withdrawn).
 */
describe.each(dbKinds)('stock on every channel on %s', (kind) => {
  let db: TestDb
  let hub: ConnectorHub
  let shop: ShopifyPeer
  let woo: WoocommercePeer
  let amazon: AmazonPeer
  let ebay: EbayPeer
  let trademe: TradeMePeer
  let listing: PeerListing
  let wms: RestWmsPeer
  let partner: EdiPartner
  const mailbox = mkdtempSync(join(tmpdir(), 'switchyard-stock-edi-'))
  const future = new Date(Date.now() + 86_400_000).toISOString()

  beforeAll(async () => {
    db = await createTestDb(kind)
    shop = await ShopifyPeer.start()
    woo = await WoocommercePeer.start()
    amazon = await AmazonPeer.start()
    ebay = await EbayPeer.start()
    trademe = await TradeMePeer.start()
    wms = await RestWmsPeer.start('stock-wms-key', 'stock-wms-hook')
    partner = new EdiPartner(mailbox)
    shop.variants.set('SKU-A', ITEM)
    woo.addProduct('SKU-A', { stock: 99 })
    amazon.listings.set('SKU-A', { quantity: 99, price: 10, currency: 'NZD' })
    ebay.list('SKU-A')
    listing = trademe.createListing({ title: 'Merino tee', sku: 'SKU-A', price: 10, quantity: 99 })
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
        ebayEntry(ebay),
        {
          id: 'tm',
          use: '@switchyard/trademe',
          config: {
            baseUrl: trademe.url,
            consumerKey: { $env: 'TM_CONSUMER_KEY' },
            consumerSecret: { $env: 'TM_CONSUMER_SECRET' },
            accessToken: { $env: 'TM_TOKEN' },
            accessTokenSecret: { $env: 'TM_TOKEN_SECRET' },
            reconcileFrom: new Date(Date.now() - 60_000).toISOString(),
            overlapSec: 5,
            listings: { 'SKU-A': listing.ListingId },
          },
        },
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
        EBAY_CLIENT_SECRET: ebay.clientSecret,
        EBAY_REFRESH_TOKEN: ebay.refreshToken,
        TM_CONSUMER_KEY: trademe.consumerKey,
        TM_CONSUMER_SECRET: trademe.consumerSecret,
        TM_TOKEN: trademe.accessToken,
        TM_TOKEN_SECRET: trademe.accessTokenSecret,
        DC_KEY: wms.apiKey,
        DC_HOOK: wms.webhookSecret,
        SWITCHYARD_STOCK_SYNC_MS: '200',
      },
      { pollMs: 200 },
    )
    await seedWorld(hub.api, { wms: 'dc', stock: [{ sku: 'SKU-A', locationId: 'akl', onHand: 10 }] })
    // TradeMe may show at most 2 at a time (a cap, no protected units): it hears min(2, ATP).
    const cap = await hub.api('/api/v1/pools', {
      method: 'PUT',
      body: { channel: 'tm', sku: 'SKU-A', protectedQty: 0, capUnits: TM_CAP },
    })
    expect(cap.status).toBe(200)
  }, 60_000)

  afterAll(async () => {
    await hub?.stop()
    await Promise.all([
      shop?.close(),
      woo?.close(),
      amazon?.close(),
      ebay?.close(),
      trademe?.close(),
      wms?.close(),
    ])
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
    ebay: ebay.quantities.get('SKU-A')?.shipToHome,
    tm: trademe.shown(listing.ListingId),
  })
  const hubSays = async (channel: string) =>
    (await hub.api(`/api/v1/availability?sku=SKU-A&channel=${channel}`)).body.items[0].channel.total as number
  const PEER_OF: Record<string, keyof ReturnType<typeof shows>> = {
    shop: 'shop',
    woo: 'woo',
    amzn: 'amzn',
    'acme-edi': 'edi',
    ebay: 'ebay',
    tm: 'tm',
  }
  /**
   * Every peer shows exactly what the hub says its channel may sell: `n` for the uncapped ones, and
   * for TradeMe its cap less the units of its own open orders (never more than `n`).
   */
  const everyPeerShows = (n: number, what: string) =>
    waitFor(
      async () => {
        const s = shows()
        for (const [channel, peer] of Object.entries(PEER_OF)) {
          const says = await hubSays(channel)
          if (s[peer] !== says || says > n || (channel !== 'tm' && says !== n)) return undefined
        }
        return s
      },
      15_000,
      `${what}: ${JSON.stringify(shows())}`,
    )

  const CHANNELS = ['shop', 'woo', 'amzn', 'acme-edi', 'ebay', 'tm']
  /** Waits for the channel's order, then for the hub's figure, then for every peer to show it. */
  const afterOrder = async (channel: string, externalId: string, expected: number) => {
    await waitFor(
      async () =>
        (await hub.api(`/api/v1/orders?channel=${channel}&externalId=${externalId}`)).body.items[0] ??
        undefined,
      15_000,
      `the ${channel} order`,
    )
    await waitFor(
      async () => ((await hubSays('woo')) === expected ? true : undefined),
      10_000,
      `the hub at ${expected}`,
    )
    await everyPeerShows(expected, `every peer at ${expected} after the ${channel} order`)
  }

  it('tells every channel what it may sell, lowers them all when any sells, and shows zero at zero', async () => {
    for (const channel of CHANNELS) expect(await hubSays(channel)).toBe(channel === 'tm' ? TM_CAP : 10)
    await everyPeerShows(10, 'every peer at 10')

    // Three sell on Amazon, two on TradeMe, one on eBay: every channel follows the shared stock.
    await afterOrder('amzn', amazon.createOrder([{ sku: 'SKU-A', quantity: 3 }]).orderId, 7)
    await afterOrder('tm', String(trademe.sell(listing, 2).PurchaseId), 5)
    await afterOrder('ebay', ebay.createOrder([{ sku: 'SKU-A', quantity: 1 }]).orderId, 4)

    // The rest is counted away: every channel shows zero, none more than the hub's figure.
    const counted = await hub.api('/api/v1/inventory', {
      method: 'PUT',
      body: { items: [{ sku: 'SKU-A', locationId: 'akl', onHand: 6 }] },
    })
    expect(counted.status).toBe(200)
    for (const channel of CHANNELS)
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
    for (const id of CHANNELS) expect(health.find((h) => h.id === id)?.consecutiveFailures, id).toBe(0)
  })
})
