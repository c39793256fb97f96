import { SIGNATURE_HEADER, signTimestamped } from '@switchyard/plugin-sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { waitFor } from '../peers/http-peer'
import { RestWmsPeer } from '../peers/rest-wms-peer'
import { ShopifyPeer } from '../peers/shopify-peer'
import { createTestDb, dbKinds, type TestDb } from '../support/databases'
import { checkOrderInvariants } from '../support/invariants'
import { seedWorld } from '../support/world'
import { type ConnectorHub, startConnectorHub } from './connectors-hub'

/**
 * A Shopify order comes back: one unit resellable, one damaged. Exactly one goes back into stock,
 * the damaged one is written off, and Shopify is asked once for the right refund, with the same
 * idempotency key when the first try fails. An exchange ships its replacement.
 */
describe.each(dbKinds)('returns and refunds on %s', (kind) => {
  let db: TestDb
  let hub: ConnectorHub
  let shop: ShopifyPeer
  let wms: RestWmsPeer

  beforeAll(async () => {
    db = await createTestDb(kind)
    shop = await ShopifyPeer.start()
    wms = await RestWmsPeer.start('returns-wms-key', 'returns-wms-hook')
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
            lookbackSec: 0,
          },
        },
        {
          id: 'dc',
          use: '@switchyard/rest-wms',
          config: { baseUrl: wms.http.url, apiKey: { $env: 'K' }, webhookSecret: { $env: 'H' } },
        },
      ],
      { SHOP_TOKEN: shop.accessToken, SHOP_SECRET: shop.clientSecret, K: wms.apiKey, H: wms.webhookSecret },
    )
    await seedWorld(hub.api, { wms: 'dc' })
  })

  afterAll(async () => {
    await hub?.stop()
    await shop?.close()
    await wms?.close()
    await db?.drop()
  })

  async function shippedShopifyOrder(lines: { sku: string; quantity: number; price?: string }[]) {
    const order = shop.createOrder(lines)
    const posted = await shop.sendWebhook(hub.url, 'shop', 'orders/create', order.body)
    // 201, or 200 when the plugin's reconciliation poll took the order from the simulated shop
    // between its creation and the webhook (as it would from Shopify): either way the order is known.
    expect([200, 201]).toContain(posted.status)
    const orderId = posted.body.results[0].orderId as string
    expect(orderId).toEqual(expect.any(String))
    const f = await waitFor(
      () => wms.fulfilments().find((x) => x.request.orderId === orderId),
      10_000,
      'fulfilment request',
    )
    await wms.ship(hub.url, 'dc', f.request.fulfilmentId, {
      carrier: 'NZ Post',
      trackingNumber: `NZ${Date.now()}`,
    })
    await waitFor(async () =>
      (await hub.api(`/api/v1/orders/${orderId}`)).body.status === 'shipped' ? true : undefined,
    )
    return { orderId, order }
  }

  async function postReceipt(body: unknown) {
    const raw = JSON.stringify(body)
    const res = await fetch(`${hub.url}/webhooks/dc/returns`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [SIGNATURE_HEADER]: signTimestamped(wms.webhookSecret, raw),
      },
      body: raw,
    })
    return { status: res.status, body: (await res.json()) as Record<string, unknown> }
  }

  it('restocks the resellable unit, writes off the damaged one, and refunds the right amount once', async () => {
    const { orderId } = await shippedShopifyOrder([{ sku: 'SKU-A', quantity: 3, price: '20.00' }])
    const detail = (await hub.api(`/api/v1/orders/${orderId}`)).body
    const lineId = detail.lines[0].id

    const created = await hub.api(`/api/v1/orders/${orderId}/returns`, {
      body: { lines: [{ lineId, quantity: 2 }], reason: 'changed-mind' },
    })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({ status: 'authorised', lines: [{ sku: 'SKU-A', quantity: 2 }] })
    expect(created.body.rmaNumber).toMatch(/^RMA-\d{6}-[0-9A-F]{6}$/)
    const location = created.body.location.id as string
    const stockBefore =
      (await hub.api(`/api/v1/inventory?sku=SKU-A&location=${location}`)).body.items[0]?.onHand ?? 0

    const tooMany = await hub.api(`/api/v1/orders/${orderId}/returns`, {
      body: { lines: [{ lineId, quantity: 2 }] },
    })
    expect(tooMany.status).toBe(422)
    expect(tooMany.body.errors).toEqual([
      { field: 'lines[0].quantity', message: 'only 1 shipped and not yet returned' },
    ])

    // The first refund try fails: the retry must reuse the key.
    shop.failNextMatching((r) => r.body.includes('refundCreate('), { status: 502 })
    const received = await postReceipt({
      returnId: created.body.rmaNumber,
      lines: [
        { sku: 'SKU-A', quantity: 1, condition: 'resellable' },
        { sku: 'SKU-A', quantity: 1, condition: 'damaged' },
      ],
    })
    expect(received.status).toBe(200)

    const stockAfter = (await hub.api(`/api/v1/inventory?sku=SKU-A&location=${location}`)).body.items[0]
      .onHand
    expect(stockAfter - stockBefore).toBe(1)
    const writeOffs = await hub.hub.core.db.all<{ quantity: number }>(
      'select quantity from stock_write_off where return_id = ?',
      [created.body.id],
    )
    expect(writeOffs).toEqual([{ quantity: 1 }])

    const refund = await waitFor(
      () => shop.mutations.find((m) => m.operation === 'refundCreate'),
      15_000,
      'Shopify refundCreate',
    )
    const attempts = shop.http.requests.filter((r) => r.body.includes('refundCreate('))
    expect(attempts.length).toBeGreaterThanOrEqual(2)
    const keys = new Set(attempts.map((r) => /switchyard-refund-[0-9a-f-]+/.exec(r.body)?.[0]))
    expect(keys.size).toBe(1)
    expect(refund.idempotencyKey).toBe([...keys][0])
    expect(JSON.stringify(refund.variables)).toContain('"40.00"')
    expect(shop.mutations.filter((m) => m.operation === 'refundCreate')).toHaveLength(1)

    const after = await waitFor(
      async () => {
        const r = (await hub.api(`/api/v1/orders/${orderId}/returns`)).body
        return r.refunds[0]?.status === 'confirmed' ? r : undefined
      },
      10_000,
      'refund confirmed',
    )
    expect(after.refunds).toEqual([
      expect.objectContaining({ amount: '40.00', currency: 'NZD', status: 'confirmed' }),
    ])
    expect(after.returns[0]).toMatchObject({
      status: 'received',
      lines: [{ receivedResellable: 1, receivedDamaged: 1 }],
    })
    const history = (await hub.api(`/api/v1/orders/${orderId}`)).body.history.map(
      (h: { type: string }) => h.type,
    )
    expect(history).toEqual(
      expect.arrayContaining([
        'return.authorised',
        'return.received',
        'refund.requested',
        'refund.confirmed',
      ]),
    )

    const again = await postReceipt({
      returnId: created.body.rmaNumber,
      lines: [{ sku: 'SKU-A', quantity: 1, condition: 'resellable' }],
    })
    expect(again.status).toBe(409)
    expect(await checkOrderInvariants(hub.api)).toEqual([])
  })

  it('opens an RMA from a Shopify returns/request webhook, once, and refunds it on receipt', async () => {
    const { orderId, order } = await shippedShopifyOrder([
      { sku: 'SKU-A', quantity: 1, price: '20.00' },
      { sku: 'SKU-B', quantity: 2, price: '15.00' },
    ])
    const payload = shop.returnRequest(order, [{ sku: 'SKU-B', quantity: 1, note: 'too small' }])
    const first = await shop.sendWebhook(hub.url, 'shop', 'returns/request', payload)
    expect(first.status).toBe(200)
    expect(first.body.results).toEqual([expect.objectContaining({ type: 'return', status: 'authorised' })])
    // Shopify retries with the same webhook id; an approve for the same return comes with a new one.
    const again = await shop.sendWebhook(hub.url, 'shop', 'returns/approve', payload)
    expect(again.status).toBeLessThan(300)

    const listed = (await hub.api(`/api/v1/orders/${orderId}/returns`)).body
    expect(listed.returns).toHaveLength(1)
    expect(listed.returns[0]).toMatchObject({
      status: 'authorised',
      reason: 'wrong_item: too small',
      lines: [expect.objectContaining({ sku: 'SKU-B', quantity: 1 })],
    })

    const received = await postReceipt({
      returnId: listed.returns[0].rmaNumber,
      lines: [{ sku: 'SKU-B', quantity: 1, condition: 'resellable' }],
    })
    expect(received.status).toBe(200)
    const refund = await waitFor(
      () =>
        shop.mutations.find(
          (m) => m.operation === 'refundCreate' && JSON.stringify(m.variables).includes(String(order.id)),
        ),
      15_000,
      'Shopify refundCreate for the returned unit',
    )
    expect(JSON.stringify(refund.variables)).toContain('"15.00"')

    const unknown = await shop.sendWebhook(
      hub.url,
      'shop',
      'returns/request',
      shop.returnRequest(shop.createOrder([{ sku: 'SKU-A', quantity: 1 }]), [{ sku: 'SKU-A', quantity: 1 }]),
    )
    expect(unknown.status).toBe(404)
    expect(unknown.body).toMatchObject({ code: 'ORDER_NOT_FOUND' })
  })

  it('cancels a Shopify return the merchant declines, and leaves one closed after it came back', async () => {
    const { orderId, order } = await shippedShopifyOrder([{ sku: 'SKU-B', quantity: 2, price: '15.00' }])
    const declined = shop.returnRequest(order, [{ sku: 'SKU-B', quantity: 1 }])
    expect((await shop.sendWebhook(hub.url, 'shop', 'returns/request', declined)).status).toBe(200)
    // returns/decline, as Shopify sends it: the return with its status and the decline's reason.
    const decline = await shop.sendWebhook(hub.url, 'shop', 'returns/decline', {
      id: declined.id,
      admin_graphql_api_id: declined.admin_graphql_api_id,
      status: 'declined',
      order: declined.order,
      decline: { reason: 'FINAL_SALE', note: 'Sale items are final' },
    })
    expect(decline.status).toBe(200)
    expect(decline.body.results).toEqual([expect.objectContaining({ type: 'return', status: 'cancelled' })])
    const returns = (await hub.api(`/api/v1/orders/${orderId}/returns`)).body.returns
    expect(returns).toEqual([expect.objectContaining({ status: 'cancelled' })])
    const history = (await hub.api(`/api/v1/orders/${orderId}`)).body.history as {
      type: string
      data: unknown
    }[]
    expect(history.find((e) => e.type === 'return.cancelled')?.data).toMatchObject({
      reason: 'declined: final_sale: Sale items are final',
    })

    // The unit can still be returned on a new request; once received, a close leaves it received.
    const kept = shop.returnRequest(order, [{ sku: 'SKU-B', quantity: 1 }])
    await shop.sendWebhook(hub.url, 'shop', 'returns/request', kept)
    const rma = (await hub.api(`/api/v1/orders/${orderId}/returns`)).body.returns.find(
      (r: { status: string }) => r.status === 'authorised',
    ).rmaNumber
    expect(
      (await postReceipt({ returnId: rma, lines: [{ sku: 'SKU-B', quantity: 1, condition: 'resellable' }] }))
        .status,
    ).toBe(200)
    const close = await shop.sendWebhook(hub.url, 'shop', 'returns/close', {
      id: kept.id,
      status: 'closed',
      order: kept.order,
    })
    expect(close.body.results).toEqual([expect.objectContaining({ type: 'return', status: 'received' })])
  })

  it('ships the replacement of an exchange at once', async () => {
    const { orderId } = await shippedShopifyOrder([{ sku: 'SKU-B', quantity: 1, price: '35.00' }])
    // Intake's metrics count the replacement too, though no channel submitted it.
    const ordersCreated = async () => {
      const text = await (await fetch(`${hub.url}/metrics`)).text()
      const series = 'switchyard_orders_received_total{channel="shop",outcome="created"} '
      return Number(
        text
          .split('\n')
          .find((l) => l.startsWith(series))
          ?.slice(series.length) ?? 0,
      )
    }
    // Orders the Shopify poll takes meanwhile count too: compare the counter with the orders there
    // are, both read when neither moves, so only an uncounted order can make them differ.
    const shopOrders = async () => (await hub.api('/api/v1/orders/counts?channel=shop')).body.total as number
    const settled = async () => {
      for (;;) {
        const a = [await ordersCreated(), await shopOrders()]
        await new Promise((r) => setTimeout(r, 200))
        const b = [await ordersCreated(), await shopOrders()]
        if (a[0] === b[0] && a[1] === b[1]) return { counted: b[0]!, orders: b[1]! }
      }
    }
    const before = await settled()
    const lineId = (await hub.api(`/api/v1/orders/${orderId}`)).body.lines[0].id
    const created = await hub.api(`/api/v1/orders/${orderId}/returns`, {
      body: {
        lines: [{ lineId, quantity: 1 }],
        reason: 'wrong-size',
        exchange: { lines: [{ sku: 'SKU-A', quantity: 1 }], ship: 'first' },
      },
    })
    expect(created.status).toBe(201)
    const replacementId = created.body.exchangeOrderId as string
    expect(replacementId).toBeTruthy()
    const replacement = (await hub.api(`/api/v1/orders/${replacementId}`)).body
    expect(replacement).toMatchObject({
      channelInstanceId: 'shop',
      status: 'released',
      total: '0.00',
      tags: ['exchange'],
    })
    expect(replacement.externalOrderId).toContain(created.body.rmaNumber)
    const after = await settled()
    expect(after.orders - before.orders).toBeGreaterThanOrEqual(1)
    expect(after.counted - before.counted).toBe(after.orders - before.orders)
    await waitFor(
      () => wms.fulfilments().find((f) => f.request.orderId === replacementId),
      10_000,
      'the replacement at the warehouse',
    )
  })

  it('refuses a return of an order that has not shipped, naming the state', async () => {
    const order = shop.createOrder([{ sku: 'SKU-A', quantity: 1 }])
    const posted = await shop.sendWebhook(hub.url, 'shop', 'orders/create', order.body)
    const orderId = posted.body.results[0].orderId
    const lineId = (await hub.api(`/api/v1/orders/${orderId}`)).body.lines[0].id
    const res = await hub.api(`/api/v1/orders/${orderId}/returns`, {
      body: { lines: [{ lineId, quantity: 1 }] },
    })
    expect(res.status).toBe(409)
    expect(res.body).toMatchObject({
      code: 'OPERATION_NOT_ALLOWED',
      details: { operation: 'return', status: 'released' },
    })
  })
})
