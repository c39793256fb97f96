/**
 * @module @switchyard/trademe
 * TradeMe, New Zealand's marketplace, as a sales channel.
 * - Auth: OAuth 1.0a, every call signed with the application's consumer key and the selling
 *   member's token credentials (HMAC-SHA1, or PLAINTEXT over HTTPS).
 * - In: sold items polled (`MyTradeMe/SoldItems`, paged, a window with overlap), one order per sale.
 * - Out: courier parcels with tracking and the `GoodsShipped` status when an order ships, Pay Now
 *   refunds (after a return, or a whole one when the hub cancels), and each listing's quantity
 *   kept to what the hub lets TradeMe sell.
 */
import { definePlugin } from '@switchyard/plugin-sdk'
import { readJson, tradeMe } from './api'
import { trademeConfig } from './config'
import { mapSaleRecord, pollSoldItems } from './poll'
import { pushRefund, refundCancelledSale } from './refund'
import { shipSale } from './ship'
import { pushInventory } from './stock'

export default definePlugin({
  id: 'trademe',
  kind: 'channel',
  version: '1.0.0',
  // 1.2: sales it cannot map are reported as `unmapped` (an older hub would drop them).
  sdk: '^1.3.0',
  displayName: 'TradeMe',
  description:
    'TradeMe sales by OAuth 1.0a polling; courier tracking and GoodsShipped, Pay Now refunds and listing quantities back.',
  config: trademeConfig,
  capabilities: {
    ordersPoll: { intervalMs: 2 * 60_000, poll: pollSoldItems, mapRecord: mapSaleRecord },
    statusPush: {
      async pushStatus(update, ctx) {
        if (
          (update.status === 'shipped' || update.status === 'partially_shipped') &&
          update.shipments.length > 0
        )
          return shipSale(update, ctx)
        if (update.status === 'cancelled') return refundCancelledSale(update, ctx)
        return { status: 'skipped', reason: `TradeMe is not told about '${update.status}'` }
      },
    },
    refundPush: { pushRefund },
    inventoryPush: { pushInventory },
  },
  async check(ctx) {
    try {
      readJson(await tradeMe(ctx, 'GET', '/v1/MyTradeMe/Summary.json'), 'Summary')
      return { ok: true }
    } catch (error) {
      return { ok: false, message: (error as Error).message }
    }
  },
})

export { type TradeMeConfig, trademeConfig } from './config'
export { toTradeMeDate, tradeMeTime } from './dates'
export { toCanonicalOrder } from './map-sale'
export { courierCompany } from './ship'
