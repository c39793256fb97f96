import { actionSpec, criteriaLabels } from '../../model/actions'
import { type Catalogue, type FactInfo, factLabel, operatorLabels, valueOptions } from '../../model/catalogue'
import {
  type Condition,
  isAll,
  isAny,
  isNot,
  type JsonValue,
  type LeafCondition,
} from '../../model/core-rules'
import { describeCondition } from '../../model/describe'
import type { GraphDoc, GraphNode, Leaf, NodeOf } from '../../model/graph-types'

type Change = (next: (d: GraphDoc) => GraphDoc, opts?: { coalesce?: string }) => void

interface Props {
  doc: GraphDoc
  node: GraphNode | null
  catalogue: Catalogue
  readOnly: boolean
  change: Change
}

/** Edits the selected node in business terms: pickers from the hub's fact catalogue and live lists. */
export function Inspector({ doc, node, catalogue, readOnly, change }: Props) {
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
        <p>
          Every {node.data.kind === 'returns' ? 'return' : 'order'} starts here. Connect it to conditions or
          straight to a strategy.
        </p>
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
      {node.type === 'scoring' && <ScoringEditor node={node} catalogue={catalogue} update={update} />}
      {(node.type === 'strategy' || node.type === 'action') && (
        <RuleEditor doc={doc} node={node} catalogue={catalogue} update={update} />
      )}
    </fieldset>
  )
}

/* ---------------- conditions ---------------- */

function defaultValue(fact: FactInfo | undefined, operator: string, cat: Catalogue): JsonValue {
  const opts = valueOptions(cat, fact)
  const list = operator === 'in' || operator === 'notIn'
  let v: JsonValue
  if (!fact) v = ''
  else if (fact.type === 'boolean') v = true
  else if (fact.type === 'number') v = 0
  else v = opts?.[0]?.[0] ?? ''
  return list ? (v === '' ? [] : [v]) : v
}

export function LeafEditor(props: {
  leaf: Leaf
  catalogue: Catalogue
  prefix: string
  onChange: (leaf: Leaf, field: string) => void
}) {
  const { leaf, catalogue: cat, prefix } = props
  const fact = cat.facts.find((f) => f.id === leaf.fact)
  const operators = fact?.operators ?? Object.keys(operatorLabels)
  const base = leaf.operator.split(':').pop()!
  const decorated = leaf.operator.includes(':')
  const scopes: [string, FactInfo[]][] = [
    ['Order', cat.facts.filter((f) => f.scope === 'order')],
    ['Line', cat.facts.filter((f) => f.scope === 'line')],
    ['Location', cat.facts.filter((f) => f.scope === 'location')],
  ]
  return (
    <div className="leaf-editor">
      <label>
        Fact
        <select
          data-testid={`${prefix}-fact`}
          value={leaf.fact}
          onChange={(e) => {
            const next = cat.facts.find((f) => f.id === e.target.value)
            const op = next && !next.operators.includes(base) ? next.operators[0]! : leaf.operator
            props.onChange(
              { ...leaf, fact: e.target.value, operator: op, value: defaultValue(next, op, cat) },
              'fact',
            )
          }}
        >
          {!fact && <option value={leaf.fact}>{leaf.fact} (unknown)</option>}
          {scopes.map(([label, list]) => (
            <optgroup key={label} label={label}>
              {list.map((f) => (
                <option key={f.id} value={f.id} title={f.description}>
                  {factLabel(f.id)}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      {fact && <div className="muted small">{fact.description}</div>}
      <label>
        Test
        <select
          data-testid={`${prefix}-operator`}
          value={leaf.operator}
          onChange={(e) => {
            const op = e.target.value
            const wasList = base === 'in' || base === 'notIn'
            const isList = op === 'in' || op === 'notIn'
            let value = leaf.value as JsonValue
            if (wasList !== isList)
              value = isList
                ? value === '' || value === null
                  ? []
                  : [value as JsonValue]
                : ((value as JsonValue[])[0] ?? defaultValue(fact, op, cat))
            props.onChange({ ...leaf, operator: op, value }, 'operator')
          }}
        >
          {decorated && <option value={leaf.operator}>{leaf.operator}</option>}
          {operators.map((o) => (
            <option key={o} value={o}>
              {operatorLabels[o] ?? o}
            </option>
          ))}
        </select>
      </label>
      <ValueEditor
        fact={fact}
        operator={base}
        value={leaf.value as JsonValue}
        catalogue={cat}
        testId={`${prefix}-value`}
        onChange={(value) => props.onChange({ ...leaf, value }, 'value')}
      />
    </div>
  )
}

function ValueEditor(props: {
  fact: FactInfo | undefined
  operator: string
  value: JsonValue
  catalogue: Catalogue
  testId: string
  onChange: (v: JsonValue) => void
}) {
  const { fact, operator, value, catalogue } = props
  const options = valueOptions(catalogue, fact)
  const list = operator === 'in' || operator === 'notIn'
  if (value !== null && typeof value === 'object' && !Array.isArray(value))
    return <div className="muted small">Compares with another fact: {JSON.stringify(value)}</div>
  if (fact?.type === 'boolean')
    return (
      <label>
        Value
        <select
          data-testid={props.testId}
          value={String(value)}
          onChange={(e) => props.onChange(e.target.value === 'true')}
        >
          <option value="true">yes</option>
          <option value="false">no</option>
        </select>
      </label>
    )
  if (list) {
    const current = Array.isArray(value) ? value : []
    if (options?.length)
      return (
        <MultiPick
          label="Values"
          testId={props.testId}
          options={options}
          value={current.map(String)}
          onChange={(v) => props.onChange(fact?.type === 'number' ? v.map(Number) : v)}
        />
      )
    return (
      <label>
        Values (comma-separated)
        <input
          data-testid={props.testId}
          defaultValue={current.join(', ')}
          key={current.join(',')}
          onBlur={(e) => {
            const parts = e.target.value
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean)
            props.onChange(fact?.type === 'number' ? parts.map(Number) : parts)
          }}
        />
      </label>
    )
  }
  if (fact?.type === 'number')
    return (
      <label>
        Value{fact.unit ? ` (${fact.unit})` : ''}
        <input
          data-testid={props.testId}
          type="number"
          value={typeof value === 'number' ? value : ''}
          onChange={(e) => props.onChange(e.target.value === '' ? null : Number(e.target.value))}
        />
      </label>
    )
  if (options?.length)
    return (
      <label>
        Value
        <select
          data-testid={props.testId}
          value={String(value ?? '')}
          onChange={(e) => props.onChange(e.target.value)}
        >
          {!options.some(([v]) => v === value) && (
            <option value={String(value ?? '')}>{String(value ?? '') || '(choose)'}</option>
          )}
          {options.map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </select>
      </label>
    )
  return (
    <label>
      Value
      <input
        data-testid={props.testId}
        value={String(value ?? '')}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </label>
  )
}

export function MultiPick(props: {
  label: string
  options: [string, string][]
  value: string[]
  testId: string
  onChange: (v: string[]) => void
}) {
  const extra = props.value.filter((v) => !props.options.some(([o]) => o === v))
  return (
    <div className="multipick" data-testid={props.testId}>
      <div className="small">{props.label}</div>
      {[...props.options, ...extra.map((v) => [v, `${v} (unknown)`] as [string, string])].map(([v, l]) => (
        <label key={v} className="inline">
          <input
            type="checkbox"
            value={v}
            checked={props.value.includes(v)}
            onChange={(e) =>
              props.onChange(e.target.checked ? [...props.value, v] : props.value.filter((x) => x !== v))
            }
          />
          {l}
        </label>
      ))}
      {props.options.length === 0 && extra.length === 0 && <span className="muted small">(none known)</span>}
    </div>
  )
}

/* ---------------- groups ---------------- */

function GroupEditor(props: {
  node: NodeOf<'group'>
  catalogue: Catalogue
  update: (fn: (n: GraphNode) => GraphNode, field: string) => void
}) {
  const tree = props.node.data.tree
  const negated = isNot(tree) && (isAll(tree.not) || isAny(tree.not))
  const inner: Condition = negated ? (tree as { not: Condition }).not : tree
  const comb = isAll(inner) ? 'all' : isAny(inner) ? 'any' : null
  if (!comb)
    return (
      <p className="small">This group holds: {describeCondition(tree)}. Edit it as JSON through import.</p>
    )
  const items = isAll(inner) ? inner.all : (inner as { any: Condition[] }).any
  const mode = negated ? (comb === 'any' ? 'none' : 'notall') : comb
  const rebuild = (m: string, list: Condition[]) => {
    const core = m === 'all' || m === 'notall' ? { all: list } : { any: list }
    return m === 'none' || m === 'notall' ? { not: core } : core
  }
  const set = (m: string, list: Condition[], field: string) =>
    props.update(
      (n) => ({
        ...(n as NodeOf<'group'>),
        data: { tree: rebuild(m, list) as NodeOf<'group'>['data']['tree'] },
      }),
      field,
    )
  return (
    <div>
      <label>
        Holds when
        <select
          data-testid="insp-combinator"
          value={mode}
          onChange={(e) => set(e.target.value, items, 'combinator')}
        >
          <option value="all">all of these hold</option>
          <option value="any">any of these holds</option>
          <option value="none">none of these holds</option>
          <option value="notall">not all of these hold</option>
        </select>
      </label>
      {items.map((c, i) => {
        const isLeaf = !isAll(c) && !isAny(c) && !isNot(c)
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity beyond their place
          <div key={i} className="group-row">
            {isLeaf ? (
              <LeafEditor
                leaf={c as Leaf}
                catalogue={props.catalogue}
                prefix={`insp-row${i}`}
                onChange={(leaf, field) =>
                  set(
                    mode,
                    items.map((x, j) => (j === i ? ({ ...(x as LeafCondition), ...leaf } as Condition) : x)),
                    `row${i}:${field}`,
                  )
                }
              />
            ) : (
              <div className="small">{describeCondition(c)}</div>
            )}
            <button
              type="button"
              className="link"
              onClick={() =>
                set(
                  mode,
                  items.filter((_, j) => j !== i),
                  `remove${i}`,
                )
              }
            >
              Remove
            </button>
          </div>
        )
      })}
      <button
        type="button"
        data-testid="insp-add-row"
        onClick={() =>
          set(mode, [...items, { fact: 'order.country', operator: 'equal', value: 'NZ' }], 'add')
        }
      >
        Add condition
      </button>
    </div>
  )
}

/* ---------------- scoring ---------------- */

function ScoringEditor(props: {
  node: NodeOf<'scoring'>
  catalogue: Catalogue
  update: (fn: (n: GraphNode) => GraphNode, field: string) => void
}) {
  const criteria = props.node.data.criteria
  const all = props.catalogue.criteria.length ? props.catalogue.criteria : Object.keys(criteriaLabels)
  const set = (next: Record<string, number>, field: string) =>
    props.update((n) => ({ ...(n as NodeOf<'scoring'>), data: { criteria: next } }), field)
  return (
    <div>
      <p className="small muted">
        How much each criterion counts when the strategy ranks locations (0 = ignore). Unticked criteria use
        the service level’s default.
      </p>
      {all.map((k) => {
        const on = Object.hasOwn(criteria, k)
        return (
          <div key={k} className="slider-row">
            <label className="inline">
              <input
                type="checkbox"
                checked={on}
                onChange={(e) => {
                  const next = { ...criteria }
                  if (e.target.checked) next[k] = 1
                  else delete next[k]
                  set(next, `on:${k}`)
                }}
              />
              {criteriaLabels[k] ?? k}
            </label>
            <input
              type="range"
              data-testid={`insp-weight-${k}`}
              min={0}
              max={50}
              step={0.5}
              disabled={!on}
              value={criteria[k] ?? 0}
              onChange={(e) => set({ ...criteria, [k]: Number(e.target.value) }, `w:${k}`)}
            />
            <span className="num">{on ? criteria[k] : '—'}</span>
          </div>
        )
      })}
    </div>
  )
}

/* ---------------- strategies and actions ---------------- */

function RuleEditor(props: {
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
      {type === 'adjust' && (
        <>
          <label>
            By
            <select value={String(params.by ?? 'percent')} onChange={(e) => setParam('by', e.target.value)}>
              <option value="percent">percent</option>
              <option value="amount">amount</option>
            </select>
          </label>
          {num('amount', 'Amount (negative lowers the price)')}
        </>
      )}
      {type === 'chooseList' && text('priceList', 'Price list')}
      {type === 'round' && num('ending', 'Ending (e.g. 0.99)', { min: 0, max: 0.99, step: 0.01 })}
      {type === 'floor' && num('amount', 'Lowest price', { min: 0 })}
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
