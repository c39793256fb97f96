import type { WorkspaceState } from '../../state/use-workspace'

/** What the editor must say above the canvas: read only, not saved, a conflict, a comparison. */
export function Banners({ ws }: { ws: WorkspaceState }) {
  const { rs, me, view, dispatch } = ws
  const diff = view.diff
  return (
    <>
      {!me.canEdit && (
        <div className="banner" data-testid="read-only-banner">
          Read only: your key’s role ({me.role}) can look at rules and simulate orders, not change or publish
          them.
        </div>
      )}
      {rs.saveError && rs.saveState === 'error' && (
        <div className="banner error">
          Not saved: {rs.saveError} (your changes are kept in this browser){' '}
          <button type="button" onClick={() => void rs.flush().catch(() => undefined)}>
            Try again
          </button>
        </div>
      )}
      {rs.conflict && (
        <div className="banner error" data-testid="conflict-banner">
          {rs.conflict.by ?? 'Someone'} saved this draft
          {rs.conflict.at ? ` at ${new Date(rs.conflict.at).toLocaleTimeString()}` : ''} while you were
          editing it. Your changes are kept in this browser.{' '}
          <button
            type="button"
            data-testid="conflict-theirs"
            onClick={() => void rs.resolveConflict('theirs')}
          >
            Take theirs (drop mine)
          </button>{' '}
          <button type="button" data-testid="conflict-mine" onClick={() => void rs.resolveConflict('mine')}>
            Keep mine (replace theirs)
          </button>
        </div>
      )}
      {rs.loadError && <div className="banner error">{rs.loadError}</div>}
      {diff && (
        <div className="banner diff" data-testid="diff-banner">
          Comparing v{diff.a} → v{diff.b}: <span className="pill added">{diff.diff.counts.added} added</span>{' '}
          <span className="pill removed">{diff.diff.counts.removed} removed</span>{' '}
          <span className="pill changed">{diff.diff.counts.changed} changed</span>
          <button type="button" data-testid="diff-exit" onClick={() => dispatch({ type: 'exitDiff' })}>
            Back to editing
          </button>
        </div>
      )}
    </>
  )
}
