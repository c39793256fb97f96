import { useEffect, useRef, useState } from 'react'
import type { Lookups } from '../../ui/lookups'
import type { OrderFilters } from './filters'

/** The filters as labelled controls. Free text is sent on Enter or after a pause in typing. */
export function FilterBar(props: {
  filters: OrderFilters
  lookups: Lookups
  onChange: (f: OrderFilters, options?: { replace?: boolean }) => void
}) {
  const { filters: f, lookups, onChange } = props
  const [q, setQ] = useState(f.q)
  useEffect(() => setQ(f.q), [f.q])
  // The filters as they are when the pause ends, not as they were when typing began.
  const latest = useRef(props)
  latest.current = props
  useEffect(() => {
    if (q === latest.current.filters.q) return
    const t = setTimeout(
      () => latest.current.onChange({ ...latest.current.filters, q }, { replace: true }),
      400,
    )
    return () => clearTimeout(t)
  }, [q])
  const set = (patch: Partial<OrderFilters>) => onChange({ ...f, q, ...patch })
  return (
    <form
      className="filters"
      aria-label="Filters"
      onSubmit={(e) => {
        e.preventDefault()
        set({})
      }}
    >
      <label className="grow">
        Search
        <input
          type="search"
          data-testid="orders-q"
          placeholder="order number, customer name or email, sku"
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
      </label>
      <label>
        Channel
        <select
          data-testid="filter-channel"
          value={f.channel.join(',')}
          onChange={(e) => set({ channel: e.target.value ? e.target.value.split(',') : [] })}
        >
          <option value="">All channels</option>
          {lookups.channels.map((c) => (
            <option key={c.id} value={c.id}>
              {lookups.channelName(c.id)} ({c.plugin.replace(/^@switchyard\//, '')})
            </option>
          ))}
          {f.channel.length > 0 && !lookups.channels.some((c) => c.id === f.channel.join(',')) && (
            <option value={f.channel.join(',')}>{f.channel.join(', ')}</option>
          )}
        </select>
      </label>
      <label>
        Location
        <select
          data-testid="filter-location"
          value={f.location}
          onChange={(e) => set({ location: e.target.value })}
        >
          <option value="">Any location</option>
          {lookups.locations.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Placed from
        <input
          type="date"
          data-testid="filter-placed-from"
          value={f.placedFrom}
          onChange={(e) => set({ placedFrom: e.target.value })}
        />
      </label>
      <label>
        Placed to
        <input
          type="date"
          data-testid="filter-placed-to"
          value={f.placedTo}
          onChange={(e) => set({ placedTo: e.target.value })}
        />
      </label>
      <label>
        Hold reason
        <input
          type="text"
          data-testid="filter-hold-reason"
          value={f.holdReason}
          onChange={(e) => set({ holdReason: e.target.value })}
        />
      </label>
      <label className="inline">
        <input
          type="checkbox"
          data-testid="filter-late"
          checked={f.late}
          onChange={(e) => set({ late: e.target.checked })}
        />
        Late (promise passed, not shipped)
      </label>
      <label className="inline">
        <input
          type="checkbox"
          data-testid="filter-exceptions"
          checked={f.flags.includes('hasExceptions')}
          onChange={(e) =>
            set({
              flags: e.target.checked
                ? [...f.flags, 'hasExceptions']
                : f.flags.filter((x) => x !== 'hasExceptions'),
            })
          }
        />
        Came in through an exception
      </label>
      <label>
        Sort by
        <select
          data-testid="filter-sort"
          value={`${f.sort}:${f.order}`}
          onChange={(e) => {
            const [sort, order] = e.target.value.split(':') as [OrderFilters['sort'], OrderFilters['order']]
            set({ sort, order })
          }}
        >
          <option value="placed:desc">Placed, newest first</option>
          <option value="placed:asc">Placed, oldest first</option>
          <option value="promise:asc">Promise date, soonest first</option>
          <option value="promise:desc">Promise date, latest first</option>
        </select>
      </label>
    </form>
  )
}
