import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { waitFor } from '../peers/http-peer'
import { RestChannelPeer, sampleOrder } from '../peers/rest-channel-peer'
import { RestWmsPeer } from '../peers/rest-wms-peer'
import { createTestDb, type TestDb } from '../support/databases'
import { startTestHub, type TestHub } from '../support/test-hub'
import { seedWorld } from '../support/world'

type Level = { sku: string; locationId: string; allocated: number }

/**
 * Cancellations through the API and from the channel: before release the stock comes back at once
 * and exactly; after release the warehouse decides; a cancellation that loses to a shipment is
 * refused, and the channel hears every outcome.
 */
describe('cancellation', () => {
  let db: TestDb
  let hub: TestHub
  let channel: RestChannelPeer
  let wms: RestWmsPeer

  const allocated = async (sku: string) =>
    Object.fromEntries(
      ((await hub.api(`/api/v1/inventory?sku=${sku}`)).body.items as Level[]).map((l) => [
        l.locationId,
        l.allocated,
      ]),
    )

  beforeAll(async () => {
    db = await createTestDb('sqlite')
    channel = await RestChannelPeer.start('cancel-channel')
    wms = await RestWmsPeer.start('cancel-wms', 'cancel-hook')
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
    // Auckland and Wellington have no WMS: their orders stay allocated (not released) until someone acts.
    await seedWorld(hub.api, {
      stock: [
        { sku: 'SKU-A', locationId: 'wlg', onHand: 10 },
        { sku: 'SKU-B', locationId: 'akl', onHand: 100 },
      ],
    })
  })

  afterAll(async () => {
    await hub?.stop()
    await channel?.close()
    await wms?.close()
    await db?.drop()
  })

  it('partially cancels a split order before release, freeing exactly the cancelled quantities', async () => {
    const before = await allocated('SKU-A')
    // SKU-A is only in Wellington, SKU-B only in Auckland: the order must split.
    const posted = await hub.api('/api/v1/orders', {
      body: {
        channel: 'web',
        order: sampleOrder({}, [
          { sku: 'SKU-A', quantity: 6 },
          { sku: 'SKU-B', quantity: 2 },
        ]),
      },
    })
    expect(posted.status).toBe(201)
    const id = posted.body.orderId
    const order = (await hub.api(`/api/v1/orders/${id}`)).body
    expect(order.status).toBe('allocated')
    expect(
      order.allocations
        .map(
          (a: { sku: string; locationId: string; quantity: number }) =>
            `${a.quantity}×${a.sku}@${a.locationId}`,
        )
        .sort(),
    ).toEqual(['2×SKU-B@akl', '6×SKU-A@wlg'])
    const lineA = order.lines.find((l: { sku: string }) => l.sku === 'SKU-A')

    const res = await hub.api(`/api/v1/orders/${id}/cancel`, {
      body: { lines: [{ lineId: lineA.id, quantity: 4 }], reason: 'customer asked' },
    })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      status: 'allocated',
      cancelled: [{ lineId: lineA.id, quantity: 4 }],
      awaitingWarehouse: [],
    })

    const after = (await hub.api(`/api/v1/orders/${id}`)).body
    const line = after.lines.find((l: { sku: string }) => l.sku === 'SKU-A')
    expect(line).toMatchObject({ quantity: 6, allocated: 2, cancelled: 4, backordered: 0 })
    const open = after.allocations.filter(
      (a: { sku: string; status: string }) => a.sku === 'SKU-A' && a.status === 'allocated',
    )
    expect(open.reduce((n: number, a: { quantity: number }) => n + a.quantity, 0)).toBe(2)
    expect(await allocated('SKU-A')).toEqual({ wlg: (before.wlg ?? 0) + 2 })
    expect((await allocated('SKU-B')).akl).toBe(2)
    expect(after.history.map((h: { type: string }) => h.type)).toContain('order.lines_cancelled')

    const tooMuch = await hub.api(`/api/v1/orders/${id}/cancel`, {
      body: { lines: [{ lineId: lineA.id, quantity: 3 }] },
    })
    expect(tooMuch.status).toBe(422)
    expect(tooMuch.body.errors).toEqual([
      { field: 'lines[0].quantity', message: 'only 2 can still be cancelled' },
    ])

    const whole = await hub.api(`/api/v1/orders/${id}/cancel`, { body: {} })
    expect(whole.body.status).toBe('cancelled')
    expect(await allocated('SKU-A')).toEqual(before)
    const again = await hub.api(`/api/v1/orders/${id}/cancel`, { body: {} })
    expect(again.status).toBe(409)
    expect(again.body).toMatchObject({ code: 'OPERATION_NOT_ALLOWED', details: { status: 'cancelled' } })
  })

  it('asks the warehouse after release; cancels when it confirms; the channel hears it', async () => {
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
    const before = await allocated('SKU-B')
    const posted = await channel.postOrder(hub.url, 'web', sampleOrder({}, [{ sku: 'SKU-B', quantity: 3 }]))
    const id = (posted.body.results as { orderId: string; status: string }[])[0]!.orderId
    const f = await waitFor(
      () => wms.fulfilments().find((x) => x.request.orderId === id),
      10_000,
      'the fulfilment request',
    )

    const res = await hub.api(`/api/v1/orders/${id}/cancel`, { body: { reason: 'fraud check failed' } })
    expect(res.status).toBe(202)
    expect(res.body.awaitingWarehouse).toEqual([f.request.fulfilmentId])
    await waitFor(
      () => wms.cancelRequests.find((c) => c.fulfilmentId === f.request.fulfilmentId),
      10_000,
      'the cancel request',
    )
    const done = await waitFor(
      async () => {
        const o = (await hub.api(`/api/v1/orders/${id}`)).body
        return o.status === 'cancelled' ? o : undefined
      },
      10_000,
      'the order cancelled',
    ).catch(async (e) => {
      console.log(
        'DEBUG',
        JSON.stringify((await hub.api(`/api/v1/orders/${id}`)).body.history),
        JSON.stringify((await hub.api(`/api/v1/outbox?order=${id}`)).body),
      )
      throw e
    })
    expect(done.lines[0]).toMatchObject({ cancelled: 3, allocated: 0 })
    expect(await allocated('SKU-B')).toEqual(before)
    const told = await waitFor(
      () => channel.callbacks().find((c) => c.update.orderId === id && c.update.status === 'cancelled'),
      10_000,
      'the channel told',
    )
    expect(told.signatureValid).toBe(true)
  })

  it('refuses a cancellation that loses to a shipment, and tells the channel', async () => {
    const posted = await channel.postOrder(hub.url, 'web', sampleOrder({}, [{ sku: 'SKU-B', quantity: 1 }]))
    const id = (posted.body.results as { orderId: string }[])[0]!.orderId
    const f = await waitFor(
      () => wms.fulfilments().find((x) => x.request.orderId === id),
      10_000,
      'the fulfilment request',
    )
    wms.markShipped(f.request.fulfilmentId) // packed and gone, but the hub has not heard yet

    expect((await hub.api(`/api/v1/orders/${id}/cancel`, { body: {} })).status).toBe(202)
    const refused = await waitFor(
      () =>
        channel
          .callbacks()
          .find((c) => c.update.orderId === id && c.update.reason?.startsWith('cancellation refused')),
      10_000,
      'the refusal told to the channel',
    )
    expect(refused.update.reason).toBe('cancellation refused: already shipped')
    const o = (await hub.api(`/api/v1/orders/${id}`)).body
    expect(o.status).toBe('released')
    expect(o.fulfilments[0].status).toBe('accepted')

    await wms.ship(hub.url, 'dc', f.request.fulfilmentId, { carrier: 'NZ Post', trackingNumber: 'NZ999' })
    await waitFor(async () =>
      (await hub.api(`/api/v1/orders/${id}`)).body.status === 'shipped' ? true : undefined,
    )
    // The channel now asks to cancel a shipped order: refused, naming the state.
    const late = await channel.postOrder(hub.url, 'web', '', {
      path: `/orders/${encodeURIComponent(o.externalOrderId)}/cancel`,
    })
    expect(late.status).toBe(409)
    expect(late.body).toMatchObject({ code: 'OPERATION_NOT_ALLOWED', details: { status: 'shipped' } })
  })
})
