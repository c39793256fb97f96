import { secret, serviceLevelSchema } from '@switchyard/plugin-sdk'
import { z } from 'zod'

export const shipbobConfig = z.object({
  /** The versioned API root. */
  baseUrl: z.url().default('https://api.shipbob.com/2026-01'),
  /** Personal access token (or OAuth access token), sent as a bearer token. */
  apiToken: secret('ShipBob personal access token'),
  /** Sent as `shipbob_channel_id` on every call: the channel orders are created under. */
  channelId: z.string().regex(/^\d+$/, 'must be the numeric ShipBob channel id'),
  /** The webhook subscription's `whsec_…` secret (Standard Webhooks). */
  webhookSecret: secret('Standard Webhooks signing secret, whsec_…'),
  /** The hub's service level → the merchant's ShipBob ship option name. */
  shippingMethods: z.partialRecord(serviceLevelSchema, z.string().min(1)).default({}),
  /** ShipBob fulfillment center id → hub location id, for inventory levels. Unmapped centres are ignored. */
  locations: z.record(z.string().regex(/^\d+$/), z.string().min(1)).default({}),
  /** Webhooks signed longer ago than this are refused (replays). */
  signatureToleranceSec: z.number().int().min(10).max(3600).default(300),
  timeoutMs: z.number().int().min(100).max(60_000).default(15_000),
})

export type ShipbobConfig = z.output<typeof shipbobConfig>
