import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ProductFacts } from '../catalog/facts'
import { evaluateWithEngine } from '../rules/jre-reference'
import type { Condition, RuleProperties } from '../rules/rule-types'
import { compilePricing } from './compiled-pricing'
import { PriceBook } from './price-book'
import { firedRules, type QuoteInput } from './quote'
import { validatePricingRules } from './validate-pricing'

/**
 * Differential test: random pricing rules (order, customer and line facts; nested all/any/not)
 * over random quotes. The rules the compiled closures fire for each line must be exactly the rules
 * json-rules-engine fires on the same flat facts (a fresh Engine per run, never shared).
 */
const SKUS = ['A', 'B', 'C']
const CATEGORIES = ['tees', 'shells', null]

const leaf: fc.Arbitrary<Condition> = fc.oneof(
  fc.record({
    fact: fc.constantFrom('order.channel'),
    operator: fc.constantFrom('equal', 'notEqual'),
    value: fc.constantFrom('web', 'portal'),
  }),
  fc.record({
    fact: fc.constantFrom('customer.tier', 'customer.segment'),
    operator: fc.constantFrom('in', 'notIn'),
    value: fc.subarray(['gold', 'silver', 'wholesale', 'retail']),
  }),
  fc.record({
    fact: fc.constantFrom('line.quantity', 'order.unitCount', 'line.skuUnits', 'order.lineCount'),
    operator: fc.constantFrom(
      'lessThan',
      'lessThanInclusive',
      'greaterThan',
      'greaterThanInclusive',
      'equal',
    ),
    value: fc.integer({ min: 0, max: 12 }),
  }),
  fc
    .record({
      fact: fc.constantFrom('line.sku'),
      operator: fc.constantFrom('equal', 'in', 'notIn'),
      value: fc.constantFrom<unknown>('A', 'B', ['A', 'C'], ['B']),
    })
    .map((c) => ({
      ...c,
      operator: Array.isArray(c.value) ? (c.operator === 'notIn' ? 'notIn' : 'in') : 'equal',
    })),
  fc.record({
    fact: fc.constantFrom('line.hazmat', 'customer.hasContract', 'order.hasHazmat'),
    operator: fc.constantFrom('equal', 'notEqual'),
    value: fc.boolean(),
  }),
  fc.record({
    fact: fc.constantFrom('order.skus', 'order.categories', 'order.tags', 'order.productTags', 'line.tags'),
    operator: fc.constantFrom('contains', 'doesNotContain'),
    value: fc.constantFrom('A', 'B', 'tees', 'vip', 'fragile'),
  }),
) as fc.Arbitrary<Condition>

const condition: fc.Arbitrary<Condition> = fc.letrec<{ c: Condition }>((tie) => ({
  c: fc.oneof(
    { arbitrary: leaf, weight: 4 },
    fc.record({ all: fc.array(tie('c'), { maxLength: 3 }) }),
    fc.record({ any: fc.array(tie('c'), { maxLength: 3 }) }),
    fc.record({ not: tie('c') }),
  ),
})).c

const rules: fc.Arbitrary<RuleProperties[]> = fc
  .array(
    fc.record({
      priority: fc.integer({ min: 1, max: 4 }),
      top: fc.constantFrom('all', 'any'),
      conditions: fc.array(condition, { maxLength: 3 }),
      percent: fc.integer({ min: 0, max: 30 }),
    }),
    { minLength: 1, maxLength: 12 },
  )
  .map((rs) =>
    rs.map((r, i) => ({
      name: `r${i}`,
      priority: r.priority,
      conditions: (r.top === 'all'
        ? { all: r.conditions }
        : { any: r.conditions }) as RuleProperties['conditions'],
      event: { type: 'discount', params: { percent: r.percent } },
    })),
  )

const product = (sku: string, i: number): ProductFacts => ({
  sku,
  name: sku,
  category: CATEGORIES[i % 3]!,
  hazmat: i % 2 === 0,
  highValue: false,
  weightGrams: null,
  attributes: {},
  tags: i % 2 === 1 ? ['fragile'] : [],
})

const quoteArb: fc.Arbitrary<QuoteInput> = fc
  .record({
    channel: fc.constantFrom('web', 'portal'),
    customer: fc.option(
      fc.record({
        id: fc.constantFrom('c1', 'c2'),
        tier: fc.constantFrom('gold', 'silver', null),
        segment: fc.constantFrom('wholesale', 'retail', null),
      }),
    ),
    currency: fc.constant('NZD'),
    at: fc.constant(Date.parse('2026-11-20T10:00:00Z')),
    lines: fc.array(
      fc.record({ sku: fc.constantFrom(...SKUS), quantity: fc.integer({ min: 1, max: 8 }), i: fc.nat(5) }),
      { minLength: 1, maxLength: 4 },
    ),
    tags: fc.subarray(['vip', 'b2b']),
  })
  .map((q) => ({
    ...q,
    lines: q.lines.map((l) => ({ sku: l.sku, quantity: l.quantity, product: product(l.sku, l.i) })),
  }))

const book = new PriceBook(1, [], new Map(), [])

describe('pricing rules: compiled closures against json-rules-engine', () => {
  it('fire the same rules for every line', async () => {
    let fired = 0
    let quiet = 0
    await fc.assert(
      fc.asyncProperty(rules, quoteArb, async (rs, q) => {
        expect(validatePricingRules(rs).errors).toEqual([])
        const compiled = compilePricing(rs)
        for (const line of firedRules(q, compiled, book)) {
          const reference = await evaluateWithEngine(rs, line.facts)
          expect([...line.names].sort()).toEqual(reference.map((e) => e.name).sort())
          fired += line.names.length
          quiet += rs.length - line.names.length
        }
      }),
      { numRuns: 300 },
    )
    // Both outcomes are well represented, or the comparison would prove little.
    expect(fired).toBeGreaterThan(200)
    expect(quiet).toBeGreaterThan(200)
  })

  it('lists the rules in application order: priority high to low, then as written', () => {
    const rs: RuleProperties[] = [
      {
        name: 'low',
        priority: 1,
        conditions: { all: [] },
        event: { type: 'discount', params: { percent: 1 } },
      },
      {
        name: 'high',
        priority: 9,
        conditions: { all: [] },
        event: { type: 'discount', params: { percent: 1 } },
      },
      {
        name: 'low2',
        priority: 1,
        conditions: { any: [] },
        event: { type: 'markup', params: { percent: 1 } },
      },
    ]
    const [line] = firedRules(
      {
        channel: 'web',
        customer: null,
        currency: 'NZD',
        at: 0,
        lines: [{ sku: 'A', quantity: 1, product: product('A', 0) }],
      },
      compilePricing(rs),
      book,
    )
    expect(line!.names).toEqual(['high', 'low', 'low2'])
  })
})
