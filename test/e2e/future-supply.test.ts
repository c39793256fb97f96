import { SIGNATURE_HEADER, signTimestamped } from '@switchyard/plugin-sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { waitFor } from '../peers/http-peer'
import { sampleOrder } from '../peers/rest-channel-peer'
import { createTestDb, dbKinds, type TestDb } from '../support/databases'
import { checkOrderInvariants } from '../support/invariants'
import { type RestHub, startRestHub } from '../support/rest-hub'
import { seedWorld } from '../support/world'

type Dated = {
  on: { inbound: number; backordered: number; total: number; preorder?: { cap: number | null; room: number } }
  locations: { locationId: string; available: number; inbound: number; availableOn: number }[]
}

/**
 * Future supply and pre-orders (issue 20) on both databases, through the REST channel and REST WMS
 * peers: backorders of a sku with no stock are promised from purchase orders in order of placement;
 * availability by date counts what arrives by then less what the backorders wait for; a delayed PO
 * moves the promises it carried and the storefront hears the new dates; a receipt (the warehouse's
 * own `inbound.received`) allocates first come, first served; a pre-order sku sells against inbound
 * supply up to its cap and no further.
 */
describe.each(dbKinds)('future supply on %s', (kind) => {
  let db: TestDb
  let rest: RestHub
  const api = (...args: Parameters<RestHub['hub']['api']>) => rest.hub.api(...args)
  const order = async (id: string) => (await api(`/api/v1/orders/${id}`)).body
  const promiseOf = async (id: string) => (await order(id)).promiseDate as string | null
  const told = (orderId: string) =>
    rest.channel
      .callbacks()
      .filter((c) => c.update.orderId === orderId && c.update.promiseDate)
      .map((c) => c.update.promiseDate)
  const dated = async (sku: string, on: string) =>
    (await api(`/api/v1/availability?sku=${sku}&on=${on}`)).body.items[0] as Dated
  const wmsHook = (path: string, body: unknown) => {
    const raw = JSON.stringify(body)
    return fetch(`${rest.hub.url}/webhooks/dc${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [SIGNATURE_HEADER]: signTimestamped(rest.wms.webhookSecret, raw),
      },
      body: raw,
    })
  }
  const ids: Record<string, string> = {}

  beforeAll(async () => {
    db = await createTestDb(kind)
    rest = await startRestHub(db)
    // No stock of SKU-C anywhere: every order for it waits.
    await seedWorld(rest.hub.api, { wms: 'dc', stock: [{ sku: 'SKU-A', locationId: 'akl', onHand: 10 }] })
    const products = await api('/api/v1/products', {
      method: 'PUT',
      body: { items: [{ sku: 'PRE-1', name: 'Next season jacket', preorder: true, preorderCap: 3 }] },
    })
    expect(products.status).toBe(200)
  })

  afterAll(async () => {
    await rest?.stop()
    await db?.drop()
  })

  it('backorders wait with no promise until supply is expected, then are promised in order of placement', async () => {
    // B reaches the hub last but was placed first: it is served first.
    for (const [name, placedAt, quantity] of [
      ['A', '2026-12-01T10:00:00Z', 2],
      ['C', '2026-12-01T11:00:00Z', 3],
      ['B', '2026-12-01T09:00:00Z', 2],
    ] as const) {
      const posted = await rest.channel.postOrder(
        rest.hub.url,
        'web',
        sampleOrder({ externalId: `FS-${name}-${kind}`, placedAt }, [{ sku: 'SKU-C', quantity }]),
      )
      expect(posted.status).toBe(201)
      const result = (posted.body.results as { orderId: string; status: string }[])[0]!
      expect(result.status).toBe('backordered')
      ids[name] = result.orderId
    }
    expect(await promiseOf(ids.A!)).toBeNull()

    const po1 = await api('/api/v1/inbound-supplies', {
      body: { sku: 'SKU-C', locationId: 'akl', quantity: 4, expectedDate: '2027-03-01', externalRef: 'PO-1' },
    })
    expect(po1.status).toBe(201)
    ids.po1 = po1.body.id
    // The second PO comes from the warehouse itself (an ASN), through its plugin.
    const asn = await wmsHook('/inbound', {
      reference: 'ASN-2',
      sku: 'SKU-C',
      locationId: 'wlg',
      quantity: 5,
      expectedDate: '2027-03-10',
    })
    expect(asn.status).toBe(200)

    await waitFor(async () => ((await promiseOf(ids.C!)) ? true : undefined), 10_000, 'C promised')
    expect(await promiseOf(ids.B!)).toBe('2027-03-01')
    expect(await promiseOf(ids.A!)).toBe('2027-03-01')
    // C needs 3: PO-1 is taken by B and A, so it waits for the ASN.
    expect(await promiseOf(ids.C!)).toBe('2027-03-10')
    await waitFor(() => (told(ids.C!).length > 0 ? true : undefined), 10_000, 'the storefront to hear C')
    expect(told(ids.B!)).toEqual(['2027-03-01'])
    expect(told(ids.C!)).toEqual(['2027-03-10'])
    expect(rest.channel.callbacks().find((c) => c.update.orderId === ids.C)?.update.status).toBe(
      'backordered',
    )
  })

  it('shows availability by date: stock now, plus supply arriving by then, less what backorders wait for', async () => {
    const early = await dated('SKU-C', '2027-03-05')
    expect(early.on).toMatchObject({ inbound: 4, backordered: 7, total: 0 })
    expect(early.locations.map((l) => [l.locationId, l.inbound, l.availableOn])).toEqual([['akl', 4, 4]])
    const later = await dated('SKU-C', '2027-03-10')
    expect(later.on).toMatchObject({ inbound: 9, backordered: 7, total: 2 })
    expect(later.locations.map((l) => [l.locationId, l.inbound]).sort()).toEqual([
      ['akl', 4],
      ['wlg', 5],
    ])
    const bad = await api('/api/v1/availability?sku=SKU-C&on=next-week')
    expect(bad.status).toBe(400)
    expect(bad.body.errors[0].field).toBe('on')
  })

  it('a delayed PO moves the promises it carried, and the storefront hears the new dates', async () => {
    const delayed = await api(`/api/v1/inbound-supplies/${ids.po1}/delay`, {
      body: { expectedDate: '2027-03-15' },
    })
    expect(delayed.status).toBe(200)
    expect(delayed.body).toMatchObject({ expectedDate: '2027-03-15', status: 'open' })
    // The ASN (10 March) now comes first: B and A take 4 of its 5, C takes its last and 2 of PO-1.
    expect(await promiseOf(ids.B!)).toBe('2027-03-10')
    expect(await promiseOf(ids.A!)).toBe('2027-03-10')
    expect(await promiseOf(ids.C!)).toBe('2027-03-15')
    await waitFor(
      () => (told(ids.C!).length > 1 ? true : undefined),
      10_000,
      'the storefront to hear C moved',
    )
    expect(told(ids.B!)).toEqual(['2027-03-01', '2027-03-10'])
    expect(told(ids.A!)).toEqual(['2027-03-01', '2027-03-10'])
    expect(told(ids.C!)).toEqual(['2027-03-10', '2027-03-15'])
    const history = (await order(ids.B!)).history as { type: string; data: Record<string, unknown> }[]
    expect(history.filter((h) => h.type === 'order.promise_moved').at(-1)?.data).toMatchObject({
      from: '2027-03-01',
      to: '2027-03-10',
    })
    expect((await dated('SKU-C', '2027-03-10')).on).toMatchObject({ inbound: 5, total: 0 })
    expect((await dated('SKU-C', '2027-03-15')).on).toMatchObject({ inbound: 9, total: 2 })
    const closed = await api('/api/v1/inbound-supplies/nope/delay', { body: { expectedDate: '2027-03-15' } })
    expect(closed.status).toBe(404)
    const badDate = await api(`/api/v1/inbound-supplies/${ids.po1}/delay`, {
      body: { expectedDate: '2027-02-30' },
    })
    expect(badDate.status).toBe(422)
    expect(badDate.body.errors[0].field).toBe('expectedDate')
  })

  it('received supply allocates first come, first served; what still waits keeps its promise', async () => {
    const received = await wmsHook('/inbound-receipts', {
      reference: 'ASN-2',
      quantity: 5,
      eventId: 'grn-asn-2',
    })
    expect(received.status).toBe(200)
    // A redelivered receipt adds nothing.
    expect(
      (await wmsHook('/inbound-receipts', { reference: 'ASN-2', quantity: 5, eventId: 'grn-asn-2' })).status,
    ).toBe(200)
    await waitFor(
      async () => ((await order(ids.A!)).status !== 'backordered' ? true : undefined),
      10_000,
      'A routed',
    )
    expect((await order(ids.B!)).status).toBe('released')
    expect((await order(ids.A!)).status).toBe('released')
    const c = await order(ids.C!)
    expect(c.status).toBe('backordered')
    await waitFor(
      async () => ((await promiseOf(ids.C!)) === '2027-03-15' ? true : undefined),
      10_000,
      'C promised again',
    )
    const level = (await api('/api/v1/inventory?sku=SKU-C&location=wlg')).body.items[0]
    expect(level).toMatchObject({ onHand: 5 })
    const asn = (await api('/api/v1/inbound-supplies?sku=SKU-C&status=received')).body.items
    expect(asn).toEqual([
      expect.objectContaining({ externalRef: 'ASN-2', quantityReceived: 5, source: 'dc' }),
    ])
    expect(await checkOrderInvariants(rest.hub.api)).toEqual([])
  })

  it('sells a pre-order sku against inbound supply up to its cap, then allocates it on receipt in order of placement', async () => {
    const refusedNoSupply = await api('/api/v1/orders', {
      body: {
        channel: 'web',
        order: sampleOrder({ externalId: `PRE-0-${kind}` }, [{ sku: 'PRE-1', quantity: 1 }]),
      },
    })
    expect(refusedNoSupply.status).toBe(422)
    expect(refusedNoSupply.body.code).toBe('PREORDER_CAP_REACHED')
    expect(refusedNoSupply.body.errors[0].field).toBe('order.lines[0].sku')

    const po = await api('/api/v1/inbound-supplies', {
      body: {
        sku: 'PRE-1',
        locationId: 'akl',
        quantity: 10,
        expectedDate: '2027-04-01',
        externalRef: 'PO-PRE',
      },
    })
    expect(po.status).toBe(201)
    const take = (name: string, quantity: number, placedAt: string) =>
      api('/api/v1/orders', {
        body: {
          channel: 'web',
          order: sampleOrder({ externalId: `PRE-${name}-${kind}`, placedAt }, [{ sku: 'PRE-1', quantity }]),
        },
      })
    const first = await take('1', 2, '2026-12-02T10:00:00Z')
    expect(first.status).toBe(201)
    expect(first.body.status).toBe('backordered')
    // Only 1 unit of the cap of 3 is left: 2 more are refused, naming the line.
    const over = await take('2', 2, '2026-12-02T11:00:00Z')
    expect(over.status).toBe(422)
    expect(over.body.code).toBe('PREORDER_CAP_REACHED')
    const last = await take('3', 1, '2026-12-02T12:00:00Z')
    expect(last.status).toBe(201)
    await waitFor(
      async () => ((await promiseOf(last.body.orderId)) ? true : undefined),
      10_000,
      'pre-order promised',
    )
    expect(await promiseOf(first.body.orderId)).toBe('2027-04-01')
    expect((await dated('PRE-1', '2027-04-01')).on.preorder).toEqual({ cap: 3, room: 0 })
    // A cancelled pre-order gives its units back: the next one fits again.
    expect((await api(`/api/v1/orders/${last.body.orderId}/cancel`, { body: {} })).status).toBe(200)
    expect((await dated('PRE-1', '2027-04-01')).on.preorder).toEqual({ cap: 3, room: 1 })
    const instead = await take('4', 1, '2026-12-02T13:00:00Z')
    expect(instead.status).toBe(201)

    const received = await api(`/api/v1/inbound-supplies/${po.body.id}/receive`, { body: { quantity: 10 } })
    expect(received.status).toBe(200)
    expect(received.body).toMatchObject({ status: 'received', quantityReceived: 10 })
    expect((await order(first.body.orderId)).status).toBe('released')
    expect((await order(instead.body.orderId)).status).toBe('released')
    expect((await order(last.body.orderId)).status).toBe('cancelled')
    const again = await api(`/api/v1/inbound-supplies/${po.body.id}/receive`, { body: { quantity: 1 } })
    expect(again.status).toBe(409)
    expect(again.body.code).toBe('INBOUND_SUPPLY_CLOSED')
    expect(await checkOrderInvariants(rest.hub.api)).toEqual([])
  })

  it('serves a priority customer first when a rule says so, before orders placed earlier', async () => {
    expect(
      (await api('/api/v1/rules/sets', { body: { id: 'sourcing', kind: 'sourcing', name: 'Sourcing' } }))
        .status,
    ).toBe(201)
    const rules = [
      {
        name: 'gold-first',
        conditions: { all: [{ fact: 'order.customerTier', operator: 'equal', value: 'gold' }] },
        event: { type: 'unfillable', params: { action: 'backorder', priority: 1 } },
      },
    ]
    const draft = await api('/api/v1/rules/sets/sourcing/versions', { body: { rules } })
    expect(draft.body.validation).toMatchObject({ valid: true, errors: [] })
    const published = await api(
      `/api/v1/rules/sets/sourcing/versions/${draft.body.version.version}/publish`,
      {
        body: {},
      },
    )
    expect(published.status).toBe(200)
    const post = async (name: string, placedAt: string, tier?: string) => {
      const customer = { email: `${name}@example.nz`, name, ...(tier ? { tier } : {}) }
      const res = await rest.channel.postOrder(
        rest.hub.url,
        'web',
        sampleOrder({ externalId: `FS-${name}-${kind}`, placedAt, customer }, [
          { sku: 'SKU-B', quantity: 2 },
        ]),
      )
      expect(res.status).toBe(201)
      return (res.body.results as { orderId: string; status: string }[])[0]!
    }
    const regular = await post('regular', '2026-12-03T09:00:00Z')
    const gold = await post('gold', '2026-12-03T10:00:00Z', 'gold')
    expect([regular.status, gold.status]).toEqual(['backordered', 'backordered'])
    const first = await api('/api/v1/inbound-supplies', {
      body: { sku: 'SKU-B', locationId: 'akl', quantity: 2, expectedDate: '2027-07-01' },
    })
    await api('/api/v1/inbound-supplies', {
      body: { sku: 'SKU-B', locationId: 'akl', quantity: 2, expectedDate: '2027-08-01' },
    })
    expect(await promiseOf(gold.orderId)).toBe('2027-07-01')
    expect(await promiseOf(regular.orderId)).toBe('2027-08-01')
    const received = await api(`/api/v1/inbound-supplies/${first.body.id}/receive`, { body: { quantity: 2 } })
    expect(received.status).toBe(200)
    expect((await order(gold.orderId)).status).toBe('released')
    expect((await order(regular.orderId)).status).toBe('backordered')
    expect(await promiseOf(regular.orderId)).toBe('2027-08-01')
  })

  it('refuses bad supply input with problem+json naming the field', async () => {
    const unknown = await api('/api/v1/inbound-supplies', {
      body: { sku: 'NOPE', locationId: 'akl', quantity: 1, expectedDate: '2027-01-01' },
    })
    expect(unknown.status).toBe(422)
    expect(unknown.body.errors[0].field).toBe('sku')
    const zero = await api('/api/v1/inbound-supplies', {
      body: { sku: 'SKU-C', locationId: 'akl', quantity: 0, expectedDate: '2027-01-01' },
    })
    expect(zero.status).toBe(422)
    expect(zero.body.errors[0].field).toBe('quantity')
    const tooMuch = await api(`/api/v1/inbound-supplies/${ids.po1}/receive`, { body: { quantity: 5 } })
    expect(tooMuch.status).toBe(422)
    expect(tooMuch.body.code).toBe('RECEIVE_TOO_MUCH')
    expect(tooMuch.body.errors[0].field).toBe('quantity')
  })

  it('a cancelled PO promises nothing any more: the orders it carried lose their date and their channel hears it', async () => {
    // C still waits for 2 units of PO-1 (15 March).
    expect(await promiseOf(ids.C!)).toBe('2027-03-15')
    const cancelled = await api(`/api/v1/inbound-supplies/${ids.po1}/cancel`, { body: {} })
    expect(cancelled.status).toBe(200)
    expect(cancelled.body.status).toBe('cancelled')
    expect(await promiseOf(ids.C!)).toBeNull()
    const last = await waitFor(
      () =>
        rest.channel
          .callbacks()
          .find(
            (cb) =>
              cb.update.orderId === ids.C && cb.update.reason?.includes('no inbound supply covers it now'),
          )?.update,
      10_000,
      'the storefront to hear C lost its date',
    )
    expect(last.promiseDate).toBeUndefined()
    expect(last.status).toBe('backordered')
    const again = await api(`/api/v1/inbound-supplies/${ids.po1}/cancel`, { body: {} })
    expect(again.status).toBe(409)
    expect(again.body.code).toBe('INBOUND_SUPPLY_CLOSED')
  })
})
