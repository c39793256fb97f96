import { saveLabel, versionLabel } from '../../state/toolbar-labels'
import type { WorkspaceState } from '../../state/use-workspace'
import { SetPicker } from './SetPicker'

/** The rule set, where its working copy stands, and the commands on it. */
export function TopBar(props: {
  ws: WorkspaceState
  onNewSet: () => void
  onPublish: () => void
  onSignOut: () => void
}) {
  const { list, rs, me, readOnly, publishButton } = props.ws
  return (
    <header className="topbar">
      <b className="brand">Switchyard rules</b>
      <SetPicker sets={list.sets} setId={list.setId} onOpen={list.open} />
      {me.canEdit && (
        <button type="button" data-testid="new-set" onClick={props.onNewSet}>
          New rule set
        </button>
      )}
      <span className="spacer" />
      {rs.base && (
        <span className="small" data-testid="working-version">
          {versionLabel(rs.draftVersion, rs.base, rs.set?.liveVersion ?? null)}
        </span>
      )}
      <span className={`save ${rs.saveState}`} data-testid="save-state" title={rs.saveError ?? ''}>
        {saveLabel(me.canEdit, rs.saveState)}
      </span>
      <button
        type="button"
        data-testid="undo"
        disabled={readOnly || !rs.history?.past.length}
        onClick={rs.undo}
        title="Undo (Ctrl/Cmd+Z)"
      >
        Undo
      </button>
      <button
        type="button"
        data-testid="redo"
        disabled={readOnly || !rs.history?.future.length}
        onClick={rs.redo}
        title="Redo (Ctrl/Cmd+Shift+Z)"
      >
        Redo
      </button>
      <button
        type="button"
        data-testid="tidy"
        disabled={readOnly}
        onClick={props.ws.edit.tidy}
        title="Tidy up (Shift+Alt+T)"
      >
        Tidy up
      </button>
      {me.canEdit && (
        <button
          type="button"
          className="primary"
          data-testid="publish"
          disabled={!publishButton.enabled}
          title={publishButton.title}
          onClick={props.onPublish}
        >
          {publishButton.label}
        </button>
      )}
      <span className="who small" data-testid="who">
        {me.name} · {me.role}
      </span>
      <button type="button" className="link" onClick={props.onSignOut}>
        Sign out
      </button>
    </header>
  )
}
