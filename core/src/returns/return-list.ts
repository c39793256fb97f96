import type { SqlRunner } from '../db/sql/sql-db'
import { decodeCursor, encodeCursor, type Page } from '../pagination'
import type { RefundService } from './refund-service'
import type { ReturnStatus } from './return.entity'
import { type ReturnView, returnViews } from './return-views'

/** Which returns a list holds; every filter given must hold. */
export interface ReturnFilter {
  statuses?: readonly ReturnStatus[]
  /** Channel instances of the returns' orders: any of them. */
  channels?: readonly string[]
  orderId?: string
  /** Epoch ms: only returns changed at or after it. */
  updatedSince?: number
}

/** The most returns one page holds (each carries its lines and refunds). */
export const MAX_RETURNS_PAGE = 500
export const DEFAULT_RETURNS_PAGE = 100

/**
 * Returns across orders in the order they were authorised (ids are time-ordered), paged by the
 * last id seen, so a page boundary holds while new returns arrive. With `updatedSince` a sync
 * reads every page of what changed; a return changed again while it pages comes in the next sync.
 */
export async function listReturns(
  db: SqlRunner,
  refunds: RefundService,
  filter: ReturnFilter,
  page: { limit?: number; cursor?: string } = {},
): Promise<Page<ReturnView>> {
  const limit = Math.min(Math.max(1, Math.trunc(page.limit ?? DEFAULT_RETURNS_PAGE)), MAX_RETURNS_PAGE)
  const where: string[] = []
  const params: (string | number)[] = []
  const any = (column: string, values: readonly string[]) => {
    where.push(`${column} in (${values.map(() => '?').join(',')})`)
    params.push(...values)
  }
  const after = decodeCursor(page.cursor)
  if (after !== undefined) {
    where.push('r.id > ?')
    params.push(after)
  }
  if (filter.statuses?.length) any('r.status', filter.statuses)
  if (filter.channels?.length) any('o.channel_instance_id', filter.channels)
  if (filter.orderId !== undefined) {
    where.push('r.order_id = ?')
    params.push(filter.orderId)
  }
  if (filter.updatedSince !== undefined) {
    where.push('r.updated_at >= ?')
    params.push(filter.updatedSince)
  }
  const ids = await db.all<{ id: string }>(
    `select r.id from return_request r join orders o on o.id = r.order_id
      ${where.length ? `where ${where.join(' and ')}` : ''}
      order by r.id limit ${limit + 1}`,
    params,
  )
  const items = await returnViews(
    db,
    refunds,
    ids.slice(0, limit).map((r) => r.id),
  )
  return { items, nextCursor: ids.length > limit ? encodeCursor(ids[limit - 1]!.id) : null }
}
