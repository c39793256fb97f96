import type { Order } from '../../api/client'
import { dateTime } from '../../ui/format'
import type { Lookups } from '../../ui/lookups'

/** The lines with where each unit is allocated, what waits on stock, and the shipments made. */
export function LinesPanel(props: { order: Order; lookups: Lookups }) {
  const { order: o, lookups } = props
  const allocationsOf = (lineId: string) => o.allocations.filter((a) => a.lineId === lineId)
  return (
    <section className="panel lines" aria-labelledby="lines-title">
      <h2 id="lines-title">Lines</h2>
      <table data-testid="order-lines">
        <thead>
          <tr>
            <th scope="col">Sku</th>
            <th scope="col" className="num">
              Qty
            </th>
            <th scope="col">Allocated at</th>
            <th scope="col" className="num">
              Backordered
            </th>
            <th scope="col" className="num">
              Shipped
            </th>
            <th scope="col" className="num">
              Cancelled
            </th>
          </tr>
        </thead>
        <tbody>
          {o.lines.map((l) => (
            <tr key={l.id} data-testid="order-line" data-sku={l.sku} data-cancelled={l.cancelled}>
              <td>
                <b>{l.sku}</b>
                {l.name && <div className="muted small">{l.name}</div>}
              </td>
              <td className="num">{l.quantity}</td>
              <td>
                {allocationsOf(l.id).length === 0
                  ? '—'
                  : allocationsOf(l.id).map((a) => (
                      <div key={a.id}>
                        {lookups.locationName(a.locationId)} × {a.quantity}{' '}
                        <span className="muted small">({a.status.replace(/_/g, ' ')})</span>
                      </div>
                    ))}
              </td>
              <td className="num">{l.backordered || ''}</td>
              <td className="num">{l.shipped || ''}</td>
              <td className="num">{l.cancelled || ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>Fulfilments</h3>
      {o.fulfilments.length === 0 ? (
        <p className="muted small">None yet: nothing has been sent to a warehouse.</p>
      ) : (
        <table data-testid="order-fulfilments">
          <thead>
            <tr>
              <th scope="col">From</th>
              <th scope="col">Status</th>
              <th scope="col">Warehouse reference</th>
              <th scope="col">Carrier and tracking</th>
              <th scope="col">Shipped</th>
            </tr>
          </thead>
          <tbody>
            {o.fulfilments.map((f) => (
              <tr key={f.id} data-testid="order-fulfilment" data-status={f.status}>
                <td>{lookups.locationName(f.locationId)}</td>
                <td>
                  {f.status.replace(/_/g, ' ')}
                  {f.reason && <div className="muted small">{f.reason}</div>}
                  {f.hold && (
                    // The warehouse waits on a person (an address, customs data): said where it is seen.
                    <div className="warning small" data-testid="fulfilment-hold">
                      On hold at the warehouse{f.hold.since ? ` since ${dateTime(f.hold.since)}` : ''}:{' '}
                      {f.hold.reason}
                    </div>
                  )}
                </td>
                <td>
                  {f.externalRef ?? '—'}
                  {f.wmsInstanceId && <div className="muted small">via {f.wmsInstanceId}</div>}
                </td>
                <td>
                  {f.carrier ?? '—'}{' '}
                  {f.trackingNumber &&
                    (f.trackingUrl ? (
                      <a href={f.trackingUrl} target="_blank" rel="noreferrer">
                        {f.trackingNumber}
                      </a>
                    ) : (
                      f.trackingNumber
                    ))}
                </td>
                <td>{dateTime(f.shippedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
