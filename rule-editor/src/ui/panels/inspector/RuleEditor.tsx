import { actionSpec, criteriaLabels } from '../../../model/actions'
import type { Catalogue } from '../../../model/catalogue'
import type { JsonValue } from '../../../model/core-rules'
import type { GraphDoc, GraphNode, NodeOf } from '../../../model/graph-types'
import { type SplitOverride, splitOverrides } from '../../../model/split-overrides'
import { MultiPick } from './MultiPick'
import { PricingFields, pricingTypes } from './PricingFields'

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
  const setParam = (k: string, v: JsonValue | undefined) => {
    const next = { ...params }
    if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0 && k !== 'tags')) delete next[k]
    else next[k] = v
    setParams(next, k)
  }
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
      {(type === 'exclude' || type === 'restrict' || type === 'prefer') && targetPickers}
      {(type === 'exclude' || type === 'restrict') && text('reason', 'Reason (shown in decisions)')}
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
                const { priority: _p, ...rest } = r.data
                return {
                  ...r,
                  data: e.target.value === '' ? rest : { ...rest, priority: Number(e.target.value) },
                } as GraphNode
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

function SplitFields(props: {
  value: Record<string, JsonValue>
  onChange: (v: Record<string, JsonValue>) => void
}) {
  const v = props.value
  return (
    <>
      <label>
        Split
        <select
          data-testid="insp-split-policy"
          value={String(v.policy ?? 'allowed')}
          onChange={(e) =>
            props.onChange(
              e.target.value === 'never' ? { policy: 'never' } : { policy: 'allowed', maxShipments: 2 },
            )
          }
        >
          <option value="allowed">allowed</option>
          <option value="never">never</option>
        </select>
      </label>
      {v.policy !== 'never' && (
        <>
          <label>
            At most shipments
            <input
              type="number"
              min={1}
              max={20}
              value={typeof v.maxShipments === 'number' ? v.maxShipments : ''}
              onChange={(e) => {
                const { maxShipments: _m, ...rest } = v
                props.onChange(
                  e.target.value === '' ? rest : { ...rest, maxShipments: Number(e.target.value) },
                )
              }}
            />
          </label>
          <label>
            Each shipment worth at least
            <input
              type="number"
              min={0}
              value={typeof v.minShipmentValue === 'number' ? v.minShipmentValue : ''}
              onChange={(e) => {
                const { minShipmentValue: _m, ...rest } = v
                props.onChange(
                  e.target.value === '' ? rest : { ...rest, minShipmentValue: Number(e.target.value) },
                )
              }}
            />
          </label>
        </>
      )}
    </>
  )
}

function StrategyFields(props: {
  overrides: SplitOverride[]
  params: Record<string, JsonValue>
  setParams: (next: Record<string, JsonValue>, field: string) => void
  setParam: (k: string, v: JsonValue | undefined) => void
  cat: Catalogue
  locations: [string, string][]
  tags: [string, string][]
  types: [string, string][]
}) {
  const { params, setParams, setParam } = props
  const filters = (params.filters as Record<string, JsonValue> | undefined) ?? {}
  const setFilter = (k: string, v: JsonValue | undefined) => {
    const next = { ...filters }
    if (v === undefined || (Array.isArray(v) && v.length === 0)) delete next[k]
    else next[k] = v
    const p = { ...params }
    if (Object.keys(next).length) p.filters = next
    else delete p.filters
    setParams(p, `filter:${k}`)
  }
  const split = (params.split as Record<string, JsonValue> | undefined) ?? { policy: 'allowed' }
  const unfillable = params.unfillable as { action?: string; days?: number } | undefined
  return (
    <>
      <label>
        Name
        <input
          data-testid="insp-label"
          value={String(params.label ?? '')}
          onChange={(e) => setParam('label', e.target.value)}
        />
      </label>
      <label>
        Strategy id
        <input
          data-testid="insp-id"
          value={String(params.id ?? '')}
          onChange={(e) => setParam('id', e.target.value)}
        />
      </label>
      <label>
        Order (lower is tried first)
        <input
          type="number"
          min={0}
          value={typeof params.sequence === 'number' ? params.sequence : ''}
          onChange={(e) => setParam('sequence', e.target.value === '' ? undefined : Number(e.target.value))}
        />
      </label>
      <label className="inline">
        <input
          type="checkbox"
          data-testid="insp-fallback"
          checked={params.fallback === true}
          onChange={(e) => setParam('fallback', e.target.checked ? true : undefined)}
        />
        Fallback: may fill part of the order when no strategy fills it whole
      </label>
      <h4>Only from</h4>
      <label>
        Countries
        <select
          data-testid="insp-countries"
          value={
            filters.countries === 'destination'
              ? 'destination'
              : Array.isArray(filters.countries)
                ? 'list'
                : 'any'
          }
          onChange={(e) =>
            setFilter(
              'countries',
              e.target.value === 'destination'
                ? 'destination'
                : e.target.value === 'list'
                  ? [props.cat.values.countries[0] ?? 'NZ']
                  : undefined,
            )
          }
        >
          <option value="any">any country</option>
          <option value="destination">the destination country</option>
          <option value="list">these countries…</option>
        </select>
      </label>
      {Array.isArray(filters.countries) && (
        <MultiPick
          label="Countries"
          testId="insp-country-list"
          options={props.cat.values.countries.map((c) => [c, c])}
          value={filters.countries as string[]}
          onChange={(v) => setFilter('countries', v)}
        />
      )}
      <MultiPick
        label="Tagged"
        testId="insp-filter-tags"
        options={props.tags}
        value={(filters.tags as string[]) ?? []}
        onChange={(v) => setFilter('tags', v)}
      />
      <MultiPick
        label="Types"
        testId="insp-filter-types"
        options={props.types}
        value={(filters.types as string[]) ?? []}
        onChange={(v) => setFilter('types', v)}
      />
      <label>
        Within km
        <input
          type="number"
          min={0}
          value={typeof filters.maxDistanceKm === 'number' ? filters.maxDistanceKm : ''}
          onChange={(e) =>
            setFilter('maxDistanceKm', e.target.value === '' ? undefined : Number(e.target.value))
          }
        />
      </label>
      <h4>Splitting</h4>
      <SplitFields value={split} onChange={(v) => setParams({ ...params, split: v }, 'split')} />
      {props.overrides.length > 0 && (
        <p className="small warning" data-testid="insp-split-overridden">
          When its rule fires, a split policy rule overrides these settings:{' '}
          {props.overrides.map((o) => `‘${o.rule}’ (${o.text.toLowerCase()})`).join(', ')}. Of several that
          fire, the strictest wins; settings a rule leaves out keep this strategy’s.
        </p>
      )}
      <label>
        Lines it cannot fill
        <select
          data-testid="insp-strategy-unfillable"
          value={unfillable?.action ?? 'none'}
          onChange={(e) =>
            setParam(
              'unfillable',
              e.target.value === 'none'
                ? undefined
                : e.target.value === 'backorder'
                  ? { action: 'backorder' }
                  : { action: 'cancelAfter', days: 7 },
            )
          }
        >
          <option value="none">try the next strategy</option>
          <option value="backorder">backorder</option>
          <option value="cancelAfter">cancel after 7 days</option>
        </select>
      </label>
      <p className="small muted">Weights: connect a scoring node to the strategy’s “weights” input.</p>
    </>
  )
}
