import { describe, expect, it } from 'vitest'
import { compilePricing } from '../pricing/compiled-pricing'
import { validatePricingRules } from '../pricing/validate-pricing'
import { compileRuleSet } from '../routing/sourcing/compiled-rule-set'
import type { JsonValue, RuleProperties } from './rule-types'
import { validateRules } from './validate'

const rule = (type: string, params: Record<string, JsonValue>, name = 'r1'): RuleProperties => ({
  name,
  conditions: { all: [] },
  event: { type, params },
})

describe('action params are checked against their schema, naming the field', () => {
  it.each([
    ['restrict', { tags: ['secure'], bogus: 1 }, 'rules[1].event.params.bogus'],
    ['exclude', { reasn: 'typo' }, 'rules[1].event.params.reasn'],
    ['split', { policy: 'never', maxShipment: 2 }, 'rules[1].event.params.maxShipment'],
    ['strategy', { id: 's', split: { policy: 'never', max: 1 } }, 'rules[1].event.params.split.max'],
    ['strategy', { id: 's', filters: { country: 'NZ' } }, 'rules[1].event.params.filters.country'],
    ['strategy', { id: 's', criteria: { speed: 3 } }, 'rules[1].event.params.criteria.speed'],
    ['unfillable', { action: 'backorder', after: 3 }, 'rules[1].event.params.after'],
    ['hold', { reason: 'x', note: 'y' }, 'rules[1].event.params.note'],
  ])('sourcing %s with an unknown key', (type, params, field) => {
    const report = validateRules([rule('strategy', { id: 'first' }, 'r0'), rule(type, params)])
    expect(report.valid).toBe(false)
    expect(report.errors).toContainEqual(
      expect.objectContaining({ code: 'INVALID_ACTION', rule: 'r1', field, message: expect.any(String) }),
    )
  })

  it.each([
    ['restrict', { tags: 'secure' }, 'rules[0].event.params.tags'],
    ['prefer', { bonus: '0.5' }, 'rules[0].event.params.bonus'],
    ['split', { policy: 'sometimes' }, 'rules[0].event.params.policy'],
    ['weight', { criterion: 'shippingCost', factor: 'x' }, 'rules[0].event.params.factor'],
  ])('sourcing %s with a wrongly typed value', (type, params, field) => {
    const report = validateRules([rule(type, params, 'r0')])
    expect(report.errors).toContainEqual(expect.objectContaining({ code: 'INVALID_ACTION', field }))
  })

  it.each([
    ['priceList', { priceListId: 'p', list: 'q' }, 'rules[0].event.params.list'],
    ['markup', { percent: 5, pct: 5 }, 'rules[0].event.params.pct'],
    ['volumeBreaks', { breaks: [{ minQty: 2, percent: 5, max: 9 }] }, 'rules[0].event.params.breaks[0].max'],
    ['round', { ending: '.99', dir: 'up' }, 'rules[0].event.params.dir'],
    ['floor', { minMarginPercent: 5, bogus: true }, 'rules[0].event.params.bogus'],
  ])('pricing %s with an unknown key', (type, params, field) => {
    const report = validatePricingRules([rule(type, params, 'r0')])
    expect(report.valid).toBe(false)
    expect(report.errors).toContainEqual(
      expect.objectContaining({ code: 'INVALID_ACTION', rule: 'r0', field }),
    )
  })

  it('well-formed params of every action stay valid', () => {
    const sourcing = [
      rule(
        'strategy',
        { id: 's', split: { policy: 'allowed', maxShipments: 2 }, filters: { tags: ['a'] } },
        'a',
      ),
      rule('restrict', { tags: ['a'], reason: 'why' }, 'b'),
      rule('split', { policy: 'never', strategies: ['s'], nodeId: 'n' }, 'c'),
      rule('unfillable', { action: 'cancelAfter', days: 3 }, 'd'),
    ]
    expect(validateRules(sourcing).errors).toEqual([])
    expect(validatePricingRules([rule('markup', { percent: 5, reason: 'x' })]).errors).toEqual([])
  })

  it('a version published before the strict check still compiles; the unknown key has no effect', () => {
    const legacy = [rule('strategy', { id: 's', legacy: true, split: { policy: 'never', old: 1 } })]
    const set = compileRuleSet(legacy)
    expect(set.order[0]!.action.params).toEqual({ id: 's', split: { policy: 'never' } })
    const pricing = compilePricing([rule('markup', { percent: 5, legacy: 1 })])
    expect(pricing).toBeDefined()
    // Anything else wrong still refuses to compile.
    expect(() => compileRuleSet([rule('split', { policy: 'sometimes' })])).toThrow()
  })
})
