import {
  type InboundEvent,
  mapStoredRecord,
  type PluginContext,
  type PollResult,
  pager,
  windowCursor,
  windowPollResult,
} from '@switchyard/plugin-sdk'
import { wooRequest } from './api'
import type { WoocommerceConfig } from './config'
import { gmt, orderEvent } from './map-order'
import type { WooOrder } from './types'

const windowsOf = (c: WoocommerceConfig) =>
  windowCursor({ overlapMs: c.lookbackSec * 1000, start: c.reconcileFrom })

/** REST v3 lists page by `page`/`per_page`; the answer is the list, its page count in `X-WP-TotalPages`. */
const ordersList = pager<WooOrder>({
  style: 'page',
  size: 100,
  records: (body) => body,
  totalPages: (_body, response) => response.headers['x-wp-totalpages'],
  what: 'WooCommerce orders list',
})

/**
 * The reconciliation poll, mandatory with WooCommerce: a webhook delivery that fails is never
 * retried (and after five failures the webhook is disabled). Orders modified since the cursor's
 * window, in GMT, oldest first, one page per call, with the SDK's window cursor (reaching back
 * `lookbackSec`; the orders of the overlap already taken unchanged are left out) and pager.
 */
export async function pollOrders(
  raw: string | null,
  ctx: PluginContext<WoocommerceConfig>,
): Promise<PollResult> {
  const windows = windowsOf(ctx.config)
  const now = ctx.clock.now()
  const state = windows.read(raw, now)
  // WordPress takes the instant without milliseconds or zone; `dates_are_gmt` says it is GMT.
  const after = windows.from(state).replace(/\.\d{3}Z$/, '')
  const query = new URLSearchParams({
    modified_after: after,
    dates_are_gmt: 'true',
    orderby: 'modified',
    order: 'asc',
  })
  const base = `${ctx.config.siteUrl.replace(/\/$/, '')}/wp-json/wc/v3/orders?${query}`
  const page = await ordersList.fetch((url) => wooRequest(ctx, 'GET', url), base, state.page)
  return windowPollResult({
    page,
    windows,
    state,
    now: ctx.clock.now(),
    identify: (o) => ({
      id: typeof o?.id === 'string' || typeof o?.id === 'number' ? String(o.id) : '',
      modifiedAt: gmt(o?.date_modified_gmt),
    }),
    map: orderEvent,
    logger: ctx.logger,
    what: 'WooCommerce order',
  })
}

/** One stored REST v3 order mapped again, as `pollOrders` maps it (a replayed intake exception). */
export function mapOrderRecord(payload: string): InboundEvent {
  return mapStoredRecord(payload, (order: WooOrder) => orderEvent(order))
}
