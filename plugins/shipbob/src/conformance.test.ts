import { signStandardWebhook } from '@switchyard/plugin-sdk'
import { describePluginConformance, rawRequest } from '@switchyard/plugin-sdk/testing'
import plugin from './index'

const webhookSecret = `whsec_${Buffer.from('conformance-shipbob-signing-key!').toString('base64')}`
const apiToken = 'sb-pat-conformance-token-0001'

function delivery(topic: string, payload: unknown, id: string) {
  return () => {
    const body = JSON.stringify(payload)
    const ts = Math.floor(Date.now() / 1000)
    return rawRequest({
      headers: {
        'content-type': 'application/json',
        'webhook-id': id,
        'webhook-timestamp': String(ts),
        'webhook-signature': signStandardWebhook(webhookSecret, id, ts, body),
        'x-webhook-topic': topic,
      },
      body,
    })
  }
}

const shipped = {
  id: 100000001,
  reference_id: '01960000-0000-7000-8000-000000000001',
  order_number: '#1001',
  status: 'Fulfilled',
  channel: { id: 12345, name: 'Switchyard' },
  shipments: [
    {
      id: 200000001,
      status: 'Completed',
      actual_fulfillment_date: '2026-01-16T10:00:00Z',
      tracking: {
        carrier: 'USPS',
        tracking_number: '9261290306529427911297',
        tracking_url: 'https://t.example/1',
      },
      products: [{ reference_id: 'SKU-A', sku: 'SKU-A', inventory_items: [{ quantity: 2 }] }],
    },
  ],
}

const heldOrder = {
  ...shipped,
  status: 'Processing',
  tags: [{ name: 'switchyard_order_id', value: '01960000-0000-7000-8000-0000000000aa' }],
  shipments: [
    {
      id: 200000001,
      status: 'OnHold',
      status_details: [{ id: 401, name: 'InvalidAddress', description: 'Invalid Address' }],
    },
  ],
}

describePluginConformance(plugin, {
  config: { apiToken, channelId: '12345', webhookSecret, locations: { '7': 'akl' } },
  invalidConfig: { config: { apiToken, channelId: 'main', webhookSecret }, field: 'channelId' },
  withBaseUrl: (config, url) => ({ ...config, baseUrl: `${url}/2026-01` }),
  http: (req) => {
    if (req.headers.authorization !== `Bearer ${apiToken}`)
      return { status: 401, body: { title: 'Unauthorized' } }
    if (req.method === 'POST' && req.path === '/2026-01/order')
      return { status: 201, body: { id: 100000001 } }
    // The holds poll: one of the hub's orders on hold (ShipBob's shipment status and details).
    if (req.method === 'GET' && req.path === '/2026-01/order' && req.query.has('LastUpdateStartDate'))
      return { status: 200, body: [heldOrder] }
    return { status: 404, body: { title: 'Not Found' } }
  },
  // A WMS's poll reports holds, never orders.
  poll: { futureCursor: '2999-01-01T00:00:00.000Z', minOrders: 0 },
  webhook: {
    signatureHeaders: ['webhook-signature'],
    deliveries: [
      {
        name: 'order.shipped',
        request: delivery('order.shipped', shipped, 'msg_shipped1'),
        expect: ['shipment'],
      },
      {
        name: 'order.shipment.cancelled',
        request: delivery(
          'order.shipment.cancelled',
          { id: 200000001, reference_id: shipped.reference_id },
          'msg_c1',
        ),
        expect: ['fulfilment.cancelled'],
      },
      {
        name: 'order.shipment.on_hold',
        request: delivery(
          'order.shipment.on_hold',
          {
            id: 200000001,
            order_id: 100000001,
            reference_id: shipped.reference_id,
            status: 'OnHold',
            status_details: [
              { id: 404, name: 'MissingTarriffInformation', description: 'Missing Customs Info' },
            ],
          },
          'msg_h1',
        ),
        expect: ['fulfilment.held'],
      },
      {
        name: 'unused topic',
        request: delivery('billing.charge.created', { id: 1 }, 'msg_b1'),
        expect: ['ignored'],
      },
    ],
  },
})
