import { randomUUID } from 'node:crypto'
import { SIGNATURE_HEADER, signTimestamped } from '@switchyard/plugin-sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { waitFor } from '../peers/http-peer'
import { type RestChannelPeer, sampleOrder } from '../peers/rest-channel-peer'
import type { RestWmsPeer } from '../peers/rest-wms-peer'
import { createTestDb, dbKinds, type TestDb } from '../support/databases'
import { startRestHub } from '../support/rest-hub'
import type { TestHub } from '../support/test-hub'
import { seedWorld } from '../support/world'

/**
 * The sourcing engine through the public API, on both databases: rule sets are validated,
 * published and routed by; decisions are explained; capacity, holds, backorders that fill when
 * stock arrives, and re-routing after a warehouse rejects a fulfilment.
 */
const RULES = [
  {
    name: 'node-hazmat',
    conditions: { all: [{ name: 'cond-hazmat', fact: 'line.hazmat', operator: 'equal', value: true }] },
    event: { type: 'restrict', params: { tags: ['hazmat-licensed'] } },
  },
  {
    name: 'node-review',
    conditions: {
      all: [{ name: 'cond-review-tag', fact: 'order.tags', operator: 'contains', value: 'review' }],
    },
    event: { type: 'hold', params: { reason: 'tagged for review' } },
  },
  {
    name: 'node-primary',
    conditions: { all: [] },
    event: {
      type: 'strategy',
      params: { id: 'nearest-cheapest', label: 'Cheapest', split: { policy: 'allowed', maxShipments: 2 } },
    },
  },
  {
    name: 'node-fallback',
    conditions: { all: [] },
    event: {
      type: 'strategy',
      params: { id: 'fallback', fallback: true, split: { policy: 'allowed', maxShipments: 2 } },
    },
  },
]

describe.each(dbKinds)('routing engine on %s', (kind) => {
  let db: TestDb
  let hub: TestHub
  let channel: RestChannelPeer
  let wms: RestWmsPeer

  const post = async (
    lines: { sku: string; quantity: number }[],
    overrides: Record<string, unknown> = {},
  ) => {
    const res = await hub.api('/api/v1/orders', {
      body: { channel: 'web', order: sampleOrder(overrides, lines) },
    })
    expect(res.status).toBe(201)
    return res.body.orderId as string
  }

  beforeAll(async () => {
    db = await createTestDb(kind)
    ;({ hub, channel, wms } = await startRestHub(db))
    await seedWorld(hub.api, { wms: 'dc' })
  })

  afterAll(async () => {
    await hub?.stop()
    await channel?.close()
    await wms?.close()
    await db?.drop()
  })

  it('serves the fact catalogue with types, operators and live value lists', async () => {
    const res = await hub.api('/api/v1/rules/facts')
    expect(res.status).toBe(200)
    const hazmat = res.body.facts.find((f: { id: string }) => f.id === 'line.hazmat')
    expect(hazmat).toMatchObject({ scope: 'line', type: 'boolean', operators: ['equal', 'notEqual'] })
    // Every hub has the built-in manual channel (phone and customer-service orders) beside its own.
    expect(res.body.values.channels).toEqual(['manual', 'web'])
    expect(res.body.values.locations.map((l: { id: string }) => l.id)).toEqual(['akl', 'chc', 'wlg'])
    expect(res.body.values.tags).toContain('hazmat-licensed')
  })

  it('saves a draft with errors, names rule and condition, and refuses to publish it', async () => {
    expect(
      (await hub.api('/api/v1/rules/sets', { body: { id: 'sourcing', kind: 'sourcing', name: 'Sourcing' } }))
        .status,
    ).toBe(201)
    const bad = await hub.api('/api/v1/rules/sets/sourcing/versions', {
      body: {
        rules: [
          {
            name: 'node-x',
            conditions: { all: [{ name: 'cond-x', fact: 'order.total', operator: 'contains', value: 5 }] },
            event: { type: 'hold', params: { reason: 'x' } },
          },
          {
            name: 'node-y',
            conditions: { all: [{ name: 'cond-y', fact: 'order.nope', operator: 'equal', value: 1 }] },
            event: { type: 'exclude', params: { tags: ['no-such-tag'] } },
          },
        ],
        graph: { nodes: [{ id: 'node-x' }], edges: [] },
      },
    })
    expect(bad.status).toBe(201)
    expect(bad.body.validation.valid).toBe(false)
    expect(bad.body.validation.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'OPERATOR_TYPE_MISMATCH',
          rule: 'node-x',
          condition: 'cond-x',
          field: 'rules[0].conditions.all[0].operator',
        }),
        expect.objectContaining({ code: 'UNKNOWN_FACT', rule: 'node-y', condition: 'cond-y' }),
        expect.objectContaining({
          code: 'UNKNOWN_TAG',
          rule: 'node-y',
          field: 'rules[1].event.params.tags[0]',
        }),
      ]),
    )
    expect(bad.body.version.graph).toEqual({ nodes: [{ id: 'node-x' }], edges: [] })
    const refused = await hub.api(
      `/api/v1/rules/sets/sourcing/versions/${bad.body.version.version}/publish`,
      { body: { comment: 'try' } },
    )
    expect(refused.status).toBe(422)
    expect(refused.contentType).toContain('application/problem+json')
    expect(refused.body.code).toBe('RULES_INVALID')
    expect(refused.body.errors[0].message).toMatch(/rule 'node-x', condition 'cond-x'/)
  })

  it('publishes a version that then routes orders: hazmat only from licensed sites, explained', async () => {
    const draft = await hub.api('/api/v1/rules/sets/sourcing/versions', {
      body: { rules: RULES, comment: 'hazmat' },
    })
    expect(draft.body.validation).toMatchObject({ valid: true, errors: [] })
    const v = draft.body.version.version
    const published = await hub.api(`/api/v1/rules/sets/sourcing/versions/${v}/publish`, {
      body: { comment: 'go live' },
    })
    expect(published.status).toBe(200)
    expect(published.body.version).toMatchObject({ status: 'published', comment: 'go live' })
    const again = await hub.api(`/api/v1/rules/sets/sourcing/versions/${v}`, {
      method: 'PUT',
      body: { comment: 'edit' },
    })
    expect(again.status).toBe(409)

    // Wellington is nearest and holds SKU-C, but it is not hazmat-licensed.
    await hub.api('/api/v1/inventory', {
      method: 'PUT',
      body: { items: [{ sku: 'SKU-C', locationId: 'wlg', onHand: 10 }] },
    })
    const id = await post([{ sku: 'SKU-C', quantity: 1 }])
    const decision = await hub.api(`/api/v1/orders/${id}/decision`)
    expect(decision.status).toBe(200)
    expect(decision.body.ruleSetVersionId).toBe(published.body.version.id)
    expect(decision.body.plan.assignments).toEqual([
      expect.objectContaining({ locationId: 'akl', sku: 'SKU-C' }),
    ])
    // Stored compact: the chosen location listed, the one the hazmat rule kept out counted by rule.
    expect(decision.body.explanation.trace).toBe('compact')
    expect(decision.body.explanation.candidates[0]).toMatchObject({ locationId: 'akl', chosen: true })
    expect(decision.body.explanation.excluded).toMatchObject({ 'node-hazmat': 1 })
    expect(decision.body.explanation.excludedNamed).toMatchObject({ 'node-hazmat': ['wlg'] })
    // Every location: the order routed again as it was, the same choice, each location explained.
    const every = await hub.api(`/api/v1/orders/${id}/decision?every=true`)
    expect(every.status).toBe(200)
    expect(every.body.replayed).toMatchObject({ sameAsStored: true })
    expect(every.body.explanation.candidates.map((c: { locationId: string }) => c.locationId)).toEqual(
      expect.arrayContaining(['akl', 'chc', 'wlg']),
    )
    const wlg = every.body.explanation.candidates.find((c: { locationId: string }) => c.locationId === 'wlg')
    expect(wlg.partialExclusions[0]).toMatchObject({ rule: 'node-hazmat', action: 'restrict' })
    expect(
      every.body.explanation.candidates.find((c: { locationId: string }) => c.locationId === 'akl'),
    ).toMatchObject({ chosen: true, score: decision.body.explanation.candidates[0].score })
    expect(decision.body.plan.shipments[0]).toMatchObject({
      locationId: 'akl',
      shipDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    })
    expect(decision.body.plan.promiseDate).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(decision.body.summary).toMatch(/Auckland DC ships every line/)
  })

  it('holds an order when a hold rule fires', async () => {
    const id = await post([{ sku: 'SKU-A', quantity: 1 }], { tags: ['review'] })
    const order = await hub.api(`/api/v1/orders/${id}`)
    expect(order.body.status).toBe('held')
    expect(order.body.holdReason).toBe('tagged for review')
    expect(order.body.routingDecision.summary).toMatch(
      /Held for review: tagged for review \(rule node-review/,
    )
  })

  it('lets a person release a hold: routed at once, never held again by the rule', async () => {
    await hub.api('/api/v1/products', { method: 'PUT', body: { items: [{ sku: 'SKU-H', name: 'Held' }] } })
    const id = await post([{ sku: 'SKU-H', quantity: 2 }], { tags: ['review'] })
    expect((await hub.api(`/api/v1/orders/${id}`)).body.status).toBe('held')
    const keyFor = async (role: string) =>
      (await hub.api('/api/v1/keys', { body: { name: `release-${role}-${kind}`, role } })).body
        .token as string
    const release = (key?: string, body: unknown = { reason: 'checked with the customer' }) =>
      hub.api(`/api/v1/orders/${id}/release-hold`, { body, ...(key ? { key } : {}) })

    expect((await release(await keyFor('integrator'))).status).toBe(403)
    expect((await release(await keyFor('viewer'))).status).toBe(403)
    const noReason = await release(undefined, { reason: '  ' })
    expect(noReason.status).toBe(422)
    expect(noReason.body.errors[0].field).toBe('reason')

    const released = await release(await keyFor('analyst'))
    expect(released.status).toBe(200)
    // No stock for SKU-H yet: routed, so backordered rather than held.
    expect(released.body).toMatchObject({
      orderId: id,
      status: 'backordered',
      releasedHold: 'tagged for review',
      allocated: 0,
      backordered: 2,
    })
    const again = await release()
    expect(again.status).toBe(409)
    expect(again.body.code).toBe('OPERATION_NOT_ALLOWED')

    // Stock arrives: the backorder is routed again and the hold rule, which still matches, is not applied.
    await hub.api('/api/v1/inventory', {
      method: 'PUT',
      body: { items: [{ sku: 'SKU-H', locationId: 'akl', onHand: 5 }] },
    })
    const routed = await waitFor(
      async () => {
        const o = (await hub.api(`/api/v1/orders/${id}`)).body
        return o.status !== 'backordered' ? o : undefined
      },
      10_000,
      'backorder filled',
    )
    expect(['allocated', 'released']).toContain(routed.status)
    expect(routed.holdReason).toBeNull()
    const events = (routed.history ?? routed.events) as { type: string; actor: string; data: unknown }[]
    expect(events.find((e) => e.type === 'order.hold_released')).toMatchObject({
      data: { reason: 'checked with the customer', hold: 'tagged for review' },
    })
  })

  it('passes over a location that reached its daily capacity', async () => {
    const loc = await hub.api('/api/v1/locations/wlg')
    const { id: _id, createdAt: _c, updatedAt: _u, ...body } = loc.body
    expect(
      (await hub.api('/api/v1/locations/wlg', { method: 'PUT', body: { ...body, dailyCapacity: 1 } })).status,
    ).toBe(200)
    await new Promise((r) => setTimeout(r, 5_100)) // the catalogue cache reloads locations every 5 s
    const first = await post([{ sku: 'SKU-A', quantity: 1 }])
    expect((await hub.api(`/api/v1/orders/${first}`)).body.allocations[0].locationId).toBe('wlg')
    const second = await post([{ sku: 'SKU-A', quantity: 1 }])
    const detail = await hub.api(`/api/v1/orders/${second}`)
    expect(detail.body.allocations[0].locationId).not.toBe('wlg')
    expect(detail.body.routingDecision.explanation.excludedNamed).toMatchObject({ capacity: ['wlg'] })
  })

  it('backorders an unfillable line and routes it when stock arrives', async () => {
    const id = await post([{ sku: 'SKU-D', quantity: 2 }])
    expect((await hub.api(`/api/v1/orders/${id}`)).body.status).toBe('backordered')
    const put = await hub.api('/api/v1/inventory', {
      method: 'PUT',
      body: { items: [{ sku: 'SKU-D', locationId: 'chc', onHand: 5 }] },
    })
    expect(put.status).toBe(200)
    const order = await hub.api(`/api/v1/orders/${id}`)
    expect(order.body.status).toBe('released')
    expect(order.body.lines[0]).toMatchObject({ allocated: 2, backordered: 0 })
    expect(order.body.routingDecision.summary).toMatch(/^Re-routed \(stock arrived\)/)
    await waitFor(
      () => wms.fulfilments().find((f) => f.request.orderId === id),
      10_000,
      'fulfilment request after backorder',
    )
  })

  it('re-routes a fulfilment the warehouse rejects, never back to the rejecting location', async () => {
    const id = await post([{ sku: 'SKU-B', quantity: 1 }])
    const sent = await waitFor(
      () => wms.fulfilments().find((f) => f.request.orderId === id),
      10_000,
      'fulfilment request',
    )
    const from = sent.request.location.id
    const body = JSON.stringify({ fulfilmentId: sent.request.fulfilmentId, reason: 'damaged stock' })
    const res = await fetch(`${hub.url}/webhooks/dc/rejections`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-switchyard-delivery': randomUUID(),
        [SIGNATURE_HEADER]: signTimestamped(wms.webhookSecret, body),
      },
      body,
    })
    expect(res.status).toBe(200)
    const order = await hub.api(`/api/v1/orders/${id}`)
    const live = order.body.allocations.filter((a: { status: string }) => a.status !== 'cancelled')
    expect(live).toHaveLength(1)
    expect(live[0].locationId).not.toBe(from)
    expect(order.body.fulfilments.find((f: { locationId: string }) => f.locationId === from).status).toBe(
      'rejected',
    )
    expect(order.body.status).toBe('released')
    // The re-route's replay keeps the rejecting location out, whatever stock it holds now.
    const every = await hub.api(`/api/v1/orders/${id}/decision?every=true`)
    const candidates = every.body.explanation.candidates
    expect(candidates.find((c: { locationId: string }) => c.locationId === from).excluded.rule).toBe(
      'previously-rejected',
    )
  })

  it('simulates an order against a version without persisting it', async () => {
    const before = (await hub.api('/api/v1/orders?limit=500')).body.items.length
    const res = await hub.api('/api/v1/rules/sets/sourcing/versions/2/simulate', {
      body: { channel: 'web', order: sampleOrder({ tags: ['review'] }, [{ sku: 'SKU-A', quantity: 1 }]) },
    })
    expect(res.status).toBe(200)
    expect(res.body.plan.hold).toMatchObject({ rule: 'node-review' })
    expect(res.body.trace.find((t: { rule: string }) => t.rule === 'node-review')).toMatchObject({
      fired: true,
    })
    expect((await hub.api('/api/v1/orders?limit=500')).body.items.length).toBe(before)
  })

  it('backtests a draft against recent orders and reports what changes', async () => {
    const draft = await hub.api('/api/v1/rules/sets/sourcing/versions', {
      body: { rules: RULES.filter((r) => r.name !== 'node-review') },
    })
    const res = await hub.api(`/api/v1/rules/sets/sourcing/versions/${draft.body.version.version}/backtest`, {
      body: { limit: 50 },
    })
    expect(res.status).toBe(200)
    expect(res.body.orders).toBeGreaterThan(3)
    // Only the two orders tagged for review decide differently without the hold rule (one of them
    // had its hold released by a person; the rule set alone would still hold it).
    expect(res.body.holds).toEqual({ published: 2, draft: 0 })
    expect(res.body.changed).toBe(2)
    expect(res.body.changedOrders[0].before.held).toBe(true)
  })

  it('keeps the live version until a later one takes effect', async () => {
    const live = (await hub.api('/api/v1/rules/sets/sourcing')).body.liveVersion
    const draft = await hub.api('/api/v1/rules/sets/sourcing/versions', { body: { rules: RULES } })
    const v = draft.body.version.version
    const later = new Date(Date.now() + 86_400_000).toISOString()
    const res = await hub.api(`/api/v1/rules/sets/sourcing/versions/${v}/publish`, {
      body: { effectiveFrom: later },
    })
    expect(res.status).toBe(200)
    expect(res.body.version.effectiveFrom).toBe(later)
    expect((await hub.api('/api/v1/rules/sets/sourcing')).body.liveVersion).toBe(live)
    const id = await post([{ sku: 'SKU-A', quantity: 1 }])
    expect((await hub.api(`/api/v1/orders/${id}/decision`)).body.explanation.ruleSetVersion).toBe(live)
  })

  it('answers overlapping simulations each on its own', async () => {
    const runs = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        hub.api('/api/v1/rules/sets/sourcing/versions/2/simulate', {
          body: {
            channel: 'web',
            order: sampleOrder(i % 2 ? { tags: ['review'] } : {}, [{ sku: 'SKU-A', quantity: 1 }]),
          },
        }),
      ),
    )
    for (const [i, r] of runs.entries()) {
      expect(r.status).toBe(200)
      expect(Boolean(r.body.plan.hold)).toBe(i % 2 === 1)
    }
  })

  it('routes backorders exactly once when stock arrives from several sources at once', async () => {
    await hub.api('/api/v1/products', { method: 'PUT', body: { items: [{ sku: 'SKU-E', name: 'Stove' }] } })
    const ids = []
    for (let i = 0; i < 4; i++) ids.push(await post([{ sku: 'SKU-E', quantity: 2 }]))
    // Two stock updates race: 5 units in all, enough for two orders of 2, never for three.
    const put = (locationId: string, onHand: number) =>
      hub.api('/api/v1/inventory', { method: 'PUT', body: { items: [{ sku: 'SKU-E', locationId, onHand }] } })
    await Promise.all([put('akl', 3), put('chc', 2)])
    const orders = await Promise.all(ids.map((id) => hub.api(`/api/v1/orders/${id}`)))
    const allocated = orders.flatMap((o) =>
      o.body.allocations.filter((a: { status: string }) => a.status !== 'cancelled'),
    )
    const byLocation = (loc: string) =>
      allocated
        .filter((a: { locationId: string }) => a.locationId === loc)
        .reduce((s: number, a: { quantity: number }) => s + a.quantity, 0)
    expect(byLocation('akl')).toBeLessThanOrEqual(3)
    expect(byLocation('chc')).toBeLessThanOrEqual(2)
    for (const o of orders) expect(o.body.lines[0].allocated + o.body.lines[0].backordered).toBe(2)
    // Oldest first: the first orders received are the ones filled.
    const filled = orders.map((o) => o.body.lines[0].backordered === 0)
    expect(filled.filter(Boolean).length).toBeGreaterThanOrEqual(1)
    expect(filled.indexOf(false) === -1 || filled.slice(filled.indexOf(false)).every((f) => !f)).toBe(true)
    const stock = await hub.api('/api/v1/inventory?sku=SKU-E')
    for (const level of stock.body.items) expect(level.allocated).toBeLessThanOrEqual(level.onHand)
  })

  it('lets a viewer read rules but not change them', async () => {
    const key = await hub.api('/api/v1/keys', { body: { name: 'viewer', role: 'viewer' } })
    const token = key.body.token ?? key.body.key
    expect((await hub.api('/api/v1/rules/sets', { key: token })).status).toBe(200)
    expect(
      (await hub.api('/api/v1/rules/sets/sourcing/versions', { key: token, body: { rules: [] } })).status,
    ).toBe(403)
  })
})
