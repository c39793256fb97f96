import { actionSpec } from './actions'
import { type Condition, isAll, isAny, isNot, type LeafCondition } from './core-rules'
import { type GraphDoc, type GraphNode, handles } from './graph-types'

/**
 * Which connections make sense, decided while the user draws one. What flows out of a condition is
 * the order together with the scope of the facts tested so far: once a path has tested a line
 * fact it is about one line, and an action that decides for the whole order (a strategy, a hold,
 * a split policy…) cannot take it. Weights flow only from scoring nodes into a strategy's
 * criteria input. No self-loops, no duplicates, no cycles.
 */
export interface Connection {
  source: string
  sourceHandle: string | null
  target: string
  targetHandle: string | null
}

export type Scope = { line: boolean; location: boolean }

export function factScope(fact: string): Scope {
  if (fact === 'location.stockForLine') return { line: true, location: true }
  return { line: fact.startsWith('line.'), location: fact.startsWith('location.') }
}

function conditionFacts(c: Condition, out: string[] = []): string[] {
  if (isAll(c)) for (const x of c.all) conditionFacts(x, out)
  else if (isAny(c)) for (const x of c.any) conditionFacts(x, out)
  else if (isNot(c)) conditionFacts(c.not, out)
  else {
    const leaf = c as LeafCondition
    out.push(leaf.fact)
    const v = leaf.value as { fact?: unknown } | null
    if (v && typeof v === 'object' && !Array.isArray(v) && typeof v.fact === 'string') out.push(v.fact)
  }
  return out
}

export function nodeFacts(node: GraphNode): string[] {
  if (node.type === 'condition') return conditionFacts({ name: '', ...node.data.leaf } as Condition)
  if (node.type === 'group') return conditionFacts(node.data.tree)
  return []
}

function merge(a: Scope, b: Scope): Scope {
  return { line: a.line || b.line, location: a.location || b.location }
}

/** The scope of everything tested on the way to `id`, itself included. */
export function upstreamScope(doc: GraphDoc, id: string): Scope {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]))
  const seen = new Set<string>()
  let scope: Scope = { line: false, location: false }
  const stack = [id]
  while (stack.length) {
    const cur = stack.pop()!
    if (seen.has(cur)) continue
    seen.add(cur)
    const node = byId.get(cur)
    if (node) for (const f of nodeFacts(node)) scope = merge(scope, factScope(f))
    for (const e of doc.edges) if (e.target === cur && e.targetHandle === 'in') stack.push(e.source)
  }
  return scope
}

/** What the nodes from `id` on demand of the scope that reaches them. */
export function downstreamDemand(
  doc: GraphDoc,
  id: string,
): { orderOnly: string | null; noLocation: string | null } {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]))
  const seen = new Set<string>()
  let orderOnly: string | null = null
  let noLocation: string | null = null
  const stack = [id]
  while (stack.length) {
    const cur = stack.pop()!
    if (seen.has(cur)) continue
    seen.add(cur)
    const node = byId.get(cur)
    if (node?.type === 'strategy') orderOnly ??= 'a strategy'
    if (node?.type === 'action') {
      const spec = actionSpec(doc.kind, node.data.event.type)
      if (spec?.orderOnly) orderOnly ??= `'${spec.label}'`
      if (spec?.noLocationFacts) noLocation ??= `'${spec.label}'`
    }
    for (const e of doc.edges) if (e.source === cur) stack.push(e.target)
  }
  return { orderOnly, noLocation }
}

export function reaches(doc: GraphDoc, from: string, to: string): boolean {
  const seen = new Set<string>()
  const stack = [from]
  while (stack.length) {
    const cur = stack.pop()!
    if (cur === to) return true
    if (seen.has(cur)) continue
    seen.add(cur)
    for (const e of doc.edges) if (e.source === cur) stack.push(e.target)
  }
  return false
}

/** Null when the connection may be made; otherwise why not, in words. */
export function connectionProblem(doc: GraphDoc, c: Connection): string | null {
  const source = doc.nodes.find((n) => n.id === c.source)
  const target = doc.nodes.find((n) => n.id === c.target)
  if (!source || !target) return 'both ends must be nodes'
  if (source.id === target.id) return 'a node cannot connect to itself'
  const out = handles[source.type].sources.find((h) => h.id === c.sourceHandle)
  const into = handles[target.type].targets.find((h) => h.id === c.targetHandle)
  if (!out) return `${source.type} has no output '${c.sourceHandle}'`
  if (!into) return `${target.type} has no input '${c.targetHandle}'`
  if (out.kind !== into.kind)
    return out.kind === 'weights'
      ? 'weights connect only to a strategy’s criteria input'
      : 'a strategy’s criteria input takes weights from a scoring node'
  if (
    doc.edges.some(
      (e) =>
        e.source === c.source &&
        e.sourceHandle === c.sourceHandle &&
        e.target === c.target &&
        e.targetHandle === c.targetHandle,
    )
  )
    return 'these two are connected already'
  if (
    into.id === 'criteria' &&
    doc.edges.some((e) => e.target === target.id && e.targetHandle === 'criteria')
  )
    return 'this strategy has its weights already; remove that connection first'
  if (reaches(doc, target.id, source.id)) return 'that would make a loop: rules are tested in one direction'
  if (out.kind === 'flow') {
    const scope = upstreamScope(doc, source.id)
    const demand = downstreamDemand(doc, target.id)
    if (demand.orderOnly && (scope.line || scope.location))
      return `${demand.orderOnly} decides for the whole order, but this path tests ${scope.line ? 'line' : 'location'} facts`
    if (demand.noLocation && scope.location)
      return `${demand.noLocation} groups lines, but this path tests location facts`
  }
  return null
}
