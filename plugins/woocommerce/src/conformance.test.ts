import { createHmac } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { describePluginConformance, rawRequest } from '@switchyard/plugin-sdk/testing'
import plugin from './index'

const webhookSecret = 'woo-conformance-webhook-secret'
const consumerKey = 'ck_conformance0123456789'
const consumerSecret = 'cs_conformance0123456789'
const orderBody = readFileSync(new URL('../fixtures/order-created.json', import.meta.url), 'utf8')

function delivery(topic: string, body: string) {
  return rawRequest({
    headers: {
      'content-type': 'application/json',
      'x-wc-webhook-source': 'https://shop.example.com/',
      'x-wc-webhook-topic': topic,
      'x-wc-webhook-resource': 'order',
      'x-wc-webhook-event': topic.split('.')[1]!,
      'x-wc-webhook-signature': createHmac('sha256', webhookSecret).update(body).digest('base64'),
      'x-wc-webhook-id': '3',
      'x-wc-webhook-delivery-id': String(Math.random()),
    },
    body,
  })
}

describePluginConformance(plugin, {
  config: {
    siteUrl: 'https://shop.example.com',
    consumerKey,
    consumerSecret,
    webhookSecret,
    reconcileFrom: '2025-01-01T00:00:00Z',
  },
  invalidConfig: {
    config: { siteUrl: 'https://shop.example.com', consumerKey, consumerSecret },
    field: 'webhookSecret',
  },
  withBaseUrl: (config, url) => ({ ...config, siteUrl: url }),
  http: (req) => {
    const expected = `Basic ${Buffer.from(`${consumerKey}:${consumerSecret}`).toString('base64')}`
    if (req.headers.authorization !== expected)
      return { status: 401, body: { code: 'woocommerce_rest_cannot_view' } }
    if (req.path === '/wp-json/wc/v3/orders') {
      const after = Date.parse(`${req.query.get('modified_after')}Z`)
      const orders = [JSON.parse(orderBody)].filter((o) => Date.parse(`${o.date_modified_gmt}Z`) > after)
      return {
        status: 200,
        headers: { 'x-wp-totalpages': '1', 'x-wp-total': String(orders.length) },
        body: orders,
      }
    }
    return { status: 404, body: { code: 'rest_no_route' } }
  },
  webhook: {
    signatureHeaders: ['x-wc-webhook-signature'],
    deliveries: [
      { name: 'order.created', request: delivery('order.created', orderBody), expect: ['order'] },
      {
        name: 'order.updated to cancelled',
        request: delivery('order.updated', JSON.stringify({ ...JSON.parse(orderBody), status: 'cancelled' })),
        expect: ['order.cancelled'],
      },
      {
        name: 'order.deleted',
        request: delivery('order.deleted', '{"id":727}'),
        expect: ['order.cancelled'],
      },
    ],
  },
  poll: {
    futureCursor: JSON.stringify({ since: '2999-01-01T00:00:00Z' }),
    // Two good orders around one whose line has no sku: the bad one is reported, not skipped.
    malformedPage: {
      http: () => {
        const good = JSON.parse(orderBody)
        const bad = { ...structuredClone(good), id: 9002 }
        bad.line_items[0].sku = ''
        return {
          status: 200,
          headers: { 'x-wp-totalpages': '1', 'x-wp-total': '3' },
          body: [{ ...good, id: 9001 }, bad, { ...good, id: 9003 }],
        }
      },
      goodOrders: 2,
      badExternalId: '9002',
    },
  },
})
