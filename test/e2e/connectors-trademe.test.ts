import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { waitFor } from '../peers/http-peer'
import { ShipbobPeer } from '../peers/shipbob-peer'
import { type PeerListing, TradeMePeer } from '../peers/trademe-peer'
import { createTestDb, dbKinds, type TestDb } from '../support/databases'
import { seedWorld } from '../support/world'
import { type ConnectorHub, startConnectorHub, storedTextOf } from './connectors-hub'

/**
 * TradeMe (polled, OAuth 1.0a) → hub → ShipBob → hub → TradeMe courier parcel and GoodsShipped; a
 * cancelled sale paid back through Pay Now; listing quantities kept to the hub's ATP (withdrawn
 * at zero); a sale the plugin cannot map kept as an intake exception.
 */
describe.each(dbKinds)('TradeMe channel with the ShipBob WMS on %s', (kind) => {
  let db: TestDb
  let hub: ConnectorHub
  let trademe: TradeMePeer
  let shipbob: ShipbobPeer
  let tee: PeerListing
  let shell: PeerListing
  let gas: PeerListing
  let watch: PeerListing

  const orderOf = (externalId: number | string) =>
    waitFor(
      async () => (await hub.api(`/api/v1/orders?channel=tm&externalId=${externalId}`)).body.items[0],
      15_000,
      `TradeMe sale ${externalId} in the hub`,
    )
  const atp = async (sku: string): Promise<number> =>
    (await hub.api(`/api/v1/availability?sku=${sku}&channel=tm`)).body.items[0].channel.total

  beforeAll(async () => {
    db = await createTestDb(kind)
    trademe = await TradeMePeer.start()
    shipbob = await ShipbobPeer.start()
    tee = trademe.createListing({ title: 'Merino tee', sku: 'SKU-A', price: 49.9, quantity: 20 })
    shell = trademe.createListing({ title: 'Rain shell', price: 189, quantity: 999 })
    gas = trademe.createListing({ title: 'Camping gas', sku: 'SKU-C', price: 19, quantity: 10 })
    watch = trademe.createListing({ title: 'GPS watch', sku: 'SKU-D', price: 329, quantity: 3 })
    hub = await startConnectorHub(
      db,
      [
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
            // Nothing has sold from the gas listing yet: the plugin is told which sku it sells.
            listings: { 'SKU-C': gas.ListingId },
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
        TM_CONSUMER_KEY: trademe.consumerKey,
        TM_CONSUMER_SECRET: trademe.consumerSecret,
        TM_TOKEN: trademe.accessToken,
        TM_TOKEN_SECRET: trademe.accessTokenSecret,
        SB_TOKEN: shipbob.apiToken,
        SB_HOOK: shipbob.webhookSecret,
        SWITCHYARD_STOCK_SYNC_MS: '300',
      },
      { pollMs: 250 },
    )
    await seedWorld(hub.api, { wms: 'sb' })
    // The shell's listing is sold under its listing id, which the hub maps to its own sku.
    const mapped = await hub.api('/api/v1/channels/tm/sku-mappings', {
      method: 'PUT',
      body: { mappings: [{ channelSku: String(shell.ListingId), hubSku: 'SKU-B' }] },
    })
    expect(mapped.status, JSON.stringify(mapped.body)).toBeLessThan(300)
  })

  afterAll(async () => {
    await hub?.stop()
    await trademe?.close()
    await shipbob?.close()
    await db?.drop()
  })

  it('takes a sale, ships it through ShipBob and gives TradeMe the courier parcel, then GoodsShipped', async () => {
    const sale = trademe.sell(tee, 2)
    const taken = await orderOf(sale.PurchaseId)
    const detail = (await hub.api(`/api/v1/orders/${taken.id}`)).body
    expect(detail).toMatchObject({ status: 'released', externalOrderId: String(sale.PurchaseId) })
    expect(detail.lines).toMatchObject([{ sku: 'SKU-A', quantity: 2 }])

    const created = await waitFor(
      () => shipbob.byReference(detail.fulfilments[0].id),
      10_000,
      'ShipBob order',
    )
    // TradeMe throttles the first parcel: the outbox waits for Retry-After and signs the retry anew.
    trademe.failNext(1, { status: 429, retryAfter: '1', path: /CourierParcels/ })
    await shipbob.ship(hub.url, 'sb', created.reference_id, {
      carrier: 'NZ Post',
      trackingNumber: 'NZ123456789NZ',
    })

    const parcel = await waitFor(
      () => trademe.parcels.find((p) => p.AuctionSoldIds.includes(sale.PurchaseId)),
      15_000,
      'courier parcel at TradeMe',
    )
    expect(parcel).toEqual({
      CourierCompany: 'CourierPost',
      TrackingReference: 'NZ123456789NZ',
      AuctionSoldIds: [sale.PurchaseId],
    })
    await waitFor(() => trademe.sales.get(sale.PurchaseId)!.status === 'GoodsShipped', 10_000, 'GoodsShipped')
    expect((await hub.api(`/api/v1/orders/${taken.id}`)).body.status).toBe('shipped')
    expect(trademe.parcels.filter((p) => p.AuctionSoldIds.includes(sale.PurchaseId))).toHaveLength(1)

    // The buyer sends one back: TradeMe pays its share back through Pay Now, once.
    const line = (await hub.api(`/api/v1/orders/${taken.id}`)).body.lines[0]
    const rma = await hub.api(`/api/v1/orders/${taken.id}/returns`, {
      body: { lines: [{ lineId: line.id, quantity: 1 }], reason: 'too small' },
    })
    expect(rma.status, JSON.stringify(rma.body)).toBe(201)
    const received = await hub.api(`/api/v1/returns/${rma.body.id}/receipt`, {
      body: { lines: [{ sku: 'SKU-A', quantity: 1, condition: 'resellable' }] },
    })
    expect(received.status, JSON.stringify(received.body)).toBe(200)
    const refund = await waitFor(
      () => trademe.refunds.find((r) => r.PurchaseId === sale.PurchaseId),
      15_000,
      'Pay Now refund of the return',
    )
    expect(refund.RefundAmount).toBe(49.9)
    await waitFor(
      async () =>
        ((await hub.api(`/api/v1/orders/${taken.id}`)).body.history as { type: string }[]).some(
          (e) => e.type === 'refund.confirmed',
        ) || undefined,
      15_000,
      'refund confirmed',
    )
    expect(trademe.refunds.filter((r) => r.PurchaseId === sale.PurchaseId)).toHaveLength(1)
  })

  it('takes a sale of an unlabelled listing through the sku mapping, once across polls', async () => {
    const sale = trademe.sell(shell, 1)
    const taken = await orderOf(sale.PurchaseId)
    expect((await hub.api(`/api/v1/orders/${taken.id}`)).body.lines).toMatchObject([
      { sku: 'SKU-B', quantity: 1 },
    ])
    await new Promise((r) => setTimeout(r, 800))
    expect(
      (await hub.api(`/api/v1/orders?channel=tm&externalId=${sale.PurchaseId}`)).body.items,
    ).toHaveLength(1)
  })

  it('pays a sale the hub cancels back in full through Pay Now', async () => {
    // No stock of SKU-D anywhere: the order waits backordered and can be cancelled at once.
    const sale = trademe.sell(watch, 1)
    const taken = await orderOf(sale.PurchaseId)
    const cancelled = await hub.api(`/api/v1/orders/${taken.id}/cancel`, { body: { reason: 'out of stock' } })
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200)
    const refund = await waitFor(
      () => trademe.refunds.find((r) => r.PurchaseId === sale.PurchaseId),
      15_000,
      'Pay Now refund',
    )
    expect(refund).toEqual({ PurchaseId: sale.PurchaseId })
  })

  it('keeps each listing to what the hub lets TradeMe sell, and stops it at zero', async () => {
    for (const [listing, sku] of [
      [tee, 'SKU-A'],
      [shell, 'SKU-B'],
      [gas, 'SKU-C'],
    ] as const)
      await waitFor(
        async () => trademe.shown(listing.ListingId) === (await atp(sku)) || undefined,
        15_000,
        `listing ${sku} at the hub's ATP`,
      )
    expect(trademe.listings.get(shell.ListingId)!.Quantity).toBeLessThan(999)

    const zero = await hub.api('/api/v1/inventory', {
      method: 'PUT',
      body: { items: [{ sku: 'SKU-C', locationId: 'akl', onHand: 0 }] },
    })
    expect(zero.status).toBe(200)
    await waitFor(
      () => trademe.listings.get(gas.ListingId)!.withdrawn || undefined,
      15_000,
      'listing withdrawn',
    )
    expect(trademe.shown(gas.ListingId)).toBe(0)
    expect(trademe.refused).toContain('Edit: Quantity must be between 1 and 1000')
  })

  it('keeps a sale it cannot map as an intake exception naming the field', async () => {
    const sale = trademe.sell(tee, 1, { address: { Country: 'Narnia' } })
    const kept = await waitFor(
      async () =>
        (
          (await hub.api('/api/v1/exceptions?instance=tm&status=open')).body.items as {
            externalOrderId?: string
          }[]
        ).find((e) => e.externalOrderId === String(sale.PurchaseId)),
      15_000,
      'intake exception',
    )
    const detail = (await hub.api(`/api/v1/exceptions/${(kept as { id: string }).id}`)).body
    expect(JSON.stringify(detail.reasons)).toContain('DeliveryAddress.Country')
    const health = (await hub.api('/api/v1/plugins')).body.items.find((p: { id: string }) => p.id === 'tm')
    expect(health.status).toBe('active')
  })

  it('keeps no credential in the database or the logs', async () => {
    const stored = await storedTextOf(hub, 'tm')
    for (const secret of [
      trademe.consumerSecret,
      trademe.accessTokenSecret,
      trademe.accessToken,
      trademe.consumerKey,
    ]) {
      expect(stored).not.toContain(secret)
      expect(hub.logs.join('\n')).not.toContain(secret)
    }
  })
})
