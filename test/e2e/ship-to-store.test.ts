import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { waitFor } from '../peers/http-peer'
import { type RestChannelPeer, sampleOrder } from '../peers/rest-channel-peer'
import type { RestWmsPeer } from '../peers/rest-wms-peer'
import { createTestDb, dbKinds, type TestDb } from '../support/databases'
import { aucklander, wellingtonStore } from '../support/pickup-world'
import { startRestHub } from '../support/rest-hub'
import type { TestHub } from '../support/test-hub'
import { seedWorld } from '../support/world'

// Pickup orders the Wellington store cannot fill are sent to it from the Auckland DC only.
const RULES = [
  {
    name: 'dc-to-store',
    conditions: {
      all: [{ name: 'c-pickup', fact: 'order.deliveryMethod', operator: 'equal', value: 'pickup' }],
    },
    event: { type: 'shipToStore', params: { locations: ['akl'], reason: 'overnight linehaul' } },
  },
]

const pickupOrder = (lines: { sku: string; quantity: number }[]) =>
  sampleOrder({ shipTo: aucklander, deliveryMethod: 'pickup', pickupLocationId: 'wlg' }, lines)

/**
 * Ship to store end to end (issue 20), on both databases, through the REST channel and REST WMS
 * simulated peers: a pickup order the store cannot fill goes to the Auckland DC with the store as
 * ship-to, the DC's shipment puts it in transit to the store, the store's receipt gets it a pick
 * request, its pick makes the order ready for pickup, and the customer collects it.
 */
describe.each(dbKinds)('ship to store on %s', (kind) => {
  let db: TestDb
  let hub: TestHub
  let channel: RestChannelPeer
  let wms: RestWmsPeer

  beforeAll(async () => {
    db = await createTestDb(kind)
    ;({ hub, channel, wms } = await startRestHub(db))
    await seedWorld(hub.api, { wms: 'dc' })
    const store = await hub.api('/api/v1/locations/wlg', { method: 'PUT', body: wellingtonStore })
    expect(store.status, JSON.stringify(store.body)).toBe(200)
    expect(
      (await hub.api('/api/v1/rules/sets', { body: { id: 'sourcing', kind: 'sourcing', name: 'Sourcing' } }))
        .status,
    ).toBe(201)
    const draft = await hub.api('/api/v1/rules/sets/sourcing/versions', { body: { rules: RULES } })
    expect(draft.body.validation, JSON.stringify(draft.body)).toMatchObject({ valid: true, errors: [] })
    const published = await hub.api(
      `/api/v1/rules/sets/sourcing/versions/${draft.body.version.version}/publish`,
      {
        body: {},
      },
    )
    expect(published.status, JSON.stringify(published.body)).toBe(200)
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

  const stockOf = async (sku: string, location: string) =>
    (await hub.api(`/api/v1/inventory?sku=${sku}&location=${location}`)).body.items[0] ?? null

  it('sends the order from the DC to the store, receives it there, has it picked and collected', async () => {
    // SKU-B: 50 at Auckland, 20 at Christchurch, none at the Wellington store.
    const posted = await channel.postOrder(hub.url, 'web', pickupOrder([{ sku: 'SKU-B', quantity: 2 }]))
    expect(posted.status, JSON.stringify(posted.body)).toBe(201)
    const { orderId, status } = (posted.body.results as { orderId: string; status: string }[])[0]!
    expect(status).toBe('released')

    const detail = (await hub.api(`/api/v1/orders/${orderId}`)).body
    expect(detail.allocations.map((a: { locationId: string }) => a.locationId)).toEqual(['akl'])
    // The customer stays the customer: the order's address is theirs.
    expect(detail.shipTo).toMatchObject({ name: 'Aroha Ngata', city: 'Auckland' })
    expect(detail.routingDecision.summary).toMatch(
      /^Click and collect at Wellington store, shipped to the store: the store cannot fill the whole order, so rule 'dc-to-store' \(overnight linehaul\) sends it from akl \(ships \d{4}-\d\d-\d\d, \d+ days? to the store, 1 receiving day: ready for pickup by \d{4}-\d\d-\d\d\)/,
    )
    const shipment = detail.routingDecision.plan.shipments[0]
    expect(shipment).toMatchObject({
      locationId: 'akl',
      serviceLevel: 'standard',
      shipToStore: { locationId: 'wlg', receivingDays: 1 },
    })
    expect(detail.routingDecision.plan.promiseDate).toBe(shipment.promiseDate)
    // "Every location" routes it again as it was: the same choice, the store and Christchurch say why not.
    const every = await hub.api(`/api/v1/orders/${orderId}/decision?every=true`)
    expect(every.status, JSON.stringify(every.body)).toBe(200)
    expect(every.body.replayed).toMatchObject({ sameAsStored: true })
    const why = (id: string) =>
      every.body.explanation.candidates.find((c: { locationId: string }) => c.locationId === id)?.excluded
        ?.rule
    expect([why('wlg'), why('chc')]).toEqual(['ship-to-store', 'pickup-store'])

    // The DC is asked to ship to the store, with the customer's name on the label.
    const transfer = await waitFor(
      () => wms.fulfilments().find((f) => f.request.orderId === orderId),
      10_000,
      'transfer request',
    )
    expect(transfer.request).toMatchObject({
      location: { id: 'akl' },
      serviceLevel: 'standard',
      shipTo: {
        name: 'Aroha Ngata',
        company: 'Wellington store',
        line1: '1 Lambton Quay',
        city: 'Wellington',
        postcode: '6011',
        country: 'NZ',
      },
      shipToStore: { locationId: 'wlg', name: 'Wellington store' },
      lines: [expect.objectContaining({ sku: 'SKU-B', quantity: 2 })],
    })
    expect(transfer.request.deliveryMethod).toBeUndefined()

    // Nothing has reached the store yet: a receipt is refused.
    const early = await hub.api(`/api/v1/orders/${orderId}/pickup/received`, { method: 'POST' })
    expect(early.status).toBe(409)
    expect(early.body.code).toBe('OPERATION_NOT_ALLOWED')

    // The DC ships: in transit to the store; the customer has nothing yet.
    const shipped = await wms.ship(hub.url, 'dc', transfer.request.fulfilmentId, {
      carrier: 'NZ Post',
      trackingNumber: 'NZP-TRANSFER-1',
    })
    expect(shipped.status, JSON.stringify(shipped.body)).toBe(200)
    const inTransit = (await hub.api(`/api/v1/orders/${orderId}`)).body
    expect(inTransit.status).toBe('released')
    expect(inTransit.lines[0]).toMatchObject({ allocated: 2, shipped: 0 })
    expect(inTransit.history).toContainEqual(
      expect.objectContaining({
        type: 'order.in_transit_to_store',
        data: expect.objectContaining({ from: 'akl', to: 'wlg', trackingNumber: 'NZP-TRANSFER-1' }),
      }),
    )
    expect(await stockOf('SKU-B', 'akl')).toMatchObject({ onHand: 48, allocated: 0 })
    // On its way, the units belong to no location: a cancellation is refused until the store has them.
    const cancel = await hub.api(`/api/v1/orders/${orderId}/cancel`, { body: { reason: 'changed mind' } })
    expect(cancel.status, JSON.stringify(cancel.body)).toBe(409)
    expect(cancel.body).toMatchObject({ code: 'OPERATION_NOT_ALLOWED' })
    expect(cancel.body.detail).toMatch(/on its way to the pickup store/)
    expect((await hub.api(`/api/v1/orders/${orderId}`)).body.status).toBe('released')

    // The store receives it: the units join its stock held for the order, and it gets a pick request.
    const received = await hub.api(`/api/v1/orders/${orderId}/pickup/received`, { method: 'POST' })
    expect(received.status, JSON.stringify(received.body)).toBe(200)
    expect(received.body).toEqual({ orderId, status: 'released', received: [transfer.request.fulfilmentId] })
    expect(await stockOf('SKU-B', 'wlg')).toMatchObject({ onHand: 2, allocated: 2 })
    const again = await hub.api(`/api/v1/orders/${orderId}/pickup/received`, { method: 'POST' })
    expect(again.status).toBe(409)
    const pick = await waitFor(
      () => wms.fulfilments().find((f) => f.request.orderId === orderId && f.request.location.id === 'wlg'),
      10_000,
      'pick request at the store',
    )
    expect(pick.request).toMatchObject({
      deliveryMethod: 'pickup',
      lines: [expect.objectContaining({ sku: 'SKU-B', quantity: 2 })],
    })
    expect(pick.request.shipToStore).toBeUndefined()

    // Picked at the store: ready for pickup, the channel told.
    expect((await wms.picked(hub.url, 'dc', pick.request.fulfilmentId)).status).toBe(200)
    expect((await hub.api(`/api/v1/orders/${orderId}`)).body.status).toBe('ready_for_pickup')
    await waitFor(
      () => statusesHeard(orderId).includes('ready_for_pickup') || undefined,
      10_000,
      'ready callback',
    )

    // Collected: the units leave the store's stock.
    const collected = await hub.api(`/api/v1/orders/${orderId}/pickup`, { method: 'POST' })
    expect(collected.status, JSON.stringify(collected.body)).toBe(200)
    expect(collected.body).toEqual({ orderId, status: 'shipped' })
    const done = (await hub.api(`/api/v1/orders/${orderId}`)).body
    expect(done.lines[0]).toMatchObject({ allocated: 0, shipped: 2 })
    expect(await stockOf('SKU-B', 'wlg')).toMatchObject({ onHand: 0, allocated: 0 })
    await waitFor(() => statusesHeard(orderId).includes('shipped') || undefined, 10_000, 'shipped callback')
    expect(statusesHeard(orderId)).toEqual(['released', 'ready_for_pickup', 'shipped'])
    // The channel hears the collection only: the transfer went to the store, not the customer.
    const told = channel
      .callbacks()
      .find((c) => c.update.orderId === orderId && c.update.status === 'shipped')!
    expect(told.update.shipments).toEqual([
      expect.objectContaining({
        carrier: 'in-store pickup',
        lines: [expect.objectContaining({ sku: 'SKU-B', quantity: 2 })],
      }),
    ])
  })

  it("takes the transfer in when the store's WMS reports it arrived, once, and not before its sender shipped it", async () => {
    const posted = await channel.postOrder(hub.url, 'web', pickupOrder([{ sku: 'SKU-B', quantity: 1 }]))
    const { orderId } = (posted.body.results as { orderId: string }[])[0]!
    const transfer = await waitFor(
      () => wms.fulfilments().find((f) => f.request.orderId === orderId),
      10_000,
      'transfer request',
    )
    const id = transfer.request.fulfilmentId
    // Reported before its sender shipped it: nothing to take in yet.
    const early = await wms.arrived(hub.url, 'dc', id)
    expect(early.status, JSON.stringify(early.body)).toBe(200)
    expect((await hub.api(`/api/v1/orders/${orderId}`)).body.allocations).toHaveLength(1)
    expect(
      (await wms.ship(hub.url, 'dc', id, { carrier: 'NZ Post', trackingNumber: 'NZP-TRANSFER-2' })).status,
    ).toBe(200)
    // A fulfilment the hub never sent is unknown to this report.
    const unknown = await wms.arrived(hub.url, 'dc', '00000000-0000-4000-8000-000000000000')
    expect(unknown.status).toBe(422)
    expect(JSON.stringify(unknown.body)).toContain('UNKNOWN_FULFILMENT')

    const arrived = await wms.arrived(hub.url, 'dc', id)
    expect(arrived.status, JSON.stringify(arrived.body)).toBe(200)
    const detail = (await hub.api(`/api/v1/orders/${orderId}`)).body
    expect(detail.history).toContainEqual(
      expect.objectContaining({ type: 'order.transfer_received', actor: 'wms:dc' }),
    )
    const pick = await waitFor(
      () => wms.fulfilments().find((f) => f.request.orderId === orderId && f.request.location.id === 'wlg'),
      10_000,
      'pick request at the store',
    )
    expect(pick.request).toMatchObject({
      deliveryMethod: 'pickup',
      lines: [expect.objectContaining({ quantity: 1 })],
    })
    // A repeat changes nothing: one pick request, the units taken in once.
    expect((await wms.arrived(hub.url, 'dc', id)).status).toBe(200)
    const again = (await hub.api(`/api/v1/orders/${orderId}`)).body
    expect(again.history.filter((h: { type: string }) => h.type === 'order.transfer_received')).toHaveLength(
      1,
    )
    expect((await wms.picked(hub.url, 'dc', pick.request.fulfilmentId)).status).toBe(200)
    expect((await hub.api(`/api/v1/orders/${orderId}`)).body.status).toBe('ready_for_pickup')
  })

  it('keeps an order the store can fill at the store, rule or not', async () => {
    // SKU-A: 5 at the Wellington store.
    const posted = await channel.postOrder(hub.url, 'web', pickupOrder([{ sku: 'SKU-A', quantity: 1 }]))
    const { orderId } = (posted.body.results as { orderId: string }[])[0]!
    const detail = (await hub.api(`/api/v1/orders/${orderId}`)).body
    expect(detail.allocations.map((a: { locationId: string }) => a.locationId)).toEqual(['wlg'])
    expect(detail.routingDecision.summary).toMatch(/^Click and collect at Wellington store\. /)
    const pick = await waitFor(
      () => wms.fulfilments().find((f) => f.request.orderId === orderId),
      10_000,
      'pick request',
    )
    expect(pick.request).toMatchObject({ deliveryMethod: 'pickup', location: { id: 'wlg' } })
  })

  it('ships to the store from the DC when the store gives up its own pick, before or after picking it', async () => {
    for (const pickedFirst of [false, true]) {
      // SKU-A: 5 at the Wellington store, 100 at Auckland.
      const posted = await channel.postOrder(hub.url, 'web', pickupOrder([{ sku: 'SKU-A', quantity: 1 }]))
      const { orderId } = (posted.body.results as { orderId: string }[])[0]!
      const pick = await waitFor(
        () => wms.fulfilments().find((f) => f.request.orderId === orderId),
        10_000,
        'pick request',
      )
      expect(pick.request.location.id).toBe('wlg')
      if (pickedFirst) expect((await wms.picked(hub.url, 'dc', pick.request.fulfilmentId)).status).toBe(200)
      const rejected = await wms.reject(hub.url, 'dc', pick.request.fulfilmentId, 'damaged on the shelf')
      expect(rejected.status, JSON.stringify(rejected.body)).toBe(200)
      const after = (await hub.api(`/api/v1/orders/${orderId}`)).body
      expect(after.status, `picked first: ${pickedFirst}`).toBe('released')
      expect(after.routingDecision.summary).toMatch(/shipped to the store: .* sends it from akl/)
      const transfer = await waitFor(
        () => wms.fulfilments().find((f) => f.request.orderId === orderId && f.request.location.id === 'akl'),
        10_000,
        'transfer request',
      )
      expect(transfer.request.shipToStore).toEqual({ locationId: 'wlg', name: 'Wellington store' })
    }
  })

  it('waits backordered when no location the rule names has the stock', async () => {
    // SKU-D is nowhere; the rule lets only Auckland send.
    const posted = await channel.postOrder(hub.url, 'web', pickupOrder([{ sku: 'SKU-D', quantity: 1 }]))
    const { orderId } = (posted.body.results as { orderId: string }[])[0]!
    const detail = (await hub.api(`/api/v1/orders/${orderId}`)).body
    expect(detail.status).toBe('backordered')
    expect(detail.routingDecision.summary).toMatch(/but no allowed location can; the order waits for stock/)
  })

  it('refuses a receipt for an order that ships, and a malformed id, as problem+json', async () => {
    const posted = await channel.postOrder(
      hub.url,
      'web',
      sampleOrder({ shipTo: aucklander }, [{ sku: 'SKU-A', quantity: 1 }]),
    )
    const { orderId } = (posted.body.results as { orderId: string }[])[0]!
    const refused = await hub.api(`/api/v1/orders/${orderId}/pickup/received`, { method: 'POST' })
    expect(refused.status).toBe(409)
    expect(refused.contentType).toMatch(/problem\+json/)
    const bad = await hub.api('/api/v1/orders/not-an-id/pickup/received', { method: 'POST' })
    expect(bad.status).toBeGreaterThanOrEqual(400)
    expect(bad.status).toBeLessThan(500)
    expect(JSON.stringify(bad.body)).toContain('id')
  })
})
