import { Handle, type NodeProps, Position } from '@xyflow/react'
import { criteriaLabels } from '../../model/actions'
import type { LeafCondition } from '../../model/core-rules'
import { describeAction, describeCondition, describeLeaf } from '../../model/describe'
import type { DiffStatus } from '../../model/diff'
import type { GraphNode } from '../../model/graph-types'
import type { NodeState } from '../../model/sim-overlay'

export interface CanvasNodeData extends Record<string, unknown> {
  node: GraphNode
  state?: NodeState
  diff?: DiffStatus
  errors: number
  warnings: number
  seen?: string
  notes?: string[]
  /** An action's rule tests location facts (so without a target it acts on the location tested). */
  locationTested?: boolean
  /** A strategy: what the split rules that may replace its split settings set. */
  splitOverrides?: string[]
}

const stateText: Partial<Record<NodeState, string>> = {
  true: 'true',
  false: 'false',
  skipped: 'not evaluated',
  unknown: 'not traced',
  fired: 'applied',
  'not-fired': 'did not apply',
}

function Frame(props: { data: CanvasNodeData; kind: string; title: string; children?: React.ReactNode }) {
  const { data } = props
  return (
    <div
      className={`sy-node sy-${props.kind}${data.errors ? ' has-error' : ''}${data.state ? ` state-${data.state}` : ''}${data.diff ? ` diff-${data.diff}` : ''}`}
      data-state={data.state}
      data-diff={data.diff}
      data-testid={`node-${data.node.id}`}
    >
      <div className="sy-node-head">
        <span className="sy-kind">{props.kind}</span>
        <span className="sy-title">{props.title}</span>
        {data.errors > 0 && (
          <span className="sy-badge error" title="Problems">
            {data.errors}
          </span>
        )}
        {data.errors === 0 && data.warnings > 0 && (
          <span className="sy-badge warning" title="Warnings">
            {data.warnings}
          </span>
        )}
      </div>
      {props.children}
      {data.state && stateText[data.state] && (
        <div className={`sy-state state-${data.state}`}>{stateText[data.state]}</div>
      )}
      {data.seen && <div className="sy-seen">{data.seen}</div>}
      {data.notes?.map((n) => (
        <div key={n} className="sy-note">
          {n}
        </div>
      ))}
      {data.diff && data.diff !== 'unchanged' && (
        <div className={`sy-diff diff-${data.diff}`}>{data.diff}</div>
      )}
    </div>
  )
}

function In() {
  return <Handle type="target" position={Position.Left} id="in" className="kind-flow" />
}

function Branches() {
  return (
    <>
      <Handle
        type="source"
        position={Position.Right}
        id="true"
        style={{ top: '35%' }}
        className="kind-flow out-true"
      />
      <span className="sy-port-label yes">yes</span>
      <Handle
        type="source"
        position={Position.Right}
        id="false"
        style={{ top: '75%' }}
        className="kind-flow out-false"
      />
      <span className="sy-port-label no">no</span>
    </>
  )
}

export function StartNode({ data }: NodeProps) {
  const d = data as CanvasNodeData
  const kind = d.node.type === 'start' ? d.node.data.kind : 'sourcing'
  const tz = d.node.type === 'start' ? d.node.data.timezone : undefined
  return (
    <Frame data={d} kind="start" title={`Each ${kind === 'returns' ? 'return' : 'order'}`}>
      <div className="sy-body">
        {kind} rules begin here{tz ? ` · times in ${tz}` : ''}
      </div>
      <Handle type="source" position={Position.Right} id="out" className="kind-flow" />
    </Frame>
  )
}

export function ConditionNode({ data }: NodeProps) {
  const d = data as CanvasNodeData
  const n = d.node
  const text = n.type === 'condition' ? describeLeaf(n.data.leaf as LeafCondition) : ''
  return (
    <Frame data={d} kind="condition" title="If">
      <In />
      <div className="sy-body">{text}</div>
      <Branches />
    </Frame>
  )
}

export function GroupNode({ data }: NodeProps) {
  const d = data as CanvasNodeData
  const n = d.node
  const tree = n.type === 'group' ? n.data.tree : { all: [] }
  const comb = 'all' in tree ? 'All of' : 'any' in tree ? 'Any of' : 'Not'
  return (
    <Frame data={d} kind="group" title={comb}>
      <In />
      <div className="sy-body">{describeCondition(tree)}</div>
      <Branches />
    </Frame>
  )
}

export function ScoringNode({ data }: NodeProps) {
  const d = data as CanvasNodeData
  const n = d.node
  const criteria = n.type === 'scoring' ? n.data.criteria : {}
  return (
    <Frame data={d} kind="scoring" title="Scoring">
      <div className="sy-body">
        {Object.entries(criteria).map(([k, v]) => (
          <div key={k} className="sy-weight">
            <span>{criteriaLabels[k] ?? k}</span>
            <span className="bar" style={{ width: `${Math.min(100, v * 4)}%` }} />
            <span>{v}</span>
          </div>
        ))}
        {Object.keys(criteria).length === 0 && <span className="muted">service-level defaults</span>}
      </div>
      <Handle type="source" position={Position.Right} id="weights" className="kind-weights" />
    </Frame>
  )
}

export function StrategyNode({ data }: NodeProps) {
  const d = data as CanvasNodeData
  const n = d.node
  const p = (n.type === 'strategy' ? n.data.event.params : {}) ?? {}
  const filters = p.filters as Record<string, unknown> | undefined
  const split = p.split as { policy?: string; maxShipments?: number } | undefined
  return (
    <Frame data={d} kind="strategy" title={String(p.label ?? p.id ?? 'Strategy')}>
      <In />
      <Handle
        type="target"
        position={Position.Bottom}
        id="criteria"
        className="kind-weights"
        title="weights from a scoring node"
      />
      <span className="sy-port-label in-criteria">weights</span>
      <div className="sy-body">
        {p.fallback ? <b>Fallback · </b> : null}
        {split?.policy === 'never' ? 'never split' : `split ≤ ${split?.maxShipments ?? '∞'}`}
        {d.splitOverrides?.length ? (
          <span className="sy-override" title="A split rule that fires replaces these settings">
            {' '}
            (a split rule wins when it fires: {d.splitOverrides.join(' / ')})
          </span>
        ) : null}
        {filters?.countries === 'destination' ? ' · in-country' : ''}
        {Array.isArray(filters?.tags) && (filters.tags as string[]).length
          ? ` · tagged ${(filters.tags as string[]).join('+')}`
          : ''}
        {p.unfillable ? ` · ${(p.unfillable as { action: string }).action}` : ''}
      </div>
    </Frame>
  )
}

export function ActionNode({ data }: NodeProps) {
  const d = data as CanvasNodeData
  const n = d.node
  const ev = n.type === 'action' ? n.data.event : { type: '?', params: {} }
  return (
    <Frame data={d} kind="action" title={ev.type}>
      <In />
      <div className="sy-body">{describeAction(ev.type, ev.params ?? {}, d.locationTested)}</div>
    </Frame>
  )
}

export const nodeTypes = {
  start: StartNode,
  condition: ConditionNode,
  group: GroupNode,
  scoring: ScoringNode,
  strategy: StrategyNode,
  action: ActionNode,
}
