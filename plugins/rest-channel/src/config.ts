import { outboundSignatureSchemes, secret } from '@switchyard/plugin-sdk'
import { z } from 'zod'

export const restChannelConfig = z.object({
  /** Shared secret: verifies inbound orders and signs outbound status updates. */
  secret: secret('HMAC-SHA256 key shared with the storefront, portal or POS'),
  /** Where status updates are POSTed. Without it the channel is not told of changes. */
  callbackUrl: z.url().optional(),
  /** Where available-stock updates are POSTed (`{ levels: [{ sku, available, asOf }] }`). Without it, no stock sync. */
  inventoryUrl: z.url().optional(),
  /** Where prices the hub sets are POSTed (`{ prices: [{ sku, currency, price, priceListId }] }`). Without it, no price sync. */
  pricesUrl: z.url().optional(),
  /**
   * Where refunds the hub decides (after a return) are POSTed (`{ refund: RefundRequest }`); a 2xx
   * answer confirms the refund. Without it, refunds are recorded for someone to pay back by hand.
   */
  refundsUrl: z.url().optional(),
  /**
   * How what the hub sends is signed: Standard Webhooks (`webhook-id`, `webhook-timestamp`,
   * `webhook-signature`) by default; `switchyard-v1` (`X-Switchyard-Signature`) for receivers built
   * before it, or `both` while a receiver moves over. Inbound orders are signed `switchyard-v1`.
   */
  signatureScheme: z.enum(outboundSignatureSchemes).default('standard-webhooks'),
  /** Seconds a signature stays valid, against replays. */
  signatureToleranceSec: z.number().int().min(10).max(3600).default(300),
  timeoutMs: z.number().int().min(100).max(60_000).default(10_000),
})

export type RestChannelConfig = z.output<typeof restChannelConfig>
