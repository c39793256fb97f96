import type { OrderQuery } from '../../api/client'

/**
 * The order list's filters: what the URL holds (so a filtered list can be shared or bookmarked)
 * and what the hub's list and counts routes are asked. Names are the API's query parameters, so
 * the URL a person shares reads the same as the request an integrator would make.
 */
export interface OrderFilters {
  /** Channel instance ids. */
  channel: string[]
  status: string[]
  location: string
  /** Calendar days, YYYY-MM-DD, in the browser's time zone. */
  placedFrom: string
  placedTo: string
  late: boolean
  holdReason: string
  q: string
  sort: 'placed' | 'promise'
  order: 'asc' | 'desc'
  /** Yes/no filters: cancelRequested, warehouseHold, returnsOpen (queues), hasExceptions. */
  flags: Flag[]
}

export const emptyFilters: OrderFilters = {
  channel: [],
  status: [],
  location: '',
  placedFrom: '',
  placedTo: '',
  late: false,
  holdReason: '',
  q: '',
  sort: 'placed',
  order: 'desc',
  flags: [],
}

export const FLAGS = ['cancelRequested', 'warehouseHold', 'returnsOpen', 'hasExceptions'] as const
export type Flag = (typeof FLAGS)[number]

const list = (v: string | null) => (v ? v.split(',').filter(Boolean) : [])
const isDay = (v: string | null): v is string => !!v && /^\d{4}-\d{2}-\d{2}$/.test(v)

/** The list route's `sort`: the field, descending with a leading `-`. */
export type SortParam = 'placed' | '-placed' | 'promise' | '-promise'
const sortParam = (f: Pick<OrderFilters, 'sort' | 'order'>): SortParam =>
  `${f.order === 'desc' ? '-' : ''}${f.sort}` as SortParam

export function filtersFromParams(p: URLSearchParams): OrderFilters {
  const raw = p.get('sort') ?? '-placed'
  const sort = raw.replace(/^-/, '')
  return {
    channel: list(p.get('channel')),
    status: list(p.get('status')),
    location: p.get('location') ?? '',
    placedFrom: isDay(p.get('placedFrom')) ? p.get('placedFrom')! : '',
    placedTo: isDay(p.get('placedTo')) ? p.get('placedTo')! : '',
    late: p.get('late') === 'true',
    holdReason: p.get('holdReason') ?? '',
    q: p.get('q') ?? '',
    sort: sort === 'promise' ? 'promise' : 'placed',
    order: ['placed', 'promise'].includes(raw) ? 'asc' : 'desc',
    flags: FLAGS.filter((f) => p.get(f) === 'true'),
  }
}

/** The URL's query: only what differs from the default, so a plain list has a plain address. */
export function filtersToParams(f: OrderFilters): URLSearchParams {
  const p = new URLSearchParams()
  if (f.q.trim()) p.set('q', f.q.trim())
  if (f.channel.length) p.set('channel', f.channel.join(','))
  if (f.status.length) p.set('status', f.status.join(','))
  if (f.location) p.set('location', f.location)
  if (f.placedFrom) p.set('placedFrom', f.placedFrom)
  if (f.placedTo) p.set('placedTo', f.placedTo)
  if (f.late) p.set('late', 'true')
  if (f.holdReason.trim()) p.set('holdReason', f.holdReason.trim())
  for (const flag of f.flags) p.set(flag, 'true')
  if (sortParam(f) !== '-placed') p.set('sort', sortParam(f))
  return p
}

/**
 * The request: as the URL, with days turned into instants (the whole of each day, local time) and
 * the sort sent only when asked for, so a hub that lists newest first needs no sort parameter.
 */
export function filtersToQuery(f: OrderFilters, extra: { cursor?: string; limit?: number } = {}): OrderQuery {
  const query: OrderQuery = Object.fromEntries(filtersToParams(f))
  if (f.placedFrom) query.placedFrom = new Date(`${f.placedFrom}T00:00:00`).toISOString()
  if (f.placedTo) query.placedTo = new Date(`${f.placedTo}T23:59:59.999`).toISOString()
  if (extra.cursor) query.cursor = extra.cursor
  if (extra.limit) query.limit = extra.limit
  return query
}

/** The counts are per status, so they are asked without the status filter (the tabs choose it). */
export function countsQuery(f: OrderFilters): OrderQuery {
  return filtersToQuery({ ...f, status: [] })
}

/** A saved queue: one click sets these filters, and it is "on" while the filters are exactly these. */
export interface Queue {
  id: string
  label: string
  filters: Partial<OrderFilters>
}

export const queues: readonly Queue[] = [
  { id: 'held', label: 'Held', filters: { status: ['held'] } },
  { id: 'backordered', label: 'Backordered', filters: { status: ['backordered'] } },
  { id: 'late', label: 'Late', filters: { late: true, sort: 'promise', order: 'asc' } },
  { id: 'partially-shipped', label: 'Partially shipped', filters: { status: ['partially_shipped'] } },
  { id: 'cancel-requested', label: 'Cancel requested', filters: { flags: ['cancelRequested'] } },
  { id: 'warehouse-hold', label: 'Held at warehouse', filters: { flags: ['warehouseHold'] } },
  { id: 'returns-open', label: 'Returns open', filters: { flags: ['returnsOpen'] } },
]

export const queueFilters = (q: Queue): OrderFilters => ({ ...emptyFilters, ...q.filters })

export function activeQueue(f: OrderFilters): Queue | undefined {
  const key = filtersToParams(f).toString()
  return queues.find((q) => filtersToParams(queueFilters(q)).toString() === key)
}

export const statusLabel = (s: string) => s.replace(/_/g, ' ')
