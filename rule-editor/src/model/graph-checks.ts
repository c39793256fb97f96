import { actionSpec } from './actions'
import type { Catalogue } from './catalogue'
import { type CompileResult, compileGraph, type PathStep, pathsTo } from './compile-graph'
import { downstreamDemand, reaches, upstreamScope } from './connection-rules'
import {
  type Condition,
  isAll,
  isAny,
  isFactReference,
  isNot,
  type LeafCondition,
  resolveOperator,
} from './core-rules'
import { describeLeaf } from './describe'
import type { GraphDoc, GraphNode } from './graph-types'

/**
 * Checks the editor makes as you edit, before the hub's own validation answers: the graph's
 * structure (disconnected nodes, loops, conditions that lead nowhere), conditions against the fact
 * catalogue (unknown facts, operators and values that do not fit the type), actions that decide for
 * the whole order on a path about one line, and whether every order reaches a strategy.
 */
export interface GraphIssue {
  severity: 'error' | 'warning'
  code: string
  nodeId?: string
  message: string
}

function leafProblems(leaf: LeafCondition, cat: Catalogue): string[] {
  const out: string[] = []
  const def = cat.facts.find((f) => f.id === leaf.fact)
  if (!def) return [`unknown fact '${leaf.fact}'`]
  const base = leaf.operator.split(':').pop()!
  if (!resolveOperator(leaf.operator)) return [`unknown operator '${leaf.operator}'`]
  if (!def.operators.includes(base))
    return [`'${base}' does not fit ${def.type} fact ${leaf.fact}; use one of ${def.operators.join(', ')}`]
  if (isFactReference(leaf.value)) return out
  const list = base === 'in' || base === 'notIn'
  const decorated = leaf.operator.includes('someValue:') || leaf.operator.includes('everyValue:')
  const scalar = (v: unknown) => {
    if (v === null) return def.nullable || base === 'equal' || base === 'notEqual'
    if (def.type === 'number') return typeof v === 'number' && Number.isFinite(v)
    if (def.type === 'boolean') return typeof v === 'boolean'
    return typeof v === 'string' && v.length > 0
  }
  const ok = (v: unknown) => (list ? Array.isArray(v) && v.length > 0 && v.every(scalar) : scalar(v))
  if (decorated ? !(Array.isArray(leaf.value) && leaf.value.every(ok)) : !ok(leaf.value)) {
    const what = def.type === 'string[]' ? 'text' : def.type === 'string' ? 'text' : def.type
    out.push(
      list
        ? `choose at least one ${what} value for '${describeLeaf(leaf)}'`
        : `the value must be ${what === 'boolean' ? 'yes or no' : `a ${what}`} for '${describeLeaf(leaf)}'`,
    )
  }
  return out
}

function leaves(c: Condition, out: LeafCondition[] = []): LeafCondition[] {
  if (isAll(c)) for (const x of c.all) leaves(x, out)
  else if (isAny(c)) for (const x of c.any) leaves(x, out)
  else if (isNot(c)) leaves(c.not, out)
  else out.push(c as LeafCondition)
  return out
}

function targetMissing(params: Record<string, unknown> | undefined): boolean {
  const p = params ?? {}
  const has = (k: string) => Array.isArray(p[k]) && (p[k] as unknown[]).length > 0
  return !has('locations') && !has('tags') && !has('types')
}

export function checkGraph(
  doc: GraphDoc,
  cat: Catalogue,
  compiled: CompileResult = compileGraph(doc),
): GraphIssue[] {
  const issues: GraphIssue[] = []
  const err = (code: string, nodeId: string | undefined, message: string) =>
    issues.push({ severity: 'error', code, ...(nodeId ? { nodeId } : {}), message })
  const warn = (code: string, nodeId: string | undefined, message: string) =>
    issues.push({ severity: 'warning', code, ...(nodeId ? { nodeId } : {}), message })

  const starts = doc.nodes.filter((n) => n.type === 'start')
  if (starts.length !== 1) err('START', starts[1]?.id, 'a rule set has exactly one start node')
  const start = starts[0]?.id ?? 'start'
  const tz = starts[0]?.type === 'start' ? starts[0].data.timezone : undefined
  if (tz !== undefined && !isTimeZone(tz))
    err('TIMEZONE', start, `'${tz}' is not a time zone; use one such as Pacific/Auckland`)
  const label = (n: GraphNode) => nodeTitle(n)

  for (const n of doc.nodes) {
    if (n.type === 'start') continue
    const hasIn = doc.edges.some((e) => e.target === n.id)
    const hasOut = doc.edges.some((e) => e.source === n.id)
    if (n.type === 'scoring') {
      if (!hasOut)
        warn('WEIGHTS_UNUSED', n.id, `${label(n)} is not connected to a strategy, so its weights do nothing`)
      continue
    }
    if (!reaches(doc, start, n.id))
      err(
        'DISCONNECTED',
        n.id,
        `${label(n)} is not connected to the start${hasIn ? ' (its inputs do not lead back to it)' : ''}`,
      )
    if ((n.type === 'condition' || n.type === 'group') && !hasOut)
      warn('LEADS_NOWHERE', n.id, `${label(n)} leads nowhere: connect its yes or no output to an action`)
    if (n.type === 'condition' || n.type === 'group') {
      const list = n.type === 'condition' ? [{ ...n.data.leaf } as LeafCondition] : leaves(n.data.tree)
      if (list.length === 0) warn('EMPTY_GROUP', n.id, `${label(n)} has no conditions, so it always holds`)
      for (const leaf of list) for (const p of leafProblems(leaf, cat)) err('CONDITION', n.id, p)
    }
    if (n.type === 'action') {
      const spec = actionSpec(doc.kind, n.data.event.type)
      if (!spec)
        err('UNKNOWN_ACTION', n.id, `unknown action '${n.data.event.type}' for a ${doc.kind} rule set`)
      // Without a target, a rule on location facts acts on the location it tested; any other rule
      // would act on every location, which is rarely meant.
      if (
        ['exclude', 'restrict', 'prefer'].includes(n.data.event.type) &&
        targetMissing(n.data.event.params) &&
        !upstreamScope(doc, n.id).location
      )
        warn('NO_TARGET', n.id, `${label(n)} applies to every location: choose locations, tags or types`)
      if (doc.kind === 'pricing' && n.data.event.type === 'priceList' && !n.data.event.params?.priceListId)
        err('NO_PRICE_LIST', n.id, `${label(n)}: choose the price list`)
      if (n.data.event.type === 'hold' && !String(n.data.event.params?.reason ?? '').trim())
        err('NO_REASON', n.id, `${label(n)}: give the reason a person reads`)
    }
    if (n.type === 'action' || n.type === 'strategy') {
      const demand = downstreamDemand(doc, n.id)
      const scope = upstreamScope(doc, n.id)
      if (demand.orderOnly && (scope.line || scope.location))
        err(
          'SCOPE_MISMATCH',
          n.id,
          `${label(n)} decides for the whole order, but a path into it tests ${scope.line ? 'line' : 'location'} facts`,
        )
      if (demand.noLocation && scope.location)
        err('SCOPE_MISMATCH', n.id, `${label(n)} groups lines, but a path into it tests location facts`)
    }
  }
  for (const e of doc.edges)
    if (reaches(doc, e.target, e.source)) {
      err('LOOP', e.target, 'the graph has a loop; rules must be tested in one direction')
      break
    }
  for (const n of doc.nodes) {
    if (n.type !== 'action' && n.type !== 'strategy') continue
    const { paths } = pathsTo(doc, n.id)
    if (paths.length === 0) continue
    const reasons = paths.map((p) => contradiction(doc, p))
    if (reasons.every((r) => r !== null))
      (n.type === 'strategy' ? err : warn)('NEVER_FIRES', n.id, `${label(n)} can never apply: ${reasons[0]}`)
  }
  for (const id of compiled.tooManyPaths)
    err('TOO_MANY_PATHS', id, `more than 64 paths lead to this node; use a group node to combine conditions`)

  if (doc.kind === 'sourcing') {
    const strategies = doc.nodes.filter((n) => n.type === 'strategy')
    const unconditional = strategies.filter((s) =>
      doc.edges.some((e) => e.source === start && e.target === s.id && e.targetHandle === 'in'),
    )
    const fallback = strategies.find((s) => s.data.event.params?.fallback === true)
    if (strategies.length === 0)
      warn(
        'NO_STRATEGY',
        undefined,
        'no strategy: the built-in one (cheapest by service level) routes every order',
      )
    else if (!fallback)
      warn(
        'NO_FALLBACK',
        undefined,
        'no fallback strategy: orders no strategy can fill whole are backordered by the built-in fallback',
      )
    if (strategies.length > 0 && unconditional.length === 0 && !fallback)
      warn(
        'UNCOVERED_ORDERS',
        undefined,
        'some orders may match no strategy: connect one strategy straight to the start, or add a fallback',
      )
  }
  return issues
}

export function nodeTitle(n: GraphNode): string {
  switch (n.type) {
    case 'start':
      return 'Start'
    case 'condition':
      return `condition “${describeLeaf(n.data.leaf as LeafCondition)}”`
    case 'group':
      return 'condition group'
    case 'scoring':
      return 'scoring criteria'
    case 'strategy':
      return `strategy “${String(n.data.event.params?.label ?? n.data.event.params?.id ?? n.id)}”`
    case 'action':
      return `action “${n.data.event.type}”`
  }
}

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz })
    return true
  } catch {
    return false
  }
}

/**
 * Why no order can take this path, if the tests along it contradict each other on one fact
 * ("order.country is NZ" then "order.country is AU"), else null. Only equal/in and their negations
 * are compared; anything else is assumed satisfiable.
 */
export function contradiction(doc: GraphDoc, path: readonly PathStep[]): string | null {
  const allowed = new Map<string, Set<string>>()
  const denied = new Map<string, Set<string>>()
  const key = (v: unknown) => JSON.stringify(v)
  for (const step of path) {
    const node = doc.nodes.find((x) => x.id === step.node)
    if (node?.type !== 'condition') continue
    const { fact, operator, value } = node.data.leaf
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) continue
    const yes = step.handle === 'true'
    const list = Array.isArray(value) ? value.map(key) : [key(value)]
    let pin: Set<string> | null = null
    let ban: string[] = []
    if ((operator === 'equal' && yes) || (operator === 'notEqual' && !yes)) pin = new Set(list)
    else if ((operator === 'in' && yes) || (operator === 'notIn' && !yes)) pin = new Set(list)
    else if ((operator === 'notEqual' && yes) || (operator === 'equal' && !yes)) ban = list
    else if ((operator === 'notIn' && yes) || (operator === 'in' && !yes)) ban = list
    if (pin) {
      const prev = allowed.get(fact)
      allowed.set(fact, prev ? new Set([...pin].filter((v) => prev.has(v))) : pin)
    }
    if (ban.length) denied.set(fact, new Set([...(denied.get(fact) ?? []), ...ban]))
    const a = allowed.get(fact)
    const d = denied.get(fact) ?? new Set<string>()
    if (a && [...a].every((v) => d.has(v))) return `the tests on ${fact} along its path contradict each other`
  }
  return null
}
