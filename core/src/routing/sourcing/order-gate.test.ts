import { describe, expect, it } from 'vitest'
import type { RuleProperties } from '../../rules/rule-types'
import { compileRuleSet } from './compiled-rule-set'
import { decide } from './decide'
import { lanes, request } from './testing/decide-world'

const rules = (...rs: RuleProperties[]) => compileRuleSet(rs, { settings: { timezone: 'Pacific/Auckland' } })
const both = (req: ReturnType<typeof request>, ruleSet: ReturnType<typeof rules>) =>
  (['compact', 'full'] as const).map((trace) => decide(req, { ruleSet, lanes }, trace))

describe('location rules with order conditions, and location.fillShare', () => {
  // Express orders may ship only from within 100 km (Wellington); the condition on the order fails
  // for a standard one, so the restriction holds nowhere and blocks every location.
  const nearForExpress = rules({
    name: 'near-for-express',
    conditions: {
      all: [
        { fact: 'order.serviceLevel', operator: 'equal', value: 'express' },
        { fact: 'location.distanceKm', operator: 'lessThan', value: 100 },
      ],
    },
    event: { type: 'restrict', params: {} },
  } as RuleProperties)
  const stock = { 'A@akl': 5, 'A@wlg': 5, 'A@chc': 5 }

  it('a restriction whose order conditions fail blocks every location, compact as in full', () => {
    const [compact, full] = both(request([{ sku: 'A', quantity: 1 }], stock), nearForExpress)
    for (const plan of [compact!, full!]) {
      expect(plan.assignments).toEqual([])
      expect(plan.unfilled).toEqual([{ lineId: 'l1', sku: 'A', quantity: 1 }])
    }
    expect(compact!.details!.excluded).toEqual({ 'near-for-express': 3 })
  })

  it('and when they hold it tests each location, compact as in full', () => {
    const req = request([{ sku: 'A', quantity: 1 }], stock, { serviceLevel: 'express' })
    const [compact, full] = both(req, nearForExpress)
    for (const plan of [compact!, full!])
      expect(plan.assignments).toEqual([expect.objectContaining({ locationId: 'wlg' })])
    expect(compact!.details!.excluded).toEqual({ 'near-for-express': 2 })
  })

  it('reads location.fillShare, the share of the order a location holds', () => {
    const wholeOnly = rules({
      name: 'whole-only',
      conditions: { all: [{ fact: 'location.fillShare', operator: 'lessThan', value: 1 }] },
      event: { type: 'exclude', params: {} },
    } as RuleProperties)
    // akl holds both lines; wlg half the units (cheaper, nearer); chc none of the second line.
    const req = request(
      [
        { sku: 'A', quantity: 2 },
        { sku: 'B', quantity: 2 },
      ],
      { 'A@akl': 2, 'B@akl': 2, 'A@wlg': 2, 'B@wlg': 0, 'A@chc': 2, 'B@chc': 1 },
    )
    const [compact, full] = both(req, wholeOnly)
    for (const plan of [compact!, full!])
      expect(plan.assignments.map((a) => a.locationId)).toEqual(['akl', 'akl'])
    expect(compact!.details!.excluded).toEqual({ 'whole-only': 2 })
    const wlg = full!.candidates.find((c) => c.locationId === 'wlg')!
    expect(wlg.excluded?.conditions?.[0]).toMatchObject({ fact: 'location.fillShare', factValue: 0.5 })
  })
})
