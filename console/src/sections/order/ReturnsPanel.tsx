import type { Return } from '../../api/client'
import { dateTime, money } from '../../ui/format'

/** Returns (RMAs) with what came back, and their refunds. */
export function ReturnsPanel(props: {
  returns: Return[]
  canReceive: boolean
  onReceive: (r: Return) => void
}) {
  if (props.returns.length === 0) return null
  return (
    <section className="panel returns" aria-labelledby="returns-title" data-testid="order-returns">
      <h2 id="returns-title">Returns and refunds</h2>
      {props.returns.map((r) => (
        <div key={r.id} className="return" data-testid="order-return" data-status={r.status}>
          <p>
            <b>{r.rmaNumber}</b> <span className="status">{r.status.replace(/_/g, ' ')}</span> · back to{' '}
            {r.location.name} · {dateTime(r.createdAt)}
            {r.reason && <span className="muted"> · {r.reason}</span>}
          </p>
          <ul className="small">
            {r.lines.map((l) => (
              <li key={l.id}>
                {l.sku} × {l.quantity}
                {l.receivedResellable + l.receivedDamaged > 0 &&
                  ` (received ${l.receivedResellable} resellable, ${l.receivedDamaged} damaged)`}
              </li>
            ))}
          </ul>
          {r.refunds.map((f) => (
            <p key={f.id} className="small" data-testid="order-refund">
              Refund {money(f.amount, f.currency)}: {f.status.replace(/_/g, ' ')}
            </p>
          ))}
          {props.canReceive && (r.status === 'authorised' || r.status === 'partially_received') && (
            <button type="button" data-testid="act-receive" onClick={() => props.onReceive(r)}>
              Record receipt…
            </button>
          )}
        </div>
      ))}
    </section>
  )
}
