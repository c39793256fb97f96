import {
  type HttpResponse,
  type InboundEvent,
  mapStoredRecord,
  nextLink,
  type PluginContext,
  type PollResult,
  pager,
  windowCursor,
  windowPollResult,
} from '@switchyard/plugin-sdk'
import { restGet, shopUrl } from './admin-api'
import type { ShopifyConfig } from './config'
import { parseLossless } from './lossless-json'
import { orderEvent } from './map-order'
import type { ShopifyOrder } from './types'

const windowsOf = (c: ShopifyConfig) =>
  windowCursor({ overlapMs: c.lookbackSec * 1000, start: c.reconcileFrom })

/** The `page_info` of the Link header's `rel="next"` page: Shopify's cursor for the next page. */
const pageInfo = (_body: unknown, response: HttpResponse) => {
  const link = nextLink(response.headers.link)
  return link ? (new URL(link, 'https://shop.invalid').searchParams.get('page_info') ?? undefined) : undefined
}

/**
 * The REST orders list pages by cursor: `page_info` from the Link header, sent with `limit` alone on
 * the orders URL (kept on the configured shop URL, whatever host the link names). Ids too long for
 * a double stay strings.
 */
const ordersList = pager<ShopifyOrder>({
  style: 'cursor',
  cursorParam: 'page_info',
  nextCursor: pageInfo,
  sizeParam: 'limit',
  size: 250,
  records: 'orders',
  parse: parseLossless,
  what: 'Shopify orders list',
})

/**
 * The reconciliation poll: every order updated since the cursor's window, one page per call, so an
 * order whose webhook never arrived is still taken. It reads the REST orders list, whose order shape
 * is the webhooks' own, so both paths share one mapper (GraphQL is used for everything outbound).
 * The SDK's window cursor reaches back `lookbackSec` and leaves out the orders of the overlap
 * already taken unchanged.
 */
export async function pollOrders(raw: string | null, ctx: PluginContext<ShopifyConfig>): Promise<PollResult> {
  const { config } = ctx
  const windows = windowsOf(config)
  const now = ctx.clock.now()
  const state = windows.read(raw, now)
  const list = `${shopUrl(config)}/admin/api/${config.apiVersion}/orders.json`
  // Shopify refuses filters beside page_info: they belong to the sweep's first page.
  const base = state.page
    ? list
    : `${list}?${new URLSearchParams({ status: 'any', updated_at_min: windows.from(state) })}`
  const page = await ordersList.fetch((url) => restGet(ctx, url), base, state.page)
  return windowPollResult({
    page,
    windows,
    state,
    now: ctx.clock.now(),
    identify: (o) => ({
      id: typeof o?.id === 'string' || typeof o?.id === 'number' ? String(o.id) : '',
      modifiedAt: typeof o?.updated_at === 'string' ? o.updated_at : undefined,
    }),
    map: (o) => orderEvent(o),
    logger: ctx.logger,
    what: 'Shopify order',
  })
}

/**
 * One stored order of the REST orders list mapped again, as `pollOrders` maps it (a replayed intake
 * exception); long ids stay strings.
 */
export function mapOrderRecord(payload: string): InboundEvent {
  return mapStoredRecord(payload, (order: ShopifyOrder) => orderEvent(order), parseLossless)
}
