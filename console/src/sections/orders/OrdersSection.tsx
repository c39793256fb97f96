import { useCallback, useEffect, useRef, useState } from 'react'
import type { OrderSummary, StatusCounts } from '../../api/client'
import { hashOf } from '../../shell/route'
import type { SectionProps } from '../../shell/section'
import { freshness } from '../../ui/format'
import { useLookups } from '../../ui/lookups'
import { Problem } from '../../ui/Problem'
import { useLiveReload } from '../live/use-live'
import { FilterBar } from './FilterBar'
import { countsQuery, filtersFromParams, filtersToParams, filtersToQuery, type OrderFilters } from './filters'
import { OrdersTable } from './OrdersTable'
import { QueueBar, StatusTabs } from './QueueBar'

const PAGE = 50

/**
 * Every channel's orders in one list. The filters live in the address (`#/orders?status=held&q=…`),
 * so a list can be shared; the list and its counts are asked of the hub's public list routes.
 */
export function OrdersSection(props: SectionProps) {
  const { api, navigate } = props
  const filters = filtersFromParams(props.route.query)
  const key = filtersToParams(filters).toString()
  const lookups = useLookups(api)
  const [items, setItems] = useState<OrderSummary[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [counts, setCounts] = useState<StatusCounts | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [loading, setLoading] = useState(false)
  const [loadedAt, setLoadedAt] = useState<number | null>(null)
  const [now, setNow] = useState(() => Date.now())
  const request = useRef(0)

  const setFilters = useCallback(
    (f: OrderFilters, options: { replace?: boolean } = {}) => {
      const qs = filtersToParams(f).toString()
      navigate(hashOf('orders', [], qs ? new URLSearchParams(qs) : undefined), options)
    },
    [navigate],
  )

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` is the filters, serialised
  const load = useCallback(async () => {
    const mine = ++request.current
    setLoading(true)
    try {
      const [page, c] = await Promise.all([
        api.orders(filtersToQuery(filters, { limit: PAGE })),
        // The counts route is newer than some hubs: without it the tabs show no numbers.
        api.counts(countsQuery(filters)).catch(() => null),
      ])
      if (mine !== request.current) return
      setItems(page.items)
      setCursor(page.nextCursor)
      setCounts(c)
      setError(null)
      setLoadedAt(Date.now())
    } catch (e) {
      if (mine !== request.current) return
      setItems([])
      setCursor(null)
      setCounts(null)
      setError(e)
    } finally {
      if (mine === request.current) setLoading(false)
    }
  }, [api, key])

  useEffect(() => {
    void load()
  }, [load])

  // Any order change may move an order into or out of the list or its counts: read the first page
  // again (once per burst); without the stream, every 10 s. Once more pages are loaded, reading the
  // first again would drop them from under the reader: the shown rows change status in place and
  // the counts are read again instead.
  // (useLiveReload keeps the latest of this function: it sees the current rows and filters.)
  const refresh = () => {
    if (items.length <= PAGE) return void load()
    void api
      .counts(countsQuery(filters))
      .then(setCounts)
      .catch(() => {})
    setLoadedAt(Date.now())
  }
  useLiveReload(props.live, refresh, { pollMs: 10_000, debounceMs: 750 })
  useEffect(
    () =>
      props.live.onChange((c) =>
        setItems((xs) =>
          xs.some((o) => o.id === c.id && o.status !== c.status)
            ? xs.map((o) => (o.id === c.id ? { ...o, status: c.status as OrderSummary['status'] } : o))
            : xs,
        ),
      ),
    [props.live],
  )

  // The freshness label ticks.
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 5000)
    return () => clearInterval(t)
  }, [])

  const more = async () => {
    if (!cursor) return
    setLoading(true)
    try {
      const page = await api.orders(filtersToQuery(filters, { cursor, limit: PAGE }))
      setItems((xs) => [...xs, ...page.items])
      setCursor(page.nextCursor)
    } catch (e) {
      setError(e)
    } finally {
      setLoading(false)
    }
  }

  return (
    <div className="page orders-page">
      <header className="page-head">
        <h1>Orders</h1>
        <span className="muted small" data-testid="orders-freshness" aria-live="polite">
          {loading ? 'loading…' : freshness(loadedAt, now)}
        </span>
        <button type="button" onClick={() => void load()} data-testid="orders-refresh">
          Refresh
        </button>
      </header>
      <QueueBar filters={filters} onChange={setFilters} />
      <FilterBar filters={filters} lookups={lookups} onChange={setFilters} />
      <StatusTabs filters={filters} counts={counts} onChange={setFilters} />
      <Problem error={error} testId="orders-error" />
      <OrdersTable
        items={items}
        lookups={lookups}
        onOpen={(id) => navigate(hashOf('order', [id]))}
        empty={!loading && !error}
      />
      <div className="row">
        {cursor && (
          <button type="button" onClick={() => void more()} disabled={loading} data-testid="orders-more">
            Load more
          </button>
        )}
        <span className="muted small" data-testid="orders-shown">
          {items.length} shown{cursor ? '' : items.length ? ', all loaded' : ''}
        </span>
      </div>
    </div>
  )
}
