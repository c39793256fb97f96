import { secret } from '@switchyard/plugin-sdk'
import { z } from 'zod'

export const woocommerceConfig = z.object({
  /** The WordPress site root, e.g. https://shop.example.com. */
  siteUrl: z.url(),
  /** REST API key pair (WooCommerce → Settings → Advanced → REST API), sent with HTTP Basic auth. */
  consumerKey: secret('REST API consumer key (ck_…)'),
  consumerSecret: secret('REST API consumer secret (cs_…)'),
  /** The secret set on the webhooks; WooCommerce signs deliveries with it. */
  webhookSecret: secret('Webhook secret'),
  /**
   * How tracking reaches the shop: a customer note (core WooCommerce has no tracking field), or the
   * official Shipment Tracking extension's endpoint as well.
   */
  tracking: z.enum(['note', 'shipment-tracking']).default('note'),
  /**
   * Channel pricing: the hub's price sync sets each product's and variation's `regular_price`. Off by
   * default: the shop keeps its own prices.
   */
  prices: z.boolean().default(false),
  /** The store's currency (WooCommerce sells in one); prices in another are refused. */
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as NZD')
    .optional(),
  /** Where the first reconciliation poll starts; later polls resume from the stored cursor. */
  reconcileFrom: z.iso.datetime({ offset: true }).optional(),
  lookbackSec: z.number().int().min(0).max(3600).default(120),
  timeoutMs: z.number().int().min(100).max(60_000).default(15_000),
})

export type WoocommerceConfig = z.output<typeof woocommerceConfig>
