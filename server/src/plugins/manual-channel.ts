import { definePlugin } from '@switchyard/plugin-sdk'
import { z } from 'zod'

/** The channel instance every hub has, demo or not: orders people enter (phone, customer service). */
export const MANUAL_CHANNEL = 'manual'

/**
 * A channel with nothing to connect to: its orders come in through `POST /api/v1/orders` with
 * `channel: "manual"` (the console's New order section does exactly that), so they pass the same
 * intake, pricing, routing and release as every other channel's. There is no store to tell about
 * status changes, hence no capabilities; a notifier plugin can still tell someone.
 */
export const manualChannel = definePlugin({
  id: 'manual-channel',
  kind: 'channel',
  version: '1.0.0',
  sdk: '^1.0.0',
  displayName: 'Manual orders',
  description: 'Phone and customer-service orders, entered in the console or over the API',
  config: z.object({}).strict(),
  capabilities: {},
})
