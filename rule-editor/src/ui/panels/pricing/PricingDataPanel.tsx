import { useEffect, useState } from 'react'
import { type Api, type PriceListSummary, type Product, problemText } from '../../../api/client'
import { CostsEditor } from './CostsEditor'
import { PriceListEditor } from './PriceListEditor'
import { RatesEditor } from './RatesEditor'

type Section = 'lists' | 'costs' | 'rates'

/**
 * The data pricing rules price from, edited beside them: price lists and contracts, costs and
 * exchange rates. A rule that chooses a list is useless without one, so the list it names can be
 * made here. Writing needs pricing:write (admins, analysts, integrators); viewers see the data read only.
 */
export function PricingDataPanel(props: {
  api: Api
  channels: string[]
  segments: string[]
  permissions: readonly string[]
  onListsChanged: () => void
}) {
  const { api } = props
  const canWrite = props.permissions.includes('pricing:write')
  const [section, setSection] = useState<Section>('lists')
  const [lists, setLists] = useState<PriceListSummary[] | null>(null)
  const [open, setOpen] = useState<string | null | 'new'>(null)
  const [products, setProducts] = useState<Product[]>([])
  const [error, setError] = useState<string | null>(null)
  const load = () =>
    api
      .priceLists()
      .then(setLists)
      .catch((e) => setError(problemText(e)))
  // biome-ignore lint/correctness/useExhaustiveDependencies: loads once
  useEffect(() => {
    void load()
    void api.products().then(setProducts)
  }, [api])

  return (
    <div className="pricing-data" data-testid="pricing-data">
      <nav className="row" aria-label="Pricing data">
        {(
          [
            ['lists', 'Price lists'],
            ['costs', 'Costs'],
            ['rates', 'Exchange rates'],
          ] as const
        ).map(([s, label]) => (
          <button
            key={s}
            type="button"
            data-testid={`pd-${s}`}
            className={section === s ? 'active' : ''}
            aria-pressed={section === s}
            onClick={() => setSection(s)}
          >
            {label}
          </button>
        ))}
      </nav>
      {!canWrite && (
        <p className="small muted">
          Read only: changing pricing data needs an analyst, integrator or admin key.
        </p>
      )}
      {error && <p className="error">{error}</p>}
      {section === 'costs' && <CostsEditor api={api} products={products} canWrite={canWrite} />}
      {section === 'rates' && <RatesEditor api={api} canWrite={canWrite} />}
      {section === 'lists' &&
        (open !== null ? (
          <PriceListEditor
            api={api}
            listId={open === 'new' ? null : open}
            products={products}
            channels={props.channels}
            segments={props.segments}
            canWrite={canWrite}
            onSaved={(id) => {
              setOpen(id)
              void load()
              props.onListsChanged()
            }}
            onClose={() => setOpen(null)}
          />
        ) : (
          <>
            <ul className="lists" data-testid="price-lists">
              {(lists ?? []).map((l) => (
                <li key={l.id} data-list={l.id}>
                  <button type="button" className="link" onClick={() => setOpen(l.id)}>
                    <b>{l.name}</b>
                  </button>{' '}
                  <span className="pill">{l.kind === 'contract' ? 'contract' : l.currency}</span>
                  <div className="small muted">
                    {l.priceCount} prices · {l.channel ? `channel ${l.channel}` : 'every channel'}
                    {l.customerGroup ? ` · segment ${l.customerGroup}` : ''} · priority {l.priority}
                  </div>
                </li>
              ))}
              {lists?.length === 0 && <li className="muted">No price lists yet.</li>}
            </ul>
            <button type="button" data-testid="pl-new" disabled={!canWrite} onClick={() => setOpen('new')}>
              New price list
            </button>
          </>
        ))}
    </div>
  )
}
