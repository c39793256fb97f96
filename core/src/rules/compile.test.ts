import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compileRules, decisiveLeaves, evaluateCompiled, type Facts, traceCondition } from './compile'
import { evaluateWithEngine } from './jre-reference'
import { RuleIndex } from './rule-index'
import type { Condition, JsonValue, RuleProperties } from './rule-types'

/**
 * Differential tests: random rules over random facts, evaluated by the compiled closures and by
 * json-rules-engine itself; the fired rules must be the same on every case. Values are generated
 * within what the engine evaluates without throwing (lists where `in` needs a list, and so on):
 * that is the space the save-time validator admits.
 */
// A small shared domain most of the time, so facts and rule values often collide.
const scalar = fc.oneof(
  { arbitrary: fc.constantFrom(1, 2, 'a', 'b', true, null), weight: 5 },
  fc.integer({ min: -5, max: 5 }),
  fc.double({ min: -10, max: 10, noNaN: false }),
  fc.constantFrom('a', 'b', 'c', '3', '2.5', '12abc', ''),
  fc.boolean(),
  fc.constant(null),
)
const arrayValue = fc.array(scalar, { maxLength: 4 })
const factValue: fc.Arbitrary<unknown> = fc.oneof(
  scalar,
  arrayValue,
  fc.constant(undefined),
  fc.record({ n: scalar, tags: arrayValue, arr: arrayValue }, { noNullPrototype: true }),
)
const FACTS = ['n1', 'n2', 's1', 'a1', 'o1', 'missing']
const factsArb: fc.Arbitrary<Facts> = fc.record({
  n1: fc.oneof(fc.integer({ min: -5, max: 5 }), scalar),
  n2: factValue,
  s1: fc.constantFrom('a', 'b', 'c', '3', null, 1, 2),
  a1: fc.oneof(arrayValue, scalar),
  o1: factValue,
}) as fc.Arbitrary<Facts>

const COMPARISON = [
  'equal',
  'notEqual',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
]
const LIST = ['in', 'notIn']
const ARRAY = ['contains', 'doesNotContain']

const leafArb: fc.Arbitrary<Condition> = fc
  .record({
    fact: fc.constantFrom(...FACTS),
    base: fc.constantFrom(...COMPARISON, ...LIST, ...LIST, 'equal', ...ARRAY),
    factDecorator: fc.constantFrom('', '', '', '', 'someFact', 'everyFact'),
    valueDecorator: fc.constantFrom('', '', '', '', 'someValue', 'everyValue'),
    swap: fc.constantFrom(false, false, false, true),
    negate: fc.constantFrom(false, false, false, true),
    path: fc.constantFrom(undefined, '$.n', '$.tags', '$.arr[1]', '$.missing'),
    factRef: fc.option(fc.constantFrom('n1', 's1', 'missing'), { nil: undefined }),
    scalar,
    list: arrayValue,
    lists: fc.array(arrayValue, { minLength: 0, maxLength: 3 }),
    scalars: fc.array(scalar, { maxLength: 3 }),
    name: fc.option(fc.constantFrom('c-1', 'c-2', 'c-3'), { nil: undefined }),
    priority: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
  })
  .map((g) => {
    const isList = LIST.includes(g.base)
    // `swap` hands the fact to the operator as its value: only safe where any value is.
    const swap = g.swap && !isList && !g.valueDecorator
    const decorators = [g.negate ? 'not' : '', g.factDecorator, g.valueDecorator, swap ? 'swap' : ''].filter(
      Boolean,
    )
    let value: JsonValue | { fact: string }
    if (g.valueDecorator) value = isList ? (g.lists as JsonValue) : (g.scalars as JsonValue)
    else if (isList) value = g.list as JsonValue
    else if (g.factRef && COMPARISON.includes(g.base)) value = { fact: g.factRef }
    else value = g.scalar as JsonValue
    return {
      fact: g.fact,
      operator: [...decorators, g.base].join(':'),
      value,
      ...(g.path && g.fact === 'o1' ? { path: g.path } : {}),
      ...(g.name ? { name: g.name } : {}),
      ...(g.priority ? { priority: g.priority } : {}),
    } as Condition
  })

const conditionArb: fc.Arbitrary<Condition> = fc.letrec<{ node: Condition }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leafArb,
    fc.record({ all: fc.array(tie('node'), { maxLength: 4 }) }),
    fc.record({ any: fc.array(tie('node'), { maxLength: 4 }) }),
    fc.record({ not: tie('node') }),
  ),
})).node

const ruleArb = (i: number): fc.Arbitrary<RuleProperties> =>
  fc
    .record({
      top: fc.constantFrom('all', 'any', 'not'),
      // Mostly plain leaves at the top: the shape real rules have, and what the rule index keys on.
      children: fc.array(
        fc.oneof({ arbitrary: leafArb, weight: 3 }, { arbitrary: conditionArb, weight: 1 }),
        { maxLength: 4 },
      ),
      priority: fc.integer({ min: 1, max: 3 }),
    })
    .map(({ top, children, priority }) => ({
      name: `r-${i}`,
      priority,
      conditions:
        top === 'not'
          ? { not: children[0] ?? { all: [] } }
          : top === 'all'
            ? { all: children }
            : { any: children },
      event: { type: 'e', params: { i } },
    })) as fc.Arbitrary<RuleProperties>

const rulesArb = fc
  .integer({ min: 1, max: 6 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => ruleArb(i))))

const key = (e: { name: string; priority: number }) => `${String(10 - e.priority).padStart(2, '0')}:${e.name}`

describe('compiled rules against json-rules-engine', () => {
  it('fire exactly the same rules on every generated case', async () => {
    await fc.assert(
      fc.asyncProperty(
        rulesArb,
        fc.array(factsArb, { minLength: 1, maxLength: 3 }),
        async (rules, factSets) => {
          const compiled = compileRules(rules)
          const index = new RuleIndex(compiled)
          const keys = (list: readonly { name: string; priority: number }[]) =>
            list.map((r) => key({ name: r.name, priority: r.priority }))
          for (const facts of factSets) {
            const expected = (await evaluateWithEngine(rules, facts)).map(key).sort()
            expect(keys(evaluateCompiled(compiled, facts)).sort()).toEqual(expected)
            // The indexed, slot-based evaluation intake uses: same rules, same order.
            expect(keys(index.evaluate(facts))).toEqual(keys(evaluateCompiled(compiled, facts)))
            // Explanations name exactly the leaves the full trace finds decisive.
            for (const r of compiled) {
              const wanted = r.test(facts)
              const viaTrace = decisiveLeaves(traceCondition(r.rule.conditions, facts), wanted).map((t) => [
                t.name ?? t.fact,
                t.factResult,
              ])
              expect(r.explain(facts, wanted).map((l) => [l.condition, l.factValue])).toEqual(viaTrace)
            }
          }
        },
      ),
      { numRuns: 1000 },
    )
  })

  it('index answers as the full evaluation on equality-keyed rules', () => {
    const small = fc.constantFrom<JsonValue>(1, 2, 3, 'a', 'b', null, true)
    const keyed = fc.record({
      fact: fc.constantFrom('n1', 's1', 'a1'),
      operator: fc.constantFrom('equal', 'in', 'notEqual', 'greaterThan'),
      one: small,
      list: fc.array(small, { maxLength: 4 }),
    })
    const rules = fc.array(
      fc.array(keyed, { maxLength: 3 }).map(
        (leaves) =>
          ({
            conditions: {
              all: leaves.map((l) => ({
                fact: l.fact,
                operator: l.operator,
                value: l.operator === 'in' ? l.list : l.operator === 'greaterThan' ? 1 : l.one,
              })),
            },
            event: { type: 'e' },
          }) as RuleProperties,
      ),
      { minLength: 1, maxLength: 8 },
    )
    const facts = fc.record({ n1: small, s1: small, a1: fc.oneof(small, fc.array(small, { maxLength: 3 })) })
    fc.assert(
      fc.property(rules, fc.array(facts, { minLength: 1, maxLength: 5 }), (rs, factSets) => {
        const compiled = compileRules(rs)
        const index = new RuleIndex(compiled)
        for (const f of factSets)
          expect(index.evaluate(f).map((r) => r.name)).toEqual(
            evaluateCompiled(compiled, f).map((r) => r.name),
          )
      }),
      { numRuns: 2000 },
    )
  })

  it('traces agree with the compiled result', () => {
    fc.assert(
      fc.property(conditionArb, factsArb, (condition, facts) => {
        const [rule] = compileRules([{ name: 'x', conditions: { all: [condition] }, event: { type: 'e' } }])
        expect(traceCondition({ all: [condition] }, facts).result).toBe(rule!.test(facts))
      }),
      { numRuns: 500 },
    )
  })

  it('orders fired rules by priority, then as listed', () => {
    const rules: RuleProperties[] = [
      { name: 'low', priority: 1, conditions: { all: [] }, event: { type: 'e' } },
      { name: 'high', priority: 5, conditions: { any: [] }, event: { type: 'e' } },
      {
        name: 'low2',
        priority: 1,
        conditions: { not: { fact: 'x', operator: 'equal', value: 1 } },
        event: { type: 'e' },
      },
    ]
    expect(evaluateCompiled(compileRules(rules), { x: 2 }).map((r) => r.name)).toEqual([
      'high',
      'low',
      'low2',
    ])
  })

  it('gives every run of a shared rule set its own answer when runs overlap', async () => {
    // The engine-per-run wrapper must not show json-rules-engine #303 (skipped lower priorities).
    const rules: RuleProperties[] = [
      {
        name: 'p10',
        priority: 10,
        conditions: { all: [{ fact: 'x', operator: 'greaterThan', value: 0 }] },
        event: { type: 'e' },
      },
      { name: 'p1', priority: 1, conditions: { all: [] }, event: { type: 'e' } },
    ]
    const runs = await Promise.all(
      Array.from({ length: 20 }, (_, i) => evaluateWithEngine(rules, { x: i % 2 })),
    )
    for (const [i, events] of runs.entries())
      expect(events.map((e) => e.name).sort()).toEqual(i % 2 ? ['p1', 'p10'] : ['p1'])
  })
})
