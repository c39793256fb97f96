import type { Order, OutboxMessageDetail, Return } from '../../api/client'
import { dateTime } from '../../ui/format'
import type { Lookups } from '../../ui/lookups'
import { timeline } from './timeline'

/** Every event, every message to the channel and each warehouse with its attempts, every return. */
export function TimelinePanel(props: {
  order: Order
  messages: OutboxMessageDetail[]
  messagesHidden: string | null
  returns: Return[]
  lookups: Lookups
  canRetry: boolean
  onRetry: (m: OutboxMessageDetail) => void
}) {
  const entries = timeline(props.order, props.messages, props.returns)
  const to = (instance: string) =>
    instance === props.order.channelInstanceId ? `the channel (${instance})` : instance
  return (
    <section className="panel timeline" aria-labelledby="timeline-title">
      <h2 id="timeline-title">Timeline</h2>
      {props.messagesHidden && (
        <p className="muted small">Messages to partners are not shown: {props.messagesHidden}.</p>
      )}
      <ol data-testid="order-timeline">
        {entries.map((e) => {
          if (e.kind === 'event')
            return (
              <li key={e.id} className="ev" data-testid="timeline-event" data-type={e.type}>
                <time dateTime={e.at}>{dateTime(e.at)}</time>
                <div>
                  <b>{e.type}</b>
                  {e.from !== e.to && e.to && (
                    <span>
                      {' '}
                      {e.from ? `${e.from.replace(/_/g, ' ')} → ` : ''}
                      {e.to.replace(/_/g, ' ')}
                    </span>
                  )}
                  {e.note && <div className="small">{e.note}</div>}
                  {e.actor && <div className="muted small">by {e.actor}</div>}
                </div>
              </li>
            )
          if (e.kind === 'return')
            return (
              <li key={e.id} className="ev" data-testid="timeline-return">
                <time dateTime={e.at}>{dateTime(e.at)}</time>
                <div>
                  <b>return {e.ret.rmaNumber}</b> authorised, back to {e.ret.location.name}
                </div>
              </li>
            )
          const m = e.message
          return (
            <li
              key={e.id}
              className={`ev msg m-${m.status}`}
              data-testid="timeline-message"
              data-status={m.status}
            >
              <time dateTime={e.at}>{dateTime(e.at)}</time>
              <div>
                <b>{m.topic}</b> to {to(m.instanceId)}:{' '}
                <span className={m.status === 'dead' ? 'error' : m.status === 'delivered' ? 'ok' : 'warning'}>
                  {m.status.replace(/_/g, ' ')}
                </span>{' '}
                <span className="muted small">
                  after {m.attempts} of {m.maxAttempts} attempts
                </span>
                {m.history.length > 0 && (
                  <details>
                    <summary className="small">Attempts</summary>
                    <ul className="small">
                      {m.history.map((h) => (
                        <li key={h.attempt}>
                          #{h.attempt} {dateTime(h.at)}: {h.outcome} in {h.durationMs} ms
                          {h.error && <span className="error"> — {h.error}</span>}
                        </li>
                      ))}
                    </ul>
                  </details>
                )}
                {m.lastError && m.status !== 'delivered' && <div className="small error">{m.lastError}</div>}
                {props.canRetry && m.status === 'dead' && (
                  <button type="button" data-testid="act-retry" onClick={() => props.onRetry(m)}>
                    Retry…
                  </button>
                )}
              </div>
            </li>
          )
        })}
      </ol>
    </section>
  )
}
