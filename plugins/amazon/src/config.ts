import { secret } from '@switchyard/plugin-sdk'
import { z } from 'zod'

export const amazonConfig = z.object({
  /** The regional SP-API endpoint. */
  endpoint: z.url().default('https://sellingpartnerapi-na.amazon.com'),
  /** Login with Amazon's token endpoint. */
  tokenUrl: z.url().default('https://api.amazon.com/auth/o2/token'),
  marketplaceId: z
    .string()
    .regex(/^[A-Z0-9]{10,14}$/, 'must be an Amazon marketplace id such as ATVPDKIKX0DER'),
  /** The seller (merchant) id, named in feeds. */
  sellerId: z.string().min(1, 'is required'),
  /** The LWA client id of the SP-API application. */
  clientId: z.string().min(1, 'is required'),
  clientSecret: secret('LWA client secret of the SP-API application'),
  refreshToken: secret('LWA refresh token from authorising the application (Atzr|…)'),
  /** Acknowledge each order once the hub has taken it (POST_ORDER_ACKNOWLEDGEMENT_DATA feed). */
  acknowledge: z.boolean().default(true),
  /**
   * Channel pricing: the hub's price sync sets each listing's offer price (`purchasable_offer`). Off
   * by default: prices stay as the seller keeps them in Seller Central.
   */
  prices: z.boolean().default(false),
  /** Where the first poll starts; later polls resume from the stored cursor. */
  reconcileFrom: z.iso.datetime({ offset: true }).optional(),
  lookbackSec: z.number().int().min(0).max(3600).default(120),
  timeoutMs: z.number().int().min(100).max(60_000).default(15_000),
})

export type AmazonConfig = z.output<typeof amazonConfig>
