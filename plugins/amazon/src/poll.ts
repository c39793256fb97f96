import {
  type InboundEvent,
  mapStoredRecord,
  type PluginContext,
  type PollResult,
  pager,
  windowCursor,
  windowPollResult,
} from '@switchyard/plugin-sdk'
import type { AmazonConfig } from './config'
import { orderEvent } from './map-order'
import { operationLimiter, spRequest, spUrl } from './sp-api'
import type { AmazonOrder } from './types'

const SEARCH_ORDERS = '/orders/2026-01-01/orders'
/** A poll whose turn at searchOrders' quota is further off than this skips the round. */
const LONGEST_WAIT_MS = 5_000

const windowsOf = (c: AmazonConfig) =>
  windowCursor({ overlapMs: c.lookbackSec * 1000, start: c.reconcileFrom })

/** searchOrders pages by token: the next page's in `pagination.nextToken`, sent as `paginationToken`. */
const searchOrders = pager<AmazonOrder>({
  style: 'cursor',
  cursorParam: 'paginationToken',
  nextCursor: 'pagination.nextToken',
  sizeParam: 'maxResultsPerPage',
  size: 100,
  records: 'orders',
  what: 'Amazon searchOrders',
})

/**
 * searchOrders (Orders API v2026-01-01) for orders updated since the cursor's window, one page per
 * call, with the SDK's window cursor (`lastUpdatedAfter` reaching back `lookbackSec`; the orders of
 * the overlap already taken unchanged are left out) and pager. Amazon has no order webhook to a
 * plain HTTPS endpoint, so this poll is the intake.
 */
export async function pollOrders(raw: string | null, ctx: PluginContext<AmazonConfig>): Promise<PollResult> {
  const { config } = ctx
  const windows = windowsOf(config)
  const now = ctx.clock.now()
  const state = windows.read(raw, now)
  const params = new URLSearchParams({
    marketplaceIds: config.marketplaceId,
    includedData: 'BUYER,RECIPIENT,FULFILLMENT,PROCEEDS',
  })
  // A later page is named by its token alone; the window's start goes with the first.
  if (!state.page) params.set('lastUpdatedAfter', windows.from(state))
  const base = `${spUrl(ctx, SEARCH_ORDERS)}?${params}`
  // Amazon allows searchOrders about once in three minutes once its burst is spent: a poll whose
  // turn is far off leaves the cursor as it is (nothing is missed) instead of failing.
  if (operationLimiter(ctx, 'GET', base).waitMs() > LONGEST_WAIT_MS) {
    ctx.logger.debug({}, 'Amazon searchOrders quota spent; this poll is skipped')
    return { events: [], cursor: raw }
  }
  const page = await searchOrders.fetch((url) => spRequest(ctx, 'GET', url), base, state.page)
  return windowPollResult({
    page,
    windows,
    state,
    now: ctx.clock.now(),
    identify: (o) => ({
      id: typeof o?.orderId === 'string' ? o.orderId : '',
      modifiedAt: typeof o?.lastUpdatedTime === 'string' ? o.lastUpdatedTime : undefined,
    }),
    map: orderEvent,
    logger: ctx.logger,
    what: 'Amazon order',
  })
}

/** One stored SP-API order mapped again, as `pollOrders` maps it (a replayed intake exception). */
export function mapOrderRecord(payload: string): InboundEvent {
  return mapStoredRecord(payload, (order: AmazonOrder) => orderEvent(order))
}
