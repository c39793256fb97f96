import { useEffect, useState } from 'react'
import { type Api, type OrderSummary, type Quote, type QuoteBody, quoteFromStored } from '../../api/client'
import type { Catalogue } from '../../model/catalogue'
import { type RuleNames, withRuleLabels } from '../../model/names'
import { SampleLines } from './SampleLines'

/**
 * Prices a basket against the working version without changing anything: a recent real order's
 * lines, or a basket filled in here. Each price shows the steps that shaped it and the rule behind
 * each step.
 */
export function PricingSimulatePanel(props: {
  api: Api
  catalogue: Catalogue
  requestedOrder: string | null
  onRun: (body: QuoteBody) => Promise<Quote>
  result: Quote | null
  /** Rules by the names the analyst gave them. */
  labels: RuleNames
  onGoToRule: (rule: string) => void
  onClear: () => void
}) {
  const { api, catalogue } = props
  const [orders, setOrders] = useState<OrderSummary[]>([])
  const [products, setProducts] = useState<{ sku: string; name: string }[]>([])
  const [source, setSource] = useState<string>('sample')
  const [channel, setChannel] = useState(catalogue.values.channels[0] ?? '')
  const [currency, setCurrency] = useState('NZD')
  const [tier, setTier] = useState('')
  const [segment, setSegment] = useState('')
  const [country, setCountry] = useState('NZ')
  const [lines, setLines] = useState<{ sku: string; quantity: number }[]>([{ sku: '', quantity: 1 }])
  const [running, setRunning] = useState(false)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    void api
      .orders(25)
      .then(setOrders)
      .catch(() => setOrders([]))
    void api.products().then((p) => {
      setProducts(p)
      setLines((ls) => (ls[0]?.sku ? ls : [{ sku: p[0]?.sku ?? '', quantity: 1 }]))
    })
  }, [api])
  useEffect(() => {
    if (!channel && catalogue.values.channels[0]) setChannel(catalogue.values.channels[0])
  }, [catalogue, channel])

  const run = async (orderId?: string) => {
    setRunning(true)
    setError(null)
    try {
      const pick = orderId ?? (source === 'sample' ? null : source)
      if (pick) await props.onRun(quoteFromStored(await api.order(pick)))
      else
        await props.onRun({
          channel,
          currency,
          customer: tier || segment ? { ...(tier ? { tier } : {}), ...(segment ? { segment } : {}) } : null,
          lines: lines.filter((l) => l.sku),
          shipTo: { country },
        })
    } catch (e) {
      setError((e as Error).message)
    } finally {
      setRunning(false)
    }
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per requested order
  useEffect(() => {
    if (props.requestedOrder) {
      setSource(props.requestedOrder)
      void run(props.requestedOrder)
    }
  }, [props.requestedOrder])

  const q = props.result
  return (
    <div className="simulate">
      <label>
        Basket
        <select data-testid="sim-source" value={source} onChange={(e) => setSource(e.target.value)}>
          <option value="sample">A sample basket (fill in below)</option>
          {orders.map((o) => (
            <option key={o.id} value={o.id}>
              {o.externalOrderId} · {o.channelInstanceId} · {o.currency} {o.total}
            </option>
          ))}
        </select>
      </label>
      {source === 'sample' && (
        <div className="sample" data-testid="sample-basket">
          <div className="grid2">
            <label>
              Channel
              <select data-testid="sim-channel" value={channel} onChange={(e) => setChannel(e.target.value)}>
                {catalogue.values.channels.map((c) => (
                  <option key={c}>{c}</option>
                ))}
              </select>
            </label>
            <label>
              Currency
              <input
                data-testid="sim-currency"
                value={currency}
                onChange={(e) => setCurrency(e.target.value.toUpperCase())}
              />
            </label>
            <label>
              Customer tier
              <input
                data-testid="sim-tier"
                value={tier}
                placeholder="gold"
                onChange={(e) => setTier(e.target.value)}
              />
            </label>
            <label>
              Customer segment
              <input
                data-testid="sim-segment"
                value={segment}
                placeholder="wholesale"
                onChange={(e) => setSegment(e.target.value)}
              />
            </label>
            <label>
              Country
              <input value={country} onChange={(e) => setCountry(e.target.value.toUpperCase())} />
            </label>
          </div>
          <SampleLines lines={lines} products={products} onChange={setLines} />
        </div>
      )}
      <div className="row">
        <button
          type="button"
          className="primary"
          data-testid="sim-run"
          disabled={running}
          onClick={() => void run()}
        >
          {running ? 'Pricing…' : 'Price it'}
        </button>
        {q && (
          <button type="button" onClick={props.onClear}>
            Clear highlighting
          </button>
        )}
      </div>
      {error && <p className="error">{error}</p>}
      {q && (
        <div className="decision" data-testid="sim-result">
          <p className="summary" data-testid="sim-summary">
            Total {q.currency} {q.total}
            {q.unpriced ? ` · ${q.unpriced} line(s) without a price` : ''}
          </p>
          <table className="candidates" data-testid="quote-lines">
            <tbody>
              {q.lines.map((l) => (
                <tr key={l.lineNo} data-sku={l.sku} data-unit-price={l.unitPrice ?? ''}>
                  <td>
                    <b>{l.sku}</b> × {l.quantity}
                  </td>
                  <td>
                    {l.unitPrice ? `${l.unitPrice} each = ${l.lineTotal}` : (l.error ?? 'no price')}
                    {l.warnings.map((w) => (
                      // Why a rule did not apply when the data is the cause (a list without the sku).
                      <div key={w} className="small warning" data-testid="quote-warning">
                        {withRuleLabels(w, props.labels.rules)}
                      </div>
                    ))}
                    {l.steps.map((s, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: steps are in order
                      <div key={i} className="small">
                        {s.from ? `${s.from} → ` : ''}
                        {s.to}: {withRuleLabels(s.detail, props.labels.rules)}{' '}
                        {s.rule && (
                          <button type="button" className="link" onClick={() => props.onGoToRule(s.rule!)}>
                            ({props.labels.rules.get(s.rule) ?? 'rule'})
                          </button>
                        )}
                      </div>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="small muted">On the canvas: the rules that shaped a price are marked as applied.</p>
        </div>
      )}
    </div>
  )
}
