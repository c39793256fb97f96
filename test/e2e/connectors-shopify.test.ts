import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { waitFor } from '../peers/http-peer'
import { ShipbobPeer } from '../peers/shipbob-peer'
import { ShopifyPeer } from '../peers/shopify-peer'
import { createTestDb, type TestDb } from '../support/databases'
import { seedWorld } from '../support/world'
import { type ConnectorHub, startConnectorHub, storedTextOf } from './connectors-hub'

/**
 * Shopify → hub → ShipBob → hub → Shopify over real HTTP on 127.0.0.1: signed webhooks, dedupe,
 * the reconciliation poll after downtime, fulfilment on fulfilment-order line items with tracking,
 * and the proof that no secret lands in a log line or a stored row.
 */
describe('Shopify channel with the ShipBob WMS', () => {
  let db: TestDb
  let hub: ConnectorHub
  let shop: ShopifyPeer
  let shipbob: ShipbobPeer
  const startedAt = new Date(Date.now() - 60_000).toISOString()

  const plugins = () => [
    {
      id: 'shop',
      use: '@switchyard/shopify',
      config: {
        shop: shop.shop,
        baseUrl: shop.http.url,
        accessToken: { $env: 'SHOP_TOKEN' },
        webhookSecret: { $env: 'SHOP_SECRET' },
        reconcileFrom: startedAt,
        lookbackSec: 0,
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
        locations: { '7': 'akl' },
        timeoutMs: 1000,
      },
    },
  ]
  const secrets = () => ({
    SHOP_TOKEN: shop.accessToken,
    SHOP_SECRET: shop.clientSecret,
    SB_TOKEN: shipbob.apiToken,
    SB_HOOK: shipbob.webhookSecret,
  })

  beforeAll(async () => {
    db = await createTestDb('sqlite')
    shop = await ShopifyPeer.start()
    shipbob = await ShipbobPeer.start()
    hub = await startConnectorHub(db, plugins(), secrets(), { pollMs: 300 })
    await seedWorld(hub.api, { wms: 'sb' })
  })

  afterAll(async () => {
    await hub?.stop()
    await shop?.close()
    await shipbob?.close()
    await db?.drop()
  })

  const ordersOf = async (externalId: string) =>
    (await hub.api(`/api/v1/orders?channel=shop&externalId=${externalId}`)).body.items as { id: string }[]

  it('routes a webhook order to ShipBob and sends the fulfilment with tracking back to Shopify', async () => {
    const order = shop.createOrder(
      [
        { sku: 'SKU-A', quantity: 2 },
        { sku: 'SKU-B', quantity: 1, price: '40.00' },
      ],
      { bigIds: true },
    )
    const posted = await shop.sendWebhook(hub.url, 'shop', 'orders/create', order.body)
    expect(posted.status).toBe(201)
    const result = posted.body.results[0]
    // An id above 2^53 survives intact: JSON.parse would have turned ...508+n into a neighbour.
    expect(result).toMatchObject({ externalOrderId: String(order.id), created: true, status: 'released' })
    expect(BigInt(result.externalOrderId)).toBe(order.id)

    const created = await waitFor(
      () => shipbob.accepted().find((o) => o.order_number === order.name),
      10_000,
      'ShipBob order',
    )
    const detail = await hub.api(`/api/v1/orders/${result.orderId}`)
    expect(created.reference_id).toBe(detail.body.fulfilments[0].id)
    expect(created.products).toEqual([
      { reference_id: 'SKU-A', name: 'Item SKU-A', quantity: 2 },
      { reference_id: 'SKU-B', name: 'Item SKU-B', quantity: 1 },
    ])
    expect(shipbob.createCalls()[0]!.headers.shipbob_channel_id).toBe(shipbob.channelId)

    const shipped = await shipbob.ship(hub.url, 'sb', created.reference_id, {
      carrier: 'UPS',
      trackingNumber: '1Z999AA10123456784',
    })
    expect(shipped.status).toBe(200)

    const fulfilment = await waitFor(() => shop.fulfilments()[0], 10_000, 'Shopify fulfillmentCreate')
    const input = fulfilment.variables.fulfillment
    expect(input.trackingInfo).toMatchObject({ company: 'UPS', number: '1Z999AA10123456784' })
    // Fulfilment-order line items, not order line items, and the quantities shipped.
    const fo = order.fulfillmentOrders[0]!
    expect(input.lineItemsByFulfillmentOrder).toEqual([
      {
        fulfillmentOrderId: fo.id,
        fulfillmentOrderLineItems: fo.lineItems.map((l) => ({
          id: l.id,
          quantity: l.lineItemId === order.line_items[0]!.id ? 2 : 1,
        })),
      },
    ])
    expect(order.fulfillments).toHaveLength(1)
    expect((await hub.api(`/api/v1/orders/${result.orderId}`)).body.status).toBe('shipped')
  })

  it('creates one order from replayed webhooks, and acknowledges the replay', async () => {
    const order = shop.createOrder([{ sku: 'SKU-A', quantity: 1 }])
    const first = await shop.sendWebhook(hub.url, 'shop', 'orders/create', order.body, {
      webhookId: 'wh-replay-1',
    })
    const replay = await shop.sendWebhook(hub.url, 'shop', 'orders/create', order.body, {
      webhookId: 'wh-replay-1',
    })
    // orders/updated for the same order is a different delivery: intake dedupes on the order id.
    const updated = await shop.sendWebhook(hub.url, 'shop', 'orders/updated', order.body, {
      webhookId: 'wh-replay-2',
    })
    expect(first.status).toBe(201)
    expect(replay).toMatchObject({ status: 200, body: { duplicate: true } })
    expect(updated.status).toBe(200)
    expect(updated.body.results[0]).toMatchObject({ created: false })
    expect(await ordersOf(String(order.id))).toHaveLength(1)
    // The same event delivered to a second subscription (its own webhook id, the same event id) is
    // a duplicate too: Shopify says to dedupe on X-Shopify-Event-Id.
    const other = shop.createOrder([{ sku: 'SKU-A', quantity: 1 }])
    const once = await shop.sendWebhook(hub.url, 'shop', 'orders/create', other.body, {
      eventId: 'ev-two-subs',
    })
    const twice = await shop.sendWebhook(hub.url, 'shop', 'orders/create', other.body, {
      eventId: 'ev-two-subs',
    })
    expect(once.status).toBe(201)
    expect(twice).toMatchObject({ status: 200, body: { duplicate: true } })
  })

  it('applies an orders/updated to an order not yet released, and says when it is too late', async () => {
    // SKU-D has no stock anywhere: the order waits, backordered, so it can still be changed.
    const order = shop.createOrder([
      { sku: 'SKU-D', quantity: 1 },
      { sku: 'SKU-A', quantity: 1 },
    ])
    const created = await shop.sendWebhook(hub.url, 'shop', 'orders/create', order.body)
    const orderId = created.body.results[0].orderId as string
    expect((await hub.api(`/api/v1/orders/${orderId}`)).body.status).toBe('backordered')
    const body = structuredClone(order.body) as Record<string, any>
    // Edited in Shopify: a new street, two of the first item, the second removed.
    body.shipping_address.address1 = '9 Ponsonby Rd'
    body.line_items[0].current_quantity = 2
    body.line_items[1].current_quantity = 0
    const updated = await shop.sendWebhook(hub.url, 'shop', 'orders/updated', body)
    expect(updated.status).toBe(200)
    expect(updated.body.results[0]).toMatchObject({ type: 'modified', orderId })
    const after = (await hub.api(`/api/v1/orders/${orderId}`)).body
    expect(after.shipTo.line1).toBe('9 Ponsonby Rd')
    const qty = (sku: string) =>
      after.lines
        .filter((l: { sku: string }) => l.sku === sku)
        .reduce((n: number, l: { quantity: number; cancelled: number }) => n + l.quantity - l.cancelled, 0)
    expect([qty('SKU-D'), qty('SKU-A')]).toEqual([2, 0])
    // The same update again changes nothing.
    const again = await shop.sendWebhook(hub.url, 'shop', 'orders/updated', {
      ...body,
      updated_at: new Date().toISOString(),
    })
    expect(again.body.results[0]).toMatchObject({ type: 'order', orderId, created: false })

    // A released order keeps what the warehouse has; the channel hears the change was not applied.
    const live = shop.createOrder([{ sku: 'SKU-A', quantity: 1 }])
    const liveId = (await shop.sendWebhook(hub.url, 'shop', 'orders/create', live.body)).body.results[0]
      .orderId
    expect((await hub.api(`/api/v1/orders/${liveId}`)).body.status).toBe('released')
    const late = structuredClone(live.body) as Record<string, any>
    late.line_items[0].current_quantity = 3
    const tooLate = await shop.sendWebhook(hub.url, 'shop', 'orders/updated', late)
    expect(tooLate.body.results[0]).toMatchObject({
      type: 'ignored',
      reason: expect.stringMatching(/released/),
    })
  })

  it('answers a wrong signature with 401 and stores nothing', async () => {
    const order = shop.createOrder([{ sku: 'SKU-A', quantity: 1 }])
    const forged = await shop.sendWebhook(hub.url, 'shop', 'orders/create', order.body, {
      secret: 'not-the-client-secret',
      webhookId: 'wh-forged-1',
    })
    expect(forged.status).toBe(401)
    expect(forged.body).toMatchObject({ code: 'SIGNATURE_INVALID' })
    expect(await ordersOf(String(order.id))).toHaveLength(0)
    const receipt = await hub.hub.core.db.one('select 1 as x from webhook_receipt where dedupe_key = ?', [
      'shopify:wh-forged-1',
    ])
    expect(receipt).toBeUndefined()
    // Deleted so the reconciliation poll does not take it later in this file.
    shop.orders.delete(String(order.id))
  })

  it('picks up an order whose webhook was missed while the hub was down', async () => {
    await hub.stop()
    const missed = shop.createOrder([{ sku: 'SKU-B', quantity: 2 }])
    hub = await startConnectorHub(db, plugins(), secrets(), { pollMs: 300, adminKey: hub.adminKey })
    const found = await waitFor(
      async () => (await ordersOf(String(missed.id)))[0],
      15_000,
      'reconciled order',
    )
    const detail = await hub.api(`/api/v1/orders/${found.id}`)
    expect(detail.body).toMatchObject({ externalOrderId: String(missed.id), status: 'released' })
    // The cursor moved past it: the next sweeps read from the latest updated_at, and it is one order.
    const cursor = JSON.parse(
      String(
        (await hub.hub.context
          .contexts(hub.hub.context.registry.get('shop')!)
          .state.get('hub:cursor:orders')) ?? '{}',
      ),
    )
    expect(Date.parse(cursor.since)).toBeGreaterThanOrEqual(Date.parse(missed.updated_at))
    await new Promise((r) => setTimeout(r, 700))
    expect(await ordersOf(String(missed.id))).toHaveLength(1)
  })

  it('marks an instance degraded when its peer keeps failing, keeps serving, and never leaks a secret', async () => {
    // The upstream echoes the access token in its error body, as careless APIs do.
    shop.failNext(50, {
      status: 500,
      body: JSON.stringify({ errors: `internal error for token ${shop.accessToken}` }),
    })
    const order = shop.createOrder([{ sku: 'SKU-A', quantity: 1 }])
    await shop.sendWebhook(hub.url, 'shop', 'orders/create', order.body)
    // The ShipBob peer hangs longer than the plugin's deadline: a timeout, retried, never a crash.
    shipbob.failNext(50, { hangMs: 1500 })
    const order2 = shop.createOrder([{ sku: 'SKU-A', quantity: 1 }])
    await shop.sendWebhook(hub.url, 'shop', 'orders/create', order2.body)

    const degraded = await waitFor(
      async () => {
        const items = (await hub.api('/api/v1/plugins')).body.items as {
          id: string
          status: string
          lastError: string
        }[]
        const sb = items.find((i) => i.id === 'sb')
        const sh = items.find((i) => i.id === 'shop')
        return sb?.status === 'degraded' && sh?.status === 'degraded' ? { sb, sh } : undefined
      },
      30_000,
      'both instances degraded',
    )
    expect(degraded.sb.lastError).toMatch(/timed out|aborted/)
    expect(degraded.sh.lastError).toMatch(/answered 500/)
    expect((await hub.api('/api/v1/orders?limit=1')).status).toBe(200)

    const secretValues = Object.values(secrets())
    const stored = (await storedTextOf(hub, 'shop')) + (await storedTextOf(hub, 'sb'))
    // Deliveries run on their own thread: its log lines reach the hub's stream a moment later.
    const logs = await waitFor(
      () => (/outbox delivery failed/.test(hub.logs.join('\n')) ? hub.logs.join('\n') : undefined),
      15_000,
      'a failed delivery logged',
    )
    for (const secret of secretValues) {
      expect(stored.includes(secret), 'a secret reached a stored row').toBe(false)
      expect(logs.includes(secret), 'a secret reached a log line').toBe(false)
    }
    shop.failNext(0, { status: 200 })
  })
})
