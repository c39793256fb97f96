import { dateTime } from '../../ui/format'
import type { DecisionView } from './decision'

/**
 * Why the order went where it went: the decision in words, the locations chosen and the best
 * alternatives (with the rest counted, as the hub stores it), and every location on demand.
 */
export function DecisionPanel(props: {
  decision: DecisionView | null
  holdReason: string | null
  onSimulate: () => void
  /** Asks the hub for every location (it routes the order again, writing nothing). */
  onShowEvery: () => void
  everyState: 'idle' | 'loading' | 'shown'
}) {
  const d = props.decision
  return (
    <section className="panel decision" aria-labelledby="decision-title" data-testid="order-decision">
      <h2 id="decision-title">Why it went where it went</h2>
      {!d ? (
        <p className="muted">Not routed yet.</p>
      ) : (
        <>
          <p className="summary" data-testid="decision-summary">
            {d.summary}
          </p>
          <p className="muted small">
            Decided {dateTime(d.at)} by the <b>{d.strategy}</b> strategy
            {d.ruleSet ? ` under ${d.ruleSet.id} v${d.ruleSet.version}` : ''}.
          </p>
          {d.rulesFired.length > 0 && (
            <>
              <h3>Rules that applied</h3>
              <ul className="rules-fired" data-testid="rules-fired">
                {d.rulesFired.map((r) => (
                  <li key={`${r.rule}:${r.action}`}>
                    <b>{r.rule}</b> <span className="muted">({r.action})</span>
                    {r.says && <>: {r.says}</>}
                  </li>
                ))}
              </ul>
            </>
          )}
          <h3>{d.compact ? 'Chosen, and the best alternatives' : 'Locations considered'}</h3>
          {d.replayed && (
            <p className="muted small" data-testid="decision-replayed">
              Every location, from routing the order again as of {dateTime(d.replayed.at)}
              {d.replayed.sameAsStored
                ? ' (the same choice as stored).'
                : ': stock or locations have changed since, so it no longer chooses what was stored.'}
            </p>
          )}
          <table data-testid="decision-candidates">
            <thead>
              <tr>
                <th scope="col">Location</th>
                <th scope="col">Used</th>
                <th scope="col" className="num">
                  Distance
                </th>
                <th scope="col" className="num">
                  Transit
                </th>
                <th scope="col" className="num">
                  Shipping
                </th>
                <th scope="col">Has stock of</th>
                <th scope="col">Not used because</th>
              </tr>
            </thead>
            <tbody>
              {d.candidates.map((c) => (
                <tr key={c.locationId} className={c.chosen ? 'chosen' : undefined}>
                  <td>{c.location}</td>
                  <td>{c.chosen ? 'yes' : ''}</td>
                  <td className="num">{c.distanceKm === null ? '—' : `${c.distanceKm} km`}</td>
                  <td className="num">{c.transitDays === null ? '—' : `${c.transitDays} d`}</td>
                  <td className="num">{c.shippingCost ?? '—'}</td>
                  <td className="small">{c.canShip.join(', ') || '—'}</td>
                  <td className="small">{[c.excluded, ...c.partly].filter(Boolean).join('; ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {d.compact && (
            <div data-testid="decision-counted">
              <p className="muted small">
                {d.compact.holdingStock} of {d.compact.locations} locations held stock for this order
                {d.compact.rankedLower > 0
                  ? `; ${d.compact.rankedLower} more could ship but ranked lower`
                  : ''}
                .
              </p>
              {d.compact.excluded.length > 0 && (
                <ul className="small" data-testid="decision-excluded">
                  {d.compact.excluded.map((g) => (
                    <li key={g.rule}>
                      {g.count} not used: {g.because}
                      {g.locations.length > 0 &&
                        ` (${g.locations.join(', ')}${g.count > g.locations.length ? ', …' : ''})`}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}
          {(d.compact || props.everyState === 'loading') && (
            <p>
              <button
                type="button"
                data-testid="show-every-location"
                disabled={props.everyState === 'loading'}
                onClick={props.onShowEvery}
              >
                {props.everyState === 'loading' ? 'Routing it again…' : 'Show every location'}
              </button>
            </p>
          )}
        </>
      )}
      <p>
        <button type="button" className="link" data-testid="simulate-order" onClick={props.onSimulate}>
          Simulate this order against a draft of the rules →
        </button>
      </p>
    </section>
  )
}
