import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AmazonPeer } from '../peers/amazon-peer'
import { waitFor } from '../peers/http-peer'
import type { ShipbobPeer } from '../peers/shipbob-peer'
import { type ChannelWithShipbob, startChannelWithShipbob } from '../support/channel-with-shipbob'
import { amazonEntry } from '../support/connector-entries'
import { dbKinds } from '../support/databases'
import { type ConnectorHub, storedTextOf } from './connectors-hub'

/** Amazon (polled) → hub → ShipBob → hub → Amazon confirmShipment, with LWA token refresh. */
// On both databases: the sealed token is a string in plugin state, which PostgreSQL returns parsed.
describe.each(dbKinds)('Amazon channel with the ShipBob WMS on %s', (kind) => {
  let world: ChannelWithShipbob<AmazonPeer>
  let hub: ConnectorHub
  let amazon: AmazonPeer
  let shipbob: ShipbobPeer

  beforeAll(async () => {
    world = await startChannelWithShipbob(kind, {
      start: () => AmazonPeer.start(),
      entry: (peer) => amazonEntry(peer),
      env: (peer) => ({ AMZN_CLIENT_SECRET: peer.clientSecret, AMZN_REFRESH_TOKEN: peer.refreshToken }),
    })
    ;({ hub, peer: amazon, shipbob } = world)
  })

  afterAll(async () => {
    await world?.stop()
  })

  it('polls an order, acknowledges it, and confirms the shipment with tracking', async () => {
    const order = amazon.createOrder([
      { sku: 'SKU-A', quantity: 2, price: '19.90' },
      { sku: 'SKU-C', quantity: 1 },
    ])
    const taken = await waitFor(
      async () => (await hub.api(`/api/v1/orders?channel=amzn&externalId=${order.orderId}`)).body.items[0],
      15_000,
      'polled Amazon order',
    )
    const detail = await hub.api(`/api/v1/orders/${taken.id}`)
    expect(detail.body).toMatchObject({ status: 'released', externalOrderId: order.orderId })

    const ack = await waitFor(
      () => amazon.feeds.find((f) => f.content.includes(order.orderId)),
      10_000,
      'acknowledgement feed',
    )
    expect(ack.feedType).toBe('POST_ORDER_ACKNOWLEDGEMENT_DATA')
    expect(ack.marketplaceIds).toEqual([amazon.marketplaceId])
    expect(ack.content).toContain('<StatusCode>Success</StatusCode>')
    for (const item of order.orderItems)
      expect(ack.content).toContain(`<AmazonOrderItemCode>${item.orderItemId}</AmazonOrderItemCode>`)

    const created = await waitFor(
      () => shipbob.byReference(detail.body.fulfilments[0].id),
      10_000,
      'ShipBob order',
    )
    // Access tokens expire: the next SP-API call is refused once and the plugin refreshes.
    const tokenCallsBefore = amazon.tokenCalls
    amazon.revokeTokens()
    // And Amazon throttles the first confirmation: the outbox waits for Retry-After and tries again.
    amazon.failNext(1, { status: 429, retryAfter: '2', path: /shipmentConfirmation$/ })
    await shipbob.ship(hub.url, 'sb', created.reference_id, {
      carrier: 'UPS',
      trackingNumber: '1Z999AA10123456784',
    })

    const confirmation = await waitFor(
      () => amazon.confirmations.find((c) => c.orderId === order.orderId),
      15_000,
      'confirmShipment',
    )
    expect(confirmation.body).toMatchObject({
      marketplaceId: amazon.marketplaceId,
      packageDetail: { packageReferenceId: '1', carrierCode: 'UPS', trackingNumber: '1Z999AA10123456784' },
    })
    expect(confirmation.body.packageDetail.orderItems).toEqual(
      order.orderItems.map((i) => ({ orderItemId: i.orderItemId, quantity: i.quantityOrdered })),
    )
    expect(amazon.tokenCalls).toBeGreaterThan(tokenCallsBefore)
    const attempts = amazon.http.requests.filter((r) => r.path.endsWith('/shipmentConfirmation'))
    const throttled = attempts.findIndex((r) => r.path.includes(order.orderId))
    const retried = attempts.slice(throttled + 1).find((r) => r.path.includes(order.orderId))
    // SWITCHYARD_OUTBOX_MAX_MS caps the wait at 500 ms in tests; without Retry-After it could be 25 ms.
    expect(retried!.at - attempts[throttled]!.at).toBeGreaterThanOrEqual(450)
    expect((await hub.api(`/api/v1/orders/${taken.id}`)).body.status).toBe('shipped')

    // The customer sends one unit of the first line back: Amazon is paid back by an adjustment feed.
    const shipped = (await hub.api(`/api/v1/orders/${taken.id}`)).body
    const line = shipped.lines[0]
    const rma = await hub.api(`/api/v1/orders/${taken.id}/returns`, {
      body: { lines: [{ lineId: line.id, quantity: 1 }], reason: 'damaged' },
    })
    expect(rma.status).toBe(201)
    const received = await hub.api(`/api/v1/returns/${rma.body.id}/receipt`, {
      body: { lines: [{ sku: line.sku, quantity: 1, condition: 'resellable' }] },
    })
    expect(received.status).toBe(200)
    const adjustment = await waitFor(
      () =>
        amazon.feeds.find(
          (f) => f.feedType === 'POST_PAYMENT_ADJUSTMENT_DATA' && f.content.includes(order.orderId),
        ),
      15_000,
      'order adjustment feed',
    )
    const item = order.orderItems.find((i) => i.product.sellerSku === line.sku)!
    expect(adjustment.content).toContain(`<AmazonOrderItemCode>${item.orderItemId}</AmazonOrderItemCode>`)
    expect(adjustment.content).toContain('<AdjustmentReason>CustomerReturn</AdjustmentReason>')
    const refunds = await waitFor(
      async () => {
        const events = (await hub.api(`/api/v1/orders/${taken.id}`)).body.history as { type: string }[]
        return events.some((e) => e.type === 'refund.confirmed') ? events : undefined
      },
      15_000,
      'refund confirmed',
    )
    expect(refunds.filter((e) => e.type === 'refund.requested')).toHaveLength(1)
    expect(amazon.feeds.filter((f) => f.feedType === 'POST_PAYMENT_ADJUSTMENT_DATA')).toHaveLength(1)
  })

  it('takes each order once across polls and keeps no token in clear', async () => {
    const order = amazon.createOrder([{ sku: 'SKU-B', quantity: 1 }])
    await waitFor(
      async () => (await hub.api(`/api/v1/orders?channel=amzn&externalId=${order.orderId}`)).body.items[0],
      15_000,
      'second polled order',
    )
    await new Promise((r) => setTimeout(r, 800))
    expect(
      (await hub.api(`/api/v1/orders?channel=amzn&externalId=${order.orderId}`)).body.items,
    ).toHaveLength(1)
    const stored = await storedTextOf(hub, 'amzn')
    expect(stored).toContain('sealed1.')
    for (const secret of [amazon.clientSecret, amazon.refreshToken, ...amazon.validTokens]) {
      expect(stored).not.toContain(secret)
      expect(hub.logs.join('\n')).not.toContain(secret)
    }
  })
})
