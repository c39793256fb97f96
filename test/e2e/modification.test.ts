import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { waitFor } from '../peers/http-peer'
import { RestChannelPeer, sampleOrder } from '../peers/rest-channel-peer'
import { RestWmsPeer } from '../peers/rest-wms-peer'
import { createTestDb, type TestDb } from '../support/databases'
import { checkOrderInvariants } from '../support/invariants'
import { aucklander } from '../support/pickup-world'
import { startTestHub, type TestHub } from '../support/test-hub'
import { seedWorld } from '../support/world'

const AUCKLAND = { ...aucklander, name: 'Aroha' }
const WELLINGTON = {
  name: 'Aroha',
  line1: '12 Cuba Street',
  city: 'Wellington',
  postcode: '6011',
  country: 'NZ',
  lat: -41.2924,
  lon: 174.7787,
}

/** Modifying an order before release re-routes it; after release the change is refused, naming the state. */
describe('modification', () => {
  let db: TestDb
  let hub: TestHub
  let channel: RestChannelPeer
  let wms: RestWmsPeer

  beforeAll(async () => {
    db = await createTestDb('sqlite')
    channel = await RestChannelPeer.start('modify-channel')
    wms = await RestWmsPeer.start('modify-wms', 'modify-hook')
    hub = await startTestHub(
      db,
      [
        {
          id: 'web',
          use: '@switchyard/rest-channel',
          config: { secret: { $env: 'S1' }, callbackUrl: channel.callbackUrl },
        },
        {
          id: 'dc',
          use: '@switchyard/rest-wms',
          config: { baseUrl: wms.http.url, apiKey: { $env: 'S2' }, webhookSecret: { $env: 'S3' } },
        },
      ],
      { S1: channel.secret, S2: wms.apiKey, S3: wms.webhookSecret },
    )
    // No WMS on the locations at first: orders stay allocated, still open to change.
    await seedWorld(hub.api, {
      stock: [
        { sku: 'SKU-A', locationId: 'akl', onHand: 50 },
        { sku: 'SKU-A', locationId: 'wlg', onHand: 50 },
        { sku: 'SKU-B', locationId: 'akl', onHand: 50 },
        { sku: 'SKU-B', locationId: 'wlg', onHand: 50 },
      ],
    })
  })

  afterAll(async () => {
    await hub?.stop()
    await channel?.close()
    await wms?.close()
    await db?.drop()
  })

  it('re-routes when the address changes, and follows quantity and line changes', async () => {
    const posted = await hub.api('/api/v1/orders', {
      body: { channel: 'web', order: sampleOrder({ shipTo: AUCKLAND }, [{ sku: 'SKU-A', quantity: 2 }]) },
    })
    const id = posted.body.orderId
    const first = (await hub.api(`/api/v1/orders/${id}`)).body
    expect(first.status).toBe('allocated')
    expect(first.allocations.map((a: { locationId: string }) => a.locationId)).toEqual(['akl'])

    const moved = await hub.api(`/api/v1/orders/${id}`, {
      method: 'PATCH',
      body: { shipTo: WELLINGTON, reason: 'customer moved' },
    })
    expect(moved.status).toBe(200)
    expect(moved.body).toMatchObject({ status: 'allocated', changed: ['shipping address'] })
    const second = (await hub.api(`/api/v1/orders/${id}`)).body
    const live = second.allocations.filter((a: { status: string }) => a.status === 'allocated')
    expect(
      live.map((a: { locationId: string; quantity: number }) => `${a.quantity}@${a.locationId}`),
    ).toEqual(['2@wlg'])
    expect(second.shipTo.city).toBe('Wellington')
    expect(second.history.map((h: { type: string }) => h.type)).toEqual(
      expect.arrayContaining(['order.modified', 'order.rerouted']),
    )
    expect(second.routingDecision.summary).toMatch(/^Re-routed \(the order was modified\)/)

    const lineA = second.lines[0].id
    const reshaped = await hub.api(`/api/v1/orders/${id}`, {
      method: 'PATCH',
      body: {
        lines: [{ lineId: lineA, quantity: 5 }],
        addLines: [{ sku: 'SKU-B', quantity: 1, unitPrice: '15.00' }],
      },
    })
    expect(reshaped.status).toBe(200)
    const third = (await hub.api(`/api/v1/orders/${id}`)).body
    expect(
      third.lines.map(
        (l: { sku: string; quantity: number; allocated: number }) => `${l.sku} ${l.quantity}/${l.allocated}`,
      ),
    ).toEqual(['SKU-A 5/5', 'SKU-B 1/1'])
    expect(third.subtotal).toBe('65.00')

    const removed = await hub.api(`/api/v1/orders/${id}`, {
      method: 'PATCH',
      body: { lines: [{ lineId: lineA, quantity: 0 }] },
    })
    expect(removed.status).toBe(200)
    const fourth = (await hub.api(`/api/v1/orders/${id}`)).body
    expect(fourth.lines[0]).toMatchObject({ quantity: 5, cancelled: 5, allocated: 0 })
    expect(await checkOrderInvariants(hub.api)).toEqual([])

    const bad = await hub.api(`/api/v1/orders/${id}`, {
      method: 'PATCH',
      body: { addLines: [{ sku: 'NOPE', quantity: 1 }] },
    })
    expect(bad.status).toBe(422)
    expect(bad.body.errors).toEqual([{ field: 'addLines[0].sku', message: "unknown sku 'NOPE'" }])
  })

  it('refuses a change once the order is with the warehouse, naming the state', async () => {
    await hub.api('/api/v1/locations/akl', {
      method: 'PUT',
      body: {
        name: 'Auckland DC',
        type: 'warehouse',
        country: 'NZ',
        lat: -36.9069,
        lon: 174.8447,
        timezone: 'Pacific/Auckland',
        wmsInstanceId: 'dc',
      },
    })
    const posted = await channel.postOrder(
      hub.url,
      'web',
      sampleOrder({ shipTo: AUCKLAND }, [{ sku: 'SKU-B', quantity: 1 }]),
    )
    const id = (posted.body.results as { orderId: string; status: string }[])[0]!.orderId
    await waitFor(() => wms.fulfilments().find((f) => f.request.orderId === id))
    const res = await hub.api(`/api/v1/orders/${id}`, { method: 'PATCH', body: { shipTo: WELLINGTON } })
    expect(res.status).toBe(409)
    expect(res.body).toMatchObject({
      code: 'OPERATION_NOT_ALLOWED',
      details: { operation: 'modify', status: 'released' },
    })
    expect(res.body.detail).toContain('with the warehouse')
  })
})
