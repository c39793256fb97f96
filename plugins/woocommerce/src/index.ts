/**
 * @module @switchyard/woocommerce
 * WooCommerce (REST API v3) as a sales channel.
 * - In: `order.created` / `order.updated` / `order.deleted` webhooks at `/webhooks/<instance>`,
 *   verified with `X-WC-Webhook-Signature` (base64 HMAC-SHA256 of the raw body); the unsigned
 *   `webhook_id=<n>` ping WooCommerce sends when a webhook is saved is answered 200. Dates are read
 *   from the `_gmt` fields. WooCommerce never retries a webhook, so the reconciliation poll
 *   (orders modified since the cursor) is what guarantees no order is lost.
 * - Out: status `completed` with a customer note carrying the tracking (and, optionally, a Shipment
 *   Tracking item), `cancelled`, and refunds; stock (`stock_quantity`) and, with `prices` on, prices
 *   (`regular_price`) of products and variations through the batch endpoints.
 */
import {
  definePlugin,
  PayloadError,
  parseJsonBody,
  type RawRequest,
  verifyBase64Hmac,
  zodIssues,
} from '@switchyard/plugin-sdk'
import { pushInventory, pushPrices } from './catalog-push'
import { woocommerceConfig } from './config'
import { wooOrderInput } from './input-schema'
import { gmt, orderEvent } from './map-order'
import { createRefund, pushCancelled, pushShipped } from './outbound'
import { mapOrderRecord, pollOrders } from './poll'
import type { WooOrder } from './types'

const PING = /^webhook_id=\d+$/

function isPing(request: RawRequest): boolean {
  return (
    !request.headers['x-wc-webhook-signature'] &&
    PING.test(Buffer.from(request.rawBody).toString('utf8').trim())
  )
}

/** WordPress decodes HTML entities in a webhook secret before signing; accept it either way. */
function signingSecrets(secret: string): string[] {
  const decoded = secret
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
  return decoded === secret ? [secret] : [secret, decoded]
}

function body(request: RawRequest): WooOrder {
  const checked = wooOrderInput.safeParse(parseJsonBody(request))
  if (!checked.success) throw new PayloadError('not a WooCommerce order', zodIssues(checked.error))
  return checked.data as unknown as WooOrder
}

export default definePlugin({
  id: 'woocommerce',
  kind: 'channel',
  version: '1.1.0',
  sdk: '^1.3.0',
  displayName: 'WooCommerce',
  description:
    'Orders from a WooCommerce shop by webhook and mandatory reconciliation poll; status, tracking note, refunds, stock and prices back.',
  config: woocommerceConfig,
  capabilities: {
    webhook: {
      produces: ['order', 'order.cancelled'],
      verify(request, ctx) {
        // The creation ping carries no signature and asks for nothing but a 200; it changes nothing.
        if (isPing(request)) return { ok: true }
        return verifyBase64Hmac({
          secrets: signingSecrets(ctx.config.webhookSecret),
          rawBody: request.rawBody,
          signature: request.headers['x-wc-webhook-signature'],
        })
          ? { ok: true }
          : { ok: false, reason: 'X-WC-Webhook-Signature does not match the body' }
      },
      parse(request) {
        if (isPing(request)) return { events: [], reply: { status: 200, body: 'ok' } }
        const topic = request.headers['x-wc-webhook-topic'] ?? ''
        const order = body(request)
        // No stable delivery id (the Delivery-ID header changes on every send): the order's own
        // modification time makes the key, so the same state of an order is applied once.
        const dedupeKey = `woo:${request.headers['x-wc-webhook-id'] ?? '?'}:${order.id}:${order.date_modified_gmt ?? ''}`
        switch (topic) {
          case 'order.created':
          case 'order.updated':
          case 'order.restored':
            return { dedupeKey, events: [orderEvent(order)] }
          case 'order.deleted':
            return {
              dedupeKey: `${dedupeKey}:deleted`,
              events: [
                {
                  type: 'order.cancelled',
                  externalOrderId: String(order.id),
                  reason: 'deleted in WooCommerce',
                },
              ],
            }
          default:
            return { events: [{ type: 'ignored', reason: `topic '${topic || '(none)'}' is not used` }] }
        }
      },
    },
    ordersPoll: { intervalMs: 2 * 60_000, poll: pollOrders, mapRecord: mapOrderRecord },
    statusPush: {
      async pushStatus(update, ctx) {
        if (
          (update.status === 'shipped' || update.status === 'partially_shipped') &&
          update.shipments.length > 0
        )
          return pushShipped(update, ctx)
        if (update.status === 'cancelled') return pushCancelled(update, ctx)
        return { status: 'skipped', reason: `WooCommerce is not told about '${update.status}'` }
      },
    },
    refundPush: { pushRefund: createRefund },
    inventoryPush: { pushInventory },
    pricePush: { enabled: (config) => config.prices, pushPrices },
  },
})

export { type WoocommerceConfig, woocommerceConfig } from './config'
export { gmt }
