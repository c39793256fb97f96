import { useState } from 'react'
import type { Api, Quote, QuoteBody } from '../../api/client'
import { quoteFromStored } from '../../api/client'

interface Change {
  orderId: string
  externalOrderId: string
  currency: string
  before: string
  after: string
  delta: number
}

/**
 * Prices the last N real orders' baskets with the working version and with what is live, and lists
 * the orders whose prices change. (The hub's backtest is about routing; this compares quotes.)
 */
export function PricingImpactPanel(props: {
  api: Api
  quoteDraft: (body: QuoteBody) => Promise<Quote>
  onOpenOrder: (orderId: string) => void
}) {
  const [limit, setLimit] = useState(25)
  const [result, setResult] = useState<{ orders: number; changes: Change[]; failed: number } | null>(null)
  const [running, setRunning] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const run = async () => {
    setRunning(true)
    setError(null)
    try {
      const orders = await props.api.orders(limit)
      const changes: Change[] = []
      let failed = 0
      for (const o of orders) {
        try {
          const body = quoteFromStored(await props.api.order(o.id))
          const [live, draft] = await Promise.all([props.api.quote(body), props.quoteDraft(body)])
          if (live.total !== draft.total || live.unpriced !== draft.unpriced)
            changes.push({
              orderId: o.id,
              externalOrderId: o.externalOrderId,
              currency: draft.currency,
              before: live.total,
              after: draft.total,
              delta: draft.totalMinor - live.totalMinor,
            })
        } catch {
          failed++
        }
      }
      setResult({ orders: orders.length, changes, failed })
    } catch (e) {
      setError((e as Error).message)
    } finally {
      setRunning(false)
    }
  }
  const byCurrency = new Map<string, number>()
  for (const c of result?.changes ?? [])
    byCurrency.set(c.currency, (byCurrency.get(c.currency) ?? 0) + c.delta)
  return (
    <div className="impact">
      <div className="row">
        <label className="inline">
          Last
          <input
            type="number"
            className="qty"
            min={1}
            max={100}
            value={limit}
            onChange={(e) => setLimit(Math.min(100, Number(e.target.value) || 25))}
          />
          orders
        </label>
        <button
          type="button"
          className="primary"
          data-testid="impact-run"
          disabled={running}
          onClick={() => void run()}
        >
          {running ? 'Pricing…' : 'Preview impact'}
        </button>
      </div>
      {error && <p className="error">{error}</p>}
      {result && (
        <div data-testid="impact-result">
          <p className="summary" data-testid="impact-summary">
            <b>{result.changes.length}</b> of {result.orders} orders would be priced differently than by the
            live rules.
            {result.failed ? ` ${result.failed} could not be priced.` : ''}
          </p>
          {[...byCurrency].map(([cur, minor]) => (
            <p key={cur} className="small">
              Revenue {minor >= 0 ? '+' : '−'}
              {cur} {(Math.abs(minor) / 100).toFixed(2)} over these orders
            </p>
          ))}
          <ul className="changed" data-testid="impact-changed">
            {result.changes.map((c) => (
              <li key={c.orderId}>
                <button
                  type="button"
                  className="link"
                  data-testid="impact-order"
                  onClick={() => props.onOpenOrder(c.orderId)}
                >
                  <b>{c.externalOrderId}</b>: {c.currency} {c.before} → {c.after}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  )
}
