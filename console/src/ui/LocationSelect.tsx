/** A location picked by name from the hub's locations, for a dialog's form ('' until one is picked). */
export function LocationSelect(props: {
  value: string
  onChange: (locationId: string) => void
  locations: readonly { id: string; name: string }[]
  testId: string
}) {
  return (
    <label className="block">
      Location
      <select value={props.value} onChange={(e) => props.onChange(e.target.value)} data-testid={props.testId}>
        <option value="">Pick a location…</option>
        {props.locations.map((l) => (
          <option key={l.id} value={l.id}>
            {l.name}
          </option>
        ))}
      </select>
    </label>
  )
}
