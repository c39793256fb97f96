import {
  type InboundEvent,
  mapStoredRecord,
  type PluginContext,
  type PollResult,
  type UnmappedRecord,
  unmappedRecord,
} from '@switchyard/plugin-sdk'
import type { AmazonConfig } from './config'
import { spRequest } from './lwa'
import { orderEvent } from './map-order'
import type { AmazonOrder } from './types'

interface Cursor {
  since: string
  token?: string
  max?: string
}

/** The later instant; one that is not a date is passed over, so a bad record cannot poison the cursor. */
const isInstant = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v))
const later = (a: string | undefined, b: unknown): string | undefined =>
  !isInstant(b) ? a : !a ? b : Date.parse(a) >= Date.parse(b) ? a : b

/**
 * searchOrders (Orders API v2026-01-01) for orders updated since the cursor, one page per call.
 * Amazon has no order webhook to a plain HTTPS endpoint, so this poll is the intake.
 */
export async function pollOrders(raw: string | null, ctx: PluginContext<AmazonConfig>): Promise<PollResult> {
  const { config } = ctx
  let cursor: Cursor | undefined
  try {
    cursor = raw ? (JSON.parse(raw) as Cursor) : undefined
  } catch {}
  if (!cursor?.since)
    cursor = {
      since: config.reconcileFrom ?? new Date(ctx.clock.now().getTime() - 24 * 3600_000).toISOString(),
    }
  const params = new URLSearchParams({
    marketplaceIds: config.marketplaceId,
    includedData: 'BUYER,RECIPIENT,FULFILLMENT,PROCEEDS',
    maxResultsPerPage: '100',
  })
  if (cursor.token) params.set('paginationToken', cursor.token)
  else
    params.set(
      'lastUpdatedAfter',
      new Date(Date.parse(cursor.since) - config.lookbackSec * 1000).toISOString(),
    )
  const res = await spRequest(ctx, 'GET', `/orders/2026-01-01/orders?${params}`)
  const answer = res.json<{ orders?: AmazonOrder[]; pagination?: { nextToken?: string } }>()
  const events: InboundEvent[] = []
  const unmapped: UnmappedRecord[] = []
  let max = cursor.max
  for (const order of answer.orders ?? []) {
    max = later(max, order?.lastUpdatedTime)
    try {
      const event = orderEvent(order)
      if (event.type !== 'ignored') events.push(event)
    } catch (error) {
      // Reported, not skipped: the hub keeps it as an intake exception and the page goes on.
      unmapped.push(unmappedOrder(order, error))
      ctx.logger.warn({ order: order.orderId, error: (error as Error).message }, 'Amazon order not mappable')
    }
  }
  const extra = unmapped.length > 0 ? { unmapped } : {}
  const next = answer.pagination?.nextToken
  if (next)
    return {
      events,
      ...extra,
      cursor: JSON.stringify({ since: cursor.since, token: next, max }),
      more: true,
    }
  return { events, ...extra, cursor: JSON.stringify({ since: later(cursor.since, max) }) }
}

/** An order the mapping refused, as the SP-API sent it, with each field it could not read. */
function unmappedOrder(order: AmazonOrder, error: unknown): UnmappedRecord {
  const id = (order as { orderId?: unknown } | null)?.orderId
  return unmappedRecord(order, typeof id === 'string' && id !== '' ? id : undefined, error)
}

/** One stored SP-API order mapped again, as `pollOrders` maps it (a replayed intake exception). */
export function mapOrderRecord(payload: string): InboundEvent {
  return mapStoredRecord(payload, (order: AmazonOrder) => orderEvent(order))
}
