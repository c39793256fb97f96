import {
  Background,
  type Connection,
  Controls,
  type Edge,
  MiniMap,
  type Node,
  type NodeChange,
  ReactFlow,
  useReactFlow,
} from '@xyflow/react'
import { useCallback, useMemo, useRef, useState } from 'react'
import { connectionProblem, upstreamScope } from '../../model/connection-rules'
import type { GraphDiff } from '../../model/diff'
import { addEdge, createNode, type PaletteItem, removeNodes } from '../../model/edit-ops'
import type { GraphDoc, GraphNode, Position } from '../../model/graph-types'
import { draggedTo, freeSpot, makeRoom, NODE_SIZE } from '../../model/layout'
import type { Overlay } from '../../model/sim-overlay'
import { splitOverrides } from '../../model/split-overrides'
import { type CanvasNodeData, nodeTypes } from './nodes'

export const PALETTE_MIME = 'application/x-switchyard-node'

export interface CanvasProps {
  doc: GraphDoc
  readOnly: boolean
  selection: ReadonlySet<string>
  onSelection: (ids: Set<string>) => void
  change: (next: GraphDoc | ((d: GraphDoc) => GraphDoc), opts?: { coalesce?: string; step?: boolean }) => void
  checkpoint: () => void
  overlay: Overlay | null
  diff: GraphDiff | null
  issues: Map<string, { errors: number; warnings: number }>
  notes: Map<string, string[]>
  onRefused: (reason: string) => void
  /** A node was dropped from the palette (the inspector should show it). */
  onCreated: (id: string) => void
}

export function Canvas(props: CanvasProps) {
  const {
    doc,
    readOnly,
    selection,
    onSelection,
    change,
    checkpoint,
    overlay,
    diff,
    issues,
    notes,
    onRefused,
    onCreated,
  } = props
  const flow = useReactFlow()
  const [measured, setMeasured] = useState<Map<string, { width: number; height: number }>>(new Map())
  const [edgeSelection, setEdgeSelection] = useState<Set<string>>(new Set())
  const lastRefusal = useRef<string | null>(null)
  // Where each node being dragged was saved and drawn when the drag began: React Flow reports the
  // pointer's position from the drawn one, and the overlay's offset may change under the drag.
  const dragFrom = useRef<Map<string, { saved: Position; drawn: Position }>>(new Map())
  // Where the nodes being dragged are drawn: under the pointer, whatever room the overlay makes.
  const [dragDrawn, setDragDrawn] = useState<Map<string, Position>>(new Map())
  const wrapper = useRef<HTMLElement>(null)

  const shown: { node: GraphNode; diff?: CanvasNodeData['diff'] }[] = useMemo(
    () =>
      diff ? diff.nodes.map((d) => ({ node: d.node, diff: d.status })) : doc.nodes.map((node) => ({ node })),
    [diff, doc.nodes],
  )

  // While notes or diff badges make nodes taller, draw them apart (the saved positions stay).
  const room = useMemo(
    () =>
      overlay || diff || notes.size > 0
        ? makeRoom(
            shown.map(({ node }) => ({
              id: node.id,
              ...node.position,
              ...(measured.get(node.id) ?? NODE_SIZE[node.type]),
            })),
          )
        : null,
    [overlay, diff, notes, shown, measured],
  )

  const nodes: Node[] = useMemo(
    () =>
      shown.map(({ node, diff: status }) => {
        const counts = issues.get(node.id)
        const data: CanvasNodeData = {
          node,
          errors: counts?.errors ?? 0,
          warnings: counts?.warnings ?? 0,
          ...(overlay?.nodes.get(node.id) ? { state: overlay.nodes.get(node.id) } : {}),
          ...(overlay?.seen.get(node.id) ? { seen: overlay.seen.get(node.id) } : {}),
          ...(notes.get(node.id) ? { notes: notes.get(node.id) } : {}),
          ...(status ? { diff: status } : {}),
          ...(node.type === 'action' ? { locationTested: upstreamScope(doc, node.id).location } : {}),
          ...(node.type === 'strategy'
            ? {
                splitOverrides: splitOverrides(doc, String(node.data.event.params?.id ?? node.id)).map(
                  (o) => o.text,
                ),
              }
            : {}),
        }
        const m = measured.get(node.id)
        return {
          id: node.id,
          type: node.type,
          position: dragDrawn.get(node.id) ?? room?.get(node.id) ?? node.position,
          data,
          selected: selection.has(node.id),
          deletable: !readOnly && node.type !== 'start',
          ...(m ? { measured: m } : {}),
        }
      }),
    [shown, issues, overlay, notes, selection, measured, readOnly, doc, room, dragDrawn],
  )

  const edges: Edge[] = useMemo(() => {
    const list = diff
      ? diff.edges.map((d) => ({ e: d.edge, status: d.status }))
      : doc.edges.map((e) => ({ e, status: undefined }))
    return list.map(({ e, status }) => {
      const sim = overlay?.edges.get(e.id)
      const classes = [
        e.sourceHandle === 'false' ? 'edge-no' : e.sourceHandle === 'true' ? 'edge-yes' : '',
        e.sourceHandle === 'weights' ? 'edge-weights' : '',
        sim ? `sim-${sim}` : '',
        status ? `diff-${status}` : '',
      ]
      return {
        id: e.id,
        source: e.source,
        sourceHandle: e.sourceHandle,
        target: e.target,
        targetHandle: e.targetHandle,
        className: classes.filter(Boolean).join(' '),
        animated: sim === 'taken',
        selected: edgeSelection.has(e.id),
        deletable: !readOnly,
        ...(sim ? { data: { state: sim } } : {}),
        ...(e.sourceHandle === 'true' || e.sourceHandle === 'false'
          ? { label: e.sourceHandle === 'true' ? 'yes' : 'no', labelBgPadding: [4, 2] as [number, number] }
          : {}),
      }
    })
  }, [doc.edges, overlay, diff, readOnly, edgeSelection])

  const onNodesChange = useCallback(
    (changes: NodeChange[]) => {
      let dims: Map<string, { width: number; height: number }> | null = null
      const moves = new Map<string, { x: number; y: number }>()
      let select: Set<string> | null = null
      for (const c of changes) {
        if (c.type === 'dimensions' && c.dimensions) {
          dims ??= new Map(measured)
          dims.set(c.id, { width: c.dimensions.width, height: c.dimensions.height })
        } else if (c.type === 'position' && c.position && !readOnly && !diff) moves.set(c.id, c.position)
        else if (c.type === 'select') {
          select ??= new Set(selection)
          if (c.selected) select.add(c.id)
          else select.delete(c.id)
        }
      }
      if (dims) setMeasured(dims)
      if (select) onSelection(select)
      if (moves.size && room && dragFrom.current.size) setDragDrawn(new Map(moves))
      if (!moves.size) return
      // React Flow reports where a node is drawn; while overlays draw nodes apart that is not where
      // it is saved, so only the drag's movement is applied to the saved position. Worked out now:
      // the drag's start is forgotten when it stops, before the change below is applied.
      const from = new Map(dragFrom.current)
      change(
        (d) => ({
          ...d,
          nodes: d.nodes.map((n) => {
            const p = moves.get(n.id)
            if (!p) return n
            const f = from.get(n.id) ?? { saved: n.position, drawn: room?.get(n.id) ?? n.position }
            return { ...n, position: draggedTo(f.saved, f.drawn, p) }
          }),
        }),
        { step: false },
      )
    },
    [measured, readOnly, diff, selection, onSelection, change, room],
  )

  const isValidConnection = useCallback(
    (c: Connection | Edge) => {
      const problem = connectionProblem(doc, {
        source: c.source,
        sourceHandle: c.sourceHandle ?? null,
        target: c.target,
        targetHandle: c.targetHandle ?? null,
      })
      lastRefusal.current = problem
      return problem === null
    },
    [doc],
  )

  const onConnect = useCallback(
    (c: Connection) => {
      lastRefusal.current = null
      if (readOnly) return
      const problem = connectionProblem(doc, c)
      if (problem) return onRefused(problem)
      change((d) =>
        addEdge(d, {
          source: c.source,
          sourceHandle: c.sourceHandle!,
          target: c.target,
          targetHandle: c.targetHandle!,
        }),
      )
    },
    [doc, readOnly, change, onRefused],
  )

  const onConnectEnd = useCallback(() => {
    if (lastRefusal.current) onRefused(lastRefusal.current)
    lastRefusal.current = null
  }, [onRefused])

  const onDrop = useCallback(
    (e: React.DragEvent) => {
      e.preventDefault()
      if (readOnly || diff) return
      const raw = e.dataTransfer.getData(PALETTE_MIME)
      if (!raw) return
      const item = JSON.parse(raw) as PaletteItem
      const p = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY })
      const draft = createNode(doc, item, { x: Math.round(p.x - 110), y: Math.round(p.y - 30) })
      // Where it was dropped, unless that is on another node: then the nearest free spot.
      const sizes = new Map(
        flow
          .getNodes()
          .flatMap((n) =>
            n.measured?.width && n.measured.height
              ? [[n.id, { width: n.measured.width, height: n.measured.height }] as const]
              : [],
          ),
      )
      const node = { ...draft, position: freeSpot(doc, draft.position, NODE_SIZE[draft.type], sizes) }
      change((d) => ({ ...d, nodes: [...d.nodes, node] }))
      onSelection(new Set([node.id]))
      onCreated(node.id)
    },
    [readOnly, diff, flow, doc, change, onSelection, onCreated],
  )

  return (
    <section
      className="canvas"
      aria-label="Rule canvas: drop palette entries here"
      ref={wrapper}
      data-testid="canvas"
      onDragOver={(e) => {
        e.preventDefault()
        e.dataTransfer.dropEffect = 'move'
      }}
      onDrop={onDrop}
    >
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={(changes) => {
          let next: Set<string> | null = null
          for (const c of changes)
            if (c.type === 'select') {
              next ??= new Set(edgeSelection)
              if (c.selected) next.add(c.id)
              else next.delete(c.id)
            }
          if (next) setEdgeSelection(next)
        }}
        onNodeDragStart={(_e, _node, dragged) => {
          if (readOnly || diff) return
          checkpoint()
          const saved = new Map(doc.nodes.map((n) => [n.id, n.position]))
          dragFrom.current = new Map(
            dragged.map((n) => [n.id, { saved: saved.get(n.id) ?? n.position, drawn: n.position }]),
          )
        }}
        onNodeDragStop={() => {
          dragFrom.current = new Map()
          setDragDrawn(new Map())
        }}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        isValidConnection={isValidConnection}
        onBeforeDelete={async ({ nodes: ns, edges: es }) => {
          if (readOnly || diff) return false
          const ids = new Set(ns.map((n) => n.id))
          const edgeIds = new Set(es.map((e) => e.id))
          change((d) => {
            const without = removeNodes(d, ids)
            return { ...without, edges: without.edges.filter((e) => !edgeIds.has(e.id)) }
          })
          onSelection(new Set())
          setEdgeSelection(new Set())
          return false
        }}
        nodesDraggable={!readOnly && !diff}
        nodesConnectable={!readOnly && !diff}
        edgesReconnectable={false}
        deleteKeyCode={readOnly || diff ? null : ['Delete', 'Backspace']}
        multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
        selectionKeyCode="Shift"
        fitView
        fitViewOptions={{ padding: 0.2, duration: 0, maxZoom: 1 }}
        minZoom={0.2}
        maxZoom={2}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={20} />
        <MiniMap pannable zoomable data-testid="minimap" />
        <Controls showInteractive={false} />
      </ReactFlow>
    </section>
  )
}
