import { type OrderStatus, orderStatuses } from '@switchyard/plugin-sdk'
import type { Dialect } from '../../db/database-settings'
import type { SqlParam, SqlRunner } from '../../db/sql/sql-db'
import type { Page } from '../../pagination'
import { decodeSearchCursor, encodeSearchCursor, type OrderSort, type SearchCursor } from './search-cursor'

/**
 * What the orders list may be filtered by. Every filter narrows (AND); within `channels` and
 * `statuses`, any of the values. Instants are epoch milliseconds, ranges `[from, to)`; promise
 * dates are calendar days (YYYY-MM-DD), as the router promises them.
 */
export interface OrderSearch {
  channels?: readonly string[]
  statuses?: readonly OrderStatus[]
  externalOrderId?: string
  /** Orders with an allocation or a fulfilment at this location. */
  location?: string
  placedFrom?: number
  placedTo?: number
  receivedFrom?: number
  receivedTo?: number
  updatedSince?: number
  /** Promise date strictly before this day. */
  promiseBefore?: string
  /** Promise date passed (before `today`) and the order neither fully shipped nor cancelled. */
  late?: boolean
  /** The hold reason contains this text (any case). */
  holdReason?: string
  /** Orders that came in through the intake exception inbox (replayed exceptions). */
  hasExceptions?: boolean
  /** A warehouse was asked to cancel a fulfilment and has not answered. */
  cancelRequested?: boolean
  /** A warehouse holds one of the order's fulfilments until a person fixes something (SDK 1.4). */
  warehouseHold?: boolean
  /** A return is authorised or partly received. */
  returnsOpen?: boolean
  /**
   * Free text: the exact external order id or order number, a sku exactly, or the start of a
   * customer's name or of one of their email addresses (any case).
   */
  q?: string
  sort?: OrderSort
  limit?: number
  cursor?: string
  /** Today (UTC, YYYY-MM-DD) for `late`; the clock's day when absent. */
  today?: string
}

export interface OrderListRow {
  id: string
  channel_instance_id: string
  external_order_id: string
  order_number: string | null
  status: OrderStatus
  currency: string
  total_minor: number | string
  service_level: string
  ship_to: unknown
  email: string | null
  customer_name: string | null
  hold_reason: string | null
  promise_date: string | null
  placed_at: number | string
  received_at: number | string
  updated_at: number | string
}

const CLOSED: readonly OrderStatus[] = ['shipped', 'cancelled']
/**
 * An open order, written twice: the partial index's own predicate (SQLite uses a partial index
 * only for a query that repeats it) and the open statuses by name, the index's leading column.
 */
const OPEN = `o.status not in ('shipped', 'cancelled') and o.status in (${orderStatuses
  .filter((s) => !CLOSED.includes(s))
  .map((s) => `'${s}'`)
  .join(', ')})`

interface Where {
  conditions: string[]
  params: SqlParam[]
}

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ')

/** The smallest string greater than every string starting with `prefix` (code point order). */
function prefixEnd(prefix: string): string {
  const chars = Array.from(prefix)
  const last = chars.pop()!
  return chars.join('') + String.fromCodePoint(last.codePointAt(0)! + 1)
}

/** LIKE pattern for "contains", with the pattern's own wildcards escaped. */
const containsPattern = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`

/**
 * The filters as SQL over `orders o`. Each condition is written so an index can serve it on both
 * databases (see the migration): `late` repeats the open-orders partial index's predicate word for
 * word, which SQLite needs before it will use a partial index; prefixes are ranges, not LIKE, which
 * PostgreSQL would not take to a btree index under a non-C collation.
 */
export function searchWhere(
  s: OrderSearch,
  dialect: Dialect,
  omit?: SplitColumn,
  qMode: 'sparse' | 'dense' = 'sparse',
): Where {
  const conditions: string[] = []
  const params: SqlParam[] = []
  const add = (sql: string, ...values: SqlParam[]) => {
    conditions.push(sql)
    params.push(...values)
  }
  if (s.channels?.length && omit !== 'channels')
    add(`o.channel_instance_id in (${placeholders(s.channels.length)})`, ...s.channels)
  if (s.statuses?.length && omit !== 'statuses')
    add(`o.status in (${placeholders(s.statuses.length)})`, ...s.statuses)
  if (s.externalOrderId !== undefined) add('o.external_order_id = ?', s.externalOrderId)
  if (s.placedFrom !== undefined) add('o.placed_at >= ?', s.placedFrom)
  if (s.placedTo !== undefined) add('o.placed_at < ?', s.placedTo)
  if (s.receivedFrom !== undefined) add('o.received_at >= ?', s.receivedFrom)
  if (s.receivedTo !== undefined) add('o.received_at < ?', s.receivedTo)
  if (s.updatedSince !== undefined) add('o.updated_at >= ?', s.updatedSince)
  if (s.promiseBefore !== undefined)
    // A promise is never for a day before the order was placed, so an order promised before day X
    // was placed before X began in the latest time zone (UTC-12, X 12:00 UTC; 14 h to spare).
    // Redundant for the answer, it lets the date-placed walk start at X instead of today.
    add(
      'o.promise_date < ? and o.placed_at < ?',
      s.promiseBefore,
      Date.parse(s.promiseBefore) + 14 * 3_600_000,
    )
  if (s.late) add(`o.promise_date < ? and ${OPEN}`, s.today ?? new Date().toISOString().slice(0, 10))
  if (s.holdReason !== undefined)
    add(
      "o.hold_reason is not null and lower(o.hold_reason) like ? escape '\\'",
      containsPattern(s.holdReason),
    )
  // Small sets of orders named by another table. PostgreSQL is handed them as one array, read
  // once, so it looks the orders up by key; as `in (select …)` it walked the date-placed index
  // probing the other table for each order (the open returns: 110 ms at p95 on a million orders).
  const inSet = (select: string) =>
    dialect === 'postgresql' ? `o.id = any(array(${select}))` : `o.id in (${select})`
  if (s.hasExceptions) add(inSet('select e.order_id from intake_exception e where e.order_id is not null'))
  if (s.cancelRequested) add(inSet("select f.order_id from fulfilment f where f.status = 'cancelling'"))
  if (s.warehouseHold) add(inSet('select f.order_id from fulfilment f where f.hold_reason is not null'))
  if (s.returnsOpen)
    add(
      inSet("select r.order_id from return_request r where r.status in ('authorised', 'partially_received')"),
    )
  if (s.location !== undefined)
    // Allocations alone: every fulfilment is planned from allocations at its location, and neither
    // is ever deleted. (Asking fulfilment too made PostgreSQL hash the whole fulfilment table.)
    add('exists (select 1 from allocation a where a.order_id = o.id and a.location_id = ?)', s.location)
  if (s.q !== undefined) {
    const text = s.q.trim()
    const lower = text.toLowerCase()
    const end = prefixEnd(lower)
    const customers = `select c.id from customer c where lower(c.name) >= ? and lower(c.name) < ?
      union select ci.customer_id from customer_identity ci
        where ci.kind = 'email' and ci.channel_instance_id = '' and ci.value >= ? and ci.value < ?`
    if (qMode === 'sparse')
      // Each branch is one index lookup (order number, (channel, external id), the customer name
      // index, customer_identity's key, order_line(sku)); the union is the matching orders.
      add(
        `o.id in (
          select x.id from orders x where x.order_number = ?
          union select x.id from orders x
            where x.channel_instance_id in (select p.id from plugin_instance p) and x.external_order_id = ?
          union select x.id from orders x where x.customer_id in (${customers})
          union select l.order_id from order_line l where l.sku = ?
        )`,
        text,
        text,
        lower,
        end,
        lower,
        end,
        text,
      )
    // Many customers match (a first name, a short prefix): the same test row by row, as the sort's
    // index is walked; matches are dense enough that the page fills soon.
    else
      add(
        `o.order_number = ? or o.external_order_id = ? or o.customer_id in (${customers})
          or exists (select 1 from order_line l where l.order_id = o.id and l.sku = ?)`,
        text,
        text,
        lower,
        end,
        lower,
        end,
        text,
      )
  }
  return { conditions: conditions.map((c) => `(${c})`), params }
}

/**
 * Past this many customers matching `q` (by name or email prefix), the matching orders are too many
 * to collect and sort for one page: about where collecting them costs as much as walking the sort
 * index until the page fills (matches m, orders n: m ≈ √(50·n), some 7,000 orders at a million).
 */
const DENSE_CUSTOMERS = 1000

async function qDensity(db: SqlRunner, q: string, dense: number): Promise<'sparse' | 'dense'> {
  const lower = q.trim().toLowerCase()
  const end = prefixEnd(lower)
  const row = await db.one<{ n: number | string }>(
    `select (select count(*) from (select 1 from customer c
               where lower(c.name) >= ? and lower(c.name) < ? limit ${dense}) a)
          + (select count(*) from (select 1 from customer_identity ci
               where ci.kind = 'email' and ci.channel_instance_id = '' and ci.value >= ? and ci.value < ?
               limit ${dense}) b) as n`,
    [lower, end, lower, end],
  )
  return Number(row?.n ?? 0) >= dense ? 'dense' : 'sparse'
}

/** A filter of several values on the leading column of a (column, placed_at, id) index. */
type SplitColumn = 'channels' | 'statuses'
const SPLIT_SQL: Record<SplitColumn, string> = {
  channels: 'o.channel_instance_id = ?',
  statuses: 'o.status = ?',
}

const COLUMNS = `o.id, o.channel_instance_id, o.external_order_id, o.order_number, o.status, o.currency,
  o.total_minor, o.service_level, o.ship_to, o.email, c.name as customer_name, o.hold_reason, o.promise_date,
  o.placed_at, o.received_at, o.updated_at`

/**
 * One page of orders under the sort, resumed after `cursor`. Keyset paging on (sort value, id):
 * stable while orders arrive or change. The promise sorts list orders with a promise date first,
 * then those without one (held, backordered, not yet routed) by id, in either direction.
 */
export async function searchOrders(
  db: SqlRunner,
  s: OrderSearch,
  options: { denseCustomers?: number } = {},
): Promise<Page<OrderListRow>> {
  const sort = s.sort ?? '-placed'
  const limit = Math.min(Math.max(s.limit ?? 50, 1), 500)
  const after = decodeSearchCursor(s.cursor, sort)
  const placedSort = sort === 'placed' || sort === '-placed'
  // Under the date-placed sort, several channels (or statuses) are one index walk each, merged:
  // an IN list on an index's leading column would otherwise read and sort every match.
  const split: SplitColumn | undefined = !placedSort
    ? undefined
    : (s.channels?.length ?? 0) > 1
      ? 'channels'
      : (s.statuses?.length ?? 0) > 1
        ? 'statuses'
        : undefined
  const where = searchWhere(
    s,
    db.dialect,
    split,
    s.q === undefined ? 'sparse' : await qDensity(db, s.q, options.denseCustomers ?? DENSE_CUSTOMERS),
  )
  const branches: readonly (SqlParam | undefined)[] = split ? s[split]! : [undefined]
  const desc = sort.startsWith('-')
  const dir = desc ? 'desc' : 'asc'
  const cmp = desc ? '<' : '>'
  // Two steps in one statement: the page's ids from the filters and the sort alone (an index walk,
  // covering where it can be), then the page's columns for those ids only.
  const run = async (extra: string[], extraParams: SqlParam[], orderBy: string, n: number) => {
    const ids: string[] = []
    const params: SqlParam[] = []
    for (const value of branches) {
      const conditions = [...where.conditions, ...(split ? [SPLIT_SQL[split]] : []), ...extra]
      ids.push(
        `select id from (select o.id from orders o ${conditions.length ? `where ${conditions.join(' and ')}` : ''}
          order by ${orderBy} limit ${n + 1}) b${ids.length}`,
      )
      params.push(...where.params, ...(split ? [value!] : []), ...extraParams)
    }
    return db.all<OrderListRow>(
      `select ${COLUMNS} from orders o left join customer c on c.id = o.customer_id
        where o.id in (${ids.join(' union all ')})
        order by ${orderBy} limit ${n + 1}`,
      params,
    )
  }
  let rows: OrderListRow[]
  if (placedSort) {
    const keyset = after ? [`(o.placed_at, o.id) ${cmp} (?, ?)`] : []
    rows = await run(keyset, after ? [after.value, after.id] : [], `o.placed_at ${dir}, o.id ${dir}`, limit)
  } else {
    rows = []
    if (!after || after.value !== null) {
      const keyset = after ? [`(o.promise_date, o.id) ${cmp} (?, ?)`] : ['o.promise_date is not null']
      rows = await run(
        keyset,
        after ? [after.value, after.id] : [],
        `o.promise_date ${dir}, o.id ${dir}`,
        limit,
      )
    }
    if (rows.length <= limit) {
      const keyset = after?.value === null ? [`o.id ${cmp} ?`] : []
      const tail = await run(
        ['o.promise_date is null', ...keyset],
        after?.value === null ? [after.id] : [],
        `o.id ${dir}`,
        limit - rows.length,
      )
      rows = rows.concat(tail)
    }
  }
  const items = rows.slice(0, limit)
  const last = items[items.length - 1]
  const cursor = (r: OrderListRow): SearchCursor => ({
    sort,
    value: placedSort ? Number(r.placed_at) : r.promise_date,
    id: r.id,
  })
  return { items, nextCursor: rows.length > limit && last ? encodeSearchCursor(cursor(last)) : null }
}

/** How many orders match the filters, per status (statuses with none are left out). */
export async function countOrders(
  db: SqlRunner,
  s: OrderSearch,
): Promise<Partial<Record<OrderStatus, number>>> {
  const where = searchWhere(s, db.dialect)
  const rows = await db.all<{ status: OrderStatus; n: number | string }>(
    `select o.status, count(*) as n from orders o
      ${where.conditions.length ? `where ${where.conditions.join(' and ')}` : ''} group by o.status`,
    where.params,
  )
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]))
}
