import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EbayPeer } from '../peers/ebay-peer'
import { waitFor } from '../peers/http-peer'
import type { ShipbobPeer } from '../peers/shipbob-peer'
import { type ChannelWithShipbob, startChannelWithShipbob } from '../support/channel-with-shipbob'
import { ebayEntry } from '../support/connector-entries'
import { dbKinds } from '../support/databases'
import { type ConnectorHub, storedTextOf } from './connectors-hub'

const verificationToken = 'e2e_verification_token_0123456789abcdef'
const registeredEndpoint = 'https://hub.example.com/webhooks/ebay/account-deletion'

/**
 * eBay (polled) → hub → ShipBob → hub → eBay createShippingFulfillment with tracking; a refund after
 * a return as issueRefund; a cancellation the hub makes as a Post-Order seller cancellation; stock
 * through bulkUpdatePriceQuantity; the Marketplace Account Deletion endpoint. On both databases: the
 * sealed tokens and the poll's window cursor are strings in plugin state, which PostgreSQL returns parsed.
 */
describe.each(dbKinds)('eBay channel with the ShipBob WMS on %s', (kind) => {
  let world: ChannelWithShipbob<EbayPeer>
  let hub: ConnectorHub
  let ebay: EbayPeer
  let shipbob: ShipbobPeer
  const order = async (externalId: string) =>
    (await hub.api(`/api/v1/orders?channel=ebay&externalId=${externalId}`)).body.items[0]

  beforeAll(async () => {
    world = await startChannelWithShipbob(kind, {
      start: () => EbayPeer.start(),
      prepare: (peer) => {
        peer.list('SKU-A')
        peer.list('SKU-B')
      },
      entry: (peer) => ebayEntry(peer, { deletionEndpoint: registeredEndpoint }),
      env: (peer) => ({
        EBAY_CLIENT_SECRET: peer.clientSecret,
        EBAY_REFRESH_TOKEN: peer.refreshToken,
        EBAY_DELETION_TOKEN: verificationToken,
        SWITCHYARD_STOCK_SYNC_MS: '200',
      }),
    })
    ;({ hub, peer: ebay, shipbob } = world)
  })

  afterAll(async () => {
    await world?.stop()
  })

  it('polls an order, ships it with tracking, and refunds a returned unit', async () => {
    const sold = ebay.createOrder([
      { sku: 'SKU-A', quantity: 2, price: '19.90' },
      { sku: 'SKU-B', quantity: 1, price: '45.00' },
    ])
    const taken = await waitFor(() => order(sold.orderId), 15_000, 'polled eBay order')
    const detail = (await hub.api(`/api/v1/orders/${taken.id}`)).body
    expect(detail).toMatchObject({ status: 'released', externalOrderId: sold.orderId })
    expect(detail.lines.map((l: { sku: string; unitPrice: string }) => [l.sku, l.unitPrice])).toEqual([
      ['SKU-A', '19.90'],
      ['SKU-B', '45.00'],
    ])

    const created = await waitFor(
      () => shipbob.byReference(detail.fulfilments[0].id),
      10_000,
      'ShipBob order',
    )
    // Tokens expire early: the next call is refused once and the plugin refreshes.
    const tokenCallsBefore = ebay.tokenCalls
    ebay.revokeTokens()
    // And eBay throttles the first fulfilment: the outbox waits for Retry-After and tries again.
    ebay.failNext(1, { status: 429, retryAfter: '1', path: /shipping_fulfillment$/ })
    await shipbob.ship(hub.url, 'sb', created.reference_id, {
      carrier: 'UPS',
      trackingNumber: '1Z999AA10123456784',
    })

    const shipped = await waitFor(
      () => ebay.fulfillments.find((f) => f.orderId === sold.orderId),
      15_000,
      'createShippingFulfillment',
    )
    expect(shipped.body).toMatchObject({ shippingCarrierCode: 'UPS', trackingNumber: '1Z999AA10123456784' })
    expect(shipped.body.lineItems).toEqual(
      sold.lineItems.map((l) => ({ lineItemId: l.lineItemId, quantity: l.quantity })),
    )
    expect(ebay.tokenCalls).toBeGreaterThan(tokenCallsBefore)
    expect(ebay.fulfillments.filter((f) => f.orderId === sold.orderId)).toHaveLength(1)
    await waitFor(
      async () =>
        (await hub.api(`/api/v1/orders/${taken.id}`)).body.status === 'shipped' ? true : undefined,
      10_000,
      'order shipped',
    )

    // One unit of SKU-A comes back: eBay pays it back per line item.
    const line = (await hub.api(`/api/v1/orders/${taken.id}`)).body.lines.find(
      (l: { sku: string }) => l.sku === 'SKU-A',
    )
    const rma = await hub.api(`/api/v1/orders/${taken.id}/returns`, {
      body: { lines: [{ lineId: line.id, quantity: 1 }], reason: 'damaged' },
    })
    expect(rma.status).toBe(201)
    const received = await hub.api(`/api/v1/returns/${rma.body.id}/receipt`, {
      body: { lines: [{ sku: 'SKU-A', quantity: 1, condition: 'resellable' }] },
    })
    expect(received.status).toBe(200)
    const refund = await waitFor(
      () => ebay.refunds.find((r) => r.orderId === sold.orderId),
      15_000,
      'issueRefund',
    )
    const itemA = sold.lineItems.find((l) => l.sku === 'SKU-A')!
    expect(refund.body.reasonForRefund).toBe('BUYER_RETURN')
    expect(refund.body.refundItems).toEqual([
      { lineItemId: itemA.lineItemId, refundAmount: { value: expect.any(String), currency: 'NZD' } },
    ])
    expect(Number(refund.body.refundItems![0]!.refundAmount.value)).toBeLessThanOrEqual(19.9)
    await waitFor(
      async () => {
        const events = (await hub.api(`/api/v1/orders/${taken.id}`)).body.history as { type: string }[]
        return events.some((e) => e.type === 'refund.confirmed') ? true : undefined
      },
      15_000,
      'refund confirmed',
    )
    expect(ebay.refunds.filter((r) => r.orderId === sold.orderId)).toHaveLength(1)
  })

  it('cancels on eBay what the hub cancels, and takes a cancellation made on eBay', async () => {
    const sold = ebay.createOrder([{ sku: 'SKU-B', quantity: 1 }])
    const taken = await waitFor(() => order(sold.orderId), 15_000, 'second polled order')
    const res = await hub.api(`/api/v1/orders/${taken.id}/cancel`, { body: { reason: 'out of stock' } })
    expect(res.status).toBeLessThan(300)
    const cancelled = await waitFor(
      () => ebay.cancellations.find((c) => c.legacyOrderId === sold.legacyOrderId),
      20_000,
      'Post-Order cancellation',
    )
    expect(cancelled.cancelReason).toBe('OUT_OF_STOCK_OR_CANNOT_FULFILL')
    expect(ebay.http.requests.find((r) => r.path.startsWith('/post-order/'))?.headers.authorization).toMatch(
      /^IAF /,
    )

    // The buyer cancels the next one on eBay: the poll brings the cancellation, and eBay is not asked again.
    const other = ebay.createOrder([{ sku: 'SKU-A', quantity: 1 }])
    const second = await waitFor(() => order(other.orderId), 15_000, 'third polled order')
    ebay.cancelOnSite(other.orderId)
    await waitFor(
      async () =>
        (await hub.api(`/api/v1/orders/${second.id}`)).body.status === 'cancelled' ? true : undefined,
      20_000,
      'the eBay cancellation taken',
    )
    await new Promise((r) => setTimeout(r, 500))
    expect(ebay.cancellations.find((c) => c.legacyOrderId === other.legacyOrderId)).toBeUndefined()
  })

  it('keeps eBay listings at what the hub lets eBay sell', async () => {
    const atp = async (sku: string) =>
      (await hub.api(`/api/v1/availability?sku=${sku}&channel=ebay`)).body.items[0].channel.total as number
    for (const sku of ['SKU-A', 'SKU-B']) {
      const expected = await atp(sku)
      const listed = await waitFor(
        () => {
          const q = ebay.quantities.get(sku)
          return q?.shipToHome === expected ? q : undefined
        },
        15_000,
        `${sku} at ${expected} on eBay`,
      )
      // The inventory item and every offer carry the same quantity (eBay lists the smaller).
      for (const offerId of ebay.offers.get(sku)!) expect(listed.offers[offerId]).toBe(expected)
    }
    // A sku not listed on eBay is not pushed.
    expect(ebay.quantities.has('SKU-C')).toBe(false)
  })

  it('answers the account deletion challenge and takes only signed notifications', async () => {
    const endpoint = `${hub.url}/webhooks/ebay/account-deletion`
    const challenge = await ebay.challenge(endpoint)
    expect(challenge.status).toBe(200)
    expect(JSON.parse(challenge.body)).toEqual({
      challengeResponse: createHash('sha256')
        .update(challenge.code + verificationToken + registeredEndpoint)
        .digest('hex'),
    })
    const user = { username: 'buyer_000001', userId: 'ma8vp1jySJC' }
    expect((await ebay.notifyDeletion(endpoint, user)).status).toBe(200)
    expect((await ebay.notifyDeletion(endpoint, user, true)).status).toBe(401)
  })

  it('keeps an order it cannot map as an exception naming the field; a replay maps the stored record again', async () => {
    const bad = ebay.createOrder([{ quantity: 1 }])
    const after = ebay.createOrder([{ sku: 'SKU-B', quantity: 1 }])
    const exceptionFor = async () =>
      (
        (await hub.api('/api/v1/exceptions?instance=ebay&status=open&limit=500')).body.items as {
          id: string
          externalOrderId: string
          reasons: { field: string; code: string }[]
        }[]
      ).find((e) => e.externalOrderId === bad.orderId)
    const kept = await waitFor(exceptionFor, 15_000, 'the exception')
    expect(kept.reasons).toContainEqual(
      expect.objectContaining({ field: 'lineItems[0].sku', code: 'INVALID_PAYLOAD' }),
    )
    // The order after it on the page went in, and a bad record is not a failing instance.
    await waitFor(() => order(after.orderId), 15_000, 'the order after the bad one')
    const plugins = (await hub.api('/api/v1/plugins')).body.items as { id: string; status: string }[]
    expect(plugins.find((p) => p.id === 'ebay')?.status).toBe('active')
    const still = await hub.api(`/api/v1/exceptions/${kept.id}/replay`, { body: {} })
    expect(still.body).toMatchObject({ outcome: 'open' })
  })

  it('takes each order once across polls and keeps no secret in clear', async () => {
    const sold = ebay.createOrder([{ sku: 'SKU-A', quantity: 1 }])
    await waitFor(() => order(sold.orderId), 15_000, 'fourth polled order')
    await new Promise((r) => setTimeout(r, 800))
    expect((await hub.api(`/api/v1/orders?channel=ebay&externalId=${sold.orderId}`)).body.items).toHaveLength(
      1,
    )
    const stored = await storedTextOf(hub, 'ebay')
    expect(stored).toContain('sealed1.')
    for (const secret of [
      ebay.clientSecret,
      ebay.refreshToken,
      verificationToken,
      ...ebay.validTokens,
      ...ebay.appTokens,
    ]) {
      expect(stored).not.toContain(secret)
      expect(hub.logs.join('\n')).not.toContain(secret)
    }
  })
})
