import type { OrderStatusUpdate, RefundRequest } from '@switchyard/plugin-sdk'
import { createTestContext } from '@switchyard/plugin-sdk/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import amazon from '../../plugins/amazon/src/index'
import shopify from '../../plugins/shopify/src/index'
import woocommerce from '../../plugins/woocommerce/src/index'
import { AmazonPeer } from '../peers/amazon-peer'
import { ShopifyPeer } from '../peers/shopify-peer'
import { WoocommercePeer } from '../peers/woocommerce-peer'

/**
 * The channel calls the hub makes from its outbox (cancel, refund, stock levels, prices), run
 * against the simulated shops and marketplace: the right API shapes, and safe to retry.
 */
const update = (externalOrderId: string, status: OrderStatusUpdate['status']): OrderStatusUpdate => ({
  orderId: '01960000-0000-7000-8000-0000000000aa',
  externalOrderId,
  status,
  reason: 'customer asked',
  lines: [],
  shipments: [],
  occurredAt: new Date().toISOString(),
})

describe('Shopify outbound', () => {
  let shop: ShopifyPeer
  const ctx = (idempotencyKey?: string) =>
    createTestContext(
      shopify,
      {
        shop: shop.shop,
        baseUrl: shop.http.url,
        accessToken: shop.accessToken,
        webhookSecret: shop.clientSecret,
        locationId: 'gid://shopify/Location/1',
      },
      idempotencyKey ? { idempotencyKey } : {},
    )

  beforeAll(async () => {
    shop = await ShopifyPeer.start()
  })
  afterAll(async () => {
    await shop?.close()
  })

  it('refunds with one @idempotent key for every retry of one refund', async () => {
    const order = shop.createOrder([{ sku: 'SKU-A', quantity: 2 }])
    const refund: RefundRequest = {
      refundId: 'r-123',
      orderId: 'o-1',
      externalOrderId: String(order.id),
      amount: '12.50',
      currency: 'NZD',
      reason: 'damaged',
      lines: [{ externalLineId: String(order.line_items[0]!.id), sku: 'SKU-A', quantity: 1, restock: true }],
      notifyCustomer: false,
    }
    const t = ctx()
    const first = await shopify.capabilities.refundPush!.pushRefund(refund, t.ctx)
    const retry = await shopify.capabilities.refundPush!.pushRefund(refund, t.ctx)
    expect(retry).toEqual(first)
    const calls = shop.mutations.filter((m) => m.operation === 'refundCreate')
    expect(calls.map((c) => c.idempotencyKey)).toEqual(['switchyard-refund-r-123', 'switchyard-refund-r-123'])
    expect(calls[0]!.variables.input).toMatchObject({
      orderId: `gid://shopify/Order/${order.id}`,
      refundLineItems: [
        {
          lineItemId: `gid://shopify/LineItem/${order.line_items[0]!.id}`,
          quantity: 1,
          restockType: 'RETURN',
        },
      ],
      transactions: [{ kind: 'REFUND', amount: '12.50', parentId: 'gid://shopify/OrderTransaction/1' }],
    })
  })

  it('cancels with orderCancel', async () => {
    const order = shop.createOrder([{ sku: 'SKU-A', quantity: 1 }])
    const result = await shopify.capabilities.statusPush!.pushStatus(
      update(String(order.id), 'cancelled'),
      ctx().ctx,
    )
    expect(result).toMatchObject({
      status: 'accepted',
      externalRef: expect.stringMatching(/^gid:\/\/shopify\/Job\//),
    })
    expect(shop.mutations.at(-1)).toMatchObject({
      operation: 'orderCancel',
      variables: { orderId: `gid://shopify/Order/${order.id}`, restock: true, staffNote: 'customer asked' },
    })
  })

  it('sets available quantities by inventory item with compare-and-swap, looking skus up once', async () => {
    shop.variants.set('SKU-A', 'gid://shopify/InventoryItem/111')
    shop.available.set('gid://shopify/InventoryItem/111', 3)
    const t = ctx('inventory.push:batch-1')
    const levels = [
      { sku: 'SKU-A', available: 7, asOf: new Date().toISOString() },
      { sku: 'NOT-AT-SHOPIFY', available: 1, asOf: new Date().toISOString() },
    ]
    expect(await shopify.capabilities.inventoryPush!.pushInventory(levels, t.ctx)).toEqual({
      status: 'accepted',
    })
    const sets = () => shop.mutations.filter((m) => m.operation === 'inventorySetQuantities')
    expect(sets()[0]).toMatchObject({
      idempotencyKey: expect.stringMatching(/^inventory\.push:batch-1:[0-9a-f]{24}$/),
      variables: {
        input: {
          name: 'available',
          quantities: [
            {
              inventoryItemId: 'gid://shopify/InventoryItem/111',
              locationId: 'gid://shopify/Location/1',
              quantity: 7,
              changeFromQuantity: 3,
            },
          ],
        },
      },
    })
    expect(sets()[0]!.variables.input).not.toHaveProperty('ignoreCompareQuantity')
    expect(shop.available.get('gid://shopify/InventoryItem/111')).toBe(7)
    // Already right: nothing is written, and SKU-A's inventory item came from state.
    expect(await shopify.capabilities.inventoryPush!.pushInventory(levels.slice(0, 1), t.ctx)).toMatchObject({
      status: 'skipped',
    })
    const lookups = shop.http.requests.filter((r) => r.body.includes('productVariants('))
    expect(lookups).toHaveLength(1)
    expect(sets()).toHaveLength(1)
  })

  it('retries a lost compare-and-swap race with the fresh level, keeping the sale Shopify took meanwhile', async () => {
    shop.variants.set('SKU-RACE', 'gid://shopify/InventoryItem/222')
    shop.available.set('gid://shopify/InventoryItem/222', 10)
    const before = shop.mutations.length
    // A unit sells at Shopify between the connector's read (10) and its write.
    shop.raceNextSet('gid://shopify/InventoryItem/222', -1)
    const result = await shopify.capabilities.inventoryPush!.pushInventory(
      [{ sku: 'SKU-RACE', available: 4, asOf: new Date().toISOString() }],
      ctx('inventory.push:race').ctx,
    )
    expect(result).toEqual({ status: 'accepted' })
    const tries = shop.mutations.slice(before).filter((m) => m.operation === 'inventorySetQuantities')
    expect(tries.map((m) => m.variables.input.quantities[0].changeFromQuantity)).toEqual([10, 9])
    // The hub said 4 before it heard of that sale: Shopify shows 3, never more than the hub's figure.
    expect(tries.map((m) => m.variables.input.quantities[0].quantity)).toEqual([4, 3])
    expect(new Set(tries.map((m) => m.idempotencyKey)).size).toBe(2)
    expect(shop.available.get('gid://shopify/InventoryItem/222')).toBe(3)
  })

  it('sets variant prices by product when channel pricing is on, refusing another currency', async () => {
    shop.variants.set('SKU-P1', 'gid://shopify/InventoryItem/333')
    const config = {
      shop: shop.shop,
      accessToken: shop.accessToken,
      webhookSecret: shop.clientSecret,
    }
    expect(shopify.capabilities.pricePush!.enabled!(shopify.config.parse(config))).toBe(false)
    expect(shopify.capabilities.pricePush!.enabled!(shopify.config.parse({ ...config, prices: true }))).toBe(
      true,
    )
    const t = createTestContext(shopify, { ...config, baseUrl: shop.http.url, prices: true, currency: 'NZD' })
    const prices = [
      { sku: 'SKU-P1', currency: 'NZD', price: '24.50', priceListId: 'retail' },
      { sku: 'NOT-AT-SHOPIFY', currency: 'NZD', price: '1.00', priceListId: 'retail' },
    ]
    expect(await shopify.capabilities.pricePush!.pushPrices(prices, t.ctx)).toEqual({ status: 'accepted' })
    expect(shop.prices.get('SKU-P1')).toBe('24.50')
    expect(shop.mutations.at(-1)).toMatchObject({
      operation: 'productVariantsBulkUpdate',
      variables: {
        productId: 'gid://shopify/Product/333',
        variants: [{ id: 'gid://shopify/ProductVariant/333', price: '24.50' }],
      },
    })
    const usd = await shopify.capabilities
      .pricePush!.pushPrices([{ sku: 'SKU-P1', currency: 'USD', price: '15.00', priceListId: 'us' }], t.ctx)
      .catch((e: unknown) => e)
    expect(usd).toMatchObject({
      failure: 'permanent',
      message: expect.stringContaining('SKU-P1 is priced in USD'),
    })
  })

  it('classifies a GraphQL THROTTLED answer as a rate limit with the wait the bucket needs', async () => {
    shop.failNext(1, {
      status: 200,
      body: JSON.stringify({
        errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED' } }],
        extensions: {
          cost: { requestedQueryCost: 202, throttleStatus: { currentlyAvailable: 2, restoreRate: 50 } },
        },
      }),
    })
    const error = await shopify.capabilities
      .statusPush!.pushStatus(
        update(String(shop.createOrder([{ sku: 'SKU-A', quantity: 1 }]).id), 'cancelled'),
        ctx().ctx,
      )
      .catch((e: unknown) => e)
    expect(error).toMatchObject({
      failure: 'transient',
      code: 'SWITCHYARD_PLUGIN_RATE_LIMITED',
      retryAfterMs: 4000,
    })
  })
})

describe('WooCommerce outbound', () => {
  let woo: WoocommercePeer
  const ctx = () =>
    createTestContext(woocommerce, {
      siteUrl: woo.http.url,
      consumerKey: woo.consumerKey,
      consumerSecret: woo.consumerSecret,
      webhookSecret: woo.webhookSecret,
    }).ctx

  beforeAll(async () => {
    woo = await WoocommercePeer.start()
  })
  afterAll(async () => {
    await woo?.close()
  })

  it('refunds once, however often the refund is retried', async () => {
    const order = woo.createOrder([{ sku: 'SKU-A', quantity: 2 }])
    const refund: RefundRequest = {
      refundId: 'r-9',
      orderId: 'o-9',
      externalOrderId: String(order.id),
      amount: '15.00',
      reason: 'late',
      lines: [{ externalLineId: String(order.line_items[0]!.id), sku: 'SKU-A', quantity: 1 }],
      notifyCustomer: false,
    }
    const first = await woocommerce.capabilities.refundPush!.pushRefund(refund, ctx())
    const second = await woocommerce.capabilities.refundPush!.pushRefund(refund, ctx())
    expect(second).toEqual(first)
    expect(woo.refunds.get(order.id)).toEqual([
      { id: 8000, amount: '15.00', reason: 'late [switchyard:r-9]' },
    ])
  })

  it('sets status cancelled', async () => {
    const order = woo.createOrder([{ sku: 'SKU-A', quantity: 1 }])
    expect(
      await woocommerce.capabilities.statusPush!.pushStatus(update(String(order.id), 'cancelled'), ctx()),
    ).toEqual({
      status: 'accepted',
    })
    expect(order.status).toBe('cancelled')
  })

  it('adds the tracking note once when a shipped update is retried', async () => {
    const order = woo.createOrder([{ sku: 'SKU-A', quantity: 1 }])
    const shipped: OrderStatusUpdate = {
      ...update(String(order.id), 'shipped'),
      shipments: [
        {
          fulfilmentId: 'f',
          carrier: 'NZ Post',
          trackingNumber: 'NZP1',
          shippedAt: new Date().toISOString(),
          lines: [],
        },
      ],
    }
    await woocommerce.capabilities.statusPush!.pushStatus(shipped, ctx())
    await woocommerce.capabilities.statusPush!.pushStatus(shipped, ctx())
    expect(woo.notes.get(order.id)).toHaveLength(1)
    expect(order.status).toBe('completed')
  })

  it('sets stock of products and variations through the batch endpoints, looking skus up once', async () => {
    woo.addProduct('W-SIMPLE', { stock: 1 })
    const parent = woo.addProduct('W-PARENT')
    woo.addProduct('W-VAR', { parentId: parent, stock: 0 })
    const t = ctx()
    const asOf = new Date().toISOString()
    const levels = [
      { sku: 'W-SIMPLE', available: 5, asOf },
      { sku: 'W-VAR', available: 3, asOf },
      { sku: 'W-NOWHERE', available: 2, asOf },
    ]
    const before = woo.http.requests.length
    expect(await woocommerce.capabilities.inventoryPush!.pushInventory(levels, t)).toEqual({
      status: 'accepted',
    })
    expect(woo.listing('W-SIMPLE')).toMatchObject({ manage_stock: true, stock_quantity: 5 })
    expect(woo.listing('W-VAR')).toMatchObject({ manage_stock: true, stock_quantity: 3 })
    const calls = woo.http.requests.slice(before).map((r) => `${r.method} ${r.path.split('?')[0]}`)
    expect(calls).toEqual([
      'GET /wp-json/wc/v3/products',
      'POST /wp-json/wc/v3/products/batch',
      `POST /wp-json/wc/v3/products/${parent}/variations/batch`,
    ])
    // Known now: the next push goes straight to the batch endpoints, with zero clamped.
    const again = woo.http.requests.length
    await woocommerce.capabilities.inventoryPush!.pushInventory([{ sku: 'W-VAR', available: -2, asOf }], t)
    expect(woo.http.requests.slice(again).map((r) => r.method)).toEqual(['POST'])
    expect(woo.listing('W-VAR')!.stock_quantity).toBe(0)
  })

  it('names a listing the shop no longer has and looks it up again next time', async () => {
    const id = woo.addProduct('W-GONE', { stock: 4 })
    const t = ctx()
    const asOf = new Date().toISOString()
    await woocommerce.capabilities.inventoryPush!.pushInventory([{ sku: 'W-GONE', available: 2, asOf }], t)
    woo.products.delete(id)
    const refused = await woocommerce.capabilities
      .inventoryPush!.pushInventory([{ sku: 'W-GONE', available: 1, asOf }], t)
      .catch((e: unknown) => e)
    expect(refused).toMatchObject({ failure: 'permanent', message: expect.stringContaining('W-GONE') })
    woo.addProduct('W-GONE', { stock: 0 })
    expect(
      await woocommerce.capabilities.inventoryPush!.pushInventory([{ sku: 'W-GONE', available: 1, asOf }], t),
    ).toEqual({ status: 'accepted' })
    expect(woo.listing('W-GONE')!.stock_quantity).toBe(1)
  })

  it('sets regular prices when channel pricing is on, in the store currency only', async () => {
    woo.addProduct('W-PRICED', { price: '9.00' })
    const config = {
      siteUrl: woo.http.url,
      consumerKey: woo.consumerKey,
      consumerSecret: woo.consumerSecret,
      webhookSecret: woo.webhookSecret,
    }
    expect(woocommerce.capabilities.pricePush!.enabled!(woocommerce.config.parse(config))).toBe(false)
    const t = createTestContext(woocommerce, { ...config, prices: true, currency: 'NZD' }).ctx
    expect(woocommerce.capabilities.pricePush!.enabled!(t.config)).toBe(true)
    expect(
      await woocommerce.capabilities.pricePush!.pushPrices(
        [{ sku: 'W-PRICED', currency: 'NZD', price: '12.40', priceListId: 'retail' }],
        t,
      ),
    ).toEqual({ status: 'accepted' })
    expect(woo.listing('W-PRICED')!.regular_price).toBe('12.40')
    const aud = await woocommerce.capabilities
      .pricePush!.pushPrices([{ sku: 'W-PRICED', currency: 'AUD', price: '11.00', priceListId: 'au' }], t)
      .catch((e: unknown) => e)
    expect(aud).toMatchObject({
      failure: 'permanent',
      message: expect.stringContaining('W-PRICED is priced in AUD'),
    })
    expect(woo.listing('W-PRICED')!.regular_price).toBe('12.40')
  })
})

describe('Amazon outbound', () => {
  let peer: AmazonPeer
  const ctx = (config: Record<string, unknown> = {}) =>
    createTestContext(amazon, {
      endpoint: peer.http.url,
      tokenUrl: `${peer.http.url}/auth/o2/token`,
      marketplaceId: peer.marketplaceId,
      sellerId: 'A2EXAMPLESELLER',
      clientId: peer.clientId,
      clientSecret: peer.clientSecret,
      refreshToken: peer.refreshToken,
      ...config,
    }).ctx

  beforeAll(async () => {
    peer = await AmazonPeer.start()
  })
  afterAll(async () => {
    await peer?.close()
  })

  it('sets each listing’s seller-fulfilled quantity with a merge patch; a sku with no listing is passed over', async () => {
    peer.listings.set('AMZ-Q1', { quantity: 2, price: 10, currency: 'NZD' })
    const asOf = new Date().toISOString()
    const result = await amazon.capabilities.inventoryPush!.pushInventory(
      [
        { sku: 'AMZ-Q1', available: 7, asOf },
        { sku: 'AMZ-NOT-LISTED', available: 1, asOf },
      ],
      ctx(),
    )
    expect(result).toEqual({ status: 'accepted' })
    expect(peer.listings.get('AMZ-Q1')).toMatchObject({ quantity: 7, price: 10 })
    const patch = peer.http.requests.find((r) => r.method === 'PATCH' && r.path.includes('/AMZ-Q1?'))!
    expect(patch.path).toBe(
      `/listings/2021-08-01/items/A2EXAMPLESELLER/AMZ-Q1?marketplaceIds=${peer.marketplaceId}`,
    )
    expect(JSON.parse(patch.body)).toEqual({
      productType: 'PRODUCT',
      patches: [
        {
          op: 'merge',
          path: '/attributes/fulfillment_availability',
          value: [{ fulfillment_channel_code: 'DEFAULT', quantity: 7 }],
        },
      ],
    })
  })

  it('sets offer prices when channel pricing is on, and names a listing Amazon refuses', async () => {
    peer.listings.set('AMZ-P1', { quantity: 1, price: 10, currency: 'NZD' })
    peer.listings.set('AMZ-P2', { quantity: 1, price: 10, currency: 'NZD' })
    expect(amazon.capabilities.pricePush!.enabled!(ctx().config)).toBe(false)
    const t = ctx({ prices: true })
    expect(amazon.capabilities.pricePush!.enabled!(t.config)).toBe(true)
    const refused = await amazon.capabilities
      .pricePush!.pushPrices(
        [
          { sku: 'AMZ-P1', currency: 'NZD', price: '19.95', priceListId: 'retail' },
          { sku: 'AMZ-P2', currency: 'NZD', price: '0.00', priceListId: 'retail' },
        ],
        t,
      )
      .catch((e: unknown) => e)
    // The good one is set; the refusal names the sku and Amazon's issue.
    expect(peer.listings.get('AMZ-P1')).toMatchObject({ price: 19.95, currency: 'NZD' })
    expect(refused).toMatchObject({ failure: 'permanent', message: expect.stringContaining('AMZ-P2') })
  })
})
