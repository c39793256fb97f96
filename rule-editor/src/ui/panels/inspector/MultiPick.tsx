/** A list of checkboxes: several locations, tags, countries… Unknown values stay visible and can be unticked. */
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
