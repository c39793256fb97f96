import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { waitFor } from '../peers/http-peer'
import { type RestChannelPeer, sampleOrder } from '../peers/rest-channel-peer'
import type { RestWmsPeer } from '../peers/rest-wms-peer'
import { createTestDb, dbKinds, type TestDb } from '../support/databases'
import { aucklander, wellingtonStore } from '../support/pickup-world'
import { startRestHub } from '../support/rest-hub'
import type { TestHub } from '../support/test-hub'
import { seedWorld } from '../support/world'

async function startWorld(kind: Parameters<typeof createTestDb>[0], env: Record<string, string> = {}) {
  const db = await createTestDb(kind)
  const rest = await startRestHub(db, { env })
  await seedWorld(rest.hub.api, { wms: 'dc' })
  const store = await rest.hub.api('/api/v1/locations/wlg', { method: 'PUT', body: wellingtonStore })
  expect(store.status, JSON.stringify(store.body)).toBe(200)
  expect(store.body.acceptsPickup).toBe(true)
  return { db, ...rest }
}

const pickupOrder = (lines: { sku: string; quantity: number }[], store = 'wlg') =>
  sampleOrder({ shipTo: aucklander, deliveryMethod: 'pickup', pickupLocationId: store }, lines)

/**
 * Click and collect end to end (issue 20), on both databases, through the REST channel and the REST
 * WMS simulated peers: a pickup order is allocated at its store, the store gets a pick request,
 * reports it picked, the channel hears "ready for pickup", a person confirms the collection and the
 * channel hears "shipped". What the store lacks waits there; a location that does not accept
 * pickup is refused at the door.
 */
describe.each(dbKinds)('click and collect on %s', (kind) => {
  let db: TestDb
  let hub: TestHub
  let channel: RestChannelPeer
  let wms: RestWmsPeer

  beforeAll(async () => {
    ;({ db, hub, channel, wms } = await startWorld(kind))
  })

  afterAll(async () => {
    await hub?.stop()
    await channel?.close()
    await wms?.close()
    await db?.drop()
  })

  const statusesHeard = (orderId: string) =>
    channel
      .callbacks()
      .filter((c) => c.update.orderId === orderId)
      .map((c) => c.update.status)

  it('allocates at the store, sends a pick request, hears "ready for pickup" and confirms the collection', async () => {
    const order = pickupOrder([{ sku: 'SKU-A', quantity: 2 }])
    const posted = await channel.postOrder(hub.url, 'web', order)
    expect(posted.status, JSON.stringify(posted.body)).toBe(201)
    const { orderId, status } = (posted.body.results as { orderId: string; status: string }[])[0]!
    expect(status).toBe('released')

    const detail = await hub.api(`/api/v1/orders/${orderId}`)
    expect(detail.body).toMatchObject({
      deliveryMethod: 'pickup',
      pickup: { locationId: 'wlg', readyAt: null },
      serviceLevel: 'pickup',
    })
    // Auckland is nearer and holds 100, but only the pickup store may fill it.
    expect(detail.body.allocations.map((a: { locationId: string }) => a.locationId)).toEqual(['wlg'])
    expect(detail.body.routingDecision.summary).toMatch(/^Click and collect at Wellington store\./)

    const pick = await waitFor(
      () => wms.fulfilments().find((f) => f.request.orderId === orderId),
      10_000,
      'pick request',
    )
    expect(pick.request).toMatchObject({
      deliveryMethod: 'pickup',
      location: { id: 'wlg' },
      lines: [expect.objectContaining({ sku: 'SKU-A', quantity: 2 })],
    })

    const picked = await wms.picked(hub.url, 'dc', pick.request.fulfilmentId)
    expect(picked.status, JSON.stringify(picked.body)).toBe(200)
    const ready = await hub.api(`/api/v1/orders/${orderId}`)
    expect(ready.body.status).toBe('ready_for_pickup')
    expect(ready.body.pickup.readyAt).toEqual(expect.any(String))
    await waitFor(
      () => statusesHeard(orderId).includes('ready_for_pickup') || undefined,
      10_000,
      'ready callback',
    )
    // A repeated report changes nothing.
    expect((await wms.picked(hub.url, 'dc', pick.request.fulfilmentId)).status).toBe(200)
    expect((await hub.api(`/api/v1/orders/${orderId}`)).body.status).toBe('ready_for_pickup')

    const collected = await hub.api(`/api/v1/orders/${orderId}/pickup`, { method: 'POST' })
    expect(collected.status, JSON.stringify(collected.body)).toBe(200)
    expect(collected.body).toEqual({ orderId, status: 'shipped' })
    const shipped = await waitFor(
      () => channel.callbacks().find((c) => c.update.orderId === orderId && c.update.status === 'shipped'),
      10_000,
      'shipped callback',
    )
    expect(shipped.update.shipments[0]).toMatchObject({ carrier: 'in-store pickup' })
    expect(statusesHeard(orderId)).toEqual(['released', 'ready_for_pickup', 'shipped'])
    // The units left the store's stock; the DC's are untouched.
    const wlg = await hub.api('/api/v1/inventory?sku=SKU-A&location=wlg')
    expect(wlg.body.items[0]).toMatchObject({ onHand: 3, allocated: 0 })
    const akl = await hub.api('/api/v1/inventory?sku=SKU-A&location=akl')
    expect(akl.body.items[0]).toMatchObject({ onHand: 100, allocated: 0 })
    // Collected once: a second confirmation is a conflict naming the state.
    const again = await hub.api(`/api/v1/orders/${orderId}/pickup`, { method: 'POST' })
    expect(again.status).toBe(409)
    expect(again.body.code).toBe('OPERATION_NOT_ALLOWED')
  })

  it('waits at the store when it lacks stock, never shipping from elsewhere, and says why', async () => {
    // SKU-B is at Auckland (50) and Christchurch (20), not at the Wellington store.
    const posted = await channel.postOrder(hub.url, 'web', pickupOrder([{ sku: 'SKU-B', quantity: 1 }]))
    expect(posted.status).toBe(201)
    const { orderId } = (posted.body.results as { orderId: string }[])[0]!
    const detail = await hub.api(`/api/v1/orders/${orderId}`)
    expect(detail.body.status).toBe('backordered')
    expect(detail.body.allocations).toEqual([])
    expect(detail.body.routingDecision.summary).toMatch(
      /Click and collect at Wellington store: the store lacks 1 × SKU-B, so the order waits for stock there/,
    )
    // A collection before the store has it is refused.
    const early = await hub.api(`/api/v1/orders/${orderId}/pickup`, { method: 'POST' })
    expect(early.status).toBe(409)
  })

  it('waits backordered when the store gives up a pick it had ready, never moving it to another store', async () => {
    const posted = await channel.postOrder(hub.url, 'web', pickupOrder([{ sku: 'SKU-A', quantity: 1 }]))
    const { orderId } = (posted.body.results as { orderId: string }[])[0]!
    const pick = await waitFor(
      () => wms.fulfilments().find((f) => f.request.orderId === orderId),
      10_000,
      'pick request',
    )
    expect((await wms.picked(hub.url, 'dc', pick.request.fulfilmentId)).status).toBe(200)
    const rejected = await wms.reject(hub.url, 'dc', pick.request.fulfilmentId, 'damaged at the counter')
    expect(rejected.status, JSON.stringify(rejected.body)).toBe(200)
    const after = await hub.api(`/api/v1/orders/${orderId}`)
    expect(after.body.status).toBe('backordered')
    expect(after.body.lines[0]).toMatchObject({ allocated: 0, backordered: 1 })
    expect(
      after.body.allocations.filter(
        (a: { status: string }) => a.status !== 'cancelled' && a.status !== 'rejected',
      ),
    ).toEqual([])
  })

  it('offers the rule editor the pickup facts and their values', async () => {
    const facts = await hub.api('/api/v1/rules/facts')
    expect(facts.status).toBe(200)
    const ids = facts.body.facts.map((f: { id: string }) => f.id)
    expect(ids).toEqual(expect.arrayContaining(['order.deliveryMethod', 'location.acceptsPickup']))
    expect(facts.body.values.deliveryMethods).toEqual(['ship', 'pickup'])
  })

  it('refuses a pickup at a location that does not accept pickup: 422 naming the field, or an exception', async () => {
    const viaApi = await hub.api('/api/v1/orders', {
      method: 'POST',
      body: { channel: 'web', order: pickupOrder([{ sku: 'SKU-A', quantity: 1 }], 'akl') },
    })
    expect(viaApi.status).toBe(422)
    expect(viaApi.contentType).toMatch(/problem\+json/)
    expect(viaApi.body.errors).toContainEqual(
      expect.objectContaining({
        field: 'order.pickupLocationId',
        message: "location 'akl' does not accept pickup",
      }),
    )
    const noStore = await hub.api('/api/v1/orders', {
      method: 'POST',
      body: { channel: 'web', order: sampleOrder({ deliveryMethod: 'pickup' }) },
    })
    expect(noStore.status).toBe(422)

    const viaWebhook = await channel.postOrder(
      hub.url,
      'web',
      pickupOrder([{ sku: 'SKU-A', quantity: 1 }], 'akl'),
    )
    expect(viaWebhook.status).toBe(202)
    const kept = await hub.api(`/api/v1/exceptions/${viaWebhook.body.exceptionId}`)
    expect(kept.body.reasons).toContainEqual(expect.objectContaining({ field: 'pickupLocationId' }))
  })
})

/** An order left at the counter expires: cancelled, its units back on the store's shelf, the channel told. */
describe.each(dbKinds)('an uncollected pickup expires on %s', (kind) => {
  let world: Awaited<ReturnType<typeof startWorld>>

  beforeAll(async () => {
    // One second at the counter, checked every 200 ms.
    world = await startWorld(kind, {
      SWITCHYARD_PICKUP_EXPIRY_HOURS: String(1 / 3600),
      SWITCHYARD_PICKUP_EXPIRY_CHECK_MS: '200',
    })
  })

  afterAll(async () => {
    await world?.stop()
    await world?.db.drop()
  })

  it('cancels it, returns the stock at the store, tells the store and the channel', async () => {
    const { hub, channel, wms } = world
    const posted = await channel.postOrder(hub.url, 'web', pickupOrder([{ sku: 'SKU-A', quantity: 3 }]))
    const { orderId } = (posted.body.results as { orderId: string }[])[0]!
    const pick = await waitFor(
      () => wms.fulfilments().find((f) => f.request.orderId === orderId),
      10_000,
      'pick request',
    )
    const held = await hub.api('/api/v1/inventory?sku=SKU-A&location=wlg')
    expect(held.body.items[0]).toMatchObject({ onHand: 5, allocated: 3 })
    // Not ready yet: a released order does not expire, however long it waits for the store.
    await new Promise((r) => setTimeout(r, 1500))
    expect((await hub.api(`/api/v1/orders/${orderId}`)).body.status).toBe('released')

    expect((await wms.picked(hub.url, 'dc', pick.request.fulfilmentId)).status).toBe(200)
    const cancelled = await waitFor(
      async () => {
        const o = await hub.api(`/api/v1/orders/${orderId}`)
        return o.body.status === 'cancelled' ? o.body : undefined
      },
      10_000,
      'expiry',
    )
    expect(cancelled.lines[0]).toMatchObject({ cancelled: 3, allocated: 0 })
    expect(cancelled.history.map((h: { type: string }) => h.type)).toContain('order.pickup_expired')
    const back = await hub.api('/api/v1/inventory?sku=SKU-A&location=wlg')
    expect(back.body.items[0]).toMatchObject({ onHand: 5, allocated: 0 })
    const told = await waitFor(
      () => channel.callbacks().find((c) => c.update.orderId === orderId && c.update.status === 'cancelled'),
      10_000,
      'cancelled callback',
    )
    expect(told.update.previousStatus).toBe('ready_for_pickup')
    expect(told.update.reason).toMatch(/not collected within/)
    await waitFor(
      () => wms.cancelRequests.find((r) => r.fulfilmentId === pick.request.fulfilmentId),
      10_000,
      'the store told to put the pick back',
    )
  })
})
