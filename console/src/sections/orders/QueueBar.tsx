import type { StatusCounts } from '../../api/client'
import { activeQueue, emptyFilters, type OrderFilters, queueFilters, queues, statusLabel } from './filters'

const STATUSES = [
  'received',
  'held',
  'backordered',
  'allocated',
  'released',
  'partially_shipped',
  'shipped',
  'cancelled',
] as const

/** The saved queues: what a person must act on, one click away. */
export function QueueBar(props: { filters: OrderFilters; onChange: (f: OrderFilters) => void }) {
  const on = activeQueue(props.filters)
  return (
    <fieldset className="queues bare">
      <legend className="muted small">Queues:</legend>
      {queues.map((q) => (
        <button
          key={q.id}
          type="button"
          className="chip"
          aria-pressed={on?.id === q.id}
          data-testid={`queue-${q.id}`}
          onClick={() => props.onChange(on?.id === q.id ? emptyFilters : queueFilters(q))}
        >
          {q.label}
        </button>
      ))}
    </fieldset>
  )
}

/** One tab per status with how many orders match the other filters; "All" clears the status. */
export function StatusTabs(props: {
  filters: OrderFilters
  counts: StatusCounts | null
  onChange: (f: OrderFilters) => void
}) {
  const chosen = props.filters.status
  const count = (s: (typeof STATUSES)[number]) => props.counts?.byStatus[s]
  const total = props.counts?.total
  return (
    <fieldset className="status-tabs bare">
      <legend className="sr-only">Status</legend>
      <button
        type="button"
        className="tab"
        aria-pressed={chosen.length === 0}
        data-testid="status-all"
        onClick={() => props.onChange({ ...props.filters, status: [] })}
      >
        All{total !== undefined && <span className="count">{total}</span>}
      </button>
      {STATUSES.map((s) => (
        <button
          key={s}
          type="button"
          className="tab"
          aria-pressed={chosen.length === 1 && chosen[0] === s}
          data-testid={`status-${s}`}
          onClick={() => props.onChange({ ...props.filters, status: [s] })}
        >
          {statusLabel(s)}
          {count(s) !== undefined && <span className="count">{count(s)}</span>}
        </button>
      ))}
    </fieldset>
  )
}
