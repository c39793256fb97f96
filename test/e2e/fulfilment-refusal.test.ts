import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { waitFor } from '../peers/http-peer'
import { RestChannelPeer, sampleOrder } from '../peers/rest-channel-peer'
import { RestWmsPeer } from '../peers/rest-wms-peer'
import { createTestDb, dbKinds, type TestDb } from '../support/databases'
import { startTestHub, type TestHub } from '../support/test-hub'
import { seedWorld } from '../support/world'

type Level = { sku: string; locationId: string; allocated: number }

/**
 * A warehouse that refuses a fulfilment request outright (its WMS answers the create call with
 * 422, which the plugin throws as PermanentError) is a rejection, as if it had sent the rejection
 * webhook: the fulfilment is rejected and its stock freed, the order goes to another site (never
 * back to the refusing one) or is backordered with the channel told, and the outbox message is dead
 * with the warehouse's answer as its reason.
 */
describe.each(dbKinds)('a warehouse refusing a fulfilment request (%s)', (kind) => {
  let db: TestDb
  let hub: TestHub
  let channel: RestChannelPeer
  let refusing: RestWmsPeer
  let other: RestWmsPeer

  // Christchurch is the nearest site to the order; its warehouse refuses everything.
  const toChristchurch = {
    shipTo: {
      name: 'Aroha Ngata',
      line1: '5 Worcester Boulevard',
      city: 'Christchurch',
      postcode: '8011',
      country: 'NZ',
      lat: -43.531,
      lon: 172.6366,
    },
  }

  const allocated = async (sku: string) =>
    Object.fromEntries(
      ((await hub.api(`/api/v1/inventory?sku=${sku}`)).body.items as Level[]).map((l) => [
        l.locationId,
        l.allocated,
      ]),
    )

  const settled = async (orderId: string) => {
    await waitFor(async () => {
      const dead = await hub.api(`/api/v1/outbox?order=${orderId}&status=dead`)
      return dead.body.items.length > 0
    }, 15_000)
    // The dead message and the order's re-route commit together: once one is visible, so is the other.
    return (await hub.api(`/api/v1/orders/${orderId}`)).body
  }

  beforeAll(async () => {
    db = await createTestDb(kind)
    channel = await RestChannelPeer.start('refusal-channel')
    refusing = await RestWmsPeer.start('refusing-wms', 'refusing-hook')
    other = await RestWmsPeer.start('other-wms', 'other-hook')
    refusing.failFor(3_600_000, { status: 422 })
    hub = await startTestHub(
      db,
      [
        {
          id: 'web',
          use: '@switchyard/rest-channel',
          config: { secret: { $env: 'S1' }, callbackUrl: channel.callbackUrl },
        },
        {
          id: 'wms-chc',
          use: '@switchyard/rest-wms',
          config: { baseUrl: refusing.http.url, apiKey: { $env: 'S2' }, webhookSecret: { $env: 'S3' } },
        },
        {
          id: 'wms-akl',
          use: '@switchyard/rest-wms',
          config: { baseUrl: other.http.url, apiKey: { $env: 'S4' }, webhookSecret: { $env: 'S5' } },
        },
      ],
      {
        S1: channel.secret,
        S2: refusing.apiKey,
        S3: refusing.webhookSecret,
        S4: other.apiKey,
        S5: other.webhookSecret,
      },
    )
    await seedWorld(hub.api, {
      stock: [
        { sku: 'SKU-A', locationId: 'chc', onHand: 10 },
        { sku: 'SKU-A', locationId: 'akl', onHand: 10 },
        { sku: 'SKU-B', locationId: 'chc', onHand: 10 },
      ],
    })
    const sites = [
      {
        id: 'chc',
        name: 'Christchurch 3PL',
        type: '3pl',
        lat: -43.5441,
        lon: 172.5261,
        wmsInstanceId: 'wms-chc',
      },
      {
        id: 'akl',
        name: 'Auckland DC',
        type: 'warehouse',
        lat: -36.9069,
        lon: 174.8447,
        wmsInstanceId: 'wms-akl',
      },
    ]
    for (const { id, ...site } of sites) {
      const put = await hub.api(`/api/v1/locations/${id}`, {
        method: 'PUT',
        body: { ...site, country: 'NZ', timezone: 'Pacific/Auckland' },
      })
      expect(put.status).toBe(200)
    }
  })

  afterAll(async () => {
    await hub?.stop()
    await channel?.close()
    await refusing?.close()
    await other?.close()
    await db?.drop()
  })

  it('routes the order to another site and frees the stock held at the refusing one', async () => {
    const before = await allocated('SKU-A')
    const posted = await channel.postOrder(
      hub.url,
      'web',
      sampleOrder(toChristchurch, [{ sku: 'SKU-A', quantity: 2 }]),
    )
    expect(posted.status).toBe(201)
    const orderId = (posted.body.results as { orderId: string }[])[0]!.orderId
    const first = (await hub.api(`/api/v1/orders/${orderId}`)).body
    expect(first.fulfilments.map((f: { locationId: string }) => f.locationId)).toEqual(['chc'])

    const order = await settled(orderId)
    expect(order.status).toBe('released')
    const byLocation = Object.fromEntries(
      order.fulfilments.map((f: { locationId: string; status: string }) => [f.locationId, f.status]),
    )
    expect(byLocation.chc).toBe('rejected')
    expect(['requested', 'accepted']).toContain(byLocation.akl)
    const live = order.allocations.filter((a: { status: string }) => a.status !== 'cancelled')
    expect(
      live.map((a: { locationId: string; quantity: number }) => `${a.quantity}@${a.locationId}`),
    ).toEqual(['2@akl'])
    expect(await allocated('SKU-A')).toEqual({ chc: before.chc ?? 0, akl: (before.akl ?? 0) + 2 })
    expect(order.history.map((h: { type: string }) => h.type)).toEqual(
      expect.arrayContaining(['fulfilment.rejected', 'order.rerouted']),
    )
    // The stored (compact) decision counts the locations kept out by reason, naming them.
    expect(order.routingDecision.explanation.excluded).toMatchObject({ 'previously-rejected': 1 })
    expect(order.routingDecision.explanation.excludedNamed).toMatchObject({ 'previously-rejected': ['chc'] })

    // The refused message is dead, with the warehouse's answer as its reason; the other warehouse has the order.
    const dead = (await hub.api(`/api/v1/outbox?order=${orderId}&status=dead`)).body.items
    expect(dead).toHaveLength(1)
    expect(dead[0]).toMatchObject({ topic: 'fulfilment.request', instanceId: 'wms-chc' })
    expect(dead[0].lastError).toMatch(/422/)
    await waitFor(() => other.fulfilments().some((f) => f.request.orderId === orderId), 10_000)
    expect(other.fulfilments().find((f) => f.request.orderId === orderId)!.request.location.id).toBe('akl')
  })

  it('backorders what no other site can take and tells the channel', async () => {
    const posted = await channel.postOrder(
      hub.url,
      'web',
      sampleOrder(toChristchurch, [{ sku: 'SKU-B', quantity: 3 }]),
    )
    expect(posted.status).toBe(201)
    const orderId = (posted.body.results as { orderId: string }[])[0]!.orderId

    const order = await settled(orderId)
    expect(order.status).toBe('backordered')
    expect(order.lines[0]).toMatchObject({ quantity: 3, allocated: 0, backordered: 3 })
    expect(order.fulfilments.map((f: { status: string }) => f.status)).toEqual(['rejected'])
    // Never back to the site that refused it, even though it still has the stock.
    expect(await allocated('SKU-B')).toEqual({ chc: 0 })

    await waitFor(
      () =>
        channel.callbacks().some((c) => c.update.orderId === orderId && c.update.status === 'backordered'),
      10_000,
    )
    const told = channel
      .callbacks()
      .find((c) => c.update.orderId === orderId && c.update.status === 'backordered')!
    expect(told.signatureValid).toBe(true)
    expect(told.update).toMatchObject({
      previousStatus: 'released',
      lines: [{ sku: 'SKU-B', backordered: 3 }],
    })

    // Stock arriving elsewhere later fills it there, not at the refusing site.
    await hub.api('/api/v1/inventory', {
      method: 'PUT',
      body: { items: [{ sku: 'SKU-B', locationId: 'akl', onHand: 5 }] },
    })
    await waitFor(async () => (await hub.api(`/api/v1/orders/${orderId}`)).body.status === 'released', 10_000)
    expect(await allocated('SKU-B')).toEqual({ chc: 0, akl: 3 })
  })

  it('answers 422 UNKNOWN_FULFILMENT alike to a shipment, rejection or cancellation from the wrong WMS', async () => {
    const core = hub.hub.core
    // The first test left a fulfilment with Auckland's warehouse; Christchurch's reports on it.
    const sent = await core.db.one<{ id: string }>(
      "select id from fulfilment where wms_instance_id = 'wms-akl'",
    )
    for (const id of [sent!.id, 'no-such-fulfilment']) {
      const reports = [
        () =>
          core.shipments.confirm('wms-chc', { fulfilmentId: id, carrier: 'NZ Post', trackingNumber: 'T-1' }),
        () => core.reroute.rejectFulfilment('wms-chc', id, 'not ours'),
        () => core.cancellations.warehouseCancelled('wms-chc', id),
      ]
      for (const report of reports) {
        await expect(report()).rejects.toMatchObject({
          code: 'UNKNOWN_FULFILMENT',
          issues: [{ field: 'fulfilmentId', message: `no fulfilment '${id}' was sent to wms-chc` }],
        })
      }
    }
    const still = await core.db.one<{ status: string }>('select status from fulfilment where id = ?', [
      sent!.id,
    ])
    expect(['requested', 'accepted']).toContain(still!.status)
  })
})
