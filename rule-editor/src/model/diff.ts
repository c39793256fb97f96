import type { GraphDoc, GraphEdge, GraphNode } from './graph-types'

/**
 * The difference between two versions' graphs, by node and edge id: added, removed, changed (its
 * settings differ) or unchanged. Moving a node is not a change. Both graphs come from the editor or
 * from importing rules, where ids are rule and condition names, so versions compare node by node.
 */
export type DiffStatus = 'added' | 'removed' | 'changed' | 'unchanged'

export interface FieldChange {
  field: string
  before: unknown
  after: unknown
}

export interface GraphDiff {
  /** Both graphs' nodes, the newer version's where a node is in both. */
  nodes: { node: GraphNode; status: DiffStatus; changes: FieldChange[] }[]
  edges: { edge: GraphEdge; status: DiffStatus }[]
  counts: Record<DiffStatus, number>
}

function flatten(v: unknown, prefix: string, out: Map<string, unknown>): Map<string, unknown> {
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    const keys = Object.keys(v as object)
    if (keys.length === 0 && prefix) out.set(prefix, {})
    for (const k of keys) flatten((v as Record<string, unknown>)[k], prefix ? `${prefix}.${k}` : k, out)
  } else out.set(prefix, v)
  return out
}

export function fieldChanges(before: unknown, after: unknown): FieldChange[] {
  const a = flatten(before, '', new Map())
  const b = flatten(after, '', new Map())
  const out: FieldChange[] = []
  for (const k of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(k)
    const y = b.get(k)
    if (JSON.stringify(x) !== JSON.stringify(y)) out.push({ field: k, before: x, after: y })
  }
  return out
}

const edgeKey = (e: GraphEdge) => `${e.source}|${e.sourceHandle}|${e.target}|${e.targetHandle}`

export function diffGraphs(before: GraphDoc, after: GraphDoc): GraphDiff {
  const old = new Map(before.nodes.map((n) => [n.id, n]))
  const now = new Map(after.nodes.map((n) => [n.id, n]))
  const nodes: GraphDiff['nodes'] = []
  for (const n of after.nodes) {
    const prev = old.get(n.id)
    if (!prev) nodes.push({ node: n, status: 'added', changes: [] })
    else {
      const changes =
        prev.type === n.type
          ? fieldChanges(prev.data, n.data)
          : [{ field: 'type', before: prev.type, after: n.type }]
      nodes.push({ node: n, status: changes.length ? 'changed' : 'unchanged', changes })
    }
  }
  for (const n of before.nodes) if (!now.has(n.id)) nodes.push({ node: n, status: 'removed', changes: [] })
  const oldEdges = new Set(before.edges.map(edgeKey))
  const newEdges = new Set(after.edges.map(edgeKey))
  const edges: GraphDiff['edges'] = [
    ...after.edges.map((e) => ({
      edge: e,
      status: (oldEdges.has(edgeKey(e)) ? 'unchanged' : 'added') as DiffStatus,
    })),
    ...before.edges
      .filter((e) => !newEdges.has(edgeKey(e)))
      .map((e) => ({ edge: e, status: 'removed' as DiffStatus })),
  ]
  const counts: Record<DiffStatus, number> = { added: 0, removed: 0, changed: 0, unchanged: 0 }
  for (const n of nodes) counts[n.status]++
  return { nodes, edges, counts }
}
