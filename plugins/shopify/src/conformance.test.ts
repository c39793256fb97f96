import { createHmac } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { describePluginConformance, rawRequest } from '@switchyard/plugin-sdk/testing'
import plugin from './index'

const webhookSecret = 'shpss_conformance_client_secret'
const accessToken = 'shpat_conformance_access_token'
const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')
const orderBody = fixture('orders-create.json')

function delivery(topic: string, body: string, webhookId: string) {
  return rawRequest({
    headers: {
      'content-type': 'application/json',
      'x-shopify-topic': topic,
      'x-shopify-hmac-sha256': createHmac('sha256', webhookSecret).update(body).digest('base64'),
      'x-shopify-shop-domain': 'acme.myshopify.com',
      'x-shopify-api-version': '2026-04',
      'x-shopify-webhook-id': webhookId,
    },
    body,
  })
}

const cancelled = JSON.stringify({
  ...JSON.parse(orderBody),
  cancelled_at: '2025-01-15T11:00:00-05:00',
  cancel_reason: 'customer',
})

describePluginConformance(plugin, {
  config: { shop: 'acme.myshopify.com', accessToken, webhookSecret, reconcileFrom: '2025-01-01T00:00:00Z' },
  invalidConfig: { config: { shop: 'acme.com', accessToken, webhookSecret }, field: 'shop' },
  withBaseUrl: (config, url) => ({ ...config, baseUrl: url }),
  http: (req) => {
    if (req.headers['x-shopify-access-token'] !== accessToken)
      return { status: 401, body: { errors: 'Unauthorized' } }
    if (req.path === '/admin/api/2026-04/orders.json') {
      const since = Date.parse(req.query.get('updated_at_min') ?? '1970-01-01T00:00:00Z')
      const orders = [JSON.parse(orderBody)].filter((o) => Date.parse(o.updated_at) >= since)
      return { status: 200, body: { orders } }
    }
    return { status: 404, body: { errors: 'Not Found' } }
  },
  webhook: {
    signatureHeaders: ['x-shopify-hmac-sha256'],
    deliveries: [
      { name: 'orders/create', request: delivery('orders/create', orderBody, 'wh-1'), expect: ['order'] },
      {
        name: 'orders/cancelled',
        request: delivery('orders/cancelled', cancelled, 'wh-2'),
        expect: ['order.cancelled'],
      },
      {
        name: 'refunds/create',
        request: delivery('refunds/create', fixture('refunds-create.json'), 'wh-3'),
        expect: ['order.refunded'],
      },
      {
        name: 'an unused topic',
        request: delivery('products/update', '{"id":1}', 'wh-4'),
        expect: ['ignored'],
      },
    ],
  },
  poll: {
    futureCursor: JSON.stringify({ since: '2999-01-01T00:00:00Z' }),
    // Two good orders around one whose line has no sku: the bad one is reported, not skipped.
    malformedPage: {
      http: () => {
        const good = JSON.parse(orderBody)
        const bad = { ...structuredClone(good), id: 9002, name: '#9002' }
        bad.line_items[0].sku = ''
        return {
          status: 200,
          body: { orders: [{ ...good, id: 9001, name: '#9001' }, bad, { ...good, id: 9003, name: '#9003' }] },
        }
      },
      goodOrders: 2,
      badExternalId: '9002',
    },
  },
})
