import { describe, expect, it } from 'vitest'
import { demoSourcingRules } from '../../../server/src/demo/sourcing-rules'
import * as H from '../state/history'
import { builtInCatalogue } from './catalogue'
import { compileGraph } from './compile-graph'
import { connectionProblem } from './connection-rules'
import { diffGraphs } from './diff'
import { addEdge, copySelection, createNode, paste, removeNodes } from './edit-ops'
import { checkGraph } from './graph-checks'
import type { GraphDoc } from './graph-types'
import { importRules } from './import-rules'
import { autoLayout } from './layout'
import { quoteNotes, quoteTrace, simulationOverlay } from './sim-overlay'

const at = { x: 0, y: 0 }

function hazmatDoc(): GraphDoc {
  return {
    schemaVersion: 1,
    kind: 'sourcing',
    nodes: [
      { id: 'start', type: 'start', position: at, data: { kind: 'sourcing' } },
      {
        id: 'c-hazmat',
        type: 'condition',
        position: at,
        data: { leaf: { fact: 'line.hazmat', operator: 'equal', value: true } },
      },
      {
        id: 'c-express',
        type: 'condition',
        position: at,
        data: { leaf: { fact: 'order.serviceLevel', operator: 'equal', value: 'express' } },
      },
      {
        id: 'restrict',
        type: 'action',
        position: at,
        data: { event: { type: 'restrict', params: { tags: ['hazmat-licensed'] } } },
      },
      {
        id: 'hold',
        type: 'action',
        position: at,
        data: { event: { type: 'hold', params: { reason: 'x' } } },
      },
      {
        id: 'fast',
        type: 'strategy',
        position: at,
        data: { event: { type: 'strategy', params: { id: 'fast' } } },
      },
      { id: 'w', type: 'scoring', position: at, data: { criteria: { transitDays: 10 } } },
      { id: 'w2', type: 'scoring', position: at, data: { criteria: { shippingCost: 10 } } },
    ],
    edges: [
      { id: 'e1', source: 'start', sourceHandle: 'out', target: 'c-hazmat', targetHandle: 'in' },
      { id: 'e2', source: 'c-hazmat', sourceHandle: 'true', target: 'restrict', targetHandle: 'in' },
      { id: 'e3', source: 'start', sourceHandle: 'out', target: 'c-express', targetHandle: 'in' },
      { id: 'e4', source: 'c-express', sourceHandle: 'true', target: 'fast', targetHandle: 'in' },
      { id: 'e5', source: 'w', sourceHandle: 'weights', target: 'fast', targetHandle: 'criteria' },
    ],
  }
}

describe('connections refused while drawing', () => {
  const doc = hazmatDoc()
  const c = (source: string, sourceHandle: string, target: string, targetHandle = 'in') =>
    connectionProblem(doc, { source, sourceHandle, target, targetHandle })

  it('allows what makes sense', () => {
    expect(c('c-express', 'false', 'hold')).toBeNull()
    expect(c('c-express', 'false', 'c-hazmat')).toBeNull()
  })
  it('refuses self-loops, loops and duplicates', () => {
    expect(c('c-hazmat', 'true', 'c-hazmat')).toMatch(/itself/)
    expect(c('c-express', 'true', 'c-express')).toMatch(/itself/)
    const chain = addEdge(doc, {
      source: 'c-express',
      sourceHandle: 'false',
      target: 'c-hazmat',
      targetHandle: 'in',
    })
    expect(
      connectionProblem(chain, {
        source: 'c-hazmat',
        sourceHandle: 'false',
        target: 'c-express',
        targetHandle: 'in',
      }),
    ).toMatch(/loop/)
    expect(c('c-hazmat', 'true', 'restrict')).toMatch(/connected already/)
  })
  it('refuses mixing what flows: weights only into a strategy’s criteria, one scoring node per strategy', () => {
    expect(c('c-express', 'true', 'fast', 'criteria')).toMatch(/weights/)
    expect(c('w2', 'weights', 'hold')).toMatch(/weights connect only/)
    expect(c('w2', 'weights', 'fast', 'criteria')).toMatch(/has its weights already/)
    expect(c('restrict', 'out', 'hold')).toMatch(/no output/)
  })
  it('refuses a line-fact path into an action that decides for the whole order', () => {
    expect(c('c-hazmat', 'true', 'hold')).toMatch(
      /decides for the whole order, but this path tests line facts/,
    )
    expect(c('c-hazmat', 'true', 'fast')).toMatch(/whole order/)
    // Also when the whole-order action is further down the line.
    expect(c('c-hazmat', 'true', 'c-express')).toMatch(/whole order/)
  })
})

describe('checks as you edit', () => {
  it('finds disconnected nodes, bad values and unused weights, and is quiet about a good graph', () => {
    const good = importRules(demoSourcingRules)
    expect(checkGraph(good, builtInCatalogue).filter((i) => i.severity === 'error')).toEqual([])
    const doc = hazmatDoc()
    doc.nodes.push({
      id: 'loose',
      type: 'condition',
      position: at,
      data: { leaf: { fact: 'order.total', operator: 'greaterThan', value: 'lots' } },
    })
    doc.nodes.push({
      id: 'bad-op',
      type: 'condition',
      position: at,
      data: { leaf: { fact: 'order.total', operator: 'contains', value: 1 } },
    })
    doc.edges.push({ id: 'e9', source: 'start', sourceHandle: 'out', target: 'bad-op', targetHandle: 'in' })
    const issues = checkGraph(doc, builtInCatalogue)
    const of = (id: string) => issues.filter((i) => i.nodeId === id).map((i) => `${i.severity} ${i.code}`)
    expect(of('loose')).toEqual(
      expect.arrayContaining(['error DISCONNECTED', 'error CONDITION', 'warning LEADS_NOWHERE']),
    )
    expect(of('bad-op')).toEqual(expect.arrayContaining(['error CONDITION']))
    expect(of('hold')).toContain('error DISCONNECTED')
    expect(of('w2')).toEqual(['warning WEIGHTS_UNUSED'])
    expect(issues.map((i) => i.code)).toContain('NO_FALLBACK')
  })
  it('flags a whole-order action behind a line fact (drawn before the fact was changed)', () => {
    const doc = hazmatDoc()
    doc.edges.push({ id: 'x', source: 'c-hazmat', sourceHandle: 'false', target: 'hold', targetHandle: 'in' })
    expect(
      checkGraph(doc, builtInCatalogue).some((i) => i.code === 'SCOPE_MISMATCH' && i.nodeId === 'hold'),
    ).toBe(true)
  })
})

describe('rules that can never apply', () => {
  it('are found when the tests along every path contradict each other', () => {
    const doc = hazmatDoc()
    doc.nodes.push({
      id: 'c-std',
      type: 'condition',
      position: at,
      data: { leaf: { fact: 'order.serviceLevel', operator: 'in', value: ['standard', 'economy'] } },
    })
    doc.edges = doc.edges.filter((e) => e.id !== 'e4')
    doc.edges.push({
      id: 'x1',
      source: 'c-express',
      sourceHandle: 'true',
      target: 'c-std',
      targetHandle: 'in',
    })
    doc.edges.push({ id: 'x2', source: 'c-std', sourceHandle: 'true', target: 'fast', targetHandle: 'in' })
    const never = () => checkGraph(doc, builtInCatalogue).filter((i) => i.code === 'NEVER_FIRES')
    expect(never()).toEqual([
      expect.objectContaining({
        severity: 'error',
        nodeId: 'fast',
        message: expect.stringContaining('order.serviceLevel'),
      }),
    ])
    // A second way in that can hold: the strategy can apply after all.
    doc.edges.push({
      id: 'x3',
      source: 'c-express',
      sourceHandle: 'false',
      target: 'fast',
      targetHandle: 'in',
    })
    expect(never()).toEqual([])
    // Taking the 'no' output of the same test twice over is fine; 'yes' then 'no' is not.
    doc.edges = doc.edges.filter((e) => e.id !== 'x3' && e.id !== 'x2')
    doc.edges.push({ id: 'x4', source: 'c-std', sourceHandle: 'false', target: 'fast', targetHandle: 'in' })
    expect(never()).toEqual([])
  })
})

describe('editing operations', () => {
  it('pastes a selection with new ids and the connections among the copied nodes only', () => {
    const doc = hazmatDoc()
    const clip = copySelection(doc, new Set(['start', 'c-hazmat', 'restrict']))
    expect(clip.nodes.map((n) => n.id)).toEqual(['c-hazmat', 'restrict'])
    const { doc: next, ids } = paste(doc, clip, { x: 40, y: 40 })
    expect(ids).toHaveLength(2)
    expect(ids.some((id) => doc.nodes.some((n) => n.id === id))).toBe(false)
    const added = next.edges.filter((e) => ids.includes(e.source) || ids.includes(e.target))
    expect(added).toHaveLength(1)
    expect(ids).toContain(added[0]!.source)
    expect(ids).toContain(added[0]!.target)
    // The copies are not reachable from the start, so they compile to nothing until connected.
    expect(compileGraph(next).rules).toEqual(compileGraph(doc).rules)
  })
  it('removes nodes with their connections but never the start', () => {
    const next = removeNodes(hazmatDoc(), new Set(['start', 'c-hazmat']))
    expect(next.nodes.map((n) => n.id)).toContain('start')
    expect(next.edges.some((e) => e.source === 'c-hazmat' || e.target === 'c-hazmat')).toBe(false)
  })
  it('creates nodes with sensible defaults and unique ids', () => {
    const doc = hazmatDoc()
    const a = createNode(doc, { type: 'action', action: 'restrict' }, at)
    const s = createNode(doc, { type: 'strategy' }, at)
    expect(a.type === 'action' && a.data.event).toEqual({ type: 'restrict', params: { tags: [] } })
    expect(s.type === 'strategy' && s.data.event.params?.id).toBe(s.id)
  })
  it('lays out left to right without overlaps', () => {
    const laid = autoLayout(importRules(demoSourcingRules, 'sourcing', { layout: false }))
    const boxes = laid.nodes.map((n) => ({ ...n.position, w: 200, h: 60 }))
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!
        const b = boxes[j]!
        expect(a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y).toBe(true)
      }
    const x = (id: string) => laid.nodes.find((n) => n.id === id)!.position.x
    expect(x('start')).toBeLessThan(x('c-line-hazmat'))
    expect(x('c-line-hazmat')).toBeLessThan(x('hazmat-licensed-only'))
  })
})

describe('undo and redo', () => {
  it('makes a bulk change one step, coalesces typing in one field, and redoes', () => {
    const d0 = hazmatDoc()
    const d1 = removeNodes(d0, new Set(['c-hazmat', 'restrict', 'hold']))
    let h = H.commit(H.start(d0), d1)
    const typed = (v: string): GraphDoc => ({ ...h.present, kind: v as 'sourcing' })
    h = H.commit(h, typed('a'), 'field', 1000)
    h = H.commit(h, typed('ab'), 'field', 1500)
    h = H.commit(h, typed('abc'), 'field', 2000)
    expect(h.past).toHaveLength(2)
    h = H.undo(h)
    expect(h.present).toBe(d1)
    h = H.undo(h)
    expect(h.present).toBe(d0)
    h = H.redo(H.redo(h))
    expect(h.present.kind).toBe('abc')
    // Dragging: one checkpoint at the start, then moves that are not steps.
    h = H.checkpoint(h)
    h = H.replace(h, { ...h.present, nodes: [] })
    h = H.replace(h, { ...h.present, edges: [] })
    expect(H.undo(h).present.kind).toBe('abc')
    expect(H.undo(h).present.nodes.length).toBeGreaterThan(0)
  })
})

describe('diff of two versions', () => {
  it('marks added, removed and changed nodes and connections, and what changed in each', () => {
    const before = importRules(demoSourcingRules)
    const rules = structuredClone(demoSourcingRules)
    ;(rules[2]!.conditions as { all: { value: number }[] }).all[0]!.value = 3000
    rules.splice(1, 1)
    rules.push({ name: 'vip', conditions: { all: [] }, event: { type: 'hold', params: { reason: 'vip' } } })
    const after = importRules(rules)
    // Positions move after a layout: not a change.
    const d = diffGraphs(before, after)
    const status = (id: string) => d.nodes.find((n) => n.node.id === id)?.status
    expect(status('c-total-over-5000')).toBe('changed')
    expect(d.nodes.find((n) => n.node.id === 'c-total-over-5000')!.changes).toEqual([
      { field: 'leaf.value', before: 5000, after: 3000 },
    ])
    expect(status('high-value-secure-only')).toBe('removed')
    expect(status('c-line-high-value')).toBe('removed')
    expect(status('vip')).toBe('added')
    expect(status('hazmat-licensed-only')).toBe('unchanged')
    expect(d.edges.some((e) => e.status === 'added' && e.edge.target === 'vip')).toBe(true)
    expect(d.counts).toMatchObject({ added: 1, removed: 2, changed: 1 })
  })
})

describe('simulation on the canvas', () => {
  it('marks conditions true/false/not evaluated and the connections the order took', () => {
    const doc = hazmatDoc()
    doc.nodes.push({
      id: 'c-big',
      type: 'condition',
      position: at,
      data: { leaf: { fact: 'order.total', operator: 'greaterThan', value: 100 } },
    })
    doc.edges.push({
      id: 'e6',
      source: 'c-express',
      sourceHandle: 'false',
      target: 'c-big',
      targetHandle: 'in',
    })
    doc.edges.push({ id: 'e7', source: 'c-big', sourceHandle: 'true', target: 'hold', targetHandle: 'in' })
    const compiled = compileGraph(doc)
    expect(compiled.ruleNodes).toEqual(['restrict', 'hold', 'fast'])
    const fact = (name: string, f: string, result: boolean, factResult: unknown) => ({
      kind: 'fact' as const,
      name,
      fact: f,
      result,
      factResult,
    })
    // An express order: c-express true, so c-big is never reached; the hazmat line rule fired.
    const overlay = simulationOverlay(doc, compiled, {
      trace: [
        { rule: 'restrict', scope: 'line', fired: null, conditions: null },
        {
          rule: 'hold',
          scope: 'order',
          fired: false,
          conditions: {
            kind: 'all',
            result: false,
            children: [
              {
                kind: 'not',
                result: false,
                children: [fact('c-express', 'order.serviceLevel', true, 'express')],
              },
              fact('c-big', 'order.total', true, 250),
            ],
          },
        },
        {
          rule: 'fast',
          scope: 'order',
          fired: true,
          conditions: {
            kind: 'all',
            result: true,
            children: [fact('c-express', 'order.serviceLevel', true, 'express')],
          },
        },
      ],
      rulesFired: [
        { rule: 'restrict', scope: 'line' },
        { rule: 'fast', scope: 'order' },
      ],
    })
    expect(overlay.nodes.get('c-express')).toBe('true')
    expect(overlay.nodes.get('c-big')).toBe('skipped')
    expect(overlay.nodes.get('c-hazmat')).toBe('true')
    expect(overlay.nodes.get('restrict')).toBe('fired')
    expect(overlay.nodes.get('hold')).toBe('not-fired')
    expect(overlay.nodes.get('fast')).toBe('fired')
    expect(overlay.edges.get('e4')).toBe('taken')
    expect(overlay.edges.get('e6')).toBe('not-taken')
    expect(overlay.edges.get('e7')).toBe('not-taken')
    expect(overlay.edges.get('e2')).toBe('taken')
    expect(overlay.seen.get('c-express')).toBe('order.serviceLevel was "express"')
  })
})

describe('a pricing quote on the canvas', () => {
  it('marks the rules that shaped a price as applied, and notes what each did', () => {
    const doc: GraphDoc = {
      schemaVersion: 1,
      kind: 'pricing',
      nodes: [
        { id: 'start', type: 'start', position: at, data: { kind: 'pricing' } },
        {
          id: 'c-bulk',
          type: 'condition',
          position: at,
          data: { leaf: { fact: 'line.quantity', operator: 'greaterThanInclusive', value: 10 } },
        },
        {
          id: 'bulk',
          type: 'action',
          position: at,
          data: { event: { type: 'discount', params: { percent: 10 } } },
        },
        {
          id: 'ending',
          type: 'action',
          position: at,
          data: { event: { type: 'round', params: { ending: '.99' } } },
        },
      ],
      edges: [
        { id: 'e1', source: 'start', sourceHandle: 'out', target: 'c-bulk', targetHandle: 'in' },
        { id: 'e2', source: 'c-bulk', sourceHandle: 'true', target: 'bulk', targetHandle: 'in' },
        { id: 'e3', source: 'start', sourceHandle: 'out', target: 'ending', targetHandle: 'in' },
      ],
    }
    const compiled = compileGraph(doc)
    const quote = {
      lines: [
        {
          sku: 'A',
          rules: ['bulk'],
          steps: [
            { rule: null, from: null, to: '20.00' },
            { rule: 'bulk', from: '20.00', to: '18.00' },
          ],
        },
        { sku: 'B', rules: [], steps: [{ rule: null, from: null, to: '5.00' }] },
      ],
    }
    const overlay = simulationOverlay(doc, compiled, quoteTrace(compiled, quote))
    expect(overlay.nodes.get('bulk')).toBe('fired')
    expect(overlay.nodes.get('c-bulk')).toBe('true')
    expect(overlay.nodes.get('ending')).toBe('not-fired')
    expect(overlay.edges.get('e2')).toBe('taken')
    expect(quoteNotes(compiled, quote).get('bulk')).toEqual(['A: 20.00 → 18.00'])
  })
})
