import type { Condition, JsonValue, LeafCondition, TopLevelCondition } from './core-rules'

/**
 * The editor's graph document: what a version stores beside its compiled json-rules-engine rules
 * (the `graph` column). Positions and labels live here; meaning lives in the rules it compiles to.
 * Connections are keyed by node id. Condition outputs are the named handles `true` and `false`.
 */
export const GRAPH_SCHEMA_VERSION = 1

export type RuleSetKind = 'sourcing' | 'pricing' | 'returns'

export interface Position {
  x: number
  y: number
}

/** The leaf a condition node tests, as json-rules-engine has it, without its `name`. */
export type Leaf = Omit<LeafCondition, 'name'>

export interface StartData {
  kind: RuleSetKind
  /** The version's time zone for order.placedHour and order.placedWeekday (saved as its settings). */
  timezone?: string
}

export interface ConditionData {
  leaf: Leaf
  /**
   * The condition `name` in the compiled rule. Absent: the node id (what the editor creates).
   * null: no name (an imported condition had none). A string: that name (imported, when the
   * name could not be the node id because another node has it).
   */
  name?: string | null
}

export interface GroupData {
  /** An all/any/not tree of leaves, compiled as written. */
  tree: TopLevelCondition
}

export interface ScoringData {
  /** Criterion weights; compiled into the connected strategies' `criteria`. */
  criteria: Record<string, number>
}

/** Both strategy and action nodes become one rule each. */
export interface RuleNodeData {
  /** The rule's event; a strategy's `criteria` come from its connected scoring node instead. */
  event: { type: string; params?: Record<string, JsonValue> }
  /** As for conditions: absent = node id, null = no name, string = that name. */
  ruleName?: string | null
  priority?: number
  /** Rule properties json-rules-engine keeps that the editor does not edit (onSuccess…). */
  extra?: Record<string, JsonValue>
}

export type NodeType = 'start' | 'condition' | 'group' | 'scoring' | 'strategy' | 'action'

export type GraphNode =
  | { id: string; type: 'start'; position: Position; data: StartData }
  | { id: string; type: 'condition'; position: Position; data: ConditionData }
  | { id: string; type: 'group'; position: Position; data: GroupData }
  | { id: string; type: 'scoring'; position: Position; data: ScoringData }
  | { id: string; type: 'strategy'; position: Position; data: RuleNodeData }
  | { id: string; type: 'action'; position: Position; data: RuleNodeData }

export type NodeOf<T extends NodeType> = Extract<GraphNode, { type: T }>

export interface GraphEdge {
  id: string
  source: string
  /** `out` (start), `true`/`false` (condition, group), `weights` (scoring). */
  sourceHandle: string
  target: string
  /** `in` (condition, group, strategy, action), `criteria` (strategy). */
  targetHandle: string
}

export interface GraphDoc {
  schemaVersion: typeof GRAPH_SCHEMA_VERSION
  kind: RuleSetKind
  nodes: GraphNode[]
  edges: GraphEdge[]
  viewport?: { x: number; y: number; zoom: number }
}

export type { Condition, JsonValue, TopLevelCondition }

export const isRuleNode = (n: GraphNode): n is NodeOf<'strategy'> | NodeOf<'action'> =>
  n.type === 'strategy' || n.type === 'action'

/** What travels along a connection: the order (with the facts tested so far), or criterion weights. */
export type HandleKind = 'flow' | 'weights'

export interface HandleSpec {
  id: string
  kind: HandleKind
}

export const handles: Record<NodeType, { sources: HandleSpec[]; targets: HandleSpec[] }> = {
  start: { sources: [{ id: 'out', kind: 'flow' }], targets: [] },
  condition: {
    sources: [
      { id: 'true', kind: 'flow' },
      { id: 'false', kind: 'flow' },
    ],
    targets: [{ id: 'in', kind: 'flow' }],
  },
  group: {
    sources: [
      { id: 'true', kind: 'flow' },
      { id: 'false', kind: 'flow' },
    ],
    targets: [{ id: 'in', kind: 'flow' }],
  },
  scoring: { sources: [{ id: 'weights', kind: 'weights' }], targets: [] },
  strategy: {
    sources: [],
    targets: [
      { id: 'in', kind: 'flow' },
      { id: 'criteria', kind: 'weights' },
    ],
  },
  action: { sources: [], targets: [{ id: 'in', kind: 'flow' }] },
}
