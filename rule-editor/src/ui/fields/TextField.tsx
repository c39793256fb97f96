import type { InputHTMLAttributes } from 'react'

/**
 * A labelled input edited as text: the row every form here repeats (sample order, price list).
 * Anything else an input takes (type, placeholder, inputMode, maxLength, list) passes through.
 */
export function TextField(
  props: {
    label: string
    /** `data-testid` of the input. */
    testId?: string
    value: string
    onChange: (value: string) => void
  } & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'>,
) {
  const { label, testId, value, onChange, ...input } = props
  return (
    <label>
      {label}
      <input data-testid={testId} value={value} onChange={(e) => onChange(e.target.value)} {...input} />
    </label>
  )
}
