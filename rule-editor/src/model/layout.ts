import { Graph, layout } from '@dagrejs/dagre'
import type { GraphDoc, GraphNode, Position } from './graph-types'

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

const GAP = 24

/**
 * Where a new node of `size` goes: the free spot nearest `want` (its top-left) where it overlaps no
 * node, with a gap around each, searched ring by ring outwards on a grid. A node dropped from the
 * palette onto the centre of a full canvas lands beside the others, never on one.
 */
export function freeSpot(
  doc: GraphDoc,
  want: Position,
  size: { width: number; height: number },
  measured: ReadonlyMap<string, { width: number; height: number }> = new Map(),
): Position {
  const boxes = doc.nodes.map((n) => ({ ...n.position, ...(measured.get(n.id) ?? NODE_SIZE[n.type]) }))
  const free = (p: Position) =>
    boxes.every(
      (b) =>
        p.x + size.width + GAP <= b.x ||
        b.x + b.width + GAP <= p.x ||
        p.y + size.height + GAP <= b.y ||
        b.y + b.height + GAP <= p.y,
    )
  if (free(want)) return want
  const step = 40
  for (let ring = 1; ring <= 60; ring++) {
    let best: Position | null = null
    let bestDist = Number.POSITIVE_INFINITY
    for (let i = -ring; i <= ring; i++)
      for (const [dx, dy] of [
        [i, -ring],
        [i, ring],
        [-ring, i],
        [ring, i],
      ] as const) {
        const p = { x: want.x + dx * step, y: want.y + dy * step }
        const d = (dx * step) ** 2 + (dy * step) ** 2
        if (d < bestDist && free(p)) {
          best = p
          bestDist = d
        }
      }
    if (best) return best
  }
  return { x: want.x, y: Math.max(...boxes.map((b) => b.y + b.height)) + GAP }
}

/**
 * Where nodes are drawn while overlays grow them (simulation notes, diff badges): each node that
 * would now overlap one above it moves down just enough, so nothing is hidden. Only the drawing
 * moves; the saved positions stay. Nodes are taken top to bottom, so a move can push the next.
 */
export function makeRoom(
  boxes: readonly { id: string; x: number; y: number; width: number; height: number }[],
  gap = 12,
): Map<string, Position> {
  const placed: { id: string; x: number; y: number; width: number; height: number }[] = []
  const out = new Map<string, Position>()
  for (const b of [...boxes].sort((p, q) => p.y - q.y || p.x - q.x)) {
    let y = b.y
    for (;;) {
      const hit = placed.find(
        (p) => b.x < p.x + p.width && p.x < b.x + b.width && y < p.y + p.height + gap && p.y < y + b.height,
      )
      if (!hit) break
      y = hit.y + hit.height + gap
    }
    placed.push({ ...b, y })
    out.set(b.id, { x: b.x, y })
  }
  return out
}

/**
 * Where a node dragged while overlays draw it apart is saved: its saved position moved by the drag,
 * not where it is drawn, so closing the overlay shows the layout the analyst drew, only that node moved.
 */
export function draggedTo(saved: Position, drawn: Position, dropped: Position): Position {
  return { x: Math.round(saved.x + dropped.x - drawn.x), y: Math.round(saved.y + dropped.y - drawn.y) }
}
