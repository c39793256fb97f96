import { useEffect, useMemo, useState } from 'react'
import { ApiError, type ConsoleApi, type Product, type Quote } from '../../api/client'
import { hashOf } from '../../shell/route'
import type { SectionProps } from '../../shell/section'
import { money } from '../../ui/format'
import { Problem } from '../../ui/Problem'
import {
  emptyForm,
  MANUAL_CHANNEL,
  newExternalId,
  type OrderForm,
  orderBody,
  problems,
  quoteBody,
  SERVICE_LEVELS,
  type ServiceLevel,
} from './form'
import './new-order.css'

/** Every product, for the sku search (a catalogue of a few thousand skus is read once). */
function useProducts(api: ConsoleApi): Product[] {
  const [products, setProducts] = useState<Product[]>([])
  useEffect(() => {
    let stop = false
    void (async () => {
      const all: Product[] = []
      let cursor: string | undefined
      for (let page = 0; page < 20 && !stop; page++) {
        const r = await api.products(cursor).catch(() => null)
        if (!r) break
        all.push(...r.items)
        if (!r.nextCursor) break
        cursor = r.nextCursor
      }
      if (!stop) setProducts(all)
    })()
    return () => {
      stop = true
    }
  }, [api])
  return products
}

/**
 * A phone or customer-service order: the customer, the address, the products and the service
 * level, priced by the pricing rules before it is saved, then submitted to the built-in `manual`
 * channel through the same intake as every channel's orders (routed, allocated and released like
 * any other), and opened.
 */
export function NewOrderSection(props: SectionProps) {
  const { api, me, navigate } = props
  const products = useProducts(api)
  const skus = useMemo(() => new Set(products.map((p) => p.sku)), [products])
  const [form, setForm] = useState<OrderForm>(emptyForm)
  const [touched, setTouched] = useState(false)
  const [quote, setQuote] = useState<Quote | null>(null)
  const [quoting, setQuoting] = useState(false)
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<unknown>(null)
  // One number per order being entered: a resend after a lost answer is the same order.
  const [externalId, setExternalId] = useState(() => newExternalId())

  const canWrite = me.permissions.includes('orders:write')
  const scopedElsewhere = me.channelInstanceId !== null && me.channelInstanceId !== MANUAL_CHANNEL
  const issues = problems(form, skus)
  const complete = Object.keys(issues).length === 0

  // Anything changed makes the quote stale: the price shown is always the price of what is saved.
  const change = (patch: Partial<OrderForm>) => {
    setForm((f) => ({ ...f, ...patch }))
    setQuote(null)
  }
  const changeLine = (i: number, patch: Partial<OrderForm['lines'][number]>) =>
    change({ lines: form.lines.map((l, j) => (j === i ? { ...l, ...patch } : l)) })

  const getQuote = async () => {
    setTouched(true)
    if (!complete) return
    setQuoting(true)
    setError(null)
    try {
      setQuote(await api.quote(quoteBody(form)))
    } catch (e) {
      setError(e)
    } finally {
      setQuoting(false)
    }
  }

  const save = async () => {
    if (!quote || !complete) return
    setSaving(true)
    setError(null)
    try {
      const result = await api.submitOrder(orderBody(form, externalId))
      setExternalId(newExternalId())
      navigate(hashOf('order', [result.orderId]))
    } catch (e) {
      setError(e)
      // A refusal that names this number (already taken with other contents) needs a new one.
      if (e instanceof ApiError && e.status === 409) setExternalId(newExternalId())
    } finally {
      setSaving(false)
    }
  }

  if (!canWrite || scopedElsewhere)
    return (
      <div className="page new-order">
        <h1>New order</h1>
        <p className="muted" data-testid="new-order-denied">
          {scopedElsewhere
            ? `This key is scoped to channel ${me.channelInstanceId}; orders entered here belong to the ${MANUAL_CHANNEL} channel.`
            : `A ${me.role} key may not create orders: sign in with an integrator's or an admin's key.`}
        </p>
      </div>
    )

  const shown = (field: string) => (touched ? issues[field] : undefined)
  const text = (field: keyof OrderForm, label: string, extra: { type?: string; required?: boolean } = {}) => (
    <label>
      {label}
      {extra.required ? ' (required)' : ''}
      <input
        data-testid={`no-${field}`}
        type={extra.type ?? 'text'}
        value={form[field] as string}
        aria-invalid={shown(field) ? true : undefined}
        aria-describedby={shown(field) ? `no-${field}-problem` : undefined}
        onChange={(e) => change({ [field]: e.target.value } as Partial<OrderForm>)}
      />
      {shown(field) && (
        <span className="field-problem" id={`no-${field}-problem`}>
          {shown(field)}
        </span>
      )}
    </label>
  )

  return (
    <div className="page new-order" data-testid="new-order">
      <header className="page-head">
        <h1>New order</h1>
        <span className="muted small">
          Phone and customer-service orders, through the <b>{MANUAL_CHANNEL}</b> channel: routed and released
          like every channel's. Number <span data-testid="no-number">{externalId}</span>
        </span>
      </header>
      <datalist id="no-skus">
        {products.map((p) => (
          <option key={p.sku} value={p.sku}>
            {p.name}
          </option>
        ))}
      </datalist>

      <section className="panel" aria-labelledby="no-customer">
        <h2 id="no-customer">Customer</h2>
        <div className="fields">
          {text('customerName', 'Name', { required: true })}
          {text('email', 'Email', { type: 'email' })}
          {text('phone', 'Phone', { type: 'tel' })}
        </div>
      </section>

      <section className="panel" aria-labelledby="no-address">
        <h2 id="no-address">Ship to</h2>
        <div className="fields">
          {text('line1', 'Street address', { required: true })}
          {text('line2', 'Address line 2')}
          {text('city', 'City')}
          {text('region', 'Region')}
          {text('postcode', 'Postcode')}
          {text('country', 'Country (ISO code)', { required: true })}
          <label>
            Service level
            <select
              data-testid="no-serviceLevel"
              value={form.serviceLevel}
              onChange={(e) => change({ serviceLevel: e.target.value as ServiceLevel })}
            >
              {SERVICE_LEVELS.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
          {text('currency', 'Currency', { required: true })}
        </div>
      </section>

      <section className="panel" aria-labelledby="no-lines">
        <h2 id="no-lines">Products</h2>
        <table className="lines">
          <thead>
            <tr>
              <th>Sku (type to search by sku or name)</th>
              <th>Product</th>
              <th className="num">Quantity</th>
              <th className="num">Unit price</th>
              <th className="num">Line total</th>
              <th>
                <span className="sr-only">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {form.lines.map((l, i) => {
              const product = products.find((p) => p.sku === l.sku.trim())
              const priced = quote?.lines.find((q) => q.sku === l.sku.trim())
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: lines have no id until saved; order is the identity
                <tr key={i} data-testid="no-line">
                  <td>
                    <input
                      list="no-skus"
                      aria-label={`Sku of line ${i + 1}`}
                      data-testid={`no-sku-${i}`}
                      value={l.sku}
                      aria-invalid={shown(`sku-${i}`) ? true : undefined}
                      onChange={(e) => changeLine(i, { sku: e.target.value })}
                    />
                    {shown(`sku-${i}`) && <span className="field-problem">{shown(`sku-${i}`)}</span>}
                  </td>
                  <td>{product?.name ?? <span className="muted">—</span>}</td>
                  <td className="num qty">
                    <input
                      type="number"
                      min={1}
                      aria-label={`Quantity of line ${i + 1}`}
                      data-testid={`no-qty-${i}`}
                      value={l.quantity}
                      onChange={(e) => changeLine(i, { quantity: e.target.value })}
                    />
                    {shown(`qty-${i}`) && <span className="field-problem">{shown(`qty-${i}`)}</span>}
                  </td>
                  <td className="num">{priced ? money(priced.unitPrice, quote!.currency) : ''}</td>
                  <td className="num" title={priced?.summary}>
                    {priced
                      ? priced.lineTotal
                        ? money(priced.lineTotal, quote!.currency)
                        : priced.error
                      : ''}
                  </td>
                  <td>
                    {form.lines.length > 1 && (
                      <button
                        type="button"
                        className="link"
                        aria-label={`Remove line ${i + 1}`}
                        onClick={() => change({ lines: form.lines.filter((_, j) => j !== i) })}
                      >
                        Remove
                      </button>
                    )}
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
        <button
          type="button"
          data-testid="no-add-line"
          onClick={() => change({ lines: [...form.lines, { sku: '', quantity: '1' }] })}
        >
          Add a product
        </button>
      </section>

      <section className="panel" aria-labelledby="no-notes-h">
        <h2 id="no-notes-h">Notes</h2>
        <label>
          For the order's history (optional)
          <textarea
            data-testid="no-notes"
            rows={2}
            value={form.notes}
            onChange={(e) => change({ notes: e.target.value })}
          />
        </label>
      </section>

      <Problem error={error} testId="no-error" />
      <div className="bar">
        <button type="button" data-testid="no-quote" onClick={() => void getQuote()} disabled={quoting}>
          {quoting ? 'Pricing…' : 'Price it'}
        </button>
        {quote && (
          <span data-testid="no-quote-total" className="quote-total">
            Goods {money(quote.total, quote.currency)}
            {quote.unpriced > 0 && (
              <span className="warning">
                {' '}
                · {quote.unpriced} line{quote.unpriced === 1 ? '' : 's'} without a price: the order will be
                held
              </span>
            )}
          </span>
        )}
        <button
          type="button"
          data-testid="no-save"
          disabled={!quote || saving}
          title={quote ? undefined : 'Price the order first: the price shown is the price saved'}
          onClick={() => void save()}
        >
          {saving ? 'Saving…' : 'Place the order'}
        </button>
        {!quote && <span className="muted small">Price it first; any change asks for a new price.</span>}
      </div>
    </div>
  )
}
