import { useEffect, useState } from 'react'
import { type Api, type Product, problemText } from '../../../api/client'
import { PasteBox } from './PasteBox'

type Cost = Awaited<ReturnType<Api['costs']>>[number]

/** What each sku costs (the floor rule's margin is over it): searched, edited in place, pasted. */
export function CostsEditor(props: { api: Api; products: Product[]; canWrite: boolean }) {
  const { api } = props
  const [costs, setCosts] = useState<Cost[] | null>(null)
  const [edits, setEdits] = useState<Map<string, string>>(new Map())
  const [search, setSearch] = useState('')
  const [error, setError] = useState<string | null>(null)
  const load = () =>
    api
      .costs()
      .then((c) => {
        setCosts(c)
        setEdits(new Map())
      })
      .catch((e) => setError(problemText(e)))
  // biome-ignore lint/correctness/useExhaustiveDependencies: loads once
  useEffect(() => void load(), [api])
  const names = new Map(props.products.map((p) => [p.sku, p.name]))
  const q = search.trim().toLowerCase()
  const shown = (costs ?? []).filter(
    (c) => !q || c.sku.toLowerCase().includes(q) || (names.get(c.sku) ?? '').toLowerCase().includes(q),
  )
  return (
    <section data-testid="costs">
      <input
        type="search"
        aria-label="Search costs by sku or name"
        placeholder="Search sku or name"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      {error && <p className="error">{error}</p>}
      <table className="prices">
        <tbody>
          {shown.slice(0, 200).map((c) => (
            <tr key={c.sku} data-sku={c.sku}>
              <td>
                <b>{c.sku}</b>
                <div className="small muted">{names.get(c.sku) ?? ''}</div>
              </td>
              <td>
                <input
                  className="qty"
                  aria-label={`Cost of ${c.sku}`}
                  inputMode="decimal"
                  disabled={!props.canWrite}
                  value={edits.get(c.sku) ?? c.cost}
                  onChange={(e) => setEdits((m) => new Map(m).set(c.sku, e.target.value))}
                />{' '}
                {c.currency}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="row">
        <button
          type="button"
          disabled={!props.canWrite || edits.size === 0}
          onClick={async () => {
            setError(null)
            try {
              await api.setCosts(
                [...edits].map(([sku, cost]) => ({
                  sku,
                  cost: cost.trim(),
                  currency: costs?.find((c) => c.sku === sku)?.currency ?? 'NZD',
                })),
              )
              await load()
            } catch (e) {
              setError(problemText(e))
            }
          }}
        >
          Save {edits.size || ''} changed cost{edits.size === 1 ? '' : 's'}
        </button>
      </div>
      <PasteBox
        testId="costs-paste"
        hint="One “sku, cost, currency” per line (the currency defaults to NZD)"
        disabled={!props.canWrite}
        onApply={async (rows) => {
          await api.setCosts(rows.map((r) => ({ sku: r.sku, cost: r.amount, currency: r.currency ?? 'NZD' })))
          await load()
        }}
      />
    </section>
  )
}
