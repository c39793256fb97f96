import type { JsonValue } from '../../../model/core-rules'

/** Decimal amounts travel as strings ("2.50"), percentages as numbers, as the pricing engine takes them. */
export function Amount(props: {
  label: string
  value: JsonValue | undefined
  testId: string
  onChange: (v: string | undefined) => void
}) {
  return (
    <label>
      {props.label}
      <input
        data-testid={props.testId}
        inputMode="decimal"
        placeholder="2.50"
        value={typeof props.value === 'string' ? props.value : ''}
        onChange={(e) => props.onChange(e.target.value.trim() === '' ? undefined : e.target.value.trim())}
      />
    </label>
  )
}

export function Percent(props: {
  label: string
  value: JsonValue | undefined
  testId: string
  onChange: (v: number | undefined) => void
}) {
  return (
    <label>
      {props.label}
      <input
        data-testid={props.testId}
        type="number"
        min={0}
        step={0.5}
        value={typeof props.value === 'number' ? props.value : ''}
        onChange={(e) => props.onChange(e.target.value === '' ? undefined : Number(e.target.value))}
      />
    </label>
  )
}
