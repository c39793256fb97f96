import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { evaluateWithEngine } from '../../../core/src/rules/jre-reference'
import { demoSourcingRules } from '../../../server/src/demo/sourcing-rules'
import { compileGraph } from './compile-graph'
import { connectionProblem } from './connection-rules'
import {
  type Condition,
  compileRules,
  evaluateCompiled,
  type RuleProperties,
  resolveOperator,
  traceCondition,
} from './core-rules'
import type { GraphDoc, GraphNode } from './graph-types'
import { importRules } from './import-rules'

const json = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T

/** Rules as stored: JSON. `-0` and undefined properties do not survive storage, so compare after it. */
function roundTrip(rules: RuleProperties[]): RuleProperties[] {
  const doc = json(importRules(rules))
  return json(compileGraph(doc).rules)
}

// Names collide on purpose (and with ids the importer would make up), to exercise every naming path.
const name = fc.constantFrom('a', 'b', 'start', 'rule-1', 'cond-1', 'group-1', 'c-hazmat', 'x-weights', '')
const facts = ['order.total', 'order.country', 'line.hazmat', 'location.tags', 'f']
const leaf: fc.Arbitrary<Record<string, unknown>> = fc.record(
  {
    fact: fc.constantFrom(...facts),
    operator: fc.constantFrom(
      'equal',
      'notEqual',
      'in',
      'greaterThan',
      'contains',
      'not:equal',
      'someValue:lessThan',
    ),
    value: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.record({ fact: fc.constantFrom(...facts) })),
    path: fc.constant('$.a.b'),
    params: fc.dictionary(fc.string({ maxLength: 3 }), fc.integer()),
    name,
    priority: fc.integer({ min: 1, max: 9 }),
  },
  { requiredKeys: ['fact', 'operator', 'value'] },
)
const extras = { name, priority: fc.integer({ min: 1, max: 9 }) }
const { condition } = fc.letrec<{ condition: Record<string, unknown> }>((tie) => ({
  condition: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.record({ all: fc.array(tie('condition'), { maxLength: 4 }), ...extras }, { requiredKeys: ['all'] }),
    fc.record({ any: fc.array(tie('condition'), { maxLength: 4 }), ...extras }, { requiredKeys: ['any'] }),
    fc.record({ not: tie('condition'), ...extras }, { requiredKeys: ['not'] }),
  ),
}))
const topLevel = fc.oneof(
  fc.record({ all: fc.array(condition, { maxLength: 5 }) }),
  fc.record({ all: fc.array(leaf, { maxLength: 5 }) }),
  fc.record({ all: fc.array(fc.record({ not: leaf }), { maxLength: 2 }) }),
  fc.record({ all: fc.array(condition, { maxLength: 3 }), ...extras }, { requiredKeys: ['all'] }),
  fc.record({ any: fc.array(condition, { maxLength: 4 }), ...extras }, { requiredKeys: ['any'] }),
  fc.record({ not: condition, ...extras }, { requiredKeys: ['not'] }),
)
const event = fc.oneof(
  fc.record(
    {
      type: fc.constantFrom('strategy'),
      params: fc.record(
        {
          id: fc.string({ maxLength: 4 }),
          criteria: fc.dictionary(
            fc.constantFrom('shippingCost', 'transitDays', 'split'),
            fc.integer({ min: 0, max: 50 }),
          ),
          fallback: fc.boolean(),
        },
        { requiredKeys: ['id'] },
      ),
    },
    { requiredKeys: ['type'] },
  ),
  fc.record(
    {
      type: fc.constantFrom('restrict', 'exclude', 'hold', 'adjust'),
      params: fc.dictionary(fc.string({ maxLength: 4 }), fc.jsonValue({ maxDepth: 2 })),
    },
    { requiredKeys: ['type'] },
  ),
)
const rule = fc.record(
  {
    name,
    priority: fc.integer({ min: 1, max: 100 }),
    conditions: topLevel,
    event,
    onSuccess: fc.constant({ note: 1 }),
  },
  { requiredKeys: ['conditions', 'event'] },
) as fc.Arbitrary<unknown> as fc.Arbitrary<RuleProperties>

describe('rules → graph → rules', () => {
  it('gives back the demo sourcing rules exactly, with rule and condition names as node ids', () => {
    const doc = importRules(demoSourcingRules)
    expect(roundTrip(demoSourcingRules)).toStrictEqual(json(demoSourcingRules))
    const ids = doc.nodes.map((n) => n.id)
    expect(ids).toContain('hazmat-licensed-only')
    expect(ids).toContain('c-line-hazmat')
    expect(doc.edges).toContainEqual(
      expect.objectContaining({
        source: 'c-line-hazmat',
        sourceHandle: 'true',
        target: 'hazmat-licensed-only',
      }),
    )
    // The two conditions of the store rule are a chain, not a group.
    const store = doc.nodes.filter((n) => n.id === 'c-is-store' || n.id === 'c-store-nearly-full')
    expect(store.map((n) => n.type)).toEqual(['condition', 'condition'])
    // Strategy weights became a scoring node wired into the strategy.
    const weights = doc.nodes.find((n) => n.id === 'strategy-express-weights')
    expect(weights?.type).toBe('scoring')
    expect(doc.edges).toContainEqual(
      expect.objectContaining({ source: weights!.id, target: 'strategy-express', targetHandle: 'criteria' }),
    )
  })

  it('is lossless for any json-rules-engine rules (property)', () => {
    fc.assert(
      fc.property(fc.array(rule, { maxLength: 6 }), (rules) => {
        const stored = json(rules)
        expect(roundTrip(stored)).toStrictEqual(stored)
      }),
      { numRuns: 400 },
    )
  })

  it('draws only connections the editor itself would allow', () => {
    fc.assert(
      fc.property(fc.array(rule, { maxLength: 5 }), (rules) => {
        const doc = importRules(json(rules), 'sourcing', { layout: false })
        // Re-adding each edge to the graph without it must be allowed, except for order/line scope
        // mismatches, which generated rules may well contain (validation reports those).
        for (const e of doc.edges) {
          const without = { ...doc, edges: doc.edges.filter((x) => x !== e) }
          const problem = connectionProblem(without, e)
          if (problem) expect(problem).toMatch(/decides for the whole order|groups lines/)
        }
        expect(new Set(doc.nodes.map((n) => n.id)).size).toBe(doc.nodes.length)
      }),
      { numRuns: 200 },
    )
  })
})

/* ---------- graphs drawn in the editor: what they compile to means what the drawing says ---------- */

const evalFacts = fc.record({
  n: fc.integer({ min: 0, max: 4 }),
  b: fc.boolean(),
  s: fc.constantFrom('x', 'y'),
})
type EvalFacts = { n: number; b: boolean; s: string }
const simpleLeaf = fc.oneof(
  fc.record({
    fact: fc.constant('n'),
    operator: fc.constantFrom('greaterThan', 'lessThanInclusive', 'equal'),
    value: fc.integer({ min: 0, max: 4 }),
  }),
  fc.record({ fact: fc.constant('b'), operator: fc.constant('equal'), value: fc.boolean() }),
  fc.record({
    fact: fc.constant('s'),
    operator: fc.constantFrom('equal', 'notEqual'),
    value: fc.constantFrom('x', 'y'),
  }),
)
const tree = fc.oneof(
  fc.record({ all: fc.array(simpleLeaf, { maxLength: 3 }) }),
  fc.record({ any: fc.array(simpleLeaf, { maxLength: 3 }) }),
  fc.record({ not: fc.record({ any: fc.array(simpleLeaf, { minLength: 1, maxLength: 2 }) }) }),
)

/** A random drawing: nodes in a row, connections only forwards (the editor refuses loops). */
const drawing = fc
  .record({
    inner: fc.array(
      fc.oneof(
        simpleLeaf.map((leaf) => ({ leaf })),
        tree.map((t) => ({ tree: t })),
      ),
      { minLength: 0, maxLength: 6 },
    ),
    actions: fc.integer({ min: 1, max: 4 }),
    seed: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.boolean()), { minLength: 1, maxLength: 14 }),
  })
  .map(({ inner, actions, seed }): GraphDoc => {
    const nodes: GraphNode[] = [
      { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: { kind: 'sourcing' } },
    ]
    inner.forEach((x, i) => {
      if ('leaf' in x)
        nodes.push({ id: `c${i}`, type: 'condition', position: { x: 0, y: 0 }, data: { leaf: x.leaf } })
      else
        nodes.push({ id: `g${i}`, type: 'group', position: { x: 0, y: 0 }, data: { tree: x.tree as never } })
    })
    for (let a = 0; a < actions; a++)
      nodes.push({
        id: `a${a}`,
        type: 'action',
        position: { x: 0, y: 0 },
        data: { event: { type: 'hold', params: { reason: `a${a}` } } },
      })
    const doc: GraphDoc = { schemaVersion: 1, kind: 'sourcing', nodes, edges: [] }
    for (const [from, to, yes] of seed) {
      const sources = nodes.filter((n) => n.type === 'start' || n.type === 'condition' || n.type === 'group')
      const s = sources[from % sources.length]!
      const si = nodes.indexOf(s)
      const later = nodes.slice(si + 1).filter((n) => n.type !== 'start')
      if (later.length === 0) continue
      const t = later[to % later.length]!
      const sourceHandle = s.type === 'start' ? 'out' : yes ? 'true' : 'false'
      const c = { source: s.id, sourceHandle, target: t.id, targetHandle: 'in' }
      if (!connectionProblem(doc, c)) doc.edges.push({ id: `${s.id}-${sourceHandle}-${t.id}`, ...c })
    }
    return doc
  })

/** The drawing's meaning, read straight off the canvas: is there a path whose every step holds? */
function firesOnCanvas(doc: GraphDoc, facts: EvalFacts): Set<string> {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]))
  const holds = (n: GraphNode): boolean => {
    if (n.type === 'condition')
      return resolveOperator(n.data.leaf.operator)!((facts as never)[n.data.leaf.fact], n.data.leaf.value)
    if (n.type === 'group') return traceCondition(n.data.tree as Condition, facts).result
    return true
  }
  const memo = new Map<string, boolean>()
  const reached = (id: string): boolean => {
    if (id === 'start') return true
    if (memo.has(id)) return memo.get(id)!
    const r = doc.edges.some((e) => {
      if (e.target !== id) return false
      const src = byId.get(e.source)!
      if (!reached(src.id)) return false
      return src.type === 'start' || holds(src) === (e.sourceHandle === 'true')
    })
    memo.set(id, r)
    return r
  }
  return new Set(doc.nodes.filter((n) => n.type === 'action' && reached(n.id)).map((n) => n.id))
}

describe('graph → rules', () => {
  it('fires exactly the actions a path of holding conditions leads to (property)', () => {
    fc.assert(
      fc.property(drawing, fc.array(evalFacts, { minLength: 1, maxLength: 5 }), (doc, cases) => {
        const compiled = compileRules(compileGraph(doc).rules)
        for (const facts of cases) {
          const fired = new Set(evaluateCompiled(compiled, facts).map((r) => r.name))
          expect(fired).toEqual(firesOnCanvas(doc, facts))
        }
      }),
      { numRuns: 500 },
    )
  })

  it('json-rules-engine itself agrees with the drawing (property)', async () => {
    await fc.assert(
      fc.asyncProperty(drawing, evalFacts, async (doc, facts) => {
        const events = await evaluateWithEngine(compileGraph(doc).rules, facts)
        expect(new Set(events.map((e) => e.name))).toEqual(firesOnCanvas(doc, facts))
      }),
      { numRuns: 60 },
    )
  })

  it('compiles a drawing, its import and the import’s compilation to the same rules (property)', () => {
    fc.assert(
      fc.property(drawing, (doc) => {
        const rules = json(compileGraph(doc).rules)
        expect(roundTrip(rules)).toStrictEqual(rules)
      }),
      { numRuns: 300 },
    )
  })

  it('names rules by node id and conditions by condition node id, and maps fields back to nodes', () => {
    const doc: GraphDoc = {
      schemaVersion: 1,
      kind: 'sourcing',
      nodes: [
        { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: { kind: 'sourcing' } },
        {
          id: 'c-hazmat',
          type: 'condition',
          position: { x: 0, y: 0 },
          data: { leaf: { fact: 'line.hazmat', operator: 'equal', value: true } },
        },
        {
          id: 'only-hazmat',
          type: 'action',
          position: { x: 0, y: 0 },
          data: { event: { type: 'restrict', params: { tags: ['hazmat-licensed'] } } },
        },
        {
          id: 'loose',
          type: 'action',
          position: { x: 0, y: 0 },
          data: { event: { type: 'hold', params: { reason: 'x' } } },
        },
      ],
      edges: [
        { id: 'e1', source: 'start', sourceHandle: 'out', target: 'c-hazmat', targetHandle: 'in' },
        { id: 'e2', source: 'c-hazmat', sourceHandle: 'true', target: 'only-hazmat', targetHandle: 'in' },
      ],
    }
    const r = compileGraph(doc)
    expect(r.rules).toStrictEqual([
      {
        name: 'only-hazmat',
        conditions: { all: [{ name: 'c-hazmat', fact: 'line.hazmat', operator: 'equal', value: true }] },
        event: { type: 'restrict', params: { tags: ['hazmat-licensed'] } },
      },
    ])
    expect(r.unreachable).toEqual(['loose'])
    expect(r.sourceMap.get('rules[0].conditions.all[0]')).toBe('c-hazmat')
  })
})
