import { secret } from '@switchyard/plugin-sdk'
import { z } from 'zod'

export const shopifyConfig = z.object({
  /** The shop's permanent domain, e.g. `acme.myshopify.com`. */
  shop: z
    .string()
    .regex(
      /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/,
      'must be the shop’s myshopify.com domain, e.g. acme.myshopify.com',
    ),
  /** Admin API version used for calls (and expected on webhooks). */
  apiVersion: z
    .string()
    .regex(/^\d{4}-\d{2}$/, 'must look like 2026-04')
    .default('2026-04'),
  /** Admin API access token of the custom app. */
  accessToken: secret('Admin API access token (shpat_…)'),
  /** The app's client secret: Shopify signs webhooks with it. */
  webhookSecret: secret('App client secret used to sign webhooks'),
  /** The previous client secret, accepted during the hour after a rotation. */
  previousWebhookSecret: secret('Previous client secret, during a rotation').optional(),
  /** Overrides `https://<shop>` (a proxy, or a simulated shop in tests). */
  baseUrl: z.url().optional(),
  /** The Shopify location inventory levels are set at (`gid://shopify/Location/…`). */
  locationId: z.string().startsWith('gid://shopify/Location/').optional(),
  /** Where the first reconciliation poll starts; later polls resume from the stored cursor. */
  reconcileFrom: z.iso.datetime({ offset: true }).optional(),
  /** Overlap of each reconciliation poll with the previous one, for late writes. */
  lookbackSec: z.number().int().min(0).max(3600).default(60),
  notifyCustomer: z.boolean().default(true),
  /**
   * Channel pricing: the hub's price sync sets each variant's price. Off by default: the shop keeps
   * its own prices.
   */
  prices: z.boolean().default(false),
  /** The shop's currency; prices in another are refused (Shopify converts for other markets itself). */
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as NZD')
    .optional(),
  timeoutMs: z.number().int().min(100).max(60_000).default(15_000),
})

export type ShopifyConfig = z.output<typeof shopifyConfig>
