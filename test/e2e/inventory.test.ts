import { SIGNATURE_HEADER, signTimestamped, verifyOutboundSignature } from '@switchyard/plugin-sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HttpPeer, waitFor } from '../peers/http-peer'
import { RestChannelPeer, sampleOrder } from '../peers/rest-channel-peer'
import { createTestDb, type TestDb } from '../support/databases'
import { checkOrderInvariants } from '../support/invariants'
import { startTestHub, type TestHub } from '../support/test-hub'
import { seedWorld } from '../support/world'

/** Reservations, snapshot ordering, event dedupe, channel pools and the stock sync to channels. */
describe('inventory', () => {
  let db: TestDb
  let hub: TestHub
  let web: RestChannelPeer
  let stockFeed: HttpPeer

  const avail = async (sku: string, channel?: string) =>
    (await hub.api(`/api/v1/availability?sku=${sku}${channel ? `&channel=${channel}` : ''}`)).body.items[0]
  const order = async (
    channel: string,
    lines: { sku: string; quantity: number }[],
    extra: Record<string, unknown> = {},
  ) => {
    const res = await hub.api('/api/v1/orders', { body: { channel, order: sampleOrder(extra, lines) } })
    expect(res.status).toBe(201)
    return (await hub.api(`/api/v1/orders/${res.body.orderId}`)).body
  }

  beforeAll(async () => {
    db = await createTestDb('sqlite')
    web = await RestChannelPeer.start('inventory-web-secret')
    stockFeed = await HttpPeer.start((_req, res) => {
      res.statusCode = 204
      res.end()
    })
    hub = await startTestHub(
      db,
      [
        {
          id: 'web',
          use: '@switchyard/rest-channel',
          config: { secret: { $env: 'S1' }, inventoryUrl: `${stockFeed.url}/stock` },
        },
        { id: 'pos', use: '@switchyard/rest-channel', config: { secret: { $env: 'S2' } } },
        {
          id: 'dc',
          use: '@switchyard/rest-wms',
          config: { baseUrl: 'http://127.0.0.1:9', apiKey: { $env: 'S3' }, webhookSecret: { $env: 'S4' } },
        },
      ],
      {
        S1: web.secret,
        S2: 'inventory-pos-secret',
        S3: 'inventory-dc-key',
        S4: 'inventory-dc-hook',
        SWITCHYARD_STOCK_SYNC_MS: '200',
      },
    )
    await seedWorld(hub.api, {
      stock: [
        { sku: 'SKU-A', locationId: 'akl', onHand: 10 },
        { sku: 'SKU-B', locationId: 'wlg', onHand: 8 },
        { sku: 'SKU-C', locationId: 'akl', onHand: 30 },
      ],
    })
  })

  afterAll(async () => {
    await hub?.stop()
    await web?.close()
    await stockFeed?.close()
    await db?.drop()
  })

  it('holds stock for a cart and turns the hold into the order that cites it', async () => {
    const before = (await avail('SKU-A')).total
    const held = await hub.api('/api/v1/reservations', {
      body: { channel: 'web', lines: [{ sku: 'SKU-A', quantity: 3 }], ttlSeconds: 600 },
    })
    expect(held.status).toBe(201)
    expect(held.body).toMatchObject({
      status: 'active',
      lines: [{ sku: 'SKU-A', locationId: 'akl', quantity: 3 }],
    })
    expect((await avail('SKU-A')).total).toBe(before - 3)

    const tooMuch = await hub.api('/api/v1/reservations', {
      body: { channel: 'web', lines: [{ sku: 'SKU-A', quantity: 100 }], ttlSeconds: 60 },
    })
    expect(tooMuch.status).toBe(422)
    expect(tooMuch.body.errors).toEqual([
      { field: 'lines[0].quantity', message: `only ${before - 3} of SKU-A available to hold` },
    ])

    const o = await order('web', [{ sku: 'SKU-A', quantity: 3 }], { reservationId: held.body.id })
    expect(o.status).toBe('allocated')
    const after = (await hub.api(`/api/v1/reservations/${held.body.id}`)).body
    expect(after).toMatchObject({ status: 'converted', orderId: o.id })
    const level = (await avail('SKU-A')).locations[0]
    expect(level).toMatchObject({ reserved: 0 })
    expect((await avail('SKU-A')).total).toBe(before - 3)

    const wrong = await hub.api('/api/v1/orders', {
      body: {
        channel: 'pos',
        order: sampleOrder({ reservationId: held.body.id }, [{ sku: 'SKU-A', quantity: 1 }]),
      },
    })
    expect(wrong.status).toBe(422)
    expect(wrong.body.errors).toEqual([
      { field: 'order.reservationId', message: `no reservation '${held.body.id}' for this channel` },
    ])
  })

  it('gives an expired hold back to stock', async () => {
    const before = (await avail('SKU-C')).total
    const held = await hub.api('/api/v1/reservations', {
      body: { channel: 'pos', lines: [{ sku: 'SKU-C', quantity: 5 }], ttlSeconds: 1 },
    })
    expect((await avail('SKU-C')).total).toBe(before - 5)
    await waitFor(
      async () =>
        (await hub.api(`/api/v1/reservations/${held.body.id}`)).body.status === 'expired' ? true : undefined,
      10_000,
      'expiry',
    )
    expect((await avail('SKU-C')).total).toBe(before)
  })

  it('never lets an older snapshot overwrite a newer one, and applies each event once', async () => {
    const post = async (snapshots: unknown[]) => {
      const raw = JSON.stringify({ snapshots })
      const res = await fetch(`${hub.url}/webhooks/dc/inventory`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [SIGNATURE_HEADER]: signTimestamped('inventory-dc-hook', raw),
        },
        body: raw,
      })
      return (await res.json()) as { results: { applied: number; stale: number; duplicate: number }[] }
    }
    const newer = await post([
      { locationId: 'akl', sku: 'SKU-C', onHand: 50, asOf: '2026-11-26T10:00:00Z', eventId: 'snap-2' },
    ])
    expect(newer.results[0]).toMatchObject({ applied: 1, stale: 0 })
    const older = await post([
      { locationId: 'akl', sku: 'SKU-C', onHand: 12, asOf: '2026-11-26T09:00:00Z', eventId: 'snap-1' },
    ])
    expect(older.results[0]).toMatchObject({ applied: 0, stale: 1 })
    const again = await post([
      { locationId: 'akl', sku: 'SKU-C', onHand: 50, asOf: '2026-11-26T10:00:00Z', eventId: 'snap-2' },
    ])
    expect(again.results[0]).toMatchObject({ applied: 0, duplicate: 1 })
    expect((await avail('SKU-C')).locations[0].onHand).toBe(50)

    const adjust = {
      source: 'akl-receiving',
      events: [{ eventId: 'grn-77', sku: 'SKU-C', locationId: 'akl', delta: 7, reason: 'received' }],
    }
    expect((await hub.api('/api/v1/inventory/adjustments', { body: adjust })).body).toEqual({
      applied: 1,
      duplicate: 0,
    })
    expect((await hub.api('/api/v1/inventory/adjustments', { body: adjust })).body).toEqual({
      applied: 0,
      duplicate: 1,
    })
    expect((await avail('SKU-C')).locations[0].onHand).toBe(57)
    const below = await hub.api('/api/v1/inventory/adjustments', {
      body: { events: [{ eventId: 'loss-1', sku: 'SKU-C', locationId: 'akl', delta: -1000 }] },
    })
    expect(below.status).toBe(422)
    expect(below.body.errors[0].field).toBe('events[0].delta')
  })

  it('protects a pool for one channel, lets it borrow when allowed, and keeps others out', async () => {
    const pool = await hub.api('/api/v1/pools', {
      method: 'PUT',
      body: { channel: 'pos', sku: 'SKU-B', locationId: 'wlg', protectedQty: 5 },
    })
    expect(pool.status).toBe(200)
    expect(pool.body).toMatchObject({ remaining: 5, mayBorrow: true })
    expect((await avail('SKU-B', 'web')).channel.total).toBe(3)
    expect((await avail('SKU-B', 'pos')).channel.total).toBe(8)

    const fromWeb = await order('web', [{ sku: 'SKU-B', quantity: 5 }])
    expect(fromWeb.status).toBe('backordered')
    expect(fromWeb.lines[0]).toMatchObject({ allocated: 3, backordered: 2 })
    expect((await avail('SKU-B', 'pos')).channel.total).toBe(5)

    const noBorrow = await hub.api('/api/v1/pools', {
      method: 'PUT',
      body: { channel: 'pos', sku: 'SKU-B', locationId: 'wlg', protectedQty: 5, mayBorrow: false },
    })
    expect(noBorrow.body.mayBorrow).toBe(false)
    const fromPos = await order('pos', [{ sku: 'SKU-B', quantity: 4 }])
    expect(fromPos.status).toBe('allocated')
    expect(fromPos.allocations[0]).toMatchObject({ quantity: 4 })
    const left = (await hub.api('/api/v1/pools?channel=pos&sku=SKU-B')).body.items[0]
    expect(left.remaining).toBe(1)

    // Cancelling gives the pool its units back.
    await hub.api(`/api/v1/orders/${fromPos.id}/cancel`, { body: {} })
    expect((await hub.api('/api/v1/pools?channel=pos&sku=SKU-B')).body.items[0].remaining).toBe(5)
    const tooBig = await hub.api('/api/v1/pools', {
      method: 'PUT',
      body: { channel: 'web', sku: 'SKU-B', locationId: 'wlg', protectedQty: 100 },
    })
    expect(tooBig.status).toBe(422)
    expect(await checkOrderInvariants(hub.api)).toEqual([])
  })

  it('tells the channel what it may still sell, signed, newest value last', async () => {
    const current = (await avail('SKU-B', 'web')).channel.total
    const latest = () =>
      stockFeed.requests
        .flatMap((r) => (JSON.parse(r.body) as { levels: { sku: string; available: number }[] }).levels)
        .filter((l) => l.sku === 'SKU-B')
        .at(-1)?.available
    await waitFor(() => (latest() === current ? true : undefined), 10_000, `the feed to say ${current}`)
    const r = stockFeed.requests[0]!
    expect(
      verifyOutboundSignature({ secret: web.secret, rawBody: Buffer.from(r.body), headers: r.headers }).ok,
    ).toBe(true)
    const count = stockFeed.requests.length
    await hub.api('/api/v1/inventory/adjustments', {
      body: { events: [{ eventId: 'grn-b-1', sku: 'SKU-B', locationId: 'wlg', delta: 10 }] },
    })
    const raised = (await avail('SKU-B', 'web')).channel.total
    expect(raised).toBeGreaterThan(current)
    await waitFor(
      () => (stockFeed.requests.length > count && latest() === raised ? true : undefined),
      10_000,
      `the feed to say ${raised}`,
    )
  })

  it('promises a delivery date for a sku to a destination, as the live rules would route it now', async () => {
    const ask = (query: string) => hub.api(`/api/v1/availability?${query}`)
    const res = await ask('sku=SKU-C,SKU-B&channel=web&country=NZ&postcode=6011')
    expect(res.status).toBe(200)
    const [c, b] = res.body.items
    expect(c.promise).toMatchObject({
      locationId: 'akl',
      promiseDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      shipDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    })
    expect(c.promise.shipDate <= c.promise.promiseDate).toBe(true)
    expect(b.promise.locationId).toBe('wlg')
    // More than any location holds: no promise rather than a wrong one.
    const tooMany = await ask('sku=SKU-C&channel=web&country=NZ&quantity=100000')
    expect(tooMany.body.items[0].promise).toBeNull()
    // No destination, no promise field: availability alone.
    expect((await ask('sku=SKU-C&channel=web')).body.items[0].promise).toBeUndefined()
    const bad = await ask('sku=SKU-C&country=nz')
    expect(bad.status).toBe(400)
    expect(bad.body.errors[0].field).toBe('country')
    // A day by the calendar: 30 February and month 13 are refused, not read as some later day.
    for (const on of ['2027-02-30', '2027-13-01']) {
      const notADay = await ask(`sku=SKU-C&on=${on}`)
      expect(notADay.status).toBe(400)
      expect(notADay.body.errors[0].field).toBe('on')
    }
  })
})
