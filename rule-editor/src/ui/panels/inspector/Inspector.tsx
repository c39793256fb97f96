import type { Catalogue } from '../../../model/catalogue'
import type { GraphDoc, GraphNode, NodeOf } from '../../../model/graph-types'
import { GroupEditor } from './GroupEditor'
import { LeafEditor } from './LeafEditor'
import { RuleEditor } from './RuleEditor'
import { ScoringEditor } from './ScoringEditor'

type Change = (next: (d: GraphDoc) => GraphDoc, opts?: { coalesce?: string }) => void

interface Props {
  doc: GraphDoc
  node: GraphNode | null
  catalogue: Catalogue
  readOnly: boolean
  change: Change
  /** Gives a condition's `no` output an action of its own. */
  onEveryoneElse?: (conditionId: string) => void
}

/** Edits the selected node in business terms: pickers from the hub's fact catalogue and live lists. */
export function Inspector({ doc, node, catalogue, readOnly, change, onEveryoneElse }: Props) {
  if (!node) return <p className="muted">Select a node to edit it. Drag new ones from the palette.</p>
  const update = (fn: (n: GraphNode) => GraphNode, field: string) =>
    change((d) => ({ ...d, nodes: d.nodes.map((n) => (n.id === node.id ? fn(n) : n)) }), {
      coalesce: `${node.id}:${field}`,
    })
  return (
    <fieldset className="inspector" disabled={readOnly} data-testid="inspector" data-node={node.id}>
      <div className="muted small">
        {node.type} · <code>{node.id}</code>
      </div>
      {node.type === 'start' && (
        <>
          <p>
            Every {node.data.kind === 'returns' ? 'return' : 'order'} starts here. Connect it to conditions,
            or straight to a strategy that applies to every order.
          </p>
          <label>
            Time zone for “placed hour” and “placed weekday”
            <input
              data-testid="insp-timezone"
              list="sy-timezones"
              placeholder="UTC"
              value={node.data.timezone ?? ''}
              onChange={(e) =>
                update((n) => {
                  const s = n as NodeOf<'start'>
                  const { timezone: _t, ...rest } = s.data
                  return { ...s, data: e.target.value ? { ...rest, timezone: e.target.value } : rest }
                }, 'timezone')
              }
            />
            <datalist id="sy-timezones">
              {timeZones().map((z) => (
                <option key={z} value={z} />
              ))}
            </datalist>
          </label>
          {node.data.timezone && !timeZones().includes(node.data.timezone) && (
            <p className="error small">Not a time zone this browser knows; the hub will refuse it.</p>
          )}
        </>
      )}
      {node.type === 'condition' && (
        <LeafEditor
          leaf={node.data.leaf}
          catalogue={catalogue}
          prefix="insp"
          onChange={(leaf, field) =>
            update(
              (n) => ({ ...(n as NodeOf<'condition'>), data: { ...(n as NodeOf<'condition'>).data, leaf } }),
              field,
            )
          }
        />
      )}
      {node.type === 'group' && <GroupEditor node={node} catalogue={catalogue} update={update} />}
      {(node.type === 'condition' || node.type === 'group') &&
        onEveryoneElse &&
        !doc.edges.some((e) => e.source === node.id && e.sourceHandle === 'false') && (
          <button type="button" data-testid="insp-everyone-else" onClick={() => onEveryoneElse(node.id)}>
            Everyone else: give the “no” branch its own action
          </button>
        )}
      {node.type === 'scoring' && <ScoringEditor node={node} catalogue={catalogue} update={update} />}
      {(node.type === 'strategy' || node.type === 'action') && (
        <RuleEditor doc={doc} node={node} catalogue={catalogue} update={update} />
      )}
    </fieldset>
  )
}

function timeZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (k: string) => string[] }
  return intl.supportedValuesOf?.('timeZone') ?? ['UTC', 'Pacific/Auckland', 'Australia/Sydney']
}
