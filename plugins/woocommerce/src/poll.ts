import {
  type InboundEvent,
  mapStoredRecord,
  type PluginContext,
  type PollResult,
  type UnmappedRecord,
  unmappedRecord,
} from '@switchyard/plugin-sdk'
import { wooRequest } from './api'
import type { WoocommerceConfig } from './config'
import { gmt, orderEvent } from './map-order'
import type { WooOrder } from './types'

interface Cursor {
  since: string
  page?: number
  max?: string
}

const PER_PAGE = 100

const later = (a: string | undefined, b: string | undefined) =>
  !a ? b : !b ? a : Date.parse(a) >= Date.parse(b) ? a : b

/**
 * The reconciliation poll, mandatory with WooCommerce: a webhook delivery that fails is never
 * retried (and after five failures the webhook is disabled). Orders modified since the cursor, in
 * GMT, oldest first, one page per call.
 */
export async function pollOrders(
  raw: string | null,
  ctx: PluginContext<WoocommerceConfig>,
): Promise<PollResult> {
  const { config } = ctx
  let cursor: Cursor | undefined
  try {
    cursor = raw ? (JSON.parse(raw) as Cursor) : undefined
  } catch {}
  if (!cursor?.since)
    cursor = {
      since: config.reconcileFrom ?? new Date(ctx.clock.now().getTime() - 24 * 3600_000).toISOString(),
    }
  const page = cursor.page ?? 1
  const after = new Date(Date.parse(cursor.since) - config.lookbackSec * 1000)
    .toISOString()
    .replace(/\.\d{3}Z$/, '')
  const res = await wooRequest(
    ctx,
    'GET',
    `/wc/v3/orders?modified_after=${encodeURIComponent(after)}&dates_are_gmt=true&orderby=modified&order=asc&per_page=${PER_PAGE}&page=${page}`,
  )
  const orders = res.json<WooOrder[]>()
  const events: InboundEvent[] = []
  const unmapped: UnmappedRecord[] = []
  let max = cursor.max
  for (const order of orders) {
    max = later(max, gmt(order.date_modified_gmt))
    try {
      const event = orderEvent(order)
      if (event.type !== 'ignored') events.push(event)
    } catch (error) {
      // Reported, not skipped: the hub keeps it as an intake exception and the sweep goes on.
      unmapped.push(unmappedRecord(order, order?.id === undefined ? undefined : String(order.id), error))
      ctx.logger.warn({ order: order?.id, error: (error as Error).message }, 'WooCommerce order not mappable')
    }
  }
  const extra = unmapped.length > 0 ? { unmapped } : {}
  const totalPages = Number(res.headers['x-wp-totalpages'] ?? 1)
  if (page < totalPages)
    return {
      events,
      ...extra,
      cursor: JSON.stringify({ since: cursor.since, page: page + 1, max }),
      more: true,
    }
  return { events, ...extra, cursor: JSON.stringify({ since: later(cursor.since, max) }) }
}

/** One stored REST v3 order mapped again, as `pollOrders` maps it (a replayed intake exception). */
export function mapOrderRecord(payload: string): InboundEvent {
  return mapStoredRecord(payload, (order: WooOrder) => orderEvent(order))
}
