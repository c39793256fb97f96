import { SIGNATURE_HEADER, signTimestamped } from '@switchyard/plugin-sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HttpPeer, waitFor } from '../peers/http-peer'
import { sampleOrder } from '../peers/rest-channel-peer'
import { createTestDb, dbKinds, type TestDb } from '../support/databases'
import { checkOrderInvariants } from '../support/invariants'
import { type RestHub, startRestHub } from '../support/rest-hub'
import { seedWorld } from '../support/world'

type Level = { sku: string; locationId: string; onHand: number; allocated: number }

/**
 * Kits and bundles (issue 20) on both databases, through the REST channel and REST WMS peers: a gift
 * set of two tees and a shell is defined through the API, sold as one sku, routed whole to the one
 * location that can make both kits, allocated as its components, shipped, and returned (its
 * components go back on the shelf). The storefront's stock feed shows the kit's availability, and
 * hears it again when a component alone is sold on another channel.
 */
describe.each(dbKinds)('kits on %s', (kind) => {
  let db: TestDb
  let rest: RestHub
  let feed: HttpPeer
  const api = (...args: Parameters<RestHub['hub']['api']>) => rest.hub.api(...args)
  const level = async (sku: string, locationId: string) =>
    ((await api(`/api/v1/inventory?sku=${sku}&location=${locationId}`)).body.items as Level[])[0]
  const fed = (sku: string) =>
    feed.requests
      .flatMap((r) => (JSON.parse(r.body) as { levels: { sku: string; available: number }[] }).levels)
      .filter((l) => l.sku === sku)
      .at(-1)?.available

  beforeAll(async () => {
    db = await createTestDb(kind)
    feed = await HttpPeer.start((_req, res) => {
      res.statusCode = 204
      res.end()
    })
    rest = await startRestHub(db, {
      plugins: [{ id: 'pos', use: '@switchyard/rest-channel', config: { secret: { $env: 'POS_SECRET' } } }],
      env: { POS_SECRET: 'kits-pos-secret', SWITCHYARD_STOCK_SYNC_MS: '200' },
      channelConfig: () => ({ inventoryUrl: `${feed.url}/stock` }),
    })
    await seedWorld(rest.hub.api, {
      wms: 'dc',
      stock: [
        // Auckland makes 2 gift sets (2 shells), Wellington 1 (3 tees), Christchurch none (no tees).
        { sku: 'SKU-A', locationId: 'akl', onHand: 10 },
        { sku: 'SKU-B', locationId: 'akl', onHand: 2 },
        { sku: 'SKU-A', locationId: 'wlg', onHand: 3 },
        { sku: 'SKU-B', locationId: 'wlg', onHand: 5 },
        { sku: 'SKU-B', locationId: 'chc', onHand: 9 },
        { sku: 'SKU-C', locationId: 'akl', onHand: 4 },
      ],
    })
    const products = await api('/api/v1/products', {
      method: 'PUT',
      body: {
        items: [
          { sku: 'KIT-GIFT', name: 'Gift set' },
          { sku: 'KIT-OUTER', name: 'Set of sets' },
        ],
      },
    })
    expect(products.status).toBe(200)
  })

  afterAll(async () => {
    await rest?.stop()
    await feed?.close()
    await db?.drop()
  })

  it('defines a kit through the API, refusing nesting, changes and skus in use with problem+json', async () => {
    const bill = {
      components: [
        { sku: 'SKU-A', quantity: 2 },
        { sku: 'SKU-B', quantity: 1 },
      ],
    }
    const created = await api('/api/v1/kits/KIT-GIFT', { method: 'PUT', body: bill })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({
      sku: 'KIT-GIFT',
      name: 'Gift set',
      components: [
        { sku: 'SKU-A', name: 'Merino tee', quantity: 2 },
        { sku: 'SKU-B', name: 'Rain shell', quantity: 1 },
      ],
    })
    expect((await api('/api/v1/kits/KIT-GIFT', { method: 'PUT', body: bill })).status).toBe(200)
    const changed = await api('/api/v1/kits/KIT-GIFT', {
      method: 'PUT',
      body: { components: [{ sku: 'SKU-A', quantity: 1 }] },
    })
    expect(changed.status).toBe(409)
    expect(changed.contentType).toContain('application/problem+json')
    expect(changed.body.code).toBe('KIT_IMMUTABLE')

    const nested = await api('/api/v1/kits/KIT-OUTER', {
      method: 'PUT',
      body: { components: [{ sku: 'KIT-GIFT', quantity: 1 }] },
    })
    expect(nested.status).toBe(422)
    expect(nested.body.errors).toEqual([
      { field: 'components[0].sku', message: "'KIT-GIFT' is a kit; kits do not contain kits" },
    ])
    const itself = await api('/api/v1/kits/KIT-OUTER', {
      method: 'PUT',
      body: { components: [{ sku: 'KIT-OUTER', quantity: 1 }] },
    })
    expect(itself.status).toBe(422)
    expect(itself.body.errors[0].field).toBe('components[0].sku')
    const zero = await api('/api/v1/kits/KIT-OUTER', {
      method: 'PUT',
      body: { components: [{ sku: 'SKU-A', quantity: 0 }] },
    })
    expect(zero.status).toBe(422)
    expect(zero.body.errors[0].field).toBe('components[0].quantity')
    const inUse = await api('/api/v1/kits/SKU-C', {
      method: 'PUT',
      body: { components: [{ sku: 'SKU-A', quantity: 1 }] },
    })
    expect(inUse.status).toBe(409)
    expect(inUse.body.code).toBe('KIT_SKU_IN_USE')
    expect(inUse.body.details).toMatchObject({ uses: ['stock rows'] })
    const stock = await api('/api/v1/inventory', {
      method: 'PUT',
      body: { items: [{ sku: 'KIT-GIFT', locationId: 'akl', onHand: 5 }] },
    })
    expect(stock.status).toBe(422)
    expect(stock.body.code).toBe('KIT_HAS_NO_STOCK')
    expect(stock.body.errors[0].field).toBe('items[0].sku')

    expect((await api('/api/v1/kits/SKU-A')).status).toBe(404)
    expect((await api('/api/v1/kits')).body.items.map((k: { sku: string }) => k.sku)).toEqual(['KIT-GIFT'])
    const facts = (await api('/api/v1/rules/facts')).body.facts as { id: string; type: string }[]
    expect(facts.find((f) => f.id === 'line.isKit')).toMatchObject({ type: 'boolean' })
  })

  it('shows the kit as the fewest whole kits its components make, and tells the storefront', async () => {
    const a = (await api('/api/v1/availability?sku=KIT-GIFT&channel=web')).body.items[0]
    expect(a.total).toBe(3)
    expect(a.channel.total).toBe(3)
    expect(a.components).toEqual([
      { sku: 'SKU-A', quantity: 2 },
      { sku: 'SKU-B', quantity: 1 },
    ])
    expect(
      a.locations.map((l: { locationId: string; available: number }) => [l.locationId, l.available]),
    ).toEqual([
      ['akl', 2],
      ['wlg', 1],
    ])
    await waitFor(() => (fed('KIT-GIFT') === 3 ? true : undefined), 10_000, 'the feed to say 3 gift sets')
  })

  it('routes a kit line whole, allocates its components, ships it and takes its components back on return', async () => {
    // To Wellington, which can make one set: the line of two goes whole to Auckland, not split 1 + 1.
    const order = sampleOrder({}, [{ sku: 'KIT-GIFT', quantity: 2 }])
    const posted = await rest.channel.postOrder(rest.hub.url, 'web', order)
    expect(posted.status).toBe(201)
    const { orderId, status } = (posted.body.results as { orderId: string; status: string }[])[0]!
    expect(status).toBe('released')
    const detail = (await api(`/api/v1/orders/${orderId}`)).body
    expect(detail.allocations).toEqual([
      expect.objectContaining({ sku: 'KIT-GIFT', locationId: 'akl', quantity: 2 }),
    ])
    expect(await level('SKU-A', 'akl')).toMatchObject({ onHand: 10, allocated: 4 })
    expect(await level('SKU-B', 'akl')).toMatchObject({ onHand: 2, allocated: 2 })
    expect(await level('KIT-GIFT', 'akl')).toBeUndefined()
    expect(await checkOrderInvariants(rest.hub.api)).toEqual([])
    // Auckland can make no more sets; Wellington still one.
    await waitFor(() => (fed('KIT-GIFT') === 1 ? true : undefined), 10_000, 'the feed to say 1 gift set')

    const request = await waitFor(
      () => rest.wms.fulfilments().find((f) => f.request.orderId === orderId),
      10_000,
      'fulfilment request',
    )
    // The warehouse is told what a set is made of, to pick the parts and pack it.
    expect(request.request.lines).toEqual([
      expect.objectContaining({
        sku: 'KIT-GIFT',
        quantity: 2,
        components: [
          { sku: 'SKU-A', quantity: 2 },
          { sku: 'SKU-B', quantity: 1 },
        ],
      }),
    ])
    const shipped = await rest.wms.ship(rest.hub.url, 'dc', request.request.fulfilmentId, {
      carrier: 'NZ Post',
      trackingNumber: 'NZKIT1',
    })
    expect(shipped.status).toBe(200)
    expect((await api(`/api/v1/orders/${orderId}`)).body.status).toBe('shipped')
    expect(await level('SKU-A', 'akl')).toMatchObject({ onHand: 6, allocated: 0 })
    expect(await level('SKU-B', 'akl')).toMatchObject({ onHand: 0, allocated: 0 })

    const lineId = detail.lines[0].id as string
    const rma = await api(`/api/v1/orders/${orderId}/returns`, { body: { lines: [{ lineId, quantity: 1 }] } })
    expect(rma.status).toBe(201)
    const location = rma.body.location.id as string
    const before = {
      a: (await level('SKU-A', location))?.onHand ?? 0,
      b: (await level('SKU-B', location))?.onHand ?? 0,
    }
    const receipt = JSON.stringify({
      returnId: rma.body.rmaNumber,
      lines: [{ sku: 'KIT-GIFT', quantity: 1, condition: 'resellable' }],
    })
    const received = await fetch(`${rest.hub.url}/webhooks/dc/returns`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [SIGNATURE_HEADER]: signTimestamped(rest.wms.webhookSecret, receipt),
      },
      body: receipt,
    })
    expect(received.status).toBe(200)
    expect((await level('SKU-A', location))?.onHand).toBe(before.a + 2)
    expect((await level('SKU-B', location))?.onHand).toBe(before.b + 1)
    expect(await level('KIT-GIFT', location)).toBeUndefined()
  })

  it('re-pushes the kit when a component alone is sold on another channel', async () => {
    const kitAt = async () =>
      (await api('/api/v1/availability?sku=KIT-GIFT&channel=web')).body.items[0].channel.total as number
    // Auckland has no shell left; Wellington has its 3 tees and the 2 returned (5), and 6 shells: 2 sets.
    const now = await kitAt()
    expect(now).toBe(2)
    await waitFor(() => (fed('KIT-GIFT') === now ? true : undefined), 10_000, `the feed to say ${now}`)
    // The point of sale sells every tee in Wellington: no set can be made there any more.
    const tees = (await level('SKU-A', 'wlg'))!.onHand - (await level('SKU-A', 'wlg'))!.allocated
    const sold = await api('/api/v1/orders', {
      body: {
        channel: 'pos',
        order: sampleOrder({ externalId: 'POS-TEES' }, [{ sku: 'SKU-A', quantity: tees }]),
      },
    })
    expect(sold.status).toBe(201)
    expect((await api(`/api/v1/orders/${sold.body.orderId}`)).body.allocations).toEqual([
      expect.objectContaining({ sku: 'SKU-A', locationId: 'wlg', quantity: tees }),
    ])
    const after = await kitAt()
    expect(after).toBe(0)
    await waitFor(() => (fed('KIT-GIFT') === after ? true : undefined), 10_000, `the feed to say ${after}`)
    expect(await checkOrderInvariants(rest.hub.api)).toEqual([])
  })

  it('a cancelled kit order gives its components back', async () => {
    // Three shells arrive in Auckland (6 tees there): three sets can be made again.
    const arrived = await api('/api/v1/inventory/adjustments', {
      body: { events: [{ eventId: 'kit-grn-1', sku: 'SKU-B', locationId: 'akl', delta: 3 }] },
    })
    expect(arrived.status).toBe(200)
    const posted = await rest.channel.postOrder(
      rest.hub.url,
      'web',
      sampleOrder(
        { shipTo: { line1: '1 Queen St', city: 'Auckland', country: 'NZ', lat: -36.85, lon: 174.76 } },
        [{ sku: 'KIT-GIFT', quantity: 1 }],
      ),
    )
    const { orderId } = (posted.body.results as { orderId: string }[])[0]!
    const held = (await api(`/api/v1/orders/${orderId}`)).body
    const at = held.allocations[0]?.locationId as string
    expect(held.allocations).toEqual([expect.objectContaining({ sku: 'KIT-GIFT', quantity: 1 })])
    const before = await level('SKU-A', at)
    expect(before!.allocated).toBeGreaterThanOrEqual(2)
    const cancelled = await api(`/api/v1/orders/${orderId}/cancel`, { body: { reason: 'changed mind' } })
    expect([200, 202]).toContain(cancelled.status)
    await waitFor(
      async () => ((await level('SKU-A', at))!.allocated === before!.allocated - 2 ? true : undefined),
      10_000,
      'the tees to be given back',
    )
    expect(await checkOrderInvariants(rest.hub.api)).toEqual([])
  })

  it("counts a channel's open kits against its cap on a component", async () => {
    const arrived = await api('/api/v1/inventory/adjustments', {
      body: {
        events: [
          { eventId: 'kit-grn-2', sku: 'SKU-A', locationId: 'akl', delta: 20 },
          { eventId: 'kit-grn-3', sku: 'SKU-B', locationId: 'akl', delta: 10 },
        ],
      },
    })
    expect(arrived.status).toBe(200)
    const posted = await rest.channel.postOrder(
      rest.hub.url,
      'web',
      sampleOrder(
        { shipTo: { line1: '1 Queen St', city: 'Auckland', country: 'NZ', lat: -36.85, lon: 174.76 } },
        [{ sku: 'KIT-GIFT', quantity: 1 }],
      ),
    )
    expect(posted.status).toBe(201)
    // The storefront may hold at most 4 tees: its open set holds 2, so one more set, not two.
    const cap = await api('/api/v1/pools', {
      method: 'PUT',
      body: { channel: 'web', sku: 'SKU-A', protectedQty: 0, capUnits: 4 },
    })
    expect(cap.status).toBe(200)
    const web = (await api('/api/v1/availability?sku=KIT-GIFT&channel=web')).body.items[0]
    expect(web.channel.total).toBe(1)
    const pos = (await api('/api/v1/availability?sku=KIT-GIFT&channel=pos')).body.items[0]
    expect(pos.channel.total).toBeGreaterThan(1)
  })
})
