import { dateTime } from '../../ui/format'
import type { DecisionView } from './decision'

/** Why the order went where it went: the decision in words, and every location considered. */
export function DecisionPanel(props: {
  decision: DecisionView | null
  holdReason: string | null
  onSimulate: () => void
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
          <h3>Locations considered</h3>
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
