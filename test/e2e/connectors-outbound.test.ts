import type { OrderStatusUpdate, RefundRequest } from '@switchyard/plugin-sdk'
import { createTestContext } from '@switchyard/plugin-sdk/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import shopify from '../../plugins/shopify/src/index'
import woocommerce from '../../plugins/woocommerce/src/index'
import { ShopifyPeer } from '../peers/shopify-peer'
import { WoocommercePeer } from '../peers/woocommerce-peer'

/**
 * The channel calls the hub does not make yet from its outbox (cancel, refund, stock levels), run
 * against the simulated shops: the right API shapes, and safe to retry.
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

  it('sets available quantities by inventory item, looking skus up once', async () => {
    shop.variants.set('SKU-A', 'gid://shopify/InventoryItem/111')
    const t = ctx('inventory.push:batch-1')
    const levels = [
      { sku: 'SKU-A', available: 7, asOf: new Date().toISOString() },
      { sku: 'NOT-AT-SHOPIFY', available: 1, asOf: new Date().toISOString() },
    ]
    expect(await shopify.capabilities.inventoryPush!.pushInventory(levels, t.ctx)).toEqual({
      status: 'accepted',
    })
    await shopify.capabilities.inventoryPush!.pushInventory(levels.slice(0, 1), t.ctx)
    const sets = shop.mutations.filter((m) => m.operation === 'inventorySetQuantities')
    expect(sets[0]).toMatchObject({
      idempotencyKey: 'inventory.push:batch-1',
      variables: {
        input: {
          name: 'available',
          quantities: [
            {
              inventoryItemId: 'gid://shopify/InventoryItem/111',
              locationId: 'gid://shopify/Location/1',
              quantity: 7,
            },
          ],
        },
      },
    })
    const lookups = shop.http.requests.filter((r) => r.body.includes('productVariants('))
    // The second push found SKU-A's inventory item in state and asked Shopify nothing.
    expect(lookups).toHaveLength(1)
    expect(sets).toHaveLength(2)
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
})
