import { decodeKeyCursor, encodeKeyCursor, type Page } from '@switchyard/core'
import { z } from 'zod'

/** The most rows one page of a small admin list holds. */
export const MAX_PAGE = 500

/** `limit` and `cursor`, the same on every list. */
export const pageQuery = {
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_PAGE)
    .optional()
    .meta({ description: `Rows per page, up to ${MAX_PAGE} (default ${MAX_PAGE})` }),
  cursor: z.string().max(1000).optional().meta({ description: 'nextCursor of the previous page' }),
}

/** `updatedSince`, on the lists whose rows change: an integrator syncs what changed since its last run. */
export const updatedSinceQuery = {
  updatedSince: z.iso.datetime({ offset: true }).optional().meta({
    description: 'Only rows changed at or after this instant (an incremental sync reads every page of it)',
  }),
}

/** A page of `item`s: the shape of every list. */
export const pageOf = <S extends z.ZodType>(item: S) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() })

/**
 * One page of a list that is small by nature (plugin instances, keys, locations, lanes, price
 * lists…): read whole, ordered by `key`, and cut after the cursor, so every list has the same
 * shape and paging rules; the large lists (orders, inventory, outbox, exceptions, audit) page in
 * the database. With `updatedAt`, `q.updatedSince` keeps the rows changed at or after it; the
 * cursor stays the key, so a sync pages a filtered list as any other.
 */
export function page<T>(
  all: readonly T[],
  key: (item: T) => string,
  q: { limit?: number; cursor?: string; updatedSince?: string },
  updatedAt?: (item: T) => string | null,
): Page<T> {
  const after = decodeKeyCursor(q.cursor, 1)?.[0]
  const since = q.updatedSince === undefined ? undefined : Date.parse(q.updatedSince)
  const changed =
    since === undefined || !updatedAt ? all : all.filter((item) => Date.parse(updatedAt(item) ?? '') >= since)
  const sorted = [...changed].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
  const rest = after === undefined ? sorted : sorted.filter((item) => key(item) > after)
  const limit = q.limit ?? MAX_PAGE
  const items = rest.slice(0, limit)
  return { items, nextCursor: rest.length > limit ? encodeKeyCursor([key(items[items.length - 1]!)]) : null }
}
