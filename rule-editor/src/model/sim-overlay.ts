import { type CompileResult, pathsTo } from './compile-graph'
import type { GraphDoc } from './graph-types'

/**
 * A simulation drawn on the canvas. Each condition's own outcome comes from the hub's trace of the
 * order rules (json-rules-engine's `result` per condition); line and location rules are evaluated
 * once per line or location, so for them the hub reports only which fired and the conditions that
 * made them fire. From the outcomes follows the path: a connection is taken when its node was
 * reached and the node came out the way the connection says; a node nothing taken leads to was
 * not evaluated on the way.
 */
export type NodeState = 'true' | 'false' | 'skipped' | 'unknown' | 'fired' | 'not-fired' | 'reached'
export type EdgeState = 'taken' | 'not-taken' | 'unknown'

export interface TraceNode {
  kind: 'all' | 'any' | 'not' | 'fact'
  result: boolean
  name?: string
  fact?: string
  factResult?: unknown
  children?: TraceNode[]
}

export interface SimTrace {
  trace: { rule: string; scope: string; fired: boolean | null; conditions: TraceNode | null }[]
  rulesFired: { rule: string; scope: string; conditions?: { condition: string; factValue: unknown }[] }[]
}

export interface Overlay {
  nodes: Map<string, NodeState>
  edges: Map<string, EdgeState>
  /** What each condition saw: "order.total was 129.9". */
  seen: Map<string, string>
}

function walk(
  t: TraceNode,
  path: string,
  result: CompileResult,
  out: Map<string, boolean>,
  seen: Map<string, string>,
): void {
  const node = result.sourceMap.get(path)
  if (node) {
    // The deepest mapping of a node is its own test (`…all[0].not` under a `false` output).
    const inner = result.sourceMap.get(`${path}.not`) === node && t.kind === 'not' ? t.children?.[0] : t
    if (inner) {
      out.set(node, inner.result)
      if (inner.kind === 'fact' && inner.fact)
        seen.set(node, `${inner.fact} was ${JSON.stringify(inner.factResult)}`)
    }
  }
  t.children?.forEach((c, i) => {
    const key =
      t.kind === 'all' ? `${path}.all[${i}]` : t.kind === 'any' ? `${path}.any[${i}]` : `${path}.not`
    walk(c, key, result, out, seen)
  })
}

export function simulationOverlay(doc: GraphDoc, compiled: CompileResult, sim: SimTrace): Overlay {
  const outcome = new Map<string, boolean>()
  const seen = new Map<string, string>()
  const fired = new Map<string, boolean>()
  const firedNames = new Set(sim.rulesFired.map((r) => r.rule))
  const decisive = new Set(sim.rulesFired.flatMap((r) => (r.conditions ?? []).map((c) => c.condition)))
  sim.trace.forEach((t, i) => {
    const ruleNode = compiled.ruleNodes[i]
    if (!ruleNode) return
    if (t.conditions) walk(t.conditions, `rules[${i}].conditions`, compiled, outcome, seen)
    fired.set(ruleNode, t.fired ?? firedNames.has(t.rule))
  })
  // Line and location rules: the conditions that made a rule fire held (for some line or location).
  for (const n of doc.nodes)
    if (n.type === 'condition' && !outcome.has(n.id)) {
      const name = n.data.name === undefined ? n.id : n.data.name
      if (name !== null && decisive.has(name)) outcome.set(n.id, true)
    }
  // A rule with one path that fired: every step on it came out as the path says (for the line or
  // location it fired for). The hub reports line and location rules only as fired or not.
  for (const [ruleNode, didFire] of fired) {
    if (!didFire) continue
    const { paths } = pathsTo(doc, ruleNode)
    if (paths.length !== 1) continue
    for (const step of paths[0]!) if (!outcome.has(step.node)) outcome.set(step.node, step.handle === 'true')
  }
  // A rule that did not fire on a single-step path: that step did not hold for any line or location.
  for (const [ruleNode, didFire] of fired) {
    if (didFire) continue
    const into = doc.edges.filter((e) => e.target === ruleNode && e.targetHandle === 'in')
    if (into.length !== 1) continue
    const src = doc.nodes.find((n) => n.id === into[0]!.source)
    const fromStart = src && doc.edges.some((e) => e.source === 'start' && e.target === src.id)
    if (src && fromStart && !outcome.has(src.id) && (src.type === 'condition' || src.type === 'group'))
      outcome.set(src.id, into[0]!.sourceHandle !== 'true')
  }

  const nodes = new Map<string, NodeState>()
  const edges = new Map<string, EdgeState>()
  const byId = new Map(doc.nodes.map((n) => [n.id, n]))
  const reached = new Map<string, boolean | null>()
  const isReached = (id: string, stack = new Set<string>()): boolean | null => {
    if (byId.get(id)?.type === 'start') return true
    if (reached.has(id)) return reached.get(id)!
    if (stack.has(id)) return false
    stack.add(id)
    let any: boolean | null = false
    for (const e of doc.edges) {
      if (e.target !== id || e.targetHandle !== 'in') continue
      const s = edgeState(e.source, e.sourceHandle, stack)
      if (s === 'taken') any = true
      else if (s === 'unknown' && any === false) any = null
    }
    stack.delete(id)
    reached.set(id, any)
    return any
  }
  const edgeState = (source: string, handle: string, stack: Set<string>): EdgeState => {
    const src = byId.get(source)
    if (!src) return 'not-taken'
    const r = isReached(source, stack)
    if (r === false) return 'not-taken'
    if (src.type === 'start') return 'taken'
    const o = outcome.get(source)
    if (o === undefined || r === null) return 'unknown'
    return o === (handle === 'true') ? 'taken' : 'not-taken'
  }
  for (const e of doc.edges) {
    if (e.targetHandle !== 'in') continue
    edges.set(e.id, edgeState(e.source, e.sourceHandle, new Set()))
  }
  for (const n of doc.nodes) {
    if (n.type === 'start') nodes.set(n.id, 'reached')
    else if (n.type === 'condition' || n.type === 'group') {
      const r = isReached(n.id)
      const o = outcome.get(n.id)
      nodes.set(n.id, r === false ? 'skipped' : o === undefined ? 'unknown' : o ? 'true' : 'false')
    } else if (n.type === 'strategy' || n.type === 'action') {
      const f = fired.get(n.id)
      nodes.set(n.id, f === undefined ? 'skipped' : f ? 'fired' : 'not-fired')
      if (f)
        for (const e of doc.edges)
          if (e.target === n.id && edges.get(e.id) === 'unknown') edges.set(e.id, 'taken')
    }
  }
  return { nodes, edges, seen }
}

/** Notes beside the nodes after a simulation: which locations a rule left out, which strategy chose. */
export function simulationNotes(
  doc: GraphDoc,
  compiled: CompileResult,
  plan: {
    strategy: string
    candidates: { locationId: string; excluded?: { rule: string }; partialExclusions?: { rule: string }[] }[]
  },
  names: ReadonlyMap<string, string>,
): Map<string, string[]> {
  const m = new Map<string, string[]>()
  const add = (node: string, text: string) => {
    const list = m.get(node) ?? []
    if (!list.includes(text)) m.set(node, [...list, text])
  }
  const nodeOf = new Map(compiled.rules.map((r, i) => [r.name, compiled.ruleNodes[i]!]))
  for (const c of plan.candidates)
    for (const x of [c.excluded, ...(c.partialExclusions ?? [])]) {
      const node = x && nodeOf.get(x.rule)
      if (node) add(node, `left out ${names.get(c.locationId) ?? c.locationId}`)
    }
  const strategy = doc.nodes.find((n) => n.type === 'strategy' && n.data.event.params?.id === plan.strategy)
  if (strategy) add(strategy.id, 'chose the locations')
  return m
}

/** A pricing quote as a trace: the rules that shaped some line's price fired, the others did not. */
export function quoteTrace(compiled: CompileResult, quote: { lines: { rules: string[] }[] }): SimTrace {
  const fired = new Set(quote.lines.flatMap((l) => l.rules))
  return {
    trace: compiled.rules.map((r) => ({
      rule: String(r.name),
      scope: 'quote',
      fired: fired.has(String(r.name)),
      conditions: null,
    })),
    rulesFired: [...fired].map((rule) => ({ rule, scope: 'quote' })),
  }
}

/** Beside each pricing rule: what it did to which line ("SKU-A: 20.00 → 18.00"). */
export function quoteNotes(
  compiled: CompileResult,
  quote: { lines: { sku: string; steps: { rule: string | null; from: string | null; to: string }[] }[] },
): Map<string, string[]> {
  const nodeOf = new Map(compiled.rules.map((r, i) => [r.name, compiled.ruleNodes[i]!]))
  const m = new Map<string, string[]>()
  for (const line of quote.lines)
    for (const step of line.steps) {
      const node = step.rule ? nodeOf.get(step.rule) : undefined
      if (!node) continue
      const text = `${line.sku}: ${step.from ? `${step.from} → ` : ''}${step.to}`
      m.set(node, [...(m.get(node) ?? []), text])
    }
  return m
}
