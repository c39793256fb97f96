import type { Order } from '../../api/client'
import { dateTime, day, money } from '../../ui/format'
import type { Lookups } from '../../ui/lookups'
import { statusLabel } from '../orders/filters'

/** Who ordered what through which channel, where it goes, how fast, for how much. */
export function OrderHeader(props: { order: Order; lookups: Lookups; promiseDate: string | null }) {
  const { order: o, lookups } = props
  const a = o.shipTo
  return (
    <section className="order-head" aria-labelledby="order-title">
      <h1 id="order-title">
        <span className="muted">{lookups.channelName(o.channelInstanceId)}</span>{' '}
        {o.orderNumber ?? o.externalOrderId}{' '}
        <span className={`status s-${o.status}`} data-testid="order-status">
          {statusLabel(o.status)}
        </span>
      </h1>
      {o.holdReason && o.status === 'held' && (
        <p className="hold" data-testid="hold-reason">
          <b>Held:</b> {o.holdReason}
        </p>
      )}
      <dl className="facts">
        <div>
          <dt>Channel's number</dt>
          <dd>
            {o.externalOrderId}
            {o.orderNumber && o.orderNumber !== o.externalOrderId
              ? ` (shown to the customer as ${o.orderNumber})`
              : ''}
          </dd>
        </div>
        <div>
          <dt>Customer</dt>
          <dd data-testid="order-customer">
            {a.name ?? '—'}
            {o.email ? ` · ${o.email}` : ''}
          </dd>
        </div>
        <div>
          <dt>Ship to</dt>
          <dd data-testid="order-ship-to">
            {[a.company, a.line1, a.line2, a.city, a.region, a.postcode, a.country]
              .filter(Boolean)
              .join(', ')}
          </dd>
        </div>
        <div>
          <dt>Service level</dt>
          <dd>{o.serviceLevel}</dd>
        </div>
        <div>
          <dt>Total</dt>
          <dd data-testid="order-total">
            {money(o.total, o.currency)}
            <span className="muted small">
              {' '}
              (goods {money(o.subtotal, o.currency)}, shipping {money(o.shipping, o.currency)})
            </span>
          </dd>
        </div>
        <div>
          <dt>Promised by</dt>
          <dd>{day(props.promiseDate)}</dd>
        </div>
        <div>
          <dt>Placed</dt>
          <dd>
            {dateTime(o.placedAt)} <span className="muted small">(received {dateTime(o.receivedAt)})</span>
          </dd>
        </div>
        {o.tags.length > 0 && (
          <div>
            <dt>Tags</dt>
            <dd>
              {o.tags.map((t) => (
                <span key={t} className="tag">
                  {t}
                </span>
              ))}
            </dd>
          </div>
        )}
      </dl>
    </section>
  )
}
