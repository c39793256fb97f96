import { describe, expect, it } from 'vitest'
import { validatePricingRules } from '../pricing/validate-pricing'
import { validateRules } from './validate'

describe('rule set shape errors, sourcing and pricing alike', () => {
  const broken = [
    { name: 'fine-rule', conditions: { all: [] }, event: { type: 'hold', params: { reason: 'x' } } },
    { name: 'no-event', conditions: { all: [] } },
    { conditions: { all: [] }, event: { type: '' } },
  ]

  it.each([
    ['sourcing', validateRules],
    ['pricing', validatePricingRules],
  ] as const)('%s: names the rule and the field of each problem', (_kind, validate) => {
    const report = validate(broken)
    expect(report.valid).toBe(false)
    expect(report.errors).toEqual([
      expect.objectContaining({ code: 'INVALID_SHAPE', rule: 'no-event', field: 'rules[1].event' }),
      expect.objectContaining({ code: 'INVALID_SHAPE', rule: 'rule[2]', field: 'rules[2].event.type' }),
    ])
  })

  it.each([
    ['sourcing', validateRules],
    ['pricing', validatePricingRules],
  ] as const)('%s: something that is not a list of rules is refused as a whole', (_kind, validate) => {
    expect(validate({ rules: [] }).errors).toEqual([
      expect.objectContaining({ code: 'INVALID_SHAPE', rule: '(rules)', field: 'rules' }),
    ])
  })
})
