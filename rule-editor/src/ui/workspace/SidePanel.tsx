import { catalogueNames, ruleNames } from '../../model/names'
import type { WorkspaceState } from '../../state/use-workspace'
import { tabs } from '../../state/workspace-view'
import { ImpactPanel } from '../panels/ImpactPanel'
import { JsonPanel } from '../panels/JsonPanel'
import { LocationsPanel } from '../panels/LocationsPanel'
import { PricingImpactPanel } from '../panels/PricingImpactPanel'
import { PricingSimulatePanel } from '../panels/PricingSimulatePanel'
import { ProblemsPanel } from '../panels/ProblemsPanel'
import { PricingDataPanel } from '../panels/pricing/PricingDataPanel'
import { SimulatePanel } from '../panels/SimulatePanel'
import { VersionsPanel } from '../panels/VersionsPanel'
import { InspectTab } from './InspectTab'

/** The tabs beside the canvas; sourcing and pricing each simulate and measure impact their own way. */
export function SidePanel({ ws }: { ws: WorkspaceState }) {
  const { view, dispatch } = ws
  return (
    <aside className="side">
      <nav className="tabs">
        {tabs(ws.problems.length, ws.kind).map(([t, label]) => (
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
  const names = catalogueNames(catalogue.values)
  const labels = ruleNames(rs.doc, names)
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
          labels={labels}
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
          labels={labels}
          onGoToRule={ws.goToRule}
          onClear={clearSim}
        />
      )
    case 'impact':
      return pricing ? (
        <PricingImpactPanel api={api} quoteDraft={sim.quoteDraft} onOpenOrder={ws.openOrder} />
      ) : (
        <ImpactPanel
          names={names}
          labels={labels}
          versions={rs.set?.versions ?? []}
          liveVersion={rs.set?.liveVersion ?? null}
          workingVersion={rs.workingVersion}
          against={view.against}
          onAgainst={(version) => ws.dispatch({ type: 'against', version })}
          run={sim.backtest}
          onOpenOrder={ws.openOrder}
        />
      )
    case 'locations':
      return <LocationsPanel api={api} doc={rs.doc} onGo={ws.focusNode} />
    case 'pricing-data':
      return (
        <PricingDataPanel
          api={api}
          segments={ws.catalogues.sourcing.values.segments ?? []}
          channels={catalogue.values.channels}
          permissions={ws.me.permissions}
          onListsChanged={ws.catalogues.reload}
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
