import { describe, expect, it } from 'vitest'
import type { JsonValue, RuleProperties } from '../../rules/rule-types'
import { validateRules } from '../../rules/validate'
import type { RoutingRequest } from '../router'
import { compileRuleSet } from './compiled-rule-set'
import { request, run } from './testing/decide-world'

describe('split policy: a fired split rule wins over the strategy, the strictest rule over others', () => {
  // Tag-triggered split rules over one strategy that allows up to 3 shipments of any value.
  const splitRule = (name: string, tag: string, params: Record<string, JsonValue>): RuleProperties => ({
    name,
    conditions: { all: [{ fact: 'order.tags', operator: 'contains', value: tag }] },
    event: { type: 'split', params },
  })
  const rules: RuleProperties[] = [
    splitRule('ship-complete', 'complete', { policy: 'never' }),
    splitRule('max-2-shipments', 'two', { policy: 'allowed', maxShipments: 2 }),
    splitRule('max-4-shipments', 'four', { policy: 'allowed', maxShipments: 4 }),
    splitRule('min-15', 'min15', { policy: 'allowed', minShipmentValue: 15 }),
    splitRule('min-5', 'min5', { policy: 'allowed', minShipmentValue: 5 }),
    splitRule('other-only', 'other', { policy: 'never', strategies: ['other'] }),
    {
      name: 'n-anywhere',
      conditions: { all: [] },
      event: {
        type: 'strategy',
        params: {
          id: 'anywhere',
          label: 'Anywhere',
          fallback: true,
          split: { policy: 'allowed', maxShipments: 3 },
        },
      },
    },
  ]
  const rs = compileRuleSet(rules)
  // One sku per location: three lines can only ship whole as three shipments.
  const stock = { 'A@akl': 5, 'B@chc': 5, 'C@wlg': 5 }
  const lines = [
    { sku: 'A', quantity: 1 },
    { sku: 'B', quantity: 1 },
    { sku: 'C', quantity: 1 },
  ]
  const tagged = (tags: string[], extra: Partial<RoutingRequest> = {}) => {
    const req = request(lines, stock, extra)
    return run({ ...req, order: { ...req.order, tags } }, rs)
  }
  const locationsOf = (plan: ReturnType<typeof run>) => new Set(plan.assignments.map((a) => a.locationId))

  it('validates, and warns that the split rules may override the strategy', () => {
    const report = validateRules(rules)
    expect(report.errors).toEqual([])
    expect(report.warnings).toContainEqual(
      expect.objectContaining({
        code: 'SPLIT_OVERRIDDEN',
        rule: 'n-anywhere',
        field: 'rules[6].event.params.split',
        message: expect.stringContaining("'ship-complete'"),
      }),
    )
    // A rule scoped to another strategy does not override this one.
    const warning = report.warnings.find((w) => w.code === 'SPLIT_OVERRIDDEN')!
    expect(warning.message).not.toContain('other-only')
  })

  it('follows the strategy when no split rule fires', () => {
    const plan = tagged([])
    expect(plan.shipments).toHaveLength(3)
    expect(plan.details!.split).toMatchObject({ policy: 'allowed', maxShipments: 3, source: 'strategy' })
    expect(plan.summary).not.toMatch(/by rule/)
  })

  it('ships complete when a never rule fires, though the strategy allows splitting', () => {
    const plan = tagged(['complete'])
    expect(plan.shipments).toHaveLength(1)
    expect(plan.unfilled).toHaveLength(2)
    expect(plan.details!.split).toMatchObject({
      policy: 'never',
      maxShipments: 1,
      source: 'rule',
      rules: ['ship-complete'],
      overrides: { policy: 'allowed', maxShipments: 3 },
    })
    expect(plan.summary).toContain(
      "Ships complete (no split) by rule 'ship-complete'; overriding strategy 'Anywhere''s own split settings.",
    )
    expect(plan.summary).toMatch(/Backordered .*split policy/)
  })

  it('limits the split to the rule maximum, and the smallest of several maxima wins', () => {
    const two = tagged(['two'])
    expect(two.shipments).toHaveLength(2)
    expect(two.summary).toContain("Split limited to 2 shipments by rule 'max-2-shipments'")
    const both = tagged(['four', 'two'])
    expect(both.shipments).toHaveLength(2)
    expect(both.details!.split).toMatchObject({ maxShipments: 2, rules: ['max-2-shipments'] })
    // A looser rule still wins over the strategy: it is the more specific setting.
    const four = tagged(['four'])
    expect(four.details!.split).toMatchObject({ maxShipments: 4, source: 'rule' })
  })

  it('never beats any maximum', () => {
    const plan = tagged(['two', 'complete', 'four'])
    expect(locationsOf(plan).size).toBe(1)
    expect(plan.details!.split).toMatchObject({ policy: 'never', rules: ['ship-complete'] })
  })

  it('takes the largest minimum shipment value, keeping the strategy maximum the rule leaves out', () => {
    // Lines are worth 10.00 each: a minimum of 15 allows no shipment of one line.
    const plan = tagged(['min5', 'min15'])
    expect(plan.details!.split).toMatchObject({
      minShipmentValue: 15,
      maxShipments: 3,
      rules: ['min-15'],
    })
    expect(plan.shipments!.length).toBeLessThan(2)
    expect(tagged(['min5']).shipments).toHaveLength(3)
  })

  it('ignores a split rule scoped to another strategy', () => {
    const plan = tagged(['other'])
    expect(plan.shipments).toHaveLength(3)
    expect(plan.details!.split).toMatchObject({ source: 'strategy' })
  })

  it('counts shipments already sent against the maximum (re-routing)', () => {
    const plan = tagged(['two'], { shipmentsSoFar: 1 })
    expect(plan.shipments).toHaveLength(1)
    expect(plan.details!.split).toMatchObject({ maxShipments: 2, remaining: 1 })
    expect(plan.summary).toContain('1 shipment was already sent, so at most 1 more')
    const none = tagged(['complete'], { shipmentsSoFar: 1 })
    expect(none.assignments).toEqual([])
    expect(none.unfilled).toHaveLength(3)
    expect(none.summary).toContain('no more may be added')
  })
})
