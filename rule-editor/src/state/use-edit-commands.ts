import { useReactFlow } from '@xyflow/react'
import { type Dispatch, useCallback, useRef } from 'react'
import {
  type Clip,
  copySelection,
  createNode,
  everyoneElse,
  type PaletteItem,
  paste,
  removeNodes,
} from '../model/edit-ops'
import { autoLayout, freeSpot, NODE_SIZE } from '../model/layout'
import { clipFromText, clipOf, clipToText } from './clipboard'
import type { RuleSetState } from './use-rule-set'
import type { ViewAction } from './workspace-view'

/** Fits the whole graph on screen once React Flow has laid out what was just rendered. */
export function useFitSoon(): (delayMs?: number) => void {
  const flow = useReactFlow()
  return useCallback(
    (delayMs = 30) =>
      void setTimeout(() => void flow.fitView({ padding: 0.2, duration: 0, maxZoom: 1 }), delayMs),
    [flow],
  )
}

/** The canvas's editing commands (toolbar, palette and keyboard): each a no-op when read only. */
export function useEditCommands(
  rs: RuleSetState,
  readOnly: boolean,
  selection: ReadonlySet<string>,
  dispatch: Dispatch<ViewAction>,
) {
  const flow = useReactFlow()
  const fitSoon = useFitSoon()
  const clipboard = useRef<Clip | null>(null)
  const doc = rs.doc

  /** A palette click drops the node in the middle of what the canvas shows, in free space. */
  const addFromPalette = useCallback(
    (item: PaletteItem) => {
      if (!doc || readOnly) return
      const box = document.querySelector('.canvas')?.getBoundingClientRect()
      const p = flow.screenToFlowPosition({
        x: (box?.left ?? 0) + (box?.width ?? 800) / 2,
        y: (box?.top ?? 0) + (box?.height ?? 600) / 2,
      })
      const draft = createNode(doc, item, { x: Math.round(p.x - 110), y: Math.round(p.y - 40) })
      // Near the centre of the view, but never on top of another node.
      const node = {
        ...draft,
        position: freeSpot(doc, draft.position, NODE_SIZE[draft.type], measuredSizes(flow.getNodes())),
      }
      rs.change((d) => ({ ...d, nodes: [...d.nodes, node] }))
      dispatch({ type: 'focus', id: node.id })
    },
    [doc, readOnly, flow, rs, dispatch],
  )

  const tidy = useCallback(() => {
    if (!doc || readOnly) return
    const measured = measuredSizes(flow.getNodes())
    rs.change((d) => autoLayout(d, measured))
    fitSoon()
  }, [doc, readOnly, flow, rs, fitSoon])

  const copy = useCallback(() => {
    if (!doc || selection.size === 0) return
    clipboard.current = copySelection(doc, selection)
    void navigator.clipboard?.writeText(clipToText(clipboard.current)).catch(() => undefined)
  }, [doc, selection])

  const pasteClip = useCallback(async () => {
    if (!doc || readOnly) return
    let clip = clipboard.current
    try {
      clip = clipFromText(await navigator.clipboard?.readText()) ?? clip
    } catch {
      // No permission to read it: the in-page clipboard is enough.
    }
    if (!clip || clip.nodes.length === 0) return
    const r = paste(doc, clip, { x: 40, y: 40 })
    rs.change(r.doc)
    clipboard.current = clipOf(r.doc, r.ids)
    dispatch({ type: 'select', ids: r.ids })
  }, [doc, readOnly, rs, dispatch])

  const removeSelection = useCallback(() => {
    if (!doc || readOnly || selection.size === 0) return
    rs.change((d) => removeNodes(d, selection))
    dispatch({ type: 'select', ids: [] })
  }, [doc, readOnly, selection, rs, dispatch])

  /** A condition's `no` output gets its own action, connected, in free space. */
  const addEveryoneElse = useCallback(
    (conditionId: string) => {
      if (!doc || readOnly) return
      const sizes = measuredSizes(flow.getNodes())
      const r = everyoneElse(doc, conditionId, (n, want) => freeSpot(doc, want, NODE_SIZE[n.type], sizes))
      if (!r) return
      rs.change(() => r.doc)
      dispatch({ type: 'focus', id: r.id })
    },
    [doc, readOnly, flow, rs, dispatch],
  )

  return { addFromPalette, tidy, copy, paste: pasteClip, removeSelection, addEveryoneElse }
}

/** The sizes React Flow measured, by node id. */
function measuredSizes(nodes: { id: string; measured?: { width?: number; height?: number } }[]) {
  return new Map(
    nodes.flatMap((n) =>
      n.measured?.width && n.measured.height
        ? [[n.id, { width: n.measured.width, height: n.measured.height }] as const]
        : [],
    ),
  )
}
