import { Graph, layout } from '@dagrejs/dagre'
import type { GraphDoc, GraphNode } from './graph-types'

/** Sizes the layout assumes when the canvas has not measured a node yet. */
export const NODE_SIZE: Record<GraphNode['type'], { width: number; height: number }> = {
  start: { width: 180, height: 60 },
  condition: { width: 240, height: 84 },
  group: { width: 260, height: 100 },
  scoring: { width: 220, height: 90 },
  strategy: { width: 250, height: 96 },
  action: { width: 250, height: 84 },
}

/**
 * "Tidy up": left-to-right layers in the order conditions are tested (dagre), scoring nodes beside
 * the strategies they feed. `measured` gives real node sizes where the canvas knows them.
 */
export function autoLayout(
  doc: GraphDoc,
  measured: ReadonlyMap<string, { width: number; height: number }> = new Map(),
): GraphDoc {
  const g = new Graph({ multigraph: true })
  g.setGraph({ rankdir: 'LR', nodesep: 28, ranksep: 70, marginx: 20, marginy: 20 })
  g.setDefaultEdgeLabel(() => ({}))
  const size = (n: GraphNode) => measured.get(n.id) ?? NODE_SIZE[n.type]
  for (const n of doc.nodes) g.setNode(n.id, { ...size(n) })
  for (const e of doc.edges)
    if (g.hasNode(e.source) && g.hasNode(e.target)) g.setEdge(e.source, e.target, {}, e.id)
  layout(g)
  return {
    ...doc,
    nodes: doc.nodes.map((n) => {
      const p = g.node(n.id) as { x: number; y: number } | undefined
      const s = size(n)
      return p
        ? { ...n, position: { x: Math.round(p.x - s.width / 2), y: Math.round(p.y - s.height / 2) } }
        : n
    }),
  }
}
