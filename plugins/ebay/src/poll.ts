import {
  type InboundEvent,
  type PluginContext,
  type PollResult,
  pager,
  type UnmappedRecord,
  unmappedRecord,
  windowCursor,
} from '@switchyard/plugin-sdk'
import { apiRoot, ebay } from './api'
import type { EbayConfig } from './config'
import { orderEvent } from './map-order'
import type { EbayOrder } from './types'

const windowsOf = (c: EbayConfig) =>
  windowCursor({
    overlapMs: c.lookbackSec * 1000,
    start: (now) => c.reconcileFrom ?? new Date(now.getTime() - 24 * 3600_000).toISOString(),
  })

const ordersOf = (c: EbayConfig) =>
  pager<EbayOrder>({
    style: 'offset',
    limit: c.pageSize,
    records: 'orders',
    total: 'total',
    what: 'eBay getOrders',
  })

/**
 * getOrders (Sell Fulfillment API) for orders modified since the cursor's window, one page per call:
 * `filter=lastmodifieddate:[<from>..]`, paged by `limit`/`offset`. The window reaches back
 * `lookbackSec`, and the orders of the overlap already taken unchanged are left out. eBay has no
 * order webhook to a plain HTTPS endpoint for sellers' apps, so this poll is the intake.
 */
export async function pollOrders(raw: string | null, ctx: PluginContext<EbayConfig>): Promise<PollResult> {
  const c = ctx.config
  const windows = windowsOf(c)
  const now = ctx.clock.now()
  const state = windows.read(raw, now)
  const from = windows.from(state)
  // eBay refuses a filter date in the future; there is nothing there to read anyway.
  if (Date.parse(from) > now.getTime())
    return { events: [], cursor: windows.advance(state, [], undefined, now) }
  const base = `${apiRoot(c)}/sell/fulfillment/v1/order?${new URLSearchParams({
    filter: `lastmodifieddate:[${from}..]`,
  })}`
  const page = await ordersOf(c).fetch((url) => ebay(ctx, 'GET', url), base, state.page)
  const events: InboundEvent[] = []
  const unmapped: UnmappedRecord[] = []
  const records = page.records.map((o) => ({
    order: o,
    id: typeof o?.orderId === 'string' ? o.orderId : '',
    modifiedAt: typeof o?.lastModifiedDate === 'string' ? o.lastModifiedDate : undefined,
  }))
  for (const r of records) {
    if (!windows.fresh(state, r)) continue
    try {
      const event = orderEvent(r.order)
      if (event.type !== 'ignored') events.push(event)
    } catch (error) {
      // Reported, not skipped: the hub keeps it as an intake exception and the page goes on.
      unmapped.push(unmappedRecord(r.order, r.id || undefined, error))
      ctx.logger.warn({ order: r.id, error: (error as Error).message }, 'eBay order not mappable')
    }
  }
  return {
    events,
    ...(unmapped.length > 0 ? { unmapped } : {}),
    cursor: windows.advance(state, records, page.next, now),
    ...(page.next ? { more: true } : {}),
  }
}
