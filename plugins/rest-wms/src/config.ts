import { secret } from '@switchyard/plugin-sdk'
import { z } from 'zod'

export const restWmsConfig = z.object({
  /** The WMS's API root, e.g. https://wms.example.com/api. */
  baseUrl: z.url(),
  /** Sent as `Authorization: Bearer …` on every call to the WMS. */
  apiKey: secret('API key for the WMS'),
  /** Verifies the WMS's webhooks (shipments, rejections, stock). */
  webhookSecret: secret('HMAC-SHA256 key the WMS signs its webhooks with'),
  signatureToleranceSec: z.number().int().min(10).max(3600).default(300),
  timeoutMs: z.number().int().min(100).max(60_000).default(10_000),
})

export type RestWmsConfig = z.output<typeof restWmsConfig>
