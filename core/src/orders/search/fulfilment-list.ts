import type { SqlRunner } from '../../db/sql/sql-db'
import { decodeCursor, encodeCursor, type Page } from '../../pagination'
import type { FulfilmentStatus } from '../fulfilment.entity'

/** Which fulfilments a list holds; every filter given must hold. */
export interface FulfilmentFilter {
  statuses?: readonly FulfilmentStatus[]
  /** Channel instances of the fulfilments' orders: any of them. */
  channels?: readonly string[]
  locationIds?: readonly string[]
  orderId?: string
  /** Epoch ms: only fulfilments changed at or after it. */
  updatedSince?: number
}

/** One fulfilment request as an integrator syncs it: where, what, and how far it got. */
export interface FulfilmentListItem {
  id: string
  orderId: string
  externalOrderId: string
  channelInstanceId: string
  locationId: string
  wmsInstanceId: string | null
  status: FulfilmentStatus
  externalRef: string | null
  carrier: string | null
  trackingNumber: string | null
  trackingUrl: string | null
  shippedAt: string | null
  reason: string | null
  hold: { reason: string; since: string | null } | null
  lines: { lineId: string; sku: string; quantity: number }[]
  createdAt: string
  updatedAt: string
}

export const MAX_FULFILMENTS_PAGE = 500
export const DEFAULT_FULFILMENTS_PAGE = 100

interface Row {
  id: string
  order_id: string
  external_order_id: string
  channel_instance_id: string
  location_id: string
  wms_instance_id: string | null
  status: FulfilmentStatus
  external_ref: string | null
  carrier: string | null
  tracking_number: string | null
  tracking_url: string | null
  shipped_at: number | string | null
  reason: string | null
  hold_reason: string | null
  held_at: number | string | null
  created_at: number | string
  updated_at: number | string
}

const iso = (ms: number | string) => new Date(Number(ms)).toISOString()
const marks = (n: number) => Array.from({ length: n }, () => '?').join(',')

/**
 * Fulfilments across orders in the order they were requested (ids are time-ordered), paged by the
 * last id seen, so a page boundary holds while new requests arrive. With `updatedSince` a sync
 * reads every page of what changed (accepted, held, shipped with tracking, cancelled, rejected);
 * one changed again while it pages comes in the next sync. Two queries a page.
 */
export async function listFulfilments(
  db: SqlRunner,
  filter: FulfilmentFilter,
  page: { limit?: number; cursor?: string } = {},
): Promise<Page<FulfilmentListItem>> {
  const limit = Math.min(
    Math.max(1, Math.trunc(page.limit ?? DEFAULT_FULFILMENTS_PAGE)),
    MAX_FULFILMENTS_PAGE,
  )
  const { where, params } = conditions(filter, decodeCursor(page.cursor))
  const rows = await db.all<Row>(
    `select f.id, f.order_id, o.external_order_id, o.channel_instance_id, f.location_id, f.wms_instance_id,
            f.status, f.external_ref, f.carrier, f.tracking_number, f.tracking_url, f.shipped_at, f.reason,
            f.hold_reason, f.held_at, f.created_at, f.updated_at
       from fulfilment f join orders o on o.id = f.order_id
       ${where.length ? `where ${where.join(' and ')}` : ''}
      order by f.id limit ${limit + 1}`,
    params,
  )
  const shown = rows.slice(0, limit)
  const lines = await linesOf(
    db,
    shown.map((r) => r.id),
  )
  return {
    items: shown.map((r) => item(r, lines.get(r.id) ?? [])),
    nextCursor: rows.length > limit ? encodeCursor(shown[shown.length - 1]!.id) : null,
  }
}

function conditions(filter: FulfilmentFilter, after: string | undefined) {
  const where: string[] = []
  const params: (string | number)[] = []
  const any = (column: string, values: readonly string[]) => {
    where.push(`${column} in (${marks(values.length)})`)
    params.push(...values)
  }
  if (after !== undefined) {
    where.push('f.id > ?')
    params.push(after)
  }
  if (filter.statuses?.length) any('f.status', filter.statuses)
  if (filter.channels?.length) any('o.channel_instance_id', filter.channels)
  if (filter.locationIds?.length) any('f.location_id', filter.locationIds)
  if (filter.orderId !== undefined) {
    where.push('f.order_id = ?')
    params.push(filter.orderId)
  }
  if (filter.updatedSince !== undefined) {
    where.push('f.updated_at >= ?')
    params.push(filter.updatedSince)
  }
  return { where, params }
}

/** Each fulfilment's lines: the units it carries, summed per order line. */
async function linesOf(
  db: SqlRunner,
  ids: readonly string[],
): Promise<Map<string, FulfilmentListItem['lines']>> {
  const out = new Map<string, FulfilmentListItem['lines']>()
  if (ids.length === 0) return out
  const rows = await db.all<{
    fulfilment_id: string
    line_id: string
    sku: string
    quantity: number | string
  }>(
    // A cancelled unit leaves a live request; a cancelled or rejected request shows what it asked for.
    `select a.fulfilment_id, a.line_id, a.sku, sum(a.quantity) as quantity
       from allocation a join fulfilment f on f.id = a.fulfilment_id
      where a.fulfilment_id in (${marks(ids.length)})
        and (a.status <> 'cancelled' or f.status in ('cancelled', 'rejected'))
      group by a.fulfilment_id, a.line_id, a.sku order by a.fulfilment_id, a.line_id`,
    [...ids],
  )
  for (const r of rows)
    out.set(r.fulfilment_id, [
      ...(out.get(r.fulfilment_id) ?? []),
      { lineId: r.line_id, sku: r.sku, quantity: Number(r.quantity) },
    ])
  return out
}

function item(r: Row, lines: FulfilmentListItem['lines']): FulfilmentListItem {
  return {
    id: r.id,
    orderId: r.order_id,
    externalOrderId: r.external_order_id,
    channelInstanceId: r.channel_instance_id,
    locationId: r.location_id,
    wmsInstanceId: r.wms_instance_id,
    status: r.status,
    externalRef: r.external_ref,
    carrier: r.carrier,
    trackingNumber: r.tracking_number,
    trackingUrl: r.tracking_url,
    shippedAt: r.shipped_at === null ? null : iso(r.shipped_at),
    reason: r.reason,
    hold:
      r.hold_reason === null
        ? null
        : { reason: r.hold_reason, since: r.held_at === null ? null : iso(r.held_at) },
    lines,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  }
}
