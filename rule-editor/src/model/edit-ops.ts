import { actionSpec, defaultStrategyParams } from './actions'
import type { GraphDoc, GraphEdge, GraphNode, Position } from './graph-types'

/** Editing operations on a graph document: pure, so undo can keep the documents they return. */

export type PaletteItem =
  | { type: 'condition' }
  | { type: 'group'; combinator: 'all' | 'any' }
  | { type: 'scoring' }
  | { type: 'strategy' }
  | { type: 'action'; action: string }

function token(): string {
  return Math.random().toString(36).slice(2, 7)
}

export function freshId(doc: GraphDoc, prefix: string, taken: ReadonlySet<string> = new Set()): string {
  const used = new Set([...doc.nodes.map((n) => n.id), ...taken])
  for (;;) {
    const id = `${prefix}-${token()}`
    if (!used.has(id)) return id
  }
}

export function createNode(doc: GraphDoc, item: PaletteItem, position: Position): GraphNode {
  switch (item.type) {
    case 'condition':
      return {
        id: freshId(doc, 'cond'),
        type: 'condition',
        position,
        data: { leaf: { fact: 'order.serviceLevel', operator: 'equal', value: 'express' } },
      }
    case 'group':
      return {
        id: freshId(doc, 'group'),
        type: 'group',
        position,
        data: {
          tree:
            item.combinator === 'all'
              ? { all: [{ fact: 'order.country', operator: 'equal', value: 'NZ' }] }
              : { any: [{ fact: 'order.country', operator: 'equal', value: 'NZ' }] },
        },
      }
    case 'scoring':
      return {
        id: freshId(doc, 'weights'),
        type: 'scoring',
        position,
        data: { criteria: { shippingCost: 10, transitDays: 1 } },
      }
    case 'strategy': {
      const id = freshId(doc, 'strategy')
      return {
        id,
        type: 'strategy',
        position,
        data: { event: { type: 'strategy', params: defaultStrategyParams(id) } },
      }
    }
    case 'action': {
      const spec = actionSpec(doc.kind, item.action)
      return {
        id: freshId(doc, item.action.toLowerCase()),
        type: 'action',
        position,
        data: { event: { type: item.action, params: structuredClone(spec?.defaults ?? {}) } },
      }
    }
  }
}

export interface Clip {
  nodes: GraphNode[]
  edges: GraphEdge[]
}

/** The selected nodes (never the start) and the connections among them. */
export function copySelection(doc: GraphDoc, ids: ReadonlySet<string>): Clip {
  const nodes = doc.nodes.filter((n) => ids.has(n.id) && n.type !== 'start')
  const keep = new Set(nodes.map((n) => n.id))
  return {
    nodes: structuredClone(nodes),
    edges: structuredClone(doc.edges.filter((e) => keep.has(e.source) && keep.has(e.target))),
  }
}

/**
 * Pastes a clip with fresh ids, moved by `offset`; connections inside the clip follow their nodes.
 * Names that came from the copied nodes' ids are dropped, so the copies get their own.
 */
export function paste(doc: GraphDoc, clip: Clip, offset: Position): { doc: GraphDoc; ids: string[] } {
  const map = new Map<string, string>()
  const taken = new Set<string>()
  for (const n of clip.nodes) {
    if (n.type === 'start') continue
    const prefix = n.id.replace(/-[a-z0-9]{5}$/, '').replace(/[^a-zA-Z0-9]+$/, '') || n.type
    const id = freshId(doc, prefix.slice(0, 40), taken)
    taken.add(id)
    map.set(n.id, id)
  }
  const nodes = clip.nodes
    .filter((n) => map.has(n.id))
    .map((n) => {
      const copy = structuredClone(n) as GraphNode
      copy.id = map.get(n.id)!
      copy.position = { x: n.position.x + offset.x, y: n.position.y + offset.y }
      if (copy.type === 'strategy' && copy.data.event.params?.id === n.id)
        copy.data.event.params = { ...copy.data.event.params, id: copy.id }
      else if (copy.type === 'strategy' && copy.data.event.params)
        copy.data.event.params = {
          ...copy.data.event.params,
          id: `${String(copy.data.event.params.id)}-copy`,
        }
      if (copy.type === 'condition' && copy.data.name !== undefined) delete copy.data.name
      if ((copy.type === 'strategy' || copy.type === 'action') && copy.data.ruleName !== undefined)
        delete copy.data.ruleName
      return copy
    })
  const edges = clip.edges
    .filter((e) => map.has(e.source) && map.has(e.target))
    .map((e) => {
      const source = map.get(e.source)!
      const target = map.get(e.target)!
      return { ...e, id: `e-${source}-${e.sourceHandle}-${target}-${e.targetHandle}`, source, target }
    })
  return {
    doc: { ...doc, nodes: [...doc.nodes, ...nodes], edges: [...doc.edges, ...edges] },
    ids: nodes.map((n) => n.id),
  }
}

export function removeNodes(doc: GraphDoc, ids: ReadonlySet<string>): GraphDoc {
  const gone = new Set([...ids].filter((id) => doc.nodes.find((n) => n.id === id)?.type !== 'start'))
  return {
    ...doc,
    nodes: doc.nodes.filter((n) => !gone.has(n.id)),
    edges: doc.edges.filter((e) => !gone.has(e.source) && !gone.has(e.target)),
  }
}

export function addEdge(
  doc: GraphDoc,
  c: { source: string; sourceHandle: string; target: string; targetHandle: string },
): GraphDoc {
  const id = `e-${c.source}-${c.sourceHandle}-${c.target}-${c.targetHandle}`
  if (doc.edges.some((e) => e.id === id)) return doc
  return { ...doc, edges: [...doc.edges, { id, ...c }] }
}

/**
 * "Everyone else" in one step: a condition's `no` output gets an action of its own, connected,
 * without touching what its `yes` output leads to. The new node is of the kind the `yes` branch
 * ends in (an action of the same type, or a strategy), placed below that branch. Null when the
 * `no` output is already connected.
 */
export function everyoneElse(
  doc: GraphDoc,
  conditionId: string,
  place: (draft: GraphNode, want: Position) => Position,
): { doc: GraphDoc; id: string } | null {
  const cond = doc.nodes.find((n) => n.id === conditionId)
  if (!cond || (cond.type !== 'condition' && cond.type !== 'group')) return null
  if (doc.edges.some((e) => e.source === conditionId && e.sourceHandle === 'false')) return null
  const yes = doc.edges.find((e) => e.source === conditionId && e.sourceHandle === 'true')
  const yesNode = yes && doc.nodes.find((n) => n.id === yes.target)
  const item: PaletteItem =
    yesNode?.type === 'action' ? { type: 'action', action: yesNode.data.event.type } : { type: 'strategy' }
  const want = {
    x: (yesNode?.position.x ?? cond.position.x + 320) + 0,
    y: (yesNode?.position.y ?? cond.position.y) + 140,
  }
  let node = createNode(doc, item, want)
  if (node.type === 'strategy')
    node = {
      ...node,
      data: {
        ...node.data,
        event: { ...node.data.event, params: { ...node.data.event.params, label: 'Everyone else' } },
      },
    }
  node = { ...node, position: place(node, want) }
  const withNode = { ...doc, nodes: [...doc.nodes, node] }
  return {
    doc: addEdge(withNode, {
      source: conditionId,
      sourceHandle: 'false',
      target: node.id,
      targetHandle: 'in',
    }),
    id: node.id,
  }
}
