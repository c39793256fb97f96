import type { Quote, Simulation } from '../api/client'
import type { CompileResult } from '../model/compile-graph'
import type { GraphDiff } from '../model/diff'
import type { GraphDoc, GraphNode } from '../model/graph-types'

/**
 * What the workspace shows around the rule set being edited: the side panel's tab, the selected
 * nodes, the last simulation laid over the canvas, and a comparison of two versions. One reducer,
 * because these move together (a comparison clears the simulation and the selection, opening
 * another rule set clears all three).
 */
export type Tab =
  | 'inspect'
  | 'json'
  | 'problems'
  | 'simulate'
  | 'impact'
  | 'versions'
  | 'locations'
  | 'pricing-data'

/** A routing simulation (sourcing) or a quote (pricing), with the rules it ran against. */
export type SimRun = { rulesJson: string; compiled: CompileResult | null } & (
  | { kind: 'route'; result: Simulation }
  | { kind: 'quote'; result: Quote }
)

/** Two versions compared: the canvas shows the difference, read only. */
export interface Comparison {
  a: number
  b: number
  diff: GraphDiff
}

export interface View {
  tab: Tab
  selection: ReadonlySet<string>
  sim: SimRun | null
  diff: Comparison | null
  /** The version the working copy is compared with (impact, stale text): null for what is live. */
  against: number | null
}

export type ViewAction =
  | { type: 'tab'; tab: Tab }
  | { type: 'select'; ids: Iterable<string> }
  /** Select one node and inspect it. */
  | { type: 'focus'; id: string }
  /** Another rule set is open: nothing of the last one's stays. */
  | { type: 'setOpened' }
  | { type: 'simulated'; sim: SimRun }
  | { type: 'clearSim' }
  /** The compiled rules are now these: a simulation of other rules no longer describes the canvas. */
  | { type: 'rulesChanged'; rulesJson: string }
  | { type: 'compared'; diff: Comparison }
  | { type: 'exitDiff' }
  | { type: 'against'; version: number | null }

export const initialView: View = {
  tab: 'inspect',
  selection: new Set(),
  sim: null,
  diff: null,
  against: null,
}

export function viewReducer(view: View, action: ViewAction): View {
  switch (action.type) {
    case 'tab':
      return { ...view, tab: action.tab }
    case 'select': {
      const selection = new Set(action.ids)
      // Picking one node (a click, whatever tab is open) opens it in the inspector; a selection
      // box, the pane or the same node again leaves the tab alone.
      const picked =
        selection.size === 1 && !(view.selection.size === 1 && view.selection.has([...selection][0]!))
      return { ...view, selection, tab: picked ? 'inspect' : view.tab }
    }
    case 'focus':
      return { ...view, selection: new Set([action.id]), tab: 'inspect' }
    case 'setOpened':
      return { ...view, selection: new Set(), sim: null, diff: null, against: null }
    case 'simulated':
      return { ...view, sim: action.sim, diff: null }
    case 'clearSim':
      return { ...view, sim: null }
    case 'rulesChanged':
      // The same state when nothing is dropped, so React skips the render.
      return view.sim && view.sim.rulesJson !== action.rulesJson ? { ...view, sim: null } : view
    case 'compared':
      return { ...view, sim: null, selection: new Set(), diff: action.diff }
    case 'exitDiff':
      return { ...view, diff: null }
    case 'against':
      return { ...view, against: action.version }
  }
}

/** A comparison is read only, whatever the key's role. */
export const isReadOnly = (view: View, canEdit: boolean): boolean => !canEdit || view.diff !== null

/** The node the inspector edits: one selected, and not while comparing versions. */
export function selectedNode(doc: GraphDoc | null, view: View): GraphNode | null {
  if (!doc || view.selection.size !== 1 || view.diff) return null
  return doc.nodes.find((n) => view.selection.has(n.id)) ?? null
}

/** The side panel's tabs; a sourcing set lists its locations, a pricing set its price data. */
export function tabs(
  problems: number,
  kind: 'sourcing' | 'pricing' | 'returns' = 'sourcing',
): [Tab, string][] {
  return [
    ['inspect', 'Inspector'],
    ['json', 'JSON'],
    ['problems', `Problems${problems ? ` (${problems})` : ''}`],
    ['simulate', 'Simulate'],
    ['impact', 'Impact'],
    ['versions', 'Versions'],
    ...(kind === 'pricing'
      ? ([['pricing-data', 'Price lists']] as [Tab, string][])
      : ([['locations', 'Locations']] as [Tab, string][])),
  ]
}
