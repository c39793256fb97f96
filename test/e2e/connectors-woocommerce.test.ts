import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { waitFor } from '../peers/http-peer'
import { ShipbobPeer } from '../peers/shipbob-peer'
import { WoocommercePeer } from '../peers/woocommerce-peer'
import { createTestDb, type TestDb } from '../support/databases'
import { seedWorld } from '../support/world'
import { type ConnectorHub, startConnectorHub, storedTextOf } from './connectors-hub'

/** WooCommerce → hub → ShipBob → hub → WooCommerce: signed webhooks, the ping, the mandatory poll. */
describe('WooCommerce channel with the ShipBob WMS', () => {
  let db: TestDb
  let hub: ConnectorHub
  let woo: WoocommercePeer
  let shipbob: ShipbobPeer

  beforeAll(async () => {
    db = await createTestDb('sqlite')
    woo = await WoocommercePeer.start()
    shipbob = await ShipbobPeer.start()
    hub = await startConnectorHub(
      db,
      [
        {
          id: 'woo',
          use: '@switchyard/woocommerce',
          config: {
            siteUrl: woo.http.url,
            consumerKey: { $env: 'WOO_CK' },
            consumerSecret: { $env: 'WOO_CS' },
            webhookSecret: { $env: 'WOO_HOOK' },
            reconcileFrom: new Date(Date.now() - 60_000).toISOString(),
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
          },
        },
      ],
      {
        WOO_CK: woo.consumerKey,
        WOO_CS: woo.consumerSecret,
        WOO_HOOK: woo.webhookSecret,
        SB_TOKEN: shipbob.apiToken,
        SB_HOOK: shipbob.webhookSecret,
      },
      // Slow enough that the webhook, not the poll, takes the first order.
      { pollMs: 1500 },
    )
    await seedWorld(hub.api, { wms: 'sb' })
  })

  afterAll(async () => {
    await hub?.stop()
    await woo?.close()
    await shipbob?.close()
    await db?.drop()
  })

  const ordersOf = async (externalId: string) =>
    (await hub.api(`/api/v1/orders?channel=woo&externalId=${externalId}`)).body.items as { id: string }[]

  it('answers the unsigned creation ping with 200 and stores nothing', async () => {
    const ping = await woo.sendPing(hub.url, 'woo')
    expect(ping.status).toBe(200)
    expect((await hub.api('/api/v1/orders?channel=woo')).body.items).toEqual([])
  })

  it('takes a webhook order to ShipBob and sends status completed with a tracking note back', async () => {
    const order = woo.createOrder([{ sku: 'SKU-A', quantity: 3 }])
    const posted = await woo.sendWebhook(hub.url, 'woo', 'order.created', order)
    expect(posted.status).toBe(201)
    const result = posted.body.results[0]
    expect(result).toMatchObject({ externalOrderId: String(order.id), created: true })
    const detail = await hub.api(`/api/v1/orders/${result.orderId}`)
    // The _gmt date, not the site-local one six hours earlier.
    expect(Date.parse(detail.body.placedAt)).toBe(Date.parse(`${order.date_created_gmt}Z`))

    const created = await waitFor(
      () => shipbob.accepted().find((o) => o.order_number === String(order.id)),
      10_000,
      'ShipBob order',
    )
    await shipbob.ship(hub.url, 'sb', created.reference_id, {
      carrier: 'NZ Post',
      trackingNumber: 'NZP123456789',
    })

    await waitFor(
      () => (order.status === 'completed' ? true : undefined),
      10_000,
      'status completed at WooCommerce',
    )
    const notes = woo.notes.get(order.id) ?? []
    expect(notes).toHaveLength(1)
    expect(notes[0]).toMatchObject({ customer_note: true })
    expect(notes[0]!.note).toContain('NZP123456789')
    expect(notes[0]!.note).toContain('NZ Post')
  })

  it('applies a redelivered webhook once and refuses a wrong signature with 401', async () => {
    const order = woo.createOrder([{ sku: 'SKU-B', quantity: 1 }])
    const first = await woo.sendWebhook(hub.url, 'woo', 'order.created', order)
    const again = await woo.sendWebhook(hub.url, 'woo', 'order.created', order)
    expect(first.status).toBe(201)
    expect(again).toMatchObject({ status: 200, body: { duplicate: true } })
    const forgedOrder = woo.createOrder([{ sku: 'SKU-B', quantity: 1 }], 'pending')
    const forged = await woo.sendWebhook(
      hub.url,
      'woo',
      'order.created',
      { ...forgedOrder, status: 'processing' },
      { secret: 'guess' },
    )
    expect(forged.status).toBe(401)
    expect(await ordersOf(String(order.id))).toHaveLength(1)
    expect(await ordersOf(String(forgedOrder.id))).toHaveLength(0)
  })

  it('takes an order whose webhook never came through the reconciliation poll', async () => {
    // WooCommerce does not retry a failed delivery: only the poll can find this one.
    const order = woo.createOrder([{ sku: 'SKU-A', quantity: 1 }])
    const found = await waitFor(async () => (await ordersOf(String(order.id)))[0], 15_000, 'polled order')
    expect(found).toBeDefined()
    const polls = woo.http.requests.filter((r) => r.path.startsWith('/wp-json/wc/v3/orders?'))
    expect(polls.every((r) => r.path.includes('dates_are_gmt=true'))).toBe(true)
    const stored = await storedTextOf(hub, 'woo')
    for (const secret of [woo.consumerKey, woo.consumerSecret, woo.webhookSecret])
      expect(stored).not.toContain(secret)
    for (const secret of [woo.consumerKey, woo.consumerSecret, woo.webhookSecret])
      expect(hub.logs.join('\n')).not.toContain(secret)
  })
})
