/**
 * @module @switchyard/amazon
 * Amazon (Selling Partner API) as a sales channel, seller-fulfilled orders only.
 * - In: searchOrders on the Orders API v2026-01-01, polled by lastUpdatedAfter with the SDK's
 *   window cursor and pager (paginationToken).
 * - Auth: Login with Amazon through the SDK's `oauth2Client`; the access token is refreshed from the
 *   refresh token and kept sealed in plugin state (no AWS SigV4: SP-API dropped it in 2023).
 * - Each SP-API operation waits its turn in its own SDK rate limiter, at Amazon's published usage
 *   plan until Amazon states another (`x-amzn-RateLimit-Limit`).
 * - Out: an order acknowledgement feed once the hub has the order; confirmShipment per package with
 *   tracking when it ships; a cancellation acknowledgement when the hub cancels; a refund after a
 *   return as an order adjustment feed (POST_PAYMENT_ADJUSTMENT_DATA); the seller-fulfilled quantity
 *   and, with `prices` on, the offer price of each listing (Listings Items API patches).
 */
import { definePlugin } from '@switchyard/plugin-sdk'
import { amazonConfig } from './config'
import { pushInventory, pushPrices } from './listings'
import { lwa } from './lwa'
import { acknowledge, confirmShipments } from './outbound'
import { mapOrderRecord, pollOrders } from './poll'
import { pushRefund } from './refund'

export default definePlugin({
  id: 'amazon',
  kind: 'channel',
  version: '1.2.0',
  // 1.2: orders it cannot map are reported as `unmapped` (an older hub would drop them).
  sdk: '^1.3.0',
  displayName: 'Amazon Seller Central',
  description:
    'Seller-fulfilled Amazon orders by SP-API polling; acknowledgement, shipment confirmation, refunds (order adjustment feed), quantities and prices (Listings Items API) back.',
  config: amazonConfig,
  capabilities: {
    // searchOrders' default plan allows one call in 180 s once its burst is spent.
    ordersPoll: { intervalMs: 3 * 60_000, poll: pollOrders, mapRecord: mapOrderRecord },
    statusPush: {
      async pushStatus(update, ctx) {
        if (
          (update.status === 'shipped' || update.status === 'partially_shipped') &&
          update.shipments.length > 0
        )
          return confirmShipments(update, ctx)
        if (update.status === 'cancelled') return acknowledge(update, 'Failure', ctx)
        // The first status the hub reports means it has the order: acknowledge it once.
        if (!update.previousStatus && ctx.config.acknowledge) return acknowledge(update, 'Success', ctx)
        return { status: 'skipped', reason: `Amazon is not told about '${update.status}'` }
      },
    },
    refundPush: { pushRefund },
    inventoryPush: { pushInventory },
    pricePush: { enabled: (config) => config.prices, pushPrices },
  },
  async check(ctx) {
    try {
      await lwa.accessToken(ctx, { force: true })
      return { ok: true }
    } catch (error) {
      return { ok: false, message: (error as Error).message }
    }
  },
})

export { type AmazonConfig, amazonConfig } from './config'
export { acknowledgementXml } from './outbound'
export { adjustedItems, adjustmentXml } from './refund'
