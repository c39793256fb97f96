import type { Condition, JsonValue, RuleProperties, TopLevelCondition } from './core-rules'
import { type GraphDoc, type GraphEdge, type GraphNode, isRuleNode, type NodeOf } from './graph-types'

/**
 * Graph → json-rules-engine rules. Each strategy or action node becomes one rule, named by its node
 * id. Every path from the start node to it is a conjunction: a condition taken by its `true`
 * output is its leaf, by its `false` output `{not: leaf}`; a group contributes its tree. Several
 * paths into one node become `any` of the paths. Rules come out in node order.
 *
 * A path of exactly one group is that group's tree itself (so `{any: […]}` at the top of a rule
 * stays as written); every other path is `{all: [...]}`.
 */

/** One step of a path: a condition or group node and the output it was left by. */
export interface PathStep {
  node: string
  handle: 'true' | 'false'
}

/** Where each part of the compiled JSON came from: `rules[2].conditions.all[0]` → node id. */
export type SourceMap = Map<string, string>

export interface CompileResult {
  rules: RuleProperties[]
  /** The rule at each index came from this node. */
  ruleNodes: string[]
  sourceMap: SourceMap
  /** Rule nodes not reachable from the start node: they compile to nothing. */
  unreachable: string[]
  /** Rule nodes with more paths than `MAX_PATHS`: compiled from the first ones only. */
  tooManyPaths: string[]
}

export const MAX_PATHS = 64

export function incoming(doc: GraphDoc): Map<string, GraphEdge[]> {
  const map = new Map<string, GraphEdge[]>()
  for (const e of doc.edges) {
    const list = map.get(e.target)
    if (list) list.push(e)
    else map.set(e.target, [e])
  }
  return map
}

/**
 * Every path from the start node to `target`, as the condition steps along it. Cycles cannot be
 * drawn, but a document could hold one; a node already on the path is not entered again.
 */
export function pathsTo(
  doc: GraphDoc,
  target: string,
  into = incoming(doc),
  limit = MAX_PATHS,
): { paths: PathStep[][]; truncated: boolean } {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]))
  let truncated = false
  const walk = (id: string, visiting: Set<string>): PathStep[][] => {
    const out: PathStep[][] = []
    for (const e of into.get(id) ?? []) {
      if (e.targetHandle !== 'in') continue
      const src = byId.get(e.source)
      if (!src || visiting.has(src.id)) continue
      const found: PathStep[][] = []
      if (src.type === 'start') {
        if (e.sourceHandle === 'out') found.push([])
      } else if (src.type === 'condition' || src.type === 'group') {
        if (e.sourceHandle !== 'true' && e.sourceHandle !== 'false') continue
        visiting.add(src.id)
        for (const p of walk(src.id, visiting)) found.push([...p, { node: src.id, handle: e.sourceHandle }])
        visiting.delete(src.id)
      }
      for (const p of found) {
        if (out.length >= limit) {
          truncated = true
          break
        }
        out.push(p)
      }
    }
    return out
  }
  const paths = walk(target, new Set([target]))
  return { paths, truncated }
}

function stepCondition(node: GraphNode, handle: 'true' | 'false'): Condition {
  let c: Condition
  if (node.type === 'condition') {
    const name = node.data.name === undefined ? node.id : node.data.name
    c = { ...(name === null ? {} : { name }), ...clone(node.data.leaf) } as Condition
  } else if (node.type === 'group') {
    c = clone(node.data.tree) as Condition
  } else throw new Error(`node ${node.id} (${node.type}) cannot be on a condition path`)
  return handle === 'true' ? c : { not: c }
}

function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T)
}

function pathCondition(
  path: PathStep[],
  byId: Map<string, GraphNode>,
  at: string,
  map: SourceMap,
): TopLevelCondition {
  const only = path.length === 1 ? byId.get(path[0]!.node) : undefined
  if (only?.type === 'group') {
    map.set(at, only.id)
    if (path[0]!.handle === 'false') map.set(`${at}.not`, only.id)
    return stepCondition(only, path[0]!.handle) as TopLevelCondition
  }
  return {
    all: path.map((s, i) => {
      const node = byId.get(s.node)!
      map.set(`${at}.all[${i}]`, node.id)
      if (s.handle === 'false') map.set(`${at}.all[${i}].not`, node.id)
      return stepCondition(node, s.handle)
    }),
  }
}

/** The criterion weights a strategy gets from its connected scoring node, if any. */
export function criteriaOf(doc: GraphDoc, strategyId: string): Record<string, number> | undefined {
  const edge = doc.edges.find((e) => e.target === strategyId && e.targetHandle === 'criteria')
  const node = edge && doc.nodes.find((n) => n.id === edge.source)
  return node?.type === 'scoring' ? { ...node.data.criteria } : undefined
}

export function ruleNameOf(node: NodeOf<'strategy'> | NodeOf<'action'>): string | null {
  return node.data.ruleName === undefined ? node.id : node.data.ruleName
}

export function compileGraph(doc: GraphDoc): CompileResult {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]))
  const into = incoming(doc)
  const rules: RuleProperties[] = []
  const ruleNodes: string[] = []
  const sourceMap: SourceMap = new Map()
  const unreachable: string[] = []
  const tooManyPaths: string[] = []
  for (const node of doc.nodes) {
    if (!isRuleNode(node)) continue
    const { paths, truncated } = pathsTo(doc, node.id, into)
    if (truncated) tooManyPaths.push(node.id)
    if (paths.length === 0) {
      unreachable.push(node.id)
      continue
    }
    const index = rules.length
    const at = `rules[${index}].conditions`
    sourceMap.set(`rules[${index}]`, node.id)
    let conditions: TopLevelCondition
    if (paths.length === 1) conditions = pathCondition(paths[0]!, byId, at, sourceMap)
    else
      conditions = {
        any: paths.map((p, i) => {
          const c = pathCondition(p, byId, `${at}.any[${i}]`, sourceMap)
          return c as Condition
        }),
      }
    const event = clone(node.data.event)
    if (node.type === 'strategy') {
      const criteria = criteriaOf(doc, node.id)
      if (criteria) event.params = { ...(event.params ?? {}), criteria }
    }
    const name = ruleNameOf(node)
    const rule = {
      ...(name === null ? {} : { name }),
      ...(node.data.priority === undefined ? {} : { priority: node.data.priority }),
      ...clone(node.data.extra ?? {}),
      conditions,
      event: event as { type: string; params?: Record<string, JsonValue> },
    } as RuleProperties
    rules.push(rule)
    ruleNodes.push(node.id)
  }
  return { rules, ruleNodes, sourceMap, unreachable, tooManyPaths }
}

/** The node a validation field such as `rules[2].conditions.all[0].operator` points at. */
export function nodeForField(result: CompileResult, field: string): string | undefined {
  let f = field
  while (f.length > 0) {
    const hit = result.sourceMap.get(f)
    if (hit) return hit
    const cut = Math.max(f.lastIndexOf('.'), f.lastIndexOf('['))
    if (cut <= 0) break
    f = f.slice(0, cut)
  }
  return undefined
}
