import type { CompileResult } from '../../model/compile-graph'
import type { GraphDoc } from '../../model/graph-types'

/** The graph's size and the keyboard shortcuts. */
export function StatusBar(props: { doc: GraphDoc | null; compiled: CompileResult | null }) {
  const { doc } = props
  return (
    <footer className="statusbar small muted">
      {doc
        ? `${doc.nodes.length} nodes · ${doc.edges.length} connections · ${props.compiled?.rules.length ?? 0} rules`
        : ''}{' '}
      · Ctrl/Cmd+Z undo · Ctrl/Cmd+Shift+Z redo · Ctrl/Cmd+C/V/X/D copy, paste, cut, duplicate · Delete
      removes · Shift+Alt+T tidy up · Shift+drag selects several
    </footer>
  )
}
