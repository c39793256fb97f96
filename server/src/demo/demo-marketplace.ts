import { randomBytes } from 'node:crypto'
import { Hono } from 'hono'
import type { Logger } from '../logger'

/** The demo marketplace order whose first shipment confirmation is refused (see below). */
export const DEMO_REFUSED_ORDER = '503-0000000-0000003'

/**
 * A stand-in for Amazon's SP-API, for the demo only, enough for the Amazon plugin to do its work
 * against it: Login with Amazon's token, the orders search (the demo's marketplace orders are
 * seeded through intake, so it has none of its own to add), shipment confirmations and feeds.
 * It refuses the first confirmation of one order, as a marketplace does when a package detail is
 * not to its liking, so the demo has a dead letter to retry from the console; the retry is taken.
 */
export function demoMarketplaceRoutes(options: { marketplaceId: string; logger: Logger }): Hono {
  const app = new Hono()
  const log = options.logger.child({ component: 'demo-marketplace' })
  const tokens = new Set<string>()
  let refused = false

  app.post('/auth/o2/token', (c) => {
    const token = `Atza|demo-${randomBytes(12).toString('base64url')}`
    tokens.add(token)
    return c.json({ access_token: token, token_type: 'bearer', expires_in: 3600 })
  })
  app.use('/orders/*', async (c, next) => {
    if (!tokens.has(c.req.header('x-amz-access-token') ?? ''))
      return c.json(
        { errors: [{ code: 'Unauthorized', message: 'Access to requested resource is denied.' }] },
        403,
      )
    await next()
  })
  app.use('/feeds/*', async (c, next) => {
    if (!tokens.has(c.req.header('x-amz-access-token') ?? ''))
      return c.json(
        { errors: [{ code: 'Unauthorized', message: 'Access to requested resource is denied.' }] },
        403,
      )
    await next()
  })
  app.get('/orders/2026-01-01/orders', (c) => {
    if (c.req.query('marketplaceIds') !== options.marketplaceId)
      return c.json({ errors: [{ code: 'InvalidInput', message: 'marketplaceIds is required' }] }, 400)
    return c.json({ orders: [], pagination: {} })
  })
  app.post('/orders/v0/orders/:orderId/shipmentConfirmation', async (c) => {
    const orderId = c.req.param('orderId')
    if (orderId === DEMO_REFUSED_ORDER && !refused) {
      refused = true
      log.info({ orderId }, 'demo marketplace refused a shipment confirmation once')
      return c.json(
        {
          errors: [
            {
              code: 'InvalidInput',
              message: 'Demo: this confirmation is refused once, so the console has a dead letter to retry',
            },
          ],
        },
        400,
      )
    }
    log.info({ orderId }, 'demo marketplace heard a shipment confirmation')
    return c.body(null, 204)
  })
  app.post('/feeds/2021-06-30/documents', (c) => {
    const id = `amzn1.tortuga.demo.${randomBytes(6).toString('hex')}`
    return c.json(
      {
        feedDocumentId: id,
        url: `${c.req.url.replace(/\/feeds\/2021-06-30\/documents$/, '')}/feed-upload/${id}`,
      },
      201,
    )
  })
  app.put('/feed-upload/:id', (c) => c.body(null, 200))
  app.post('/feeds/2021-06-30/feeds', (c) => c.json({ feedId: String(Date.now()) }, 202))
  return app
}
