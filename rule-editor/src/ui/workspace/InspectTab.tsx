import type { WorkspaceState } from '../../state/use-workspace'
import { selectedNode } from '../../state/workspace-view'
import { DiffList } from '../panels/DiffList'
import { Inspector } from '../panels/inspector/Inspector'

/** The selected node, several selected, or (comparing versions) the list of differences. */
export function InspectTab({ ws }: { ws: WorkspaceState }) {
  const { view, rs } = ws
  if (view.diff) return <DiffList diff={view.diff.diff} onGo={ws.focusNode} />
  if (!rs.doc) return null
  if (view.selection.size > 1)
    return (
      <p className="muted">
        {view.selection.size} nodes selected: copy, cut, duplicate or delete them together.
      </p>
    )
  return (
    <Inspector
      doc={rs.doc}
      node={selectedNode(rs.doc, view)}
      catalogue={ws.catalogue}
      readOnly={ws.readOnly}
      change={rs.change}
      onEveryoneElse={ws.edit.addEveryoneElse}
    />
  )
}
