/**
 * @module @switchyard/shopify
 * Shopify as a sales channel.
 * - In: webhooks `orders/create`, `orders/updated`, `orders/cancelled`, `refunds/create` at
 *   `/webhooks/<instance>`, verified with `X-Shopify-Hmac-Sha256` over the raw body (constant time)
 *   and deduplicated on `X-Shopify-Webhook-Id`; plus a reconciliation poll of orders updated since a
 *   stored cursor, so a webhook Shopify gave up on is not a lost order.
 * - Out, over the GraphQL Admin API: fulfilments with tracking on fulfilment-order line items,
 *   cancellation, refunds (`@idempotent`), available quantities at a location (compare-and-swap with
 *   `changeFromQuantity`, API 2026-04), and with `prices` on, variant prices.
 * Ids stay strings (they can exceed 2^53) and money stays decimal strings.
 */
import {
  definePlugin,
  type InboundEvent,
  PayloadError,
  parseJsonBody,
  type RawRequest,
  verifyBase64Hmac,
  zodIssues,
} from '@switchyard/plugin-sdk'
import { type ShopifyConfig, shopifyConfig } from './config'
import {
  shopifyOrderInput,
  shopifyRefundInput,
  shopifyReturnInput,
  shopifyReturnRefInput,
} from './input-schema'
import { setInventory } from './inventory'
import { parseLossless } from './lossless-json'
import { orderEvent, toChannelRefund, toChannelReturn } from './map-order'
import { cancelOrder, createRefund, pushShipments } from './outbound'
import { mapOrderRecord, pollOrders } from './poll'
import { pushPrices } from './prices'
import type { ShopifyOrder, ShopifyRefund, ShopifyReturn, ShopifyReturnRef } from './types'

/** Ids longer than a double holds stay strings. */
const body = (request: RawRequest): unknown => parseJsonBody(request, parseLossless)

/** An order webhook's body, its fields checked for the types the mapper reads. */
function orderBody(request: RawRequest): ShopifyOrder {
  const checked = shopifyOrderInput.safeParse(body(request))
  if (!checked.success) throw new PayloadError('not a Shopify order', zodIssues(checked.error))
  return checked.data as unknown as ShopifyOrder
}

/** A returns/request webhook's body, checked the same way. */
function returnBody(request: RawRequest): ShopifyReturn {
  const checked = shopifyReturnInput.safeParse(body(request))
  if (!checked.success) throw new PayloadError('not a Shopify return', zodIssues(checked.error))
  return checked.data as unknown as ShopifyReturn
}

/** A returns/decline or returns/close body: the return and its order, and why it was declined. */
function returnRefBody(request: RawRequest): ShopifyReturnRef {
  const checked = shopifyReturnRefInput.safeParse(body(request))
  if (!checked.success) throw new PayloadError('not a Shopify return', zodIssues(checked.error))
  return checked.data as unknown as ShopifyReturnRef
}

/**
 * A declined return, or one closed in Shopify: the hub cancels it while nothing has come back (a
 * return closed after its units were received is left as it is there).
 */
function withdrawnReturn(r: ShopifyReturnRef, topic: string): InboundEvent {
  const why = r.decline
    ? ['declined', r.decline.reason?.toLowerCase(), r.decline.note].filter(Boolean).join(': ')
    : topic === 'returns/close'
      ? 'closed in Shopify'
      : 'declined in Shopify'
  return {
    type: 'return.cancelled',
    externalOrderId: String(r.order.id),
    externalReturnId: String(r.id),
    reason: why.slice(0, 500),
  }
}

/** A refunds/create webhook's body, checked the same way. */
function refundBody(request: RawRequest): ShopifyRefund {
  const checked = shopifyRefundInput.safeParse(body(request))
  if (!checked.success) throw new PayloadError('not a Shopify refund', zodIssues(checked.error))
  return checked.data as unknown as ShopifyRefund
}

export default definePlugin({
  id: 'shopify',
  kind: 'channel',
  version: '1.1.0',
  sdk: '^1.3.0',
  displayName: 'Shopify',
  description:
    'Orders from a Shopify store by webhook and reconciliation poll; fulfilments, cancellations, refunds and stock back over GraphQL.',
  config: shopifyConfig,
  capabilities: {
    webhook: {
      produces: [
        'order',
        'order.updated',
        'order.cancelled',
        'order.refunded',
        'return.requested',
        'return.cancelled',
      ],
      verify(request, ctx) {
        const config: ShopifyConfig = ctx.config
        const secrets = [
          config.webhookSecret,
          ...(config.previousWebhookSecret ? [config.previousWebhookSecret] : []),
        ]
        if (
          !verifyBase64Hmac({
            secrets,
            rawBody: request.rawBody,
            signature: request.headers['x-shopify-hmac-sha256'],
          })
        )
          return { ok: false, reason: 'X-Shopify-Hmac-Sha256 does not match the body' }
        const shop = request.headers['x-shopify-shop-domain']
        if (shop && shop !== config.shop)
          return { ok: false, reason: `webhook is from ${shop}, not ${config.shop}` }
        return { ok: true }
      },
      parse(request) {
        const topic = request.headers['x-shopify-topic'] ?? ''
        const dedupe = dedupeOf(request.headers, topic)
        let events: InboundEvent[]
        switch (topic) {
          case 'orders/create':
          case 'orders/updated':
          case 'orders/paid':
            events = [orderEvent(orderBody(request), topic)]
            break
          case 'orders/cancelled': {
            const order = orderBody(request)
            events = [
              {
                type: 'order.cancelled',
                externalOrderId: String(order.id),
                ...(order.cancel_reason ? { reason: order.cancel_reason } : {}),
              },
            ]
            break
          }
          case 'refunds/create':
            events = [{ type: 'order.refunded', refund: toChannelRefund(refundBody(request)) }]
            break
          // A customer asked on the storefront (requested) or the merchant opened one (approve):
          // either way the hub authorises an RMA; a second delivery for the same return is a no-op.
          case 'returns/request':
          case 'returns/approve':
            events = [{ type: 'return.requested', return: toChannelReturn(returnBody(request)) }]
            break
          case 'returns/decline':
          case 'returns/close':
            events = [withdrawnReturn(returnRefBody(request), topic)]
            break
          default:
            events = [{ type: 'ignored', reason: `topic '${topic || '(none)'}' is not used` }]
        }
        return { ...dedupe, events }
      },
    },
    ordersPoll: { intervalMs: 5 * 60_000, poll: pollOrders, mapRecord: mapOrderRecord },
    statusPush: {
      async pushStatus(update, ctx) {
        if (
          (update.status === 'shipped' || update.status === 'partially_shipped') &&
          update.shipments.length > 0
        )
          return pushShipments(update, ctx)
        if (update.status === 'cancelled') return cancelOrder(update, ctx)
        return { status: 'skipped', reason: `Shopify is not told about '${update.status}'` }
      },
    },
    refundPush: { pushRefund: createRefund },
    inventoryPush: { pushInventory: setInventory },
    pricePush: { enabled: (config) => config.prices, pushPrices },
  },
})

export { type ShopifyConfig, shopifyConfig } from './config'
export { parseLossless } from './lossless-json'
export { toCanonicalOrder } from './map-order'

/**
 * What makes a delivery a duplicate. Shopify's guidance is the event id (`X-Shopify-Event-Id`): the
 * same event reaches a shop's every subscription to its topic, each delivery with its own webhook
 * id, and a retry keeps both. The webhook id is the fallback for deliveries without an event id.
 */
export function dedupeOf(headers: Readonly<Record<string, string>>, topic: string): { dedupeKey?: string } {
  const eventId = headers['x-shopify-event-id']
  if (eventId) return { dedupeKey: `shopify:event:${topic}:${eventId}` }
  const webhookId = headers['x-shopify-webhook-id']
  return webhookId ? { dedupeKey: `shopify:${webhookId}` } : {}
}
