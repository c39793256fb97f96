import { verifyOutboundSignature } from '@switchyard/plugin-sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HttpPeer, waitFor } from '../peers/http-peer'
import { type RestChannelPeer, sampleOrder } from '../peers/rest-channel-peer'
import type { RestWmsPeer } from '../peers/rest-wms-peer'
import { createTestDb, dbKinds, type TestDb } from '../support/databases'
import { startRestHub } from '../support/rest-hub'
import type { TestHub } from '../support/test-hub'
import { seedWorld } from '../support/world'

/**
 * The vertical slice, on both databases: a channel posts an order, it is routed and allocated, the
 * WMS receives the fulfilment request, confirms the shipment, and the channel hears "shipped" with
 * the tracking number. Everything crosses real HTTP between processes' sockets on 127.0.0.1.
 */
describe.each(dbKinds)('order flow on %s', (kind) => {
  let db: TestDb
  let hub: TestHub
  let channel: RestChannelPeer
  let wms: RestWmsPeer
  let notices: HttpPeer

  beforeAll(async () => {
    db = await createTestDb(kind)
    notices = await HttpPeer.start((_req, res) => {
      res.statusCode = 204
      res.end()
    })
    ;({ hub, channel, wms } = await startRestHub(db, {
      plugins: [
        {
          id: 'notify',
          use: '@switchyard/webhook-notifier',
          config: { url: `${notices.url}/events`, secret: { $env: 'NOTIFY_SECRET' } },
        },
      ],
      env: { NOTIFY_SECRET: 'notify-secret-1' },
    }))
    await seedWorld(hub.api, { wms: 'dc' })
  })

  afterAll(async () => {
    await hub?.stop()
    await channel?.close()
    await wms?.close()
    await notices?.close()
    await db?.drop()
  })

  it('takes an order from the channel to shipped and tells the channel the tracking number', async () => {
    const order = sampleOrder({}, [
      { sku: 'SKU-A', quantity: 2 },
      { sku: 'SKU-B', quantity: 1 },
    ])
    const posted = await channel.postOrder(hub.url, 'web', order)
    expect(posted.status).toBe(201)
    const result = (posted.body.results as { orderId: string; status: string; created: boolean }[])[0]!
    expect(result).toMatchObject({ created: true, status: 'released' })

    // Routed to the nearest location holding both lines: Auckland (Wellington has no SKU-B).
    const detail = await hub.api(`/api/v1/orders/${result.orderId}`)
    expect(detail.status).toBe(200)
    expect(detail.body.allocations.map((a: { locationId: string }) => a.locationId)).toEqual(['akl', 'akl'])
    // No sourcing rule set is published in this world: the engine's built-in default strategy decides.
    expect(detail.body.routingDecision.strategy).toBe('default')
    expect(detail.body.routingDecision.plan.shipments).toHaveLength(1)

    const received = await waitFor(
      () => wms.fulfilments().find((f) => f.request.orderId === result.orderId),
      10_000,
      'fulfilment request',
    )
    expect(received.authorization).toBe(`Bearer ${wms.apiKey}`)
    expect(received.idempotencyKey).toBe(`fulfilment.request:${received.request.fulfilmentId}`)
    expect(received.request.lines).toEqual([
      expect.objectContaining({ sku: 'SKU-A', quantity: 2 }),
      expect.objectContaining({ sku: 'SKU-B', quantity: 1 }),
    ])

    const shipped = await wms.ship(hub.url, 'dc', received.request.fulfilmentId, {
      carrier: 'NZ Post',
      trackingNumber: 'NZ123456789',
    })
    expect(shipped.status).toBe(200)

    const callback = await waitFor(
      () =>
        channel.callbacks().find((c) => c.update.orderId === result.orderId && c.update.status === 'shipped'),
      10_000,
      'shipped callback',
    )
    expect(callback.signatureValid).toBe(true)
    expect(callback.update.externalOrderId).toBe(order.externalId)
    expect(callback.update.shipments[0]).toMatchObject({ carrier: 'NZ Post', trackingNumber: 'NZ123456789' })

    const after = await hub.api(`/api/v1/orders/${result.orderId}`)
    expect(after.body.status).toBe('shipped')
    expect(after.body.fulfilments[0]).toMatchObject({
      status: 'shipped',
      trackingNumber: 'NZ123456789',
      externalRef: expect.stringMatching(/^WMS-/),
    })
    // The notifier heard the same changes, signed: released at intake, then shipped.
    const heard = await waitFor(() => {
      const mine = notices.requests
        .map((r) => JSON.parse(r.body))
        .filter((n) => n.update.orderId === result.orderId)
      return mine.some((n) => n.update.status === 'shipped') ? mine : undefined
    })
    expect(heard.map((n: { update: { status: string } }) => n.update.status)).toEqual(['released', 'shipped'])
    expect(
      notices.requests.every(
        (r) =>
          verifyOutboundSignature({
            secret: 'notify-secret-1',
            rawBody: Buffer.from(r.body),
            headers: r.headers,
          }).ok,
      ),
    ).toBe(true)

    const stock = await hub.api('/api/v1/inventory?sku=SKU-A&location=akl')
    expect(stock.body.items[0]).toMatchObject({ onHand: 98, allocated: 0 })
  })

  it('splits an order across locations when no single one can ship it', async () => {
    // The order ships to Wellington: the store there gives all 5 it holds, Auckland (98 left) the rest.
    const order = sampleOrder({}, [{ sku: 'SKU-A', quantity: 100 }])
    const posted = await channel.postOrder(hub.url, 'web', order)
    expect(posted.status).toBe(201)
    const id = (posted.body.results as { orderId: string }[])[0]!.orderId
    const detail = await hub.api(`/api/v1/orders/${id}`)
    expect(detail.body.status).toBe('released')
    expect(detail.body.routingDecision.strategy).toBe('default')
    expect(detail.body.routingDecision.plan.shipments).toHaveLength(2)
    expect(detail.body.fulfilments.map((f: { locationId: string }) => f.locationId).sort()).toEqual([
      'akl',
      'wlg',
    ])
    const byLocation = Object.fromEntries(
      detail.body.allocations.map((a: { locationId: string; quantity: number }) => [
        a.locationId,
        a.quantity,
      ]),
    )
    expect(byLocation).toEqual({ wlg: 5, akl: 95 })
    expect(detail.body.lines[0]).toMatchObject({ allocated: 100, backordered: 0 })
  })

  it('keeps an order it cannot fill, backordered, never dropped', async () => {
    const order = sampleOrder({}, [{ sku: 'SKU-D', quantity: 1 }])
    const posted = await channel.postOrder(hub.url, 'web', order)
    expect(posted.status).toBe(201)
    const id = (posted.body.results as { orderId: string }[])[0]!.orderId
    const detail = await hub.api(`/api/v1/orders/${id}`)
    expect(detail.body.status).toBe('backordered')
    expect(detail.body.lines[0]).toMatchObject({ allocated: 0, backordered: 1 })
    expect(detail.body.routingDecision.summary).toMatch(/Backordered 1 × SKU-D/)
  })
})
