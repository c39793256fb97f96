import { useState } from 'react'
import type { Backtest, VersionMeta } from '../../api/client'
import type { RuleNames } from '../../model/names'

/**
 * Re-routes the last N real orders against the working version and compares with what is live, or
 * with any other version chosen. Shipping cost is compared per currency and only over orders both
 * versions ship in full; held and backordered orders are counted on their own lines. The chosen
 * version is the workspace's, so the problems list compares text with the same one.
 */
export function ImpactPanel(props: {
  run: (limit: number, against?: number) => Promise<Backtest>
  onOpenOrder: (orderId: string) => void
  names: ReadonlyMap<string, string>
  labels: RuleNames
  versions: VersionMeta[]
  liveVersion: number | null
  workingVersion: number | null
  /** null: whatever is live when the preview runs. */
  against: number | null
  onAgainst: (version: number | null) => void
}) {
  const [limit, setLimit] = useState(100)
  const { against } = props
  const others = [...props.versions]
    .filter((v) => v.version !== props.workingVersion)
    .sort((a, b) => b.version - a.version)
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
        <label className="inline">
          against
          <select
            data-testid="impact-against"
            value={against ?? ''}
            onChange={(e) => props.onAgainst(e.target.value ? Number(e.target.value) : null)}
          >
            <option value="">
              {props.liveVersion ? `what is live (v${props.liveVersion})` : 'what is live (built-in rules)'}
            </option>
            {others.map((v) => (
              <option key={v.version} value={v.version}>
                v{v.version} ({v.status}){v.comment ? `: ${v.comment.slice(0, 40)}` : ''}
              </option>
            ))}
          </select>
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
              setResult(await props.run(limit, against ?? undefined))
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
                  : `${result.comparedWith.version === props.liveVersion ? 'live ' : ''}version ${result.comparedWith.version}`}
                .
              </p>
              <table className="kpis">
                <tbody>
                  {result.costs.map((c) => (
                    <tr key={c.currency} data-testid="impact-cost" data-currency={c.currency}>
                      <td>
                        Shipping cost, {c.currency} ({c.orders} order{c.orders === 1 ? '' : 's'} shipped by
                        both)
                      </td>
                      <td>
                        {c.direction === 'same'
                          ? 'no change'
                          : `${c.currency} ${c.totalDelta} ${c.direction === 'less' ? 'less (saved)' : 'more'}`}
                      </td>
                    </tr>
                  ))}
                  {result.costs.length === 0 && (
                    <tr>
                      <td>Shipping cost</td>
                      <td>no order is shipped in full by both versions</td>
                    </tr>
                  )}
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
                      {outcomeNote(c.before)} → {loc(c.after.locations)}
                      {outcomeNote(c.after)}
                      {c.after.strategy && c.after.strategy !== c.before.strategy
                        ? ` (strategy ${props.labels.strategies.get(c.after.strategy) ?? c.after.strategy})`
                        : ''}
                    </button>
                  </li>
                ))}
              </ul>
              <p className="small muted">
                Held and backordered orders are counted on their own lines above, never as savings.{' '}
                {result.note}
              </p>
            </>
          )}
        </div>
      )}
    </div>
  )
}

const outcomeNote = (o: { held: boolean; backordered: number }) =>
  o.held ? ' (held)' : o.backordered > 0 ? ` (${o.backordered} backordered)` : ''
