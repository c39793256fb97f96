import { useEffect, useState } from 'react'
import type { Api, Product, Quote } from '../../api/client'
import type { Catalogue } from '../../model/catalogue'
import { browserTimeZone } from '../../model/dates'
import { type SampleOrder, sampleCustomer, sampleTags } from '../../model/sample-order'
import { seenValues, unseenMessage } from '../../model/seen-values'
import { TextField } from '../fields/TextField'
import { type SampleLineInfo, SampleLines } from './SampleLines'

/**
 * Every fact of a sourcing sample order, with the values the hub has seen offered and a typed value
 * nothing has flagged. Each line shows its price (the live pricing rules' quote) and its stock per
 * location, and the order total is the quote's, as the hub computes it.
 */
export function SampleOrderForm(props: {
  api: Api
  catalogue: Catalogue
  products: Product[]
  sample: SampleOrder
  onChange: (s: SampleOrder) => void
  /** The quote of the sample's lines, to send its prices with the order. */
  onPriced: (q: Quote | null) => void
}) {
  const { api, catalogue: cat, sample: s, onChange } = props
  const set = (change: Partial<SampleOrder>) => onChange({ ...s, ...change })
  const [quote, setQuote] = useState<Quote | null>(null)
  const [quoteError, setQuoteError] = useState<string | null>(null)
  const [stock, setStock] = useState<Map<string, { locationId: string; available: number }[]>>(new Map())
  const names = new Map(cat.values.locations.map((l) => [l.id, l.name]))

  const skus = [...new Set(s.lines.map((l) => l.sku).filter(Boolean))]
  const skuKey = skus.join('|')
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed by the skus on the sample
  useEffect(() => {
    let live = true
    void Promise.all(skus.map(async (sku) => [sku, await api.inventory(sku).catch(() => [])] as const)).then(
      (pairs) => {
        if (live)
          setStock(
            new Map(
              pairs.map(([sku, items]) => [
                sku,
                items.map((i) => ({ locationId: i.locationId, available: i.available })),
              ]),
            ),
          )
      },
    )
    return () => {
      live = false
    }
  }, [api, skuKey])

  const { onPriced } = props
  const quoteKey = JSON.stringify([
    s.channel,
    s.currency,
    s.email,
    s.tier,
    s.segment,
    s.tags,
    s.country,
    s.lines,
  ])
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed by what prices the sample
  useEffect(() => {
    const lines = s.lines.filter((l) => l.sku)
    if (!s.channel || lines.length === 0 || !/^[A-Za-z]{3}$/.test(s.currency.trim())) {
      setQuote(null)
      onPriced(null)
      return
    }
    let live = true
    const t = setTimeout(() => {
      const customer = sampleCustomer(s)
      const tags = sampleTags(s)
      api
        .quote({
          channel: s.channel,
          currency: s.currency.trim().toUpperCase(),
          ...(customer ? { customer } : {}),
          lines,
          ...(tags.length ? { tags } : {}),
          shipTo: { country: s.country.trim().toUpperCase() || 'NZ' },
        })
        .then((q) => {
          if (!live) return
          setQuote(q)
          setQuoteError(null)
          onPriced(q)
        })
        .catch((e: Error) => {
          if (!live) return
          setQuote(null)
          setQuoteError(e.message)
          onPriced(null)
        })
    }, 250)
    return () => {
      live = false
      clearTimeout(t)
    }
  }, [api, quoteKey])

  const info = new Map<string, SampleLineInfo>()
  for (const sku of skus) {
    const priced = quote?.lines.find((l) => l.sku === sku)
    info.set(sku, {
      price: priced?.unitPrice
        ? `Price ${quote!.currency} ${priced.unitPrice}`
        : priced?.error
          ? `No price: ${priced.error}`
          : null,
      stock: (stock.get(sku) ?? []).map((x) => ({ name: names.get(x.locationId) ?? x.locationId, ...x })),
    })
  }

  return (
    <div className="sample" data-testid="sample-order">
      <div className="grid2">
        <label>
          Channel
          <select
            data-testid="sim-channel"
            value={s.channel}
            onChange={(e) => set({ channel: e.target.value })}
          >
            {!cat.values.channels.includes(s.channel) && (
              <option value={s.channel}>{s.channel || '(none)'}</option>
            )}
            {cat.values.channels.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </label>
        <Seen
          label="Currency"
          testId="sim-currency"
          fact="order.currency"
          cat={cat}
          value={s.currency}
          onChange={(currency) => set({ currency })}
        />
        <TextField
          label="Customer email (optional)"
          testId="sim-email"
          type="email"
          value={s.email}
          placeholder="a contract customer's, to price by it"
          onChange={(email) => set({ email })}
        />
        <Seen
          label="Customer tier"
          testId="sim-tier"
          fact="order.customerTier"
          cat={cat}
          value={s.tier}
          onChange={(tier) => set({ tier })}
        />
        <Seen
          label="Customer segment"
          testId="sim-segment"
          fact="order.customerSegment"
          cat={cat}
          value={s.segment}
          onChange={(segment) => set({ segment })}
        />
        <Seen
          label="Tags (comma-separated)"
          testId="sim-tags"
          fact="order.tags"
          cat={cat}
          value={s.tags}
          list
          onChange={(tags) => set({ tags })}
        />
        <label>
          Service level
          <select
            data-testid="sim-service"
            value={s.serviceLevel}
            onChange={(e) => set({ serviceLevel: e.target.value })}
          >
            {cat.values.serviceLevels.map((x) => (
              <option key={x}>{x}</option>
            ))}
          </select>
        </label>
        <Seen
          label="Country"
          testId="sim-country"
          fact="order.country"
          cat={cat}
          value={s.country}
          onChange={(country) => set({ country })}
        />
        <TextField
          label="Region"
          testId="sim-region"
          value={s.region}
          onChange={(region) => set({ region })}
        />
        <TextField label="City" testId="sim-city" value={s.city} onChange={(city) => set({ city })} />
        <TextField
          label="Postcode"
          testId="sim-postcode"
          value={s.postcode}
          onChange={(postcode) => set({ postcode })}
        />
        <TextField
          label="Latitude (optional)"
          testId="sim-lat"
          inputMode="decimal"
          value={s.lat}
          onChange={(lat) => set({ lat })}
        />
        <TextField
          label="Longitude (optional)"
          testId="sim-lon"
          inputMode="decimal"
          value={s.lon}
          onChange={(lon) => set({ lon })}
        />
        <TextField
          label={`Placed at (${browserTimeZone()}; empty: now)`}
          testId="sim-placed"
          type="datetime-local"
          value={s.placedAt}
          onChange={(placedAt) => set({ placedAt })}
        />
      </div>
      <SampleLines
        lines={s.lines}
        products={props.products}
        info={info}
        onChange={(lines) => set({ lines })}
      />
      <p className="small" data-testid="sim-total">
        {quote
          ? `Order total ${quote.currency} ${quote.total}${quote.unpriced ? ` (${quote.unpriced} line${quote.unpriced === 1 ? '' : 's'} without a price)` : ''}, as the live prices give it`
          : quoteError
            ? `No total: ${quoteError}`
            : 'Order total: pick a channel, a currency and lines'}
      </p>
    </div>
  )
}

/** A text field offering the values the hub has seen for a fact, warning on one nothing has. */
function Seen(props: {
  label: string
  testId: string
  fact: string
  cat: Catalogue
  value: string
  /** Comma-separated values. */
  list?: boolean
  onChange: (v: string) => void
}) {
  const seen = seenValues(props.cat, { id: props.fact }) ?? []
  const values = props.list
    ? props.value
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean)
    : props.value.trim()
  const warning = unseenMessage(props.cat, props.fact, values)
  return (
    <label>
      {props.label}
      <input
        data-testid={props.testId}
        list={`${props.testId}-seen`}
        value={props.value}
        aria-invalid={warning ? true : undefined}
        onChange={(e) => props.onChange(e.target.value)}
      />
      <datalist id={`${props.testId}-seen`}>
        {seen.map((v) => (
          <option key={v} value={v} />
        ))}
      </datalist>
      {warning && (
        <span className="warning small" role="status" data-testid={`${props.testId}-unseen`}>
          {warning}
        </span>
      )}
    </label>
  )
}
