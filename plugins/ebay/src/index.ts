/**
 * @module @switchyard/ebay
 * eBay as a sales channel, on eBay's REST APIs.
 * - In: getOrders (Sell Fulfillment API) polled by last-modified date, paged; paid orders waiting to
 *   ship become orders, orders eBay cancelled become cancellations.
 * - Auth: OAuth 2: the seller's refresh token for the Sell APIs, client credentials for the
 *   Notification API; tokens kept sealed in plugin state.
 * - Out: createShippingFulfillment with carrier and tracking per shipment; a seller cancellation
 *   (Post-Order API) when the hub cancels; issueRefund for refunds; stock and prices through
 *   bulkUpdatePriceQuantity (Inventory API) on the sku's published offers.
 * - Webhook: the Marketplace Account Deletion endpoint every eBay application must answer.
 */
import { definePlugin, mapStoredRecord } from '@switchyard/plugin-sdk'
import { sellerAuth } from './api'
import { ebayConfig } from './config'
import { pushInventory, pushPrices } from './inventory'
import { orderEvent } from './map-order'
import { parseRequest, verifyRequest } from './notification'
import { cancelOnEbay, shipToEbay } from './outbound'
import { pollOrders } from './poll'
import { pushRefund } from './refund'
import type { EbayOrder } from './types'

export default definePlugin({
  id: 'ebay',
  kind: 'channel',
  version: '1.0.0',
  // 1.2: orders it cannot map are reported as `unmapped` (an older hub would drop them).
  sdk: '^1.3.0',
  displayName: 'eBay',
  description:
    'eBay orders by Sell Fulfillment API polling; shipping fulfilments with tracking, cancellations, refunds, stock and prices back; account deletion notifications.',
  config: ebayConfig,
  capabilities: {
    ordersPoll: {
      intervalMs: 2 * 60_000,
      poll: pollOrders,
      // A polled intake exception replayed: the stored getOrders record mapped again.
      mapRecord: (payload) => mapStoredRecord(payload, (order: EbayOrder) => orderEvent(order)),
    },
    webhook: { produces: ['ignored'], verify: verifyRequest, parse: parseRequest },
    statusPush: {
      async pushStatus(update, ctx) {
        if (
          (update.status === 'shipped' || update.status === 'partially_shipped') &&
          update.shipments.length > 0
        )
          return shipToEbay(update, ctx)
        if (update.status === 'cancelled') return cancelOnEbay(update, ctx)
        return { status: 'skipped', reason: `eBay is not told about '${update.status}'` }
      },
    },
    refundPush: { pushRefund },
    inventoryPush: { pushInventory },
    pricePush: { enabled: (config) => config.prices, pushPrices },
  },
  async check(ctx) {
    try {
      await sellerAuth.accessToken(ctx, { force: true })
      return { ok: true }
    } catch (error) {
      return { ok: false, message: (error as Error).message }
    }
  },
})

export { type EbayConfig, ebayConfig } from './config'
export { challengeResponse, verifyNotification } from './notification'
export { issueRefundBody } from './refund'
