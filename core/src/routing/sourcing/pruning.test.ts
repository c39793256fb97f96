import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { RuleProperties } from '../../rules/rule-types'
import type { RoutingPlan } from '../router'
import { compileRuleSet } from './compiled-rule-set'
import { decide } from './decide'
import { build, RULES, thousandLocations, worlds } from './testing/random-world'

/**
 * The compact engine intake runs scores only the locations holding stock for a line of the order
 * and looks up rules on fixed location facts; the exhaustive one scores every location and tests
 * every rule at each. On random networks of 10 to 2,000 locations, random stock (sparse to dense),
 * rules, strategies, splits, capacity and rejected locations, both must choose the same plan at
 * the same score, and say it in the same words.
 */

/**
 * The same rules with every fixed-fact location rule given a condition that always holds but reads
 * a per-order fact, so those rules are tested at each candidate instead of looked up.
 */
const FIXED = new Set([
  'location.id',
  'location.type',
  'location.tags',
  'location.country',
  'location.priority',
])
const DYNAMIC_TWIN: RuleProperties[] = RULES.map((r) => {
  const leaves = (r.conditions as { all?: { fact: string }[] }).all
  if (!leaves?.length || !leaves.every((c) => FIXED.has(c.fact))) return r
  return {
    ...r,
    conditions: {
      all: [...leaves, { fact: 'location.distanceKm', operator: 'greaterThanInclusive', value: 0 }],
    },
  } as RuleProperties
})

/** What must not differ: the plan, its score, and the words. */
function outcome(p: RoutingPlan) {
  const d = p.details as Record<string, unknown>
  return {
    assignments: p.assignments,
    unfilled: p.unfilled,
    hold: p.hold,
    strategy: p.strategy,
    shipments: p.shipments,
    promiseDate: p.promiseDate,
    unfillable: p.unfillable,
    serviceLevel: p.serviceLevel,
    summary: p.summary,
    optimiser: d.optimiser,
    // A compact decision leaves out a strategy's rule when it is named as the strategy is.
    strategies: (d.strategies as { id: string; rule?: string }[]).map((t) => ({
      ...t,
      rule: t.rule ?? t.id,
    })),
    split: d.split,
    // A compact decision leaves out the criteria that cost nothing.
    chosenScores: p.candidates
      .filter((c) => c.chosen)
      .map((c) => [c.locationId, Object.entries(c.score ?? {}).filter(([, v]) => v !== 0)]),
  }
}

describe('pruned sourcing decisions (issue 21)', () => {
  it('choose exactly what the exhaustive engine chooses, at the same score', () => {
    fc.assert(
      fc.property(worlds, (w) => {
        const { req, lanes, rules } = build(w)
        const settings = { settings: { timezone: 'Pacific/Auckland' } }
        const ruleSet = compileRuleSet(rules, settings)
        const tested = compileRuleSet(DYNAMIC_TWIN.slice(0, rules.length), settings)
        const full = decide(req, { ruleSet: tested, lanes }, 'full')
        const compact = decide(req, { ruleSet, lanes }, 'compact')
        expect(outcome(compact)).toEqual(outcome(full))
        expect(full.candidates).toHaveLength(req.locations.length)
      }),
      { numRuns: 150 },
    )
  })

  it('list the chosen and the best alternatives, and count the rest', () => {
    const { req, lanes } = build(thousandLocations())
    const ruleSet = compileRuleSet(RULES, { settings: { timezone: 'Pacific/Auckland' } })
    const plan = decide(req, { ruleSet, lanes }, 'compact')
    const d = plan.details as {
      trace: string
      counts: { locations: number; holdingStock: number; rankedLower: number }
      excluded: Record<string, number>
      excludedNamed: Record<string, string[]>
    }
    expect(d.trace).toBe('compact')
    expect(d.counts.locations).toBe(1_000)
    const chosen = plan.candidates.filter((c) => c.chosen)
    expect(chosen.length).toBeGreaterThan(0)
    expect(plan.candidates.length - chosen.length).toBeLessThanOrEqual(3)
    const excluded = Object.values(d.excluded).reduce((n, k) => n + k, 0)
    expect(chosen.length + (plan.candidates.length - chosen.length) + d.counts.rankedLower + excluded).toBe(
      d.counts.holdingStock,
    )
    expect(Object.keys(d.excludedNamed).length).toBeLessThanOrEqual(3)
    for (const [rule, ids] of Object.entries(d.excludedNamed))
      expect(ids.length).toBeLessThanOrEqual(Math.min(3, d.excluded[rule]!))
    expect(JSON.stringify({ candidates: plan.candidates, ...plan.details }).length).toBeLessThan(2_500)
  })
})
