import { useState } from 'react'

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
  /** What `line.tags` rules test (fragile, lithium). */
  tags?: string[]
}

/** What the form knows of a line's sku: its price (or why none), and its stock per location. */
export interface SampleLineInfo {
  /** "Price NZD 49.00", or "No price: why"; null while unknown. */
  price: string | null
  stock: { locationId: string; name: string; available: number }[]
}

export function SampleLines(props: {
  lines: SampleLine[]
  products: SampleProduct[]
  info?: ReadonlyMap<string, SampleLineInfo>
  onChange: (lines: SampleLine[]) => void
}) {
  const { lines, products, onChange } = props
  const [search, setSearch] = useState<string[]>([])
  const update = (i: number, change: Partial<SampleLine>) =>
    onChange(lines.map((x, j) => (j === i ? { ...x, ...change } : x)))
  return (
    <>
      {lines.map((l, i) => {
        const q = (search[i] ?? '').trim().toLowerCase()
        // The search narrows the list; the line's own sku always stays pickable.
        const shown = q
          ? products.filter(
              (p) => p.sku === l.sku || p.sku.toLowerCase().includes(q) || p.name.toLowerCase().includes(q),
            )
          : products
        const info = props.info?.get(l.sku)
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: lines are edited in place
          <div key={i} className="sample-line">
            <div className="row">
              <input
                type="search"
                className="sku-search"
                aria-label={`Search skus for line ${i + 1}`}
                placeholder="Search sku or name"
                data-testid={`sim-sku-search-${i}`}
                value={search[i] ?? ''}
                onChange={(e) => {
                  const next = [...search]
                  next[i] = e.target.value
                  setSearch(next)
                  const term = e.target.value.trim().toLowerCase()
                  const hit = products.find(
                    (p) => p.sku.toLowerCase().includes(term) || p.name.toLowerCase().includes(term),
                  )
                  if (term && hit && hit.sku !== l.sku) update(i, { sku: hit.sku })
                }}
              />
              <select
                data-testid={`sim-sku-${i}`}
                aria-label={`Sku of line ${i + 1}`}
                value={l.sku}
                onChange={(e) => update(i, { sku: e.target.value })}
              >
                {shown.map((p) => (
                  <option key={p.sku} value={p.sku}>
                    {p.name} ({p.sku}){p.hazmat ? ' · hazmat' : ''}
                    {p.highValue ? ' · high value' : ''}
                    {p.tags?.length ? ` · ${p.tags.join(', ')}` : ''}
                  </option>
                ))}
              </select>
              <input
                type="number"
                min={1}
                className="qty"
                aria-label={`Quantity of line ${i + 1}`}
                data-testid={`sim-qty-${i}`}
                value={l.quantity}
                onChange={(e) => update(i, { quantity: Number(e.target.value) || 1 })}
              />
              <button
                type="button"
                className="link"
                aria-label={`Remove line ${i + 1}`}
                onClick={() => onChange(lines.filter((_, j) => j !== i))}
              >
                ×
              </button>
            </div>
            {info && (
              <div className="small muted" data-testid={`sim-line-info-${i}`}>
                {info.price ?? 'No price'} · stock{' '}
                {info.stock.length ? info.stock.map((x) => `${x.name} ${x.available}`).join(', ') : 'nowhere'}
              </div>
            )}
          </div>
        )
      })}
      <button
        type="button"
        onClick={() => onChange([...lines, { sku: products[0]?.sku ?? '', quantity: 1 }])}
      >
        Add line
      </button>
    </>
  )
}
