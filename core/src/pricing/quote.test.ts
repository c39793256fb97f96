import { describe, expect, it } from 'vitest'
import type { ProductFacts } from '../catalog/facts'
import { toMinorUnits } from '../catalog/money'
import type { Condition, RuleProperties } from '../rules/rule-types'
import { compilePricing } from './compiled-pricing'
import { fraction } from './money-math'
import { PriceBook, type PriceListRecord } from './price-book'
import { type QuoteInput, quote } from './quote'
import { validatePricingRules } from './validate-pricing'

const AT = Date.parse('2026-11-20T10:00:00Z')

const product = (sku: string, extra: Partial<ProductFacts> = {}): ProductFacts => ({
  sku,
  name: sku,
  category: null,
  hazmat: false,
  highValue: false,
  weightGrams: null,
  attributes: {},
  tags: [],
  ...extra,
})

function list(
  id: string,
  currency: string,
  prices: Record<string, string>,
  extra: Partial<PriceListRecord> = {},
): PriceListRecord {
  return {
    id,
    name: id,
    currency,
    channel: null,
    customerGroup: null,
    customerId: null,
    validFrom: null,
    validTo: null,
    priority: 0,
    toleranceMinor: 0,
    tolerancePercent: '0',
    prices: new Map(Object.entries(prices).map(([sku, p]) => [sku, toMinorUnits(p, currency)])),
    ...extra,
  }
}

function book(
  lists: PriceListRecord[],
  costs: Record<string, [string, string]> = {},
  rates: [string, string, string, string][] = [],
) {
  return new PriceBook(
    1,
    lists,
    new Map(
      Object.entries(costs).map(([sku, [amount, cur]]) => [
        sku,
        { currency: cur, minor: toMinorUnits(amount, cur) },
      ]),
    ),
    rates.map(([base, q, rate, asOf]) => ({
      base,
      quote: q,
      rate: fraction(rate),
      asOf: Date.parse(asOf),
      text: `${rate} as of ${asOf}`,
    })),
  )
}

const input = (over: Partial<QuoteInput> = {}, lines: [string, number][] = [['SKU-A', 1]]): QuoteInput => ({
  channel: 'web',
  customer: null,
  currency: 'NZD',
  at: AT,
  lines: lines.map(([sku, quantity]) => ({ sku, quantity, product: product(sku) })),
  ...over,
})

function rules(rs: RuleProperties[]) {
  const report = validatePricingRules(rs)
  expect(report.errors).toEqual([])
  return compilePricing(rs)
}

const all = (conditions: Condition[] = []) => ({ all: conditions })

describe('quote: base prices', () => {
  const lists = [
    list('retail', 'NZD', { 'SKU-A': '20.00', 'SKU-B': '5.00' }),
    list('b2b-portal', 'NZD', { 'SKU-A': '16.00' }, { channel: 'portal' }),
    list('wholesale', 'NZD', { 'SKU-A': '15.00' }, { customerGroup: 'wholesale' }),
    list('acme-contract', 'NZD', { 'SKU-A': '12.10' }, { customerId: 'cust-acme' }),
  ]

  it('a contract price wins over the channel list for that customer, and only for them', () => {
    const none = rules([])
    const acme = quote(
      input({ channel: 'portal', customer: { id: 'cust-acme', tier: null, segment: 'wholesale' } }),
      none,
      book(lists),
    )
    expect(acme.lines[0]).toMatchObject({
      unitPrice: '12.10',
      source: 'contract',
      priceListId: 'acme-contract',
    })
    const other = quote(
      input({ channel: 'portal', customer: { id: 'cust-other', tier: null, segment: null } }),
      none,
      book(lists),
    )
    expect(other.lines[0]).toMatchObject({ unitPrice: '16.00', priceListId: 'b2b-portal' })
    const wholesaleOnWeb = quote(
      input({ customer: { id: 'cust-w', tier: null, segment: 'wholesale' } }),
      none,
      book(lists),
    )
    expect(wholesaleOnWeb.lines[0]).toMatchObject({ unitPrice: '15.00', priceListId: 'wholesale' })
    expect(quote(input(), none, book(lists)).lines[0]).toMatchObject({
      unitPrice: '20.00',
      priceListId: 'retail',
    })
  })

  it('a contract is final: discounts do not touch it', () => {
    const rs = rules([
      { name: 'all-10', conditions: all(), event: { type: 'discount', params: { percent: 10 } } },
    ])
    const r = quote(input({ customer: { id: 'cust-acme', tier: null, segment: null } }), rs, book(lists))
    expect(r.lines[0]).toMatchObject({ unitPrice: '12.10', rules: [] })
    expect(quote(input(), rs, book(lists)).lines[0]).toMatchObject({ unitPrice: '18.00', rules: ['all-10'] })
  })

  it('honours validity dates and priority', () => {
    const b = book([
      list('old', 'NZD', { 'SKU-A': '9.00' }, { validTo: AT }),
      list('future', 'NZD', { 'SKU-A': '8.00' }, { validFrom: AT + 1 }),
      list('low', 'NZD', { 'SKU-A': '11.00' }, { priority: 1 }),
      list('high', 'NZD', { 'SKU-A': '10.00' }, { priority: 5 }),
    ])
    expect(quote(input(), rules([]), b).lines[0]).toMatchObject({ unitPrice: '10.00', priceListId: 'high' })
  })

  it('a rule may choose the price list', () => {
    const rs = rules([
      {
        name: 'gold-list',
        conditions: all([{ fact: 'customer.tier', operator: 'equal', value: 'gold' }]),
        event: { type: 'priceList', params: { priceListId: 'wholesale' } },
      },
    ])
    const r = quote(input({ customer: { id: 'c1', tier: 'gold', segment: null } }), rs, book(lists))
    expect(r.lines[0]).toMatchObject({ unitPrice: '15.00', priceListId: 'wholesale', rules: ['gold-list'] })
    // SKU-B is not on that list: the best match prices it.
    const both = quote(
      input({ customer: { id: 'c1', tier: 'gold', segment: null } }, [
        ['SKU-A', 1],
        ['SKU-B', 2],
      ]),
      rs,
      book(lists),
    )
    expect(both.lines[1]).toMatchObject({
      unitPrice: '5.00',
      lineTotal: '10.00',
      priceListId: 'retail',
      rules: [],
    })
    expect(both.total).toBe('25.00')
  })

  it('converts a list in another currency at the latest rate as of the quote', () => {
    const b = book([list('nz', 'NZD', { 'SKU-A': '12.34' })], {}, [
      ['NZD', 'JPY', '90', '2026-11-01T00:00:00Z'],
      ['NZD', 'JPY', '91.235', '2026-11-19T00:00:00Z'],
      ['NZD', 'JPY', '99', '2026-11-21T00:00:00Z'],
      ['KWD', 'NZD', '5.451', '2026-11-01T00:00:00Z'],
    ])
    const jpy = quote(input({ currency: 'JPY' }), rules([]), b)
    expect(jpy.lines[0]).toMatchObject({ unitPrice: '1126', source: 'converted' })
    expect(jpy.lines[0]!.steps[0]!.detail).toContain('91.235')
    // KWD from the inverse of KWD→NZD: 12.34 / 5.451 = 2.26380… → 2.264
    const kwd = quote(input({ currency: 'KWD' }), rules([]), b)
    expect(kwd.lines[0]).toMatchObject({ unitPrice: '2.264', source: 'converted' })
    // No rate to USD: unpriced, with the reason.
    const usd = quote(input({ currency: 'USD' }), rules([]), b)
    expect(usd.lines[0]).toMatchObject({ unitPrice: null, error: expect.stringContaining('USD') })
    expect(usd.unpriced).toBe(1)
  })
})

describe('quote: rules', () => {
  const b = book([list('retail', 'NZD', { 'SKU-A': '10.00', 'SKU-B': '40.00' })], {
    'SKU-A': ['6.00', 'NZD'],
    'SKU-B': ['35.00', 'NZD'],
  })

  it("a line rule on the product's tags prices that line only; an order rule sees every line's tags", () => {
    const tagged: QuoteInput = {
      ...input({}, []),
      lines: [
        { sku: 'SKU-A', quantity: 1, product: product('SKU-A', { tags: ['clearance'] }) },
        { sku: 'SKU-B', quantity: 1, product: product('SKU-B') },
      ],
    }
    const clearance = rules([
      {
        name: 'clearance-half',
        conditions: all([{ fact: 'line.tags', operator: 'contains', value: 'clearance' }]),
        event: { type: 'discount', params: { percent: 50 } },
      },
    ])
    const q = quote(tagged, clearance, b)
    expect(q.lines.map((l) => [l.sku, l.unitPrice])).toEqual([
      ['SKU-A', '5.00'],
      ['SKU-B', '40.00'],
    ])
    const anyClearance = rules([
      {
        name: 'order-off',
        conditions: all([{ fact: 'order.productTags', operator: 'contains', value: 'clearance' }]),
        event: { type: 'discount', params: { percent: 10 } },
      },
    ])
    expect(quote(tagged, anyClearance, b).lines.map((l) => l.unitPrice)).toEqual(['9.00', '36.00'])
    expect(quote(input(), anyClearance, b).lines.map((l) => l.unitPrice)).toEqual(['10.00'])
  })

  it('volume breaks apply at their boundaries', () => {
    const rs = rules([
      {
        name: 'breaks',
        conditions: all([{ fact: 'line.sku', operator: 'equal', value: 'SKU-A' }]),
        event: {
          type: 'volumeBreaks',
          params: {
            breaks: [
              { minQty: 10, percent: 5 },
              { minQty: 50, percent: 10 },
              { minQty: 100, price: '8.00' },
            ],
          },
        },
      },
    ])
    const at = (qty: number) => quote(input({}, [['SKU-A', qty]]), rs, b).lines[0]!
    expect(at(9)).toMatchObject({ unitPrice: '10.00', rules: [] })
    expect(at(10)).toMatchObject({ unitPrice: '9.50', rules: ['breaks'], lineTotal: '95.00' })
    expect(at(49).unitPrice).toBe('9.50')
    expect(at(50).unitPrice).toBe('9.00')
    expect(at(99).unitPrice).toBe('9.00')
    expect(at(100).unitPrice).toBe('8.00')
    expect(at(10).steps[1]).toMatchObject({ action: 'volumeBreak', from: '10.00', to: '9.50' })
  })

  it('volume breaks by sku units across split lines', () => {
    const rs = rules([
      {
        name: 'sku-breaks',
        conditions: all(),
        event: { type: 'volumeBreaks', params: { basis: 'sku', breaks: [{ minQty: 10, amount: '1.00' }] } },
      },
    ])
    const r = quote(
      input({}, [
        ['SKU-A', 6],
        ['SKU-A', 4],
      ]),
      rs,
      b,
    )
    expect(r.lines.map((l) => l.unitPrice)).toEqual(['9.00', '9.00'])
  })

  it('applies markups and discounts in priority order, then the ending, each step explained', () => {
    const rs = rules([
      {
        name: 'disc',
        priority: 5,
        conditions: all(),
        event: { type: 'discount', params: { amount: '1.00' } },
      },
      { name: 'markup', priority: 10, conditions: all(), event: { type: 'markup', params: { percent: 20 } } },
      { name: 'end99', conditions: all(), event: { type: 'round', params: { ending: '.99' } } },
    ])
    const r = quote(input(), rs, b).lines[0]!
    // 10.00 × 1.2 = 12.00, − 1.00 = 11.00, → 11.99
    expect(r.unitPrice).toBe('11.99')
    expect(r.rules).toEqual(['markup', 'disc', 'end99'])
    expect(r.steps.map((s) => [s.action, s.from, s.to])).toEqual([
      ['priceList', null, '10.00'],
      ['markup', '10.00', '12.00'],
      ['discount', '12.00', '11.00'],
      ['round', '11.00', '11.99'],
    ])
  })

  it('rounds in NZD, JPY and KWD with their own exponents', () => {
    const lists = book(
      [
        list('nzd', 'NZD', { 'SKU-A': '12.34' }),
        list('jpy', 'JPY', { 'SKU-A': '1234' }),
        list('kwd', 'KWD', { 'SKU-A': '3.456' }),
      ],
      {},
    )
    const rs = rules([
      { name: 'off7', conditions: all(), event: { type: 'discount', params: { percent: 7.5 } } },
      {
        name: 'jpy-99',
        priority: 2,
        conditions: all([{ fact: 'order.currency', operator: 'equal', value: 'JPY' }]),
        event: { type: 'round', params: { ending: '99', every: '100' } },
      },
      {
        name: 'end95',
        conditions: all(),
        event: { type: 'round', params: { ending: '.95', direction: 'nearest' } },
      },
    ])
    // NZD: 12.34 × 0.925 = 11.4145 → 11.41 (half to even); nearest .95: 10.95 is 0.46 away, 11.95 0.54
    const nzd = quote(input({ currency: 'NZD' }), rs, lists).lines[0]!
    expect(nzd.steps.find((s) => s.action === 'discount')!.to).toBe('11.41')
    expect(nzd.unitPrice).toBe('10.95')
    // JPY: 1234 × 0.925 = 1141.45 → 1141, then the JPY rule (higher priority) → 1199
    const jpy = quote(input({ currency: 'JPY' }), rs, lists).lines[0]!
    expect(jpy.steps.find((s) => s.action === 'discount')!.to).toBe('1141')
    expect(jpy.unitPrice).toBe('1199')
    // Listed in the order they applied (discounts before endings), not by priority.
    expect(jpy.rules).toEqual(['off7', 'jpy-99'])
    // KWD: 3.456 × 0.925 = 3.1968 → 3.197, nearest .950 → 2.950 (0.247) vs 3.950 (0.753) → 2.950
    const kwd = quote(input({ currency: 'KWD' }), rs, lists).lines[0]!
    expect(kwd.steps.find((s) => s.action === 'discount')!.to).toBe('3.197')
    expect(kwd.unitPrice).toBe('2.950')
    // '.99' has no meaning in JPY: left alone, with a warning.
    const only99 = rules([
      { name: 'end99', conditions: all(), event: { type: 'round', params: { ending: '.99' } } },
    ])
    const j = quote(input({ currency: 'JPY' }), only99, lists).lines[0]!
    expect(j.unitPrice).toBe('1234')
    expect(j.warnings[0]).toContain('cannot be written in JPY')
  })

  it('the floor stops a rule from selling under cost plus margin', () => {
    const rs = rules([
      { name: 'clearance', conditions: all(), event: { type: 'discount', params: { percent: 50 } } },
      {
        name: 'end99',
        conditions: all(),
        event: { type: 'round', params: { ending: '.99', direction: 'down' } },
      },
      { name: 'floor-20', conditions: all(), event: { type: 'floor', params: { minMarginPercent: 20 } } },
    ])
    const [a, bLine] = quote(
      input({}, [
        ['SKU-A', 1],
        ['SKU-B', 1],
      ]),
      rs,
      b,
    ).lines
    // SKU-A: 10.00 → 5.00 → 4.99; floor 6.00 + 1.20 = 7.20 → raised, then up to 7.99
    expect(a).toMatchObject({ unitPrice: '7.99', rules: ['clearance', 'end99', 'floor-20'], cost: '6.00' })
    expect(a!.steps.at(-1)).toMatchObject({ action: 'floor', from: '4.99', to: '7.99' })
    // SKU-B: 40.00 → 20.00 → 19.99; floor 35 + 7 = 42.00 → 42.99
    expect(bLine!.unitPrice).toBe('42.99')
    // Without the floor the discount would have sold under cost.
    const loose = rules([
      { name: 'clearance', conditions: all(), event: { type: 'discount', params: { percent: 50 } } },
    ])
    expect(quote(input(), loose, b).lines[0]!.unitPrice).toBe('5.00')
    // A price above the floor is left alone.
    const fine = rules([
      { name: 'floor-20', conditions: all(), event: { type: 'floor', params: { minMarginPercent: 20 } } },
    ])
    expect(quote(input(), fine, b).lines[0]).toMatchObject({ unitPrice: '10.00', rules: [] })
  })

  it('floor by amount and no cost: a warning, not a guess', () => {
    const rs = rules([
      { name: 'deep', conditions: all(), event: { type: 'discount', params: { amount: '9.00' } } },
      {
        name: 'floor-amt',
        conditions: all(),
        event: { type: 'floor', params: { minMarginPercent: 1, minMarginAmount: '2.50' } },
      },
    ])
    expect(quote(input(), rs, b).lines[0]!.unitPrice).toBe('8.50')
    const noCost = book([list('retail', 'NZD', { 'SKU-Z': '10.00' })])
    const z = quote(input({}, [['SKU-Z', 1]]), rs, noCost).lines[0]!
    expect(z.unitPrice).toBe('1.00')
    expect(z.warnings[0]).toContain('no cost for SKU-Z')
  })

  it('line rules see line facts; order rules see customer facts', () => {
    const rs = rules([
      {
        name: 'hazmat-surcharge',
        conditions: all([{ fact: 'line.hazmat', operator: 'equal', value: true }]),
        event: { type: 'markup', params: { amount: '2.00' } },
      },
      {
        name: 'wholesale',
        conditions: all([{ fact: 'customer.segment', operator: 'equal', value: 'wholesale' }]),
        event: { type: 'discount', params: { percent: 10 } },
      },
    ])
    const r = quote(
      {
        ...input({ customer: { id: 'w', tier: null, segment: 'wholesale' } }),
        lines: [
          { sku: 'SKU-A', quantity: 1, product: product('SKU-A', { hazmat: true }) },
          { sku: 'SKU-B', quantity: 1, product: product('SKU-B') },
        ],
      },
      rs,
      b,
    )
    expect(r.lines.map((l) => [l.unitPrice, l.rules])).toEqual([
      ['10.80', ['hazmat-surcharge', 'wholesale']],
      ['36.00', ['wholesale']],
    ])
  })

  it('is deterministic', () => {
    const rs = rules([
      { name: 'a', conditions: all(), event: { type: 'discount', params: { amount: '0.50' } } },
      { name: 'b', conditions: all(), event: { type: 'markup', params: { percent: 3 } } },
    ])
    const first = JSON.stringify(quote(input({}, [['SKU-A', 3]]), rs, b))
    for (let i = 0; i < 5; i++) expect(JSON.stringify(quote(input({}, [['SKU-A', 3]]), rs, b))).toBe(first)
  })
})

describe('pricing validation', () => {
  it('names the rule and field for unknown facts, bad operators and bad params', () => {
    const r = validatePricingRules(
      [
        {
          name: 'r1',
          conditions: { all: [{ fact: 'location.id', operator: 'equal', value: 'akl' }] },
          event: { type: 'discount', params: { percent: 5 } },
        },
        {
          name: 'r2',
          conditions: { all: [{ fact: 'line.quantity', operator: 'equal', value: 'ten' }] },
          event: { type: 'markup', params: {} },
        },
        {
          name: 'r3',
          conditions: { all: [] },
          event: { type: 'round', params: { ending: '1.50', every: '1' } },
        },
        {
          name: 'r4',
          conditions: { all: [] },
          event: { type: 'priceList', params: { priceListId: 'nope' } },
        },
        { name: 'r5', conditions: { all: [] }, event: { type: 'hold', params: {} } },
      ],
      { locations: [], priceLists: ['retail'] },
    )
    expect(r.valid).toBe(false)
    expect(r.errors.map((e) => [e.rule, e.code])).toEqual([
      ['r1', 'UNKNOWN_FACT'],
      ['r2', 'VALUE_TYPE_MISMATCH'],
      ['r2', 'INVALID_ACTION'],
      ['r3', 'INVALID_ACTION'],
      ['r4', 'UNKNOWN_PRICE_LIST'],
      ['r5', 'UNKNOWN_ACTION'],
    ])
    expect(r.errors[0]!.field).toBe('rules[0].conditions.all[0].fact')
  })
})

describe('quote: a rule naming a list that is gone', () => {
  it('falls back to the best matching list and says why', () => {
    const rs = compilePricing([
      {
        name: 'gone',
        conditions: { all: [] },
        event: { type: 'priceList', params: { priceListId: 'deleted' } },
      },
    ])
    const r = quote(input(), rs, book([list('retail', 'NZD', { 'SKU-A': '10.00' })])).lines[0]!
    expect(r).toMatchObject({ unitPrice: '10.00', priceListId: 'retail', rules: [] })
    expect(r.warnings).toEqual(['rule gone: price list deleted does not exist'])
  })

  it('says when the list a rule chose holds no price for the sku, and prices from the best list', () => {
    const rs = compilePricing([
      {
        name: 'wholesale-rule',
        conditions: { all: [] },
        event: { type: 'priceList', params: { priceListId: 'wholesale' } },
      },
    ])
    const r = quote(
      input(),
      rs,
      book([list('retail', 'NZD', { 'SKU-A': '10.00' }), list('wholesale', 'NZD', { 'SKU-B': '6.00' })]),
    ).lines[0]!
    expect(r).toMatchObject({ unitPrice: '10.00', priceListId: 'retail', rules: [] })
    expect(r.warnings).toEqual(["rule wholesale-rule: price list 'wholesale' holds no price for SKU-A"])
  })
})
