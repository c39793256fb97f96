import {
  type InboundEvent,
  mapStoredRecord,
  type PluginContext,
  type PollResult,
  type UnmappedRecord,
  unmappedRecord,
} from '@switchyard/plugin-sdk'
import { shopUrl } from './admin-api'
import type { ShopifyConfig } from './config'
import { parseLossless } from './lossless-json'
import { orderEvent } from './map-order'
import type { ShopifyOrder } from './types'

interface Cursor {
  /** Orders updated at or after this instant are (re)read. */
  since: string
  /** Shopify's page_info of the next page of the current sweep. */
  page?: string
  /** The latest updated_at seen in the current sweep: the next sweep's `since`. */
  max?: string
}

function readCursor(raw: string | null, config: ShopifyConfig, now: Date): Cursor {
  if (raw) {
    try {
      const c = JSON.parse(raw) as Cursor
      if (typeof c.since === 'string') return c
    } catch {}
  }
  return { since: config.reconcileFrom ?? new Date(now.getTime() - 24 * 3600_000).toISOString() }
}

function nextPageInfo(link: string | undefined): string | undefined {
  if (!link) return undefined
  for (const part of link.split(',')) {
    if (!/rel="?next"?/.test(part)) continue
    const url = /<([^>]+)>/.exec(part)?.[1]
    if (url) return new URL(url).searchParams.get('page_info') ?? undefined
  }
  return undefined
}

const later = (a: string | undefined, b: string | undefined) =>
  !a ? b : !b ? a : Date.parse(a) >= Date.parse(b) ? a : b

/**
 * The reconciliation poll: every order updated since the cursor, one page per call, so an order
 * whose webhook never arrived is still taken. It reads the REST orders list, whose order shape is
 * the webhooks' own, so both paths share one mapper (GraphQL is used for everything outbound).
 */
export async function pollOrders(raw: string | null, ctx: PluginContext<ShopifyConfig>): Promise<PollResult> {
  const { config } = ctx
  const cursor = readCursor(raw, config, ctx.clock.now())
  const base = `${shopUrl(config)}/admin/api/${config.apiVersion}/orders.json`
  const since = new Date(Date.parse(cursor.since) - config.lookbackSec * 1000).toISOString()
  const url = cursor.page
    ? `${base}?limit=250&page_info=${encodeURIComponent(cursor.page)}`
    : `${base}?status=any&limit=250&updated_at_min=${encodeURIComponent(since)}`
  const res = await ctx.http.request(url, {
    timeoutMs: config.timeoutMs,
    headers: { accept: 'application/json', 'x-shopify-access-token': config.accessToken },
  })
  const { orders } = parseLossless(res.text) as { orders: ShopifyOrder[] }
  const events: InboundEvent[] = []
  const unmapped: UnmappedRecord[] = []
  let max = cursor.max
  for (const order of orders) {
    max = later(max, order.updated_at)
    try {
      const event = orderEvent(order)
      if (event.type !== 'ignored') events.push(event)
    } catch (error) {
      // Reported, not skipped: the hub keeps it as an intake exception and the sweep goes on.
      unmapped.push(unmappedRecord(order, order?.id === undefined ? undefined : String(order.id), error))
      ctx.logger.warn(
        { order: String(order?.id), error: (error as Error).message },
        'Shopify order not mappable',
      )
    }
  }
  const extra = unmapped.length > 0 ? { unmapped } : {}
  const page = nextPageInfo(res.headers.link)
  if (page)
    return { events, ...extra, cursor: JSON.stringify({ since: cursor.since, page, max }), more: true }
  return { events, ...extra, cursor: JSON.stringify({ since: later(cursor.since, max) }) }
}

/**
 * One stored order of the REST orders list mapped again, as `pollOrders` maps it (a replayed intake
 * exception); long ids stay strings.
 */
export function mapOrderRecord(payload: string): InboundEvent {
  return mapStoredRecord(payload, (order: ShopifyOrder) => orderEvent(order), parseLossless)
}
