import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { waitFor } from '../peers/http-peer'
import { type RestChannelPeer, sampleOrder } from '../peers/rest-channel-peer'
import type { RestWmsPeer } from '../peers/rest-wms-peer'
import { createTestDb, dbKinds, type TestDb } from '../support/databases'
import { startRestHub } from '../support/rest-hub'
import type { TestHub } from '../support/test-hub'
import { seedWorld } from '../support/world'

/**
 * The split policy through the public API, on both databases: a split rule wins over the
 * strategy's own split settings (as the demo's strategies carry them), at intake and when stock
 * arriving re-routes a backorder; the explanation says who decided and what really happened.
 * Action params are validated against their schemas.
 */
const RULES = [
  {
    name: 'ship-complete',
    conditions: { all: [{ fact: 'order.tags', operator: 'contains', value: 'complete' }] },
    event: { type: 'split', params: { policy: 'never' } },
  },
  {
    name: 'max-2-shipments',
    conditions: { all: [{ fact: 'order.tags', operator: 'contains', value: 'two' }] },
    event: { type: 'split', params: { policy: 'allowed', maxShipments: 2 } },
  },
  {
    name: 'strategy-any',
    conditions: { all: [] },
    event: {
      type: 'strategy',
      params: { id: 'any', label: 'Any', split: { policy: 'allowed', maxShipments: 3 } },
    },
  },
  {
    name: 'strategy-fallback',
    conditions: { all: [] },
    event: {
      type: 'strategy',
      params: {
        id: 'fallback',
        label: 'Part now',
        fallback: true,
        split: { policy: 'allowed', maxShipments: 3 },
        unfillable: { action: 'backorder' },
      },
    },
  },
]

interface Allocation {
  locationId: string
  sku: string
  quantity: number
  status: string
}

describe.each(dbKinds)('split policy on %s', (kind) => {
  let db: TestDb
  let hub: TestHub
  let channel: RestChannelPeer
  let wms: RestWmsPeer

  const post = async (lines: { sku: string; quantity: number }[], tags: string[]) => {
    const res = await hub.api('/api/v1/orders', {
      body: { channel: 'web', order: sampleOrder({ tags }, lines) },
    })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    return res.body.orderId as string
  }
  const order = async (id: string) => (await hub.api(`/api/v1/orders/${id}`)).body
  const live = (o: { allocations: Allocation[] }) => o.allocations.filter((a) => a.status !== 'cancelled')
  const stock = async (items: { sku: string; locationId: string; onHand: number }[]) =>
    expect((await hub.api('/api/v1/inventory', { method: 'PUT', body: { items } })).status).toBe(200)

  beforeAll(async () => {
    db = await createTestDb(kind)
    ;({ hub, channel, wms } = await startRestHub(db))
    // One sku per location, so an order of three skus can only ship whole as three shipments.
    await seedWorld(hub.api, {
      wms: 'dc',
      stock: [
        { sku: 'SKU-A', locationId: 'akl', onHand: 20 },
        { sku: 'SKU-B', locationId: 'chc', onHand: 20 },
        { sku: 'SKU-C', locationId: 'akl', onHand: 0 },
        { sku: 'SKU-D', locationId: 'wlg', onHand: 20 },
      ],
    })
    expect(
      (await hub.api('/api/v1/rules/sets', { body: { id: 'sourcing', kind: 'sourcing', name: 'Sourcing' } }))
        .status,
    ).toBe(201)
  })

  afterAll(async () => {
    await hub?.stop()
    await channel?.close()
    await wms?.close()
    await db?.drop()
  })

  it('reports unknown and wrongly typed action params by path, and refuses to publish them', async () => {
    const bad = await hub.api('/api/v1/rules/sets/sourcing/versions', {
      body: {
        rules: [
          ...RULES,
          {
            name: 'only-akl',
            conditions: { all: [] },
            event: { type: 'restrict', params: { locations: ['akl'], bogus: 1 } },
          },
          {
            name: 'prefer-chc',
            conditions: { all: [] },
            event: { type: 'prefer', params: { locations: ['chc'], bonus: 'lots' } },
          },
        ],
      },
    })
    expect(bad.status).toBe(201)
    const v = bad.body.version.version
    const report = await hub.api(`/api/v1/rules/sets/sourcing/versions/${v}/validate`, { method: 'POST' })
    expect(report.status).toBe(200)
    expect(report.body.valid).toBe(false)
    expect(report.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'INVALID_ACTION',
          rule: 'only-akl',
          field: 'rules[4].event.params.bogus',
        }),
        expect.objectContaining({
          code: 'INVALID_ACTION',
          rule: 'prefer-chc',
          field: 'rules[5].event.params.bonus',
        }),
      ]),
    )
    // The strategies carry split settings the split rules replace when they fire: a warning, not an error.
    expect(report.body.warnings).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'SPLIT_OVERRIDDEN', rule: 'strategy-any' })]),
    )
    const refused = await hub.api(`/api/v1/rules/sets/sourcing/versions/${v}/publish`, { body: {} })
    expect(refused.status).toBe(422)
    expect(refused.contentType).toContain('application/problem+json')
    expect(JSON.stringify(refused.body.errors)).toContain('rules[4].event.params.bogus')
  })

  it('publishes the split rules over strategies that carry their own split settings', async () => {
    const draft = await hub.api('/api/v1/rules/sets/sourcing/versions', { body: { rules: RULES } })
    expect(draft.body.validation).toMatchObject({ valid: true, errors: [] })
    const published = await hub.api(
      `/api/v1/rules/sets/sourcing/versions/${draft.body.version.version}/publish`,
      { body: {} },
    )
    expect(published.status).toBe(200)
  })

  it('at intake, a fired split rule limits the split the strategy would allow, and says so', async () => {
    const lines = [
      { sku: 'SKU-A', quantity: 1 },
      { sku: 'SKU-B', quantity: 1 },
      { sku: 'SKU-D', quantity: 1 },
    ]
    const free = await order(await post(lines, []))
    expect(new Set(live(free).map((a) => a.locationId)).size).toBe(3)

    const two = await order(await post(lines, ['two']))
    expect(new Set(live(two).map((a) => a.locationId)).size).toBe(2)
    expect(two.status).toBe('backordered')
    expect(two.routingDecision.summary).toContain("Split limited to 2 shipments by rule 'max-2-shipments'")
    expect(two.routingDecision.explanation.split).toMatchObject({
      policy: 'allowed',
      maxShipments: 2,
      source: 'rule',
      rules: ['max-2-shipments'],
      overrides: { policy: 'allowed', maxShipments: 3 },
    })

    const complete = await order(await post(lines, ['complete']))
    expect(new Set(live(complete).map((a) => a.locationId)).size).toBe(1)
    expect(complete.routingDecision.summary).toContain("Ships complete (no split) by rule 'ship-complete'")
  })

  it('re-routing a ship-complete backorder never releases it as two shipments', async () => {
    // SKU-A is held at Auckland; SKU-C is nowhere, so the order waits.
    const id = await post(
      [
        { sku: 'SKU-A', quantity: 1 },
        { sku: 'SKU-C', quantity: 1 },
      ],
      ['complete'],
    )
    const first = await order(id)
    expect(first.status).toBe('backordered')
    expect(live(first)).toEqual([expect.objectContaining({ sku: 'SKU-A', locationId: 'akl' })])

    // SKU-C arrives at Christchurch only: shipping it would make a second shipment.
    await stock([{ sku: 'SKU-C', locationId: 'chc', onHand: 5 }])
    const waiting = await order(id)
    expect(waiting.status).toBe('backordered')
    expect(live(waiting)).toEqual([expect.objectContaining({ sku: 'SKU-A', locationId: 'akl' })])
    expect(waiting.fulfilments).toEqual([])
    expect(waiting.routingDecision.summary).toMatch(
      /^Re-routed \(stock arrived\): Still backordered: 1 × SKU-C; held meanwhile: Auckland DC \(1 × SKU-A\)\./,
    )
    expect(waiting.routingDecision.summary).not.toMatch(/ships every line/)

    // SKU-A arrives at Christchurch too: the whole order moves there, in one shipment.
    await stock([{ sku: 'SKU-A', locationId: 'chc', onHand: 5 }])
    const done = await order(id)
    expect(done.status).toBe('released')
    expect(
      live(done)
        .map((a: Allocation) => [a.sku, a.locationId])
        .sort(),
    ).toEqual([
      ['SKU-A', 'chc'],
      ['SKU-C', 'chc'],
    ])
    expect(done.fulfilments).toHaveLength(1)
    expect(done.routingDecision.summary).toMatch(
      /^Re-routed \(stock arrived\): Gave back 1 × SKU-A held at Auckland DC\. The order now ships complete in one shipment from Christchurch 3PL\./,
    )
    const sent = await waitFor(
      () => {
        const got = wms.fulfilments().filter((f) => f.request.orderId === id)
        return got.length > 0 ? got : undefined
      },
      10_000,
      'fulfilment request after the re-route',
    )
    expect(sent).toHaveLength(1)
    expect(sent[0]!.request.lines.map((l: { sku: string }) => l.sku).sort()).toEqual(['SKU-A', 'SKU-C'])
    // The unit held at Auckland was given back: its allocation is cancelled.
    expect(done.allocations).toContainEqual(
      expect.objectContaining({ sku: 'SKU-A', locationId: 'akl', status: 'cancelled' }),
    )
  })

  it('re-routing an order allowed two shipments never adds a third', async () => {
    const products = [
      { sku: 'SKU-E', name: 'Tent pegs' },
      { sku: 'SKU-F', name: 'Head torch' },
      { sku: 'SKU-G', name: 'Dry bag' },
    ]
    expect((await hub.api('/api/v1/products', { method: 'PUT', body: { items: products } })).status).toBe(200)
    await stock([
      { sku: 'SKU-E', locationId: 'akl', onHand: 5 },
      { sku: 'SKU-F', locationId: 'wlg', onHand: 5 },
    ])
    const id = await post(
      [
        { sku: 'SKU-E', quantity: 1 },
        { sku: 'SKU-F', quantity: 1 },
        { sku: 'SKU-G', quantity: 1 },
      ],
      ['two'],
    )
    const first = await order(id)
    expect(first.status).toBe('backordered')
    expect(
      live(first)
        .map((a: Allocation) => a.locationId)
        .sort(),
    ).toEqual(['akl', 'wlg'])

    // SKU-G arrives at Christchurch only: a third shipment, which the rule does not allow.
    await stock([{ sku: 'SKU-G', locationId: 'chc', onHand: 5 }])
    const waiting = await order(id)
    expect(waiting.status).toBe('backordered')
    expect(
      live(waiting)
        .map((a: Allocation) => a.locationId)
        .sort(),
    ).toEqual(['akl', 'wlg'])
    expect(waiting.fulfilments).toEqual([])
    expect(waiting.routingDecision.summary).toMatch(
      /^Re-routed \(stock arrived\): Still backordered: 1 × SKU-G;/,
    )
    expect(waiting.routingDecision.summary).toContain(
      "Split limited to 2 shipments by rule 'max-2-shipments'",
    )

    // SKU-G arrives at Wellington too: two shipments, Auckland and Wellington.
    await stock([{ sku: 'SKU-G', locationId: 'wlg', onHand: 5 }])
    const done = await order(id)
    expect(done.status).toBe('released')
    expect(done.fulfilments.map((f: { locationId: string }) => f.locationId).sort()).toEqual(['akl', 'wlg'])
    expect(done.routingDecision.summary).toMatch(
      /^Re-routed \(stock arrived\): The order now ships in 2 shipments: Auckland DC \(1 × SKU-E\); Wellington store \(1 × SKU-F, 1 × SKU-G\)\./,
    )
  })
})
