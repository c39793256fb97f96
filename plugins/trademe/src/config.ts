import { secret } from '@switchyard/plugin-sdk'
import { z } from 'zod'

export const trademeConfig = z.object({
  /** `https://api.trademe.co.nz`, or the sandbox `https://api.tmsandbox.co.nz`. */
  baseUrl: z.url().default('https://api.trademe.co.nz'),
  consumerKey: secret('consumer key of the TradeMe application'),
  consumerSecret: secret('consumer secret of the TradeMe application'),
  /** The member's OAuth 1.0a token credentials, from authorising the application once. */
  accessToken: secret('OAuth access token of the selling member'),
  accessTokenSecret: secret('OAuth access token secret of the selling member'),
  /** TradeMe accepts both; PLAINTEXT only ever over HTTPS. */
  signatureMethod: z.enum(['HMAC-SHA1', 'PLAINTEXT']).default('HMAC-SHA1'),
  /** Where the first poll starts (at most 45 days back, all TradeMe keeps); later polls resume. */
  reconcileFrom: z.iso.datetime({ offset: true }).optional(),
  /** How far each poll reaches back before the last sale seen: late writes are read twice, never missed. */
  overlapSec: z.number().int().min(0).max(3600).default(300),
  /** Sold items per page (TradeMe's `rows`). */
  rows: z.number().int().min(1).max(500).default(100),
  /** How long a sale may wait for the buyer's delivery address before it is kept as an exception. */
  addressWaitSec: z
    .number()
    .int()
    .min(0)
    .default(3 * 24 * 3600),
  /** The WMS's carrier name (lower case) → TradeMe's `CourierCompany`; others are sent as named. */
  couriers: z.record(z.string(), z.string().min(1)).default({}),
  /** The channel sku → the TradeMe listing whose quantity follows it. Sales teach the plugin more. */
  listings: z.record(z.string(), z.number().int().positive()).default({}),
  timeoutMs: z.number().int().min(100).max(60_000).default(15_000),
})

export type TradeMeConfig = z.output<typeof trademeConfig>
