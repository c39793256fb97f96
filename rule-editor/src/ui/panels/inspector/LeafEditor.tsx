import {
  type Catalogue,
  type FactInfo,
  factLabel,
  operatorLabels,
  valueOptions,
} from '../../../model/catalogue'
import type { JsonValue } from '../../../model/core-rules'
import type { Leaf } from '../../../model/graph-types'
import { seenValues, unseenMessage } from '../../../model/seen-values'
import { MultiPick } from './MultiPick'

/** One condition: a fact from the hub's catalogue, a test that fits its type, a value with live options. */
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
        Value
        {fact.unit === 'currency'
          ? " (in the order's own currency, not converted)"
          : fact.unit
            ? ` (${fact.unit})`
            : ''}
        <input
          data-testid={props.testId}
          type="number"
          value={typeof value === 'number' ? value : ''}
          onChange={(e) => props.onChange(e.target.value === '' ? null : Number(e.target.value))}
        />
      </label>
    )
  const seen = seenValues(catalogue, fact)
  if (seen && fact) {
    // An open set the hub has seen values of: type anything, pick from what is known.
    const warning = unseenMessage(catalogue, fact.id, value)
    return (
      <label>
        Value
        <input
          data-testid={props.testId}
          list={`${props.testId}-seen`}
          value={String(value ?? '')}
          aria-invalid={warning ? true : undefined}
          onChange={(e) => props.onChange(e.target.value)}
        />
        <datalist id={`${props.testId}-seen`}>
          {seen.map((v) => (
            <option key={v} value={v} />
          ))}
        </datalist>
        {warning ? (
          <span className="warning small" role="status" data-testid={`${props.testId}-unseen`}>
            {warning}
          </span>
        ) : seen.length === 0 ? (
          <span className="muted small">Nothing seen yet to suggest.</span>
        ) : null}
      </label>
    )
  }
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
