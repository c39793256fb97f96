import {
  type PluginContext,
  type PollResult,
  pager,
  windowCursor,
  windowPollResult,
} from '@switchyard/plugin-sdk'
import { apiRoot, ebay } from './api'
import type { EbayConfig } from './config'
import { orderEvent } from './map-order'
import type { EbayOrder } from './types'

const windowsOf = (c: EbayConfig) => windowCursor({ overlapMs: c.lookbackSec * 1000, start: c.reconcileFrom })

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
  return windowPollResult({
    page,
    windows,
    state,
    now: ctx.clock.now(),
    identify: (o) => ({
      id: typeof o?.orderId === 'string' ? o.orderId : '',
      modifiedAt: typeof o?.lastModifiedDate === 'string' ? o.lastModifiedDate : undefined,
    }),
    map: orderEvent,
    logger: ctx.logger,
    what: 'eBay order',
  })
}
