import type { WorkspaceState } from '../../state/use-workspace'
import { tabs } from '../../state/workspace-view'
import { ImpactPanel } from '../panels/ImpactPanel'
import { JsonPanel } from '../panels/JsonPanel'
import { PricingImpactPanel } from '../panels/PricingImpactPanel'
import { PricingSimulatePanel } from '../panels/PricingSimulatePanel'
import { ProblemsPanel } from '../panels/ProblemsPanel'
import { SimulatePanel } from '../panels/SimulatePanel'
import { VersionsPanel } from '../panels/VersionsPanel'
import { InspectTab } from './InspectTab'

/** The tabs beside the canvas; sourcing and pricing each simulate and measure impact their own way. */
export function SidePanel({ ws }: { ws: WorkspaceState }) {
  const { view, dispatch } = ws
  return (
    <aside className="side">
      <nav className="tabs">
        {tabs(ws.problems.length).map(([t, label]) => (
          <button
            key={t}
            type="button"
            data-testid={`tab-${t}`}
            className={view.tab === t ? 'active' : ''}
            onClick={() => dispatch({ type: 'tab', tab: t })}
          >
            {label}
          </button>
        ))}
      </nav>
      <div className="tab-body">
        <TabBody ws={ws} />
      </div>
    </aside>
  )
}

function TabBody({ ws }: { ws: WorkspaceState }) {
  const { rs, view, sim, kind, catalogue, api } = ws
  const pricing = kind === 'pricing'
  const clearSim = () => ws.dispatch({ type: 'clearSim' })
  switch (view.tab) {
    case 'inspect':
      return <InspectTab ws={ws} />
    case 'json':
      return rs.compiled ? (
        <JsonPanel rules={rs.compiled.rules} readOnly={ws.readOnly} onImport={ws.importJson} />
      ) : null
    case 'problems':
      return <ProblemsPanel problems={ws.problems} onGo={ws.focusNode} />
    case 'simulate':
      return pricing ? (
        <PricingSimulatePanel
          api={api}
          catalogue={catalogue}
          requestedOrder={ws.requestedOrder}
          onRun={sim.quote}
          result={view.sim?.kind === 'quote' ? view.sim.result : null}
          onGoToRule={ws.goToRule}
          onClear={clearSim}
        />
      ) : (
        <SimulatePanel
          api={api}
          catalogue={catalogue}
          requestedOrder={ws.requestedOrder}
          onRun={sim.simulate}
          result={view.sim?.kind === 'route' ? view.sim.result : null}
          onGoToRule={ws.goToRule}
          onClear={clearSim}
        />
      )
    case 'impact':
      return pricing ? (
        <PricingImpactPanel api={api} quoteDraft={sim.quoteDraft} onOpenOrder={ws.openOrder} />
      ) : (
        <ImpactPanel
          names={new Map(catalogue.values.locations.map((l) => [l.id, l.name]))}
          run={sim.backtest}
          onOpenOrder={ws.openOrder}
        />
      )
    case 'versions':
      return rs.set ? (
        <VersionsPanel
          versions={rs.set.versions}
          liveVersion={rs.set.liveVersion ?? null}
          workingVersion={rs.workingVersion}
          readOnly={!ws.me.canEdit}
          onCompare={(a, b) => void ws.compare(a, b)}
          onRollback={ws.rollback}
        />
      ) : null
  }
}
