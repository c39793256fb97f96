import { ReactFlowProvider } from '@xyflow/react'
import { useEffect, useRef, useState } from 'react'
import type { Api, Me } from '../api/client'
import { useWorkspace } from '../state/use-workspace'
import { Canvas } from './canvas/Canvas'
import { NewSetDialog } from './panels/NewSetDialog'
import { Palette } from './panels/Palette'
import { PublishDialog } from './panels/PublishDialog'
import { Banners } from './workspace/Banners'
import { SidePanel } from './workspace/SidePanel'
import { StatusBar } from './workspace/StatusBar'
import { TopBar } from './workspace/TopBar'

type Props = {
  api: Api
  me: Me
  onSignOut: () => void
  /** A stored order to simulate once the rule set is open (the console's "simulate this order"). */
  simulateOrder?: string | null
}

export function Workspace(props: Props) {
  return (
    <ReactFlowProvider>
      <WorkspaceInner {...props} />
    </ReactFlowProvider>
  )
}

const none = new Map<string, never>()

/** The editor's layout; its state and commands live in useWorkspace. */
function WorkspaceInner({ api, me, onSignOut, simulateOrder }: Props) {
  const ws = useWorkspace(api, me)
  const { rs, view, dispatch } = ws
  // Simulating saves first, so it waits for the rule set to be drawn; each order is asked for once.
  const simulated = useRef<string | null>(null)
  const { openOrder } = ws
  useEffect(() => {
    if (simulateOrder && rs.doc && simulated.current !== simulateOrder) {
      simulated.current = simulateOrder
      openOrder(simulateOrder)
    }
  }, [simulateOrder, rs.doc, openOrder])
  const [dialog, setDialog] = useState<'publish' | 'new-set' | null>(null)
  const close = () => setDialog(null)
  // A comparison shows the difference, not this version's simulation or problems.
  const comparing = view.diff !== null
  return (
    <div className="workspace">
      <TopBar
        ws={ws}
        onNewSet={() => setDialog('new-set')}
        onPublish={() => setDialog('publish')}
        onSignOut={onSignOut}
      />
      <Banners ws={ws} />
      <div className="main">
        <Palette kind={ws.kind} disabled={ws.readOnly} onAdd={ws.edit.addFromPalette} />
        {rs.doc ? (
          <Canvas
            doc={rs.doc}
            readOnly={ws.readOnly}
            selection={view.selection}
            onSelection={ws.select}
            change={rs.change}
            checkpoint={rs.checkpoint}
            overlay={comparing ? null : ws.sim.overlay}
            diff={view.diff?.diff ?? null}
            issues={comparing ? none : ws.issuesByNode}
            notes={comparing ? none : ws.sim.notes}
            onRefused={(r) => ws.showToast(`Cannot connect: ${r}`)}
            onCreated={() => dispatch({ type: 'tab', tab: 'inspect' })}
          />
        ) : (
          <div className="canvas center muted">{ws.list.setId ? 'Loading…' : 'No rule set yet.'}</div>
        )}
        <SidePanel ws={ws} />
      </div>
      <StatusBar doc={rs.doc} compiled={rs.compiled} />
      {ws.toast && (
        <div className="toast" role="status" data-testid="toast">
          {ws.toast}
        </div>
      )}
      {dialog === 'publish' && rs.draftVersion !== null && (
        <PublishDialog
          version={rs.draftVersion}
          preview={ws.publishPreview}
          onClose={close}
          onPublish={ws.publish}
          onGo={(id) => {
            close()
            ws.focusNode(id)
          }}
        />
      )}
      {dialog === 'new-set' && (
        <NewSetDialog
          onClose={close}
          onCreate={async (name, kind) => {
            await ws.list.create(name, kind)
            close()
          }}
        />
      )}
    </div>
  )
}
