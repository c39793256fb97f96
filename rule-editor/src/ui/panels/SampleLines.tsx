/** A sample order's lines as both simulate panels edit them: a sku picker and a quantity per line. */
export interface SampleLine {
  sku: string
  quantity: number
}

export interface SampleProduct {
  sku: string
  name: string
  hazmat?: boolean
  highValue?: boolean
}

export function SampleLines(props: {
  lines: SampleLine[]
  products: SampleProduct[]
  onChange: (lines: SampleLine[]) => void
}) {
  const { lines, products, onChange } = props
  const update = (i: number, change: Partial<SampleLine>) =>
    onChange(lines.map((x, j) => (j === i ? { ...x, ...change } : x)))
  return (
    <>
      {lines.map((l, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines are edited in place
        <div key={i} className="row">
          <select
            data-testid={`sim-sku-${i}`}
            value={l.sku}
            onChange={(e) => update(i, { sku: e.target.value })}
          >
            {products.map((p) => (
              <option key={p.sku} value={p.sku}>
                {p.name} ({p.sku}){p.hazmat ? ' · hazmat' : ''}
                {p.highValue ? ' · high value' : ''}
              </option>
            ))}
          </select>
          <input
            type="number"
            min={1}
            className="qty"
            data-testid={`sim-qty-${i}`}
            value={l.quantity}
            onChange={(e) => update(i, { quantity: Number(e.target.value) || 1 })}
          />
          <button type="button" className="link" onClick={() => onChange(lines.filter((_, j) => j !== i))}>
            ×
          </button>
        </div>
      ))}
      <button
        type="button"
        onClick={() => onChange([...lines, { sku: products[0]?.sku ?? '', quantity: 1 }])}
      >
        Add line
      </button>
    </>
  )
}
