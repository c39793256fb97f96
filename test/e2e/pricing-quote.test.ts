import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDb, dbKinds, type TestDb } from '../support/databases'
import { startTestHub, type TestHub } from '../support/test-hub'
import { seedWorld } from '../support/world'

/**
 * Pricing through the public API on both databases: price lists per channel and customer group,
 * a contract, costs, exchange rates, a published pricing rule set, and quotes that explain every
 * price.
 */
describe.each(dbKinds)('pricing quotes (%s)', (kind) => {
  let db: TestDb
  let hub: TestHub
  const AT = '2026-11-20T10:00:00Z'

  beforeAll(async () => {
    db = await createTestDb(kind)
    hub = await startTestHub(
      db,
      [
        { id: 'web', use: '@switchyard/rest-channel', config: { secret: { $env: 'WEB_SECRET' } } },
        { id: 'portal', use: '@switchyard/rest-channel', config: { secret: { $env: 'WEB_SECRET' } } },
      ],
      { WEB_SECRET: 'web-secret-for-tests' },
    )
    await seedWorld(hub.api)
    const put = async (id: string, body: Record<string, unknown>) => {
      const r = await hub.api(`/api/v1/pricing/price-lists/${id}`, { method: 'PUT', body })
      expect(r.status, JSON.stringify(r.body)).toBe(200)
      return r.body
    }
    await put('retail-nzd', {
      name: 'Retail NZD',
      currency: 'NZD',
      prices: [
        { sku: 'SKU-A', price: '20.00' },
        { sku: 'SKU-B', price: '49.90' },
        { sku: 'SKU-C', price: '12.34' },
      ],
    })
    await put('portal-nzd', {
      name: 'B2B portal',
      currency: 'NZD',
      channel: 'portal',
      prices: [{ sku: 'SKU-A', price: '16.00' }],
    })
    await put('wholesale-nzd', {
      name: 'Wholesale',
      currency: 'NZD',
      customerGroup: 'wholesale',
      prices: [{ sku: 'SKU-A', price: '15.00' }],
    })
    const contract = await put('acme-2026', {
      name: 'Acme contract 2026',
      currency: 'NZD',
      customer: { email: 'buyer@acme.example' },
      validFrom: '2026-01-01T00:00:00Z',
      validTo: '2027-01-01T00:00:00Z',
      prices: [{ sku: 'SKU-A', price: '12.10' }],
    })
    expect(contract).toMatchObject({ kind: 'contract', priceCount: 1 })
    await put('kwd', { name: 'Kuwait', currency: 'KWD', prices: [{ sku: 'SKU-A', price: '3.456' }] })
    expect(
      (
        await hub.api('/api/v1/pricing/costs', {
          method: 'PUT',
          body: { items: [{ sku: 'SKU-B', cost: '40.00', currency: 'NZD' }] },
        })
      ).status,
    ).toBe(200)
    const rates = await hub.api('/api/v1/pricing/exchange-rates', {
      body: {
        items: [
          { base: 'NZD', quote: 'JPY', rate: '88', asOf: '2026-10-01' },
          { base: 'NZD', quote: 'JPY', rate: '91.235', asOf: '2026-11-19' },
          { base: 'NZD', quote: 'JPY', rate: '99', asOf: '2026-11-25' },
        ],
      },
    })
    expect(rates.body).toEqual({ imported: 3 })
  })

  afterAll(async () => {
    await hub?.stop()
    await db?.drop()
  })

  const quote = (body: Record<string, unknown>) =>
    hub.api('/api/v1/pricing/quote', { body: { at: AT, currency: 'NZD', ...body } })

  it('a contract price wins over the channel list for that customer, and only for them', async () => {
    const lines = [{ sku: 'SKU-A', quantity: 2 }]
    const acme = await quote({ channel: 'portal', customer: { email: 'Buyer@Acme.example' }, lines })
    expect(acme.status).toBe(200)
    expect(acme.body.lines[0]).toMatchObject({
      unitPrice: '12.10',
      lineTotal: '24.20',
      source: 'contract',
      priceListId: 'acme-2026',
    })
    const other = await quote({ channel: 'portal', customer: { email: 'someone@else.example' }, lines })
    expect(other.body.lines[0]).toMatchObject({ unitPrice: '16.00', priceListId: 'portal-nzd' })
    const wholesale = await quote({
      channel: 'web',
      customer: { email: 'w@x.example', segment: 'wholesale' },
      lines,
    })
    expect(wholesale.body.lines[0]).toMatchObject({ unitPrice: '15.00', priceListId: 'wholesale-nzd' })
    const web = await quote({ channel: 'web', lines })
    expect(web.body.lines[0]).toMatchObject({ unitPrice: '20.00', priceListId: 'retail-nzd' })
    // After the contract ends, the customer pays the channel's list price.
    const later = await quote({
      channel: 'portal',
      customer: { email: 'buyer@acme.example' },
      lines,
      at: '2027-01-01T00:00:00Z',
    })
    expect(later.body.lines[0]).toMatchObject({ unitPrice: '16.00' })
  })

  it('publishes pricing rules and applies them in the documented order, each price explained', async () => {
    expect(
      (await hub.api('/api/v1/rules/sets', { body: { id: 'prices', kind: 'pricing', name: 'Prices' } }))
        .status,
    ).toBe(201)
    const rules = [
      {
        name: 'breaks',
        conditions: { all: [{ fact: 'line.sku', operator: 'equal', value: 'SKU-A' }] },
        event: {
          type: 'volumeBreaks',
          params: {
            breaks: [
              { minQty: 10, percent: 5 },
              { minQty: 50, percent: 10 },
            ],
          },
        },
      },
      {
        name: 'clearance-b',
        conditions: { all: [{ fact: 'line.sku', operator: 'equal', value: 'SKU-B' }] },
        event: { type: 'discount', params: { percent: 30 } },
      },
      {
        name: 'end99',
        conditions: { all: [{ fact: 'order.currency', operator: 'in', value: ['NZD', 'KWD'] }] },
        event: { type: 'round', params: { ending: '.99' } },
      },
      {
        name: 'jpy-whole-hundreds',
        conditions: { all: [{ fact: 'order.currency', operator: 'equal', value: 'JPY' }] },
        event: { type: 'round', params: { ending: '0', every: '100', direction: 'nearest' } },
      },
      {
        name: 'floor',
        conditions: { all: [] },
        event: { type: 'floor', params: { minMarginPercent: 10 } },
      },
    ]
    const draft = await hub.api('/api/v1/rules/sets/prices/versions', { body: { rules } })
    expect(draft.status, JSON.stringify(draft.body)).toBe(201)
    expect(draft.body.validation).toMatchObject({ valid: true, errors: [] })
    const published = await hub.api('/api/v1/rules/sets/prices/versions/1/publish', { method: 'POST' })
    expect(published.status, JSON.stringify(published.body)).toBe(200)

    const at = async (qty: number) =>
      (await quote({ channel: 'web', lines: [{ sku: 'SKU-A', quantity: qty }] })).body.lines[0]
    // Volume breaks at their boundaries, then the .99 ending.
    expect((await at(9)).unitPrice).toBe('20.99')
    expect(await at(10)).toMatchObject({ unitPrice: '19.99', rules: ['breaks', 'end99'] })
    expect((await at(49)).unitPrice).toBe('19.99')
    expect((await at(50)).unitPrice).toBe('18.99')
    const explained = await at(50)
    expect(
      explained.steps.map((s: { action: string; from: string | null; to: string }) => [
        s.action,
        s.from,
        s.to,
      ]),
    ).toEqual([
      ['priceList', null, '20.00'],
      ['volumeBreak', '20.00', '18.00'],
      ['round', '18.00', '18.99'],
    ])

    expect(explained.summary).toBe(
      'SKU-A at 18.99: price list retail-nzd 20.00, then volume break 18.00 (breaks), then round 18.99 (end99)',
    )
    // The floor: 49.90 − 30 % = 34.93 would sell under cost 40 + 10 %; it is raised to 44.00 → 44.99.
    const b = (await quote({ channel: 'web', lines: [{ sku: 'SKU-B', quantity: 1 }] })).body.lines[0]
    expect(b).toMatchObject({ unitPrice: '44.99', cost: '40.00', rules: ['clearance-b', 'end99', 'floor'] })
    expect(b.steps.at(-1)).toMatchObject({ action: 'floor', from: '34.99', to: '44.99' })
  })

  it('quotes against a draft version without publishing it', async () => {
    const draft = await hub.api('/api/v1/rules/sets/prices/versions', {
      body: {
        rules: [
          { name: 'plus-10', conditions: { all: [] }, event: { type: 'markup', params: { percent: 10 } } },
        ],
      },
    })
    expect(draft.status).toBe(201)
    const v = draft.body.version.version
    const lines = [{ sku: 'SKU-A', quantity: 1 }]
    const withDraft = await quote({ channel: 'web', lines, ruleSet: { id: 'prices', version: v } })
    expect(withDraft.body).toMatchObject({ ruleSetVersion: v })
    expect(withDraft.body.lines[0]).toMatchObject({ unitPrice: '22.00', rules: ['plus-10'] })
    // The live version still prices orders.
    const live = await quote({ channel: 'web', lines })
    expect(live.body).toMatchObject({ ruleSetVersion: 1 })
    expect(live.body.lines[0].unitPrice).toBe('20.99')
  })

  it('is exact in NZD, JPY and KWD, converting at the rate as of the quote', async () => {
    const nzd = await quote({ channel: 'web', lines: [{ sku: 'SKU-C', quantity: 3 }] })
    expect(nzd.body.lines[0]).toMatchObject({ unitPrice: '12.99', lineTotal: '38.97' })
    // 12.34 NZD × 91.235 (as of 2026-11-19) = 1125.8399 → 1126 yen → nearest hundred: 1100
    const jpy = await quote({ channel: 'web', currency: 'JPY', lines: [{ sku: 'SKU-C', quantity: 3 }] })
    expect(jpy.body.lines[0]).toMatchObject({ unitPrice: '1100', lineTotal: '3300', source: 'converted' })
    expect(jpy.body.lines[0].steps[0]).toMatchObject({ action: 'convert', to: '1126' })
    expect(jpy.body.lines[0].steps[0].detail).toContain('91.235')
    expect(jpy.body.total).toBe('3300')
    // Three decimals in KWD: 3.456 → 3.990
    const kwd = await quote({ channel: 'web', currency: 'KWD', lines: [{ sku: 'SKU-A', quantity: 1 }] })
    expect(kwd.body.lines[0]).toMatchObject({ unitPrice: '3.990', priceListId: 'kwd' })
    // Nothing prices SKU-D: the line says so, the quote still answers.
    const none = await quote({ channel: 'web', lines: [{ sku: 'SKU-D', quantity: 1 }] })
    expect(none.body).toMatchObject({ unpriced: 1, total: '0.00' })
    expect(none.body.lines[0].error).toContain('SKU-D')
  })

  it('refuses bad input with problem+json naming the field', async () => {
    const zero = await quote({ channel: 'web', lines: [{ sku: 'SKU-A', quantity: 0 }] })
    expect(zero.status).toBe(422)
    expect(zero.contentType).toContain('application/problem+json')
    expect(zero.body.errors[0].field).toBe('lines[0].quantity')
    const unknown = await quote({ channel: 'web', lines: [{ sku: 'NOPE', quantity: 1 }] })
    expect(unknown.status).toBe(422)
    expect(unknown.body.errors).toEqual([{ field: 'lines[0].sku', message: "unknown sku 'NOPE'" }])
    const badPrice = await hub.api('/api/v1/pricing/price-lists/retail-nzd/prices', {
      method: 'PUT',
      body: { items: [{ sku: 'SKU-A', price: '1.2.3' }] },
    })
    expect(badPrice.status).toBe(422)
    // The same sku twice in one request: the last price wins (one upsert per row on PostgreSQL too).
    const twice = await hub.api('/api/v1/pricing/price-lists/kwd/prices', {
      method: 'PUT',
      body: {
        items: [
          { sku: 'SKU-B', price: '1.000' },
          { sku: 'SKU-B', price: '1.250' },
        ],
      },
    })
    expect(twice.body).toEqual({ written: 1 })
    const kwd = await hub.api('/api/v1/pricing/price-lists/kwd')
    expect(kwd.body.prices).toContainEqual({ sku: 'SKU-B', price: '1.250' })
    const badRate = await hub.api('/api/v1/pricing/exchange-rates', {
      body: { items: [{ base: 'NZD', quote: 'NZD', rate: '1', asOf: '2026-01-01' }] },
    })
    expect(badRate.status).toBe(422)
    expect(badRate.body.errors[0].field).toBe('items[0].quote')
    // A pricing version with a sourcing action or an unknown list is not publishable.
    const bad = await hub.api('/api/v1/rules/sets/prices/versions', {
      body: {
        rules: [
          { name: 'x', conditions: { all: [] }, event: { type: 'exclude', params: {} } },
          {
            name: 'y',
            conditions: { all: [] },
            event: { type: 'priceList', params: { priceListId: 'nope' } },
          },
        ],
      },
    })
    expect(bad.body.validation.errors.map((e: { rule: string; code: string }) => [e.rule, e.code])).toEqual([
      ['x', 'UNKNOWN_ACTION'],
      ['y', 'UNKNOWN_PRICE_LIST'],
    ])
    const refused = await hub.api(`/api/v1/rules/sets/prices/versions/${bad.body.version.version}/publish`, {
      method: 'POST',
    })
    expect(refused.status).toBe(422)
    const unknownChannel = await hub.api('/api/v1/pricing/price-lists/x', {
      method: 'PUT',
      body: { name: 'x', currency: 'NZD', channel: 'nowhere' },
    })
    expect(unknownChannel.status).toBe(422)
    expect(unknownChannel.body.errors[0].field).toBe('channel')
    const openapi = await hub.api('/openapi.json')
    expect(Object.keys(openapi.body.paths)).toContain('/pricing/quote')
    const facts = await hub.api('/api/v1/pricing/facts')
    expect(facts.body.facts.map((f: { id: string }) => f.id)).toContain('customer.hasContract')
    expect(facts.body.actions).toEqual(['priceList', 'markup', 'discount', 'volumeBreaks', 'round', 'floor'])
  })
})
