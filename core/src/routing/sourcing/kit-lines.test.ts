import { describe, expect, it } from 'vitest'
import type { RuleProperties } from '../../rules/rule-types'
import { validateRules } from '../../rules/validate'
import { compileRuleSet } from './compiled-rule-set'
import { RULES, request, run } from './testing/decide-world'

const GIFT = { components: [{ sku: 'TEE', quantity: 2 }] }

describe('kit lines in sourcing', () => {
  it('ships a kit line whole from one location, where an ordinary line would split', () => {
    // Wellington (nearest) can make 1 set, Auckland 2: the line of 2 sets goes to Auckland alone.
    const stock = { 'GIFT@wlg': 1, 'GIFT@akl': 2, 'TEE@wlg': 1, 'TEE@akl': 2 }
    const kit = run(request([{ sku: 'GIFT', quantity: 2, product: GIFT }], stock))
    expect(kit.assignments.map((a) => [a.locationId, a.quantity])).toEqual([['akl', 2]])
    const plain = run(request([{ sku: 'TEE', quantity: 3 }], stock))
    expect(plain.assignments.length).toBe(2)
  })

  it('backorders a kit line no single location can make, rather than splitting it', () => {
    const plan = run(request([{ sku: 'GIFT', quantity: 3, product: GIFT }], { 'GIFT@wlg': 2, 'GIFT@akl': 2 }))
    expect(plan.assignments).toEqual([])
    expect(plan.unfilled).toEqual([expect.objectContaining({ lineId: 'l1', quantity: 3 })])
  })

  it('lets rules test line.isKit', () => {
    const rules: RuleProperties[] = [
      {
        name: 'n-kits-from-akl',
        conditions: { all: [{ name: 'c-kit', fact: 'line.isKit', operator: 'equal', value: true }] },
        event: { type: 'exclude', params: { locations: ['wlg'] } },
      },
      ...RULES,
    ]
    expect(validateRules(rules).errors).toEqual([])
    const rs = compileRuleSet(rules, { versionId: 'v2', settings: { timezone: 'Pacific/Auckland' } })
    const stock = { 'GIFT@wlg': 5, 'GIFT@akl': 5, 'TEE@wlg': 5, 'TEE@akl': 5 }
    expect(
      run(request([{ sku: 'GIFT', quantity: 1, product: GIFT }], stock), rs).assignments[0]!.locationId,
    ).toBe('akl')
    expect(run(request([{ sku: 'TEE', quantity: 1 }], stock), rs).assignments[0]!.locationId).toBe('wlg')
  })
})
