import { randomUUID } from 'node:crypto'
import { type FulfilmentRequest, SIGNATURE_HEADER, signTimestamped } from '@switchyard/plugin-sdk'
import { Hono } from 'hono'
import type { Logger } from '../logger'
import { DEMO_MARKETPLACE_ID } from './demo-config'
import { demoMarketplaceRoutes } from './demo-marketplace'

/**
 * Stand-ins for a storefront, a marketplace (`/amazon`, demo-marketplace.ts) and a warehouse, for
 * the demo only: the "warehouse" accepts each
 * fulfilment request and, a few seconds later, confirms it shipped through the hub's signed
 * webhook, exactly as a real WMS would.
 */
export function demoPeerRoutes(options: {
  publicUrl: string
  wmsInstanceId: string
  wmsWebhookSecret: string
  shipDelayMs: number
  logger: Logger
}): Hono {
  const app = new Hono()
  const log = options.logger.child({ component: 'demo-peers' })
  app.post('/channel/callback', async (c) => {
    const update = (await c.req.json()) as { externalOrderId: string; status: string }
    log.info(
      { externalOrderId: update.externalOrderId, status: update.status },
      'demo storefront heard a status update',
    )
    return c.body(null, 204)
  })
  app.post('/wms/fulfilment-orders', async (c) => {
    const request = (await c.req.json()) as FulfilmentRequest
    const ref = `DEMO-${request.fulfilmentId.slice(-8).toUpperCase()}`
    setTimeout(() => {
      const body = JSON.stringify({
        fulfilmentId: request.fulfilmentId,
        carrier: 'NZ Post',
        trackingNumber: `NZ${Math.floor(Math.random() * 1e10)
          .toString()
          .padStart(10, '0')}`,
        shippedAt: new Date().toISOString(),
      })
      fetch(`${options.publicUrl}/webhooks/${options.wmsInstanceId}/shipments`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-switchyard-delivery': randomUUID(),
          [SIGNATURE_HEADER]: signTimestamped(options.wmsWebhookSecret, body),
        },
        body,
      }).catch((error) => log.warn({ err: error }, 'demo warehouse could not post its shipment'))
    }, options.shipDelayMs).unref()
    return c.json({ id: ref }, 201)
  })
  app.post('/wms/fulfilment-orders/:ref/cancel', (c) => c.json({ cancelled: true }))
  app.route('/amazon', demoMarketplaceRoutes({ marketplaceId: DEMO_MARKETPLACE_ID, logger: options.logger }))
  return app
}
