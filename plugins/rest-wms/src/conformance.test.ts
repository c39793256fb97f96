import { SIGNATURE_HEADER, signTimestamped } from '@switchyard/plugin-sdk'
import { describePluginConformance, rawRequest } from '@switchyard/plugin-sdk/testing'
import plugin from './index'

const webhookSecret = 'rest-wms-conformance-hook-secret'
const signed = (path: string, body: unknown) => () => {
  const text = JSON.stringify(body)
  return rawRequest({
    path,
    headers: {
      'x-switchyard-delivery': `d-${path}`,
      [SIGNATURE_HEADER]: signTimestamped(webhookSecret, text),
    },
    body: text,
  })
}

describePluginConformance(plugin, {
  config: { baseUrl: 'http://127.0.0.1:9', apiKey: 'rest-wms-conformance-api-key', webhookSecret },
  invalidConfig: { config: { baseUrl: 'not a url', apiKey: 'k', webhookSecret }, field: 'baseUrl' },
  withBaseUrl: (config, url) => ({ ...config, baseUrl: url }),
  http: () => ({ status: 201, body: { id: 'WMS-1' } }),
  webhook: {
    signatureHeaders: [SIGNATURE_HEADER],
    deliveries: [
      {
        name: 'shipment',
        request: signed('/shipments', { fulfilmentId: 'f-1', carrier: 'NZ Post', trackingNumber: 'NZ1' }),
        expect: ['shipment'],
      },
      {
        name: 'inventory',
        request: signed('/inventory', {
          snapshots: [{ locationId: 'akl', sku: 'SKU-A', onHand: 3, asOf: '2026-01-01T00:00:00Z' }],
        }),
        expect: ['inventory'],
      },
    ],
  },
})
