import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { RoutingPlan } from './router'
import { compileRuleSet } from './sourcing/compiled-rule-set'
import { decide } from './sourcing/decide'
import { build, RULES, thousandLocations, worlds } from './sourcing/testing/random-world'
import { decisionJson, readDecision } from './stored-decision'

const settings = { settings: { timezone: 'Pacific/Auckland' } }

/** The columns as they were written before format 2 (and are still read): the plan and explanation as decided. */
function asDecided(p: RoutingPlan): { plan: unknown; explanation: unknown } {
  return JSON.parse(
    JSON.stringify({
      plan: {
        assignments: p.assignments,
        unfilled: p.unfilled,
        hold: p.hold ?? null,
        shipments: p.shipments ?? [],
        promiseDate: p.promiseDate ?? null,
        unfillable: p.unfillable ?? null,
        serviceLevel: p.serviceLevel ?? null,
      },
      explanation: { candidates: p.candidates, ...p.details },
    }),
  )
}

const bytes = ([plan, explanation]: [string, string]) =>
  Buffer.byteLength(plan) + Buffer.byteLength(explanation)

describe('the stored decision (format 2, issue 21)', () => {
  it('reads back exactly what was decided, on random networks, orders and rules', () => {
    fc.assert(
      fc.property(worlds, fc.boolean(), (w, hold) => {
        const { req, lanes, rules } = build(w)
        const held = hold
          ? [
              ...rules,
              {
                name: 'review',
                conditions: { all: [{ fact: 'order.total', operator: 'greaterThan', value: 50_000 }] },
                event: { type: 'hold', params: { reason: 'big order' } },
              },
            ]
          : rules
        const plan = decide(
          req,
          { ruleSet: compileRuleSet(held as typeof rules, settings), lanes },
          'compact',
        )
        const [planColumn, explanationColumn] = decisionJson(plan)
        // SQLite hands back text, PostgreSQL parsed JSON: both read the same.
        expect(readDecision(planColumn, explanationColumn)).toEqual(asDecided(plan))
        expect(readDecision(JSON.parse(planColumn), JSON.parse(explanationColumn))).toEqual(asDecided(plan))
        if ((plan.details as { trace?: string }).trace === 'compact')
          expect(JSON.parse(explanationColumn)).toMatchObject({ v: 2 })
      }),
      { numRuns: 60 },
    )
  })

  it('reads rows written before it, and full traces, as they were stored', () => {
    const { req, lanes } = build({
      seed: 11,
      locations: 40,
      density: 0.3,
      lines: 2,
      express: false,
      tags: [],
      total: 5_000,
      ruleCount: RULES.length,
      ledger: true,
      rejected: 1,
    })
    const ruleSet = compileRuleSet(RULES, settings)
    for (const trace of ['full', 'compact'] as const) {
      const old = asDecided(decide(req, { ruleSet, lanes }, trace))
      expect(readDecision(JSON.stringify(old.plan), JSON.stringify(old.explanation))).toEqual(old)
    }
    // A full trace is stored as it is, not in format 2.
    const full = decide(req, { ruleSet, lanes }, 'full')
    expect(decisionJson(full).map((c) => JSON.parse(c))).toEqual([
      asDecided(full).plan,
      asDecided(full).explanation,
    ])
  })

  it('stores a 3-line decision at 1,000 locations in under two thirds of the bytes it took as decided', () => {
    const { req, lanes } = build(thousandLocations())
    const plan = decide(req, { ruleSet: compileRuleSet(RULES, settings), lanes }, 'compact')
    const before = asDecided(plan)
    const stored = bytes(decisionJson(plan))
    expect(stored).toBeLessThan(
      bytes([JSON.stringify(before.plan), JSON.stringify(before.explanation)]) * 0.65,
    )
  })
})
