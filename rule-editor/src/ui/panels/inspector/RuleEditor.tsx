import { actionSpec, criteriaLabels } from '../../../model/actions'
import type { Catalogue } from '../../../model/catalogue'
import type { JsonValue } from '../../../model/core-rules'
import type { GraphDoc, GraphNode, NodeOf } from '../../../model/graph-types'
import { splitOverrides } from '../../../model/split-overrides'
import { MultiPick } from './MultiPick'
import { PricingFields, pricingTypes } from './PricingFields'
import { withNumber, withParam } from './params'
import { SplitFields } from './SplitFields'
import { StrategyFields } from './StrategyFields'

/** A strategy or an action: the event's settings in words, and the rule's priority. */
export function RuleEditor(props: {
  doc: GraphDoc
  node: NodeOf<'strategy'> | NodeOf<'action'>
  catalogue: Catalogue
  update: (fn: (n: GraphNode) => GraphNode, field: string) => void
}) {
  const { node, catalogue: cat } = props
  const params = (node.data.event.params ?? {}) as Record<string, JsonValue>
  const setParams = (next: Record<string, JsonValue>, field: string) =>
    props.update((n) => {
      const r = n as NodeOf<'action'>
      return { ...r, data: { ...r.data, event: { ...r.data.event, params: next } } } as GraphNode
    }, field)
  const setParam = (k: string, v: JsonValue | undefined) => setParams(withParam(params, k, v), k)
  const locations = cat.values.locations.map((l) => [l.id, `${l.name} (${l.id})`] as [string, string])
  const tags = cat.values.tags.map((t) => [t, t] as [string, string])
  const types = cat.values.locationTypes.map((t) => [t, t] as [string, string])
  const type = node.data.event.type
  const spec = actionSpec(props.doc.kind, type)
  const num = (k: string, label: string, extra: { min?: number; max?: number; step?: number } = {}) => (
    <label>
      {label}
      <input
        type="number"
        data-testid={`insp-${k}`}
        {...extra}
        value={typeof params[k] === 'number' ? (params[k] as number) : ''}
        onChange={(e) => setParam(k, e.target.value === '' ? undefined : Number(e.target.value))}
      />
    </label>
  )
  const text = (k: string, label: string) => (
    <label>
      {label}
      <input
        data-testid={`insp-${k}`}
        value={String(params[k] ?? '')}
        onChange={(e) => setParam(k, e.target.value)}
      />
    </label>
  )
  const targetPickers = (
    <>
      <MultiPick
        label="Locations tagged"
        testId="insp-tags"
        options={tags}
        value={(params.tags as string[]) ?? []}
        onChange={(v) => setParam('tags', v)}
      />
      <MultiPick
        label="Locations"
        testId="insp-locations"
        options={locations}
        value={(params.locations as string[]) ?? []}
        onChange={(v) => setParam('locations', v)}
      />
      <MultiPick
        label="Location types"
        testId="insp-types"
        options={types}
        value={(params.types as string[]) ?? []}
        onChange={(v) => setParam('types', v)}
      />
    </>
  )
  return (
    <div>
      {spec && <p className="small muted">{spec.help}</p>}
      {node.type === 'strategy' && (
        <StrategyFields
          overrides={splitOverrides(props.doc, String(params.id ?? node.id))}
          params={params}
          setParams={setParams}
          setParam={setParam}
          cat={cat}
          locations={locations}
          tags={tags}
          types={types}
        />
      )}
      {(type === 'exclude' || type === 'restrict' || type === 'prefer' || type === 'shipToStore') &&
        targetPickers}
      {(type === 'exclude' || type === 'restrict' || type === 'shipToStore') &&
        text('reason', 'Reason (shown in decisions)')}
      {type === 'prefer' && num('bonus', 'Bonus (0–1)', { min: 0, max: 1, step: 0.05 })}
      {type === 'weight' && (
        <>
          <label>
            Criterion
            <select
              data-testid="insp-criterion"
              value={String(params.criterion ?? '')}
              onChange={(e) => setParam('criterion', e.target.value)}
            >
              {Object.entries(criteriaLabels).map(([k, l]) => (
                <option key={k} value={k}>
                  {l}
                </option>
              ))}
            </select>
          </label>
          {num('factor', 'Multiply by', { min: 0, step: 0.5 })}
          {num('weight', 'Or set to', { min: 0, step: 0.5 })}
        </>
      )}
      {type === 'split' && (
        <SplitFields value={params} onChange={(v) => setParams({ ...params, ...v }, 'split')} />
      )}
      {type === 'shipTogether' && text('group', 'Group name')}
      {type === 'hold' && text('reason', 'Reason a person reads')}
      {type === 'unfillable' && (
        <>
          <label>
            Lines no location can fill
            <select
              data-testid="insp-unfillable"
              value={String(params.action ?? 'backorder')}
              onChange={(e) => setParam('action', e.target.value)}
            >
              <option value="backorder">backorder them</option>
              <option value="cancelAfter">cancel them after some days</option>
            </select>
          </label>
          {params.action === 'cancelAfter' && num('days', 'Days', { min: 0, max: 365 })}
          {params.action !== 'cancelAfter' &&
            num('priority', 'Backorder priority (1 first; empty: by placement)', { min: 1, max: 9 })}
        </>
      )}
      {type === 'serviceLevel' && (
        <label>
          Service level
          <select
            data-testid="insp-serviceLevel"
            value={String(params.serviceLevel ?? '')}
            onChange={(e) => setParam('serviceLevel', e.target.value)}
          >
            {cat.values.serviceLevels.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
      )}
      {(pricingTypes as readonly string[]).includes(type) && (
        <PricingFields type={type} params={params} setParams={setParams} cat={cat} />
      )}
      <details className="advanced">
        <summary>Advanced</summary>
        <label>
          Rule priority (higher is evaluated first; 1 if empty)
          <input
            type="number"
            min={1}
            value={node.data.priority ?? ''}
            onChange={(e) =>
              props.update((n) => {
                const r = n as NodeOf<'action'>
                return { ...r, data: withNumber(r.data, 'priority', e.target.value) } as GraphNode
              }, 'priority')
            }
          />
        </label>
        <div className="small muted">
          Rule name: {node.data.ruleName === undefined ? node.id : String(node.data.ruleName)}
        </div>
      </details>
    </div>
  )
}
