import { useState } from 'react'
import type { Backtest } from '../../api/client'

/** Re-routes the last N real orders against the working version and compares with what is live. */
export function ImpactPanel(props: {
  run: (limit: number) => Promise<Backtest>
  onOpenOrder: (orderId: string) => void
  names: Map<string, string>
}) {
  const [limit, setLimit] = useState(100)
  const [result, setResult] = useState<Backtest | null>(null)
  const [running, setRunning] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const loc = (ids: string[]) =>
    ids.length ? ids.map((i) => props.names.get(i) ?? i).join(' + ') : 'nowhere'
  const delta = (n: number | null, unit: string) =>
    n === null ? '—' : n === 0 ? 'no change' : `${n > 0 ? '+' : ''}${n} ${unit}`
  return (
    <div className="impact">
      <div className="row">
        <label className="inline">
          Last
          <input
            type="number"
            className="qty"
            min={1}
            max={1000}
            value={limit}
            onChange={(e) => setLimit(Number(e.target.value) || 100)}
          />
          orders
        </label>
        <button
          type="button"
          className="primary"
          data-testid="impact-run"
          disabled={running}
          onClick={async () => {
            setRunning(true)
            setError(null)
            try {
              setResult(await props.run(limit))
            } catch (e) {
              setError((e as Error).message)
            } finally {
              setRunning(false)
            }
          }}
        >
          {running ? 'Comparing…' : 'Preview impact'}
        </button>
      </div>
      {error && <p className="error">{error}</p>}
      {result && (
        <div data-testid="impact-result">
          {result.orders === 0 ? (
            <p>
              No orders to compare yet. The demo seeds some on first start; <code>pnpm demo:order 20</code>{' '}
              posts more.
            </p>
          ) : (
            <>
              <p className="summary" data-testid="impact-summary">
                <b>{result.changed}</b> of {result.orders} orders would be routed differently than by{' '}
                {'builtIn' in result.comparedWith
                  ? 'the built-in rules'
                  : `live version ${result.comparedWith.version}`}
                .
              </p>
              <table className="kpis">
                <tbody>
                  <tr>
                    <td>Shipping cost</td>
                    <td>
                      {result.cost.direction === 'same'
                        ? 'no change'
                        : `${result.cost.currency} ${result.cost.totalDelta} ${result.cost.direction}`}
                    </td>
                  </tr>
                  <tr>
                    <td>Transit time (average)</td>
                    <td>{delta(result.transitDaysDeltaAvg, 'days')}</td>
                  </tr>
                  <tr>
                    <td>Promise date (average)</td>
                    <td>{delta(result.promiseDaysDeltaAvg, 'days')}</td>
                  </tr>
                  <tr>
                    <td>Split orders</td>
                    <td>
                      {result.splits.published} → {result.splits.draft}
                    </td>
                  </tr>
                  <tr>
                    <td>Backordered</td>
                    <td>
                      {result.backorders.published} → {result.backorders.draft}
                    </td>
                  </tr>
                  <tr>
                    <td>Held</td>
                    <td>
                      {result.holds.published} → {result.holds.draft}
                    </td>
                  </tr>
                </tbody>
              </table>
              {result.changedOrders.length > 0 && <h4>Orders that change (click to simulate)</h4>}
              <ul className="changed" data-testid="impact-changed">
                {result.changedOrders.map((c) => (
                  <li key={c.orderId}>
                    <button
                      type="button"
                      className="link"
                      data-testid="impact-order"
                      onClick={() => props.onOpenOrder(c.orderId)}
                    >
                      <b>{c.externalOrderId}</b>: {loc(c.before.locations)}
                      {c.before.held ? ' (held)' : ''} → {loc(c.after.locations)}
                      {c.after.held ? ' (held)' : ''}
                    </button>
                  </li>
                ))}
              </ul>
              <p className="small muted">{result.note}</p>
            </>
          )}
        </div>
      )}
    </div>
  )
}
