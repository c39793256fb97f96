import { SIGNATURE_HEADER, signTimestamped } from '@switchyard/plugin-sdk'
import { describePluginConformance, rawRequest } from '@switchyard/plugin-sdk/testing'
import plugin from './index'

const secret = 'rest-channel-conformance-secret'
const order = JSON.stringify({
  externalId: 'WEB-1001',
  currency: 'NZD',
  shipTo: { name: 'Jane Doe', line1: '1 Queen St', city: 'Auckland', country: 'NZ' },
  lines: [{ sku: 'SKU-A', quantity: 2, unitPrice: '12.50' }],
})
const signed = (path: string, body: string) => () =>
  rawRequest({
    path,
    headers: { 'x-switchyard-delivery': `d-${path}`, [SIGNATURE_HEADER]: signTimestamped(secret, body) },
    body,
  })

describePluginConformance(plugin, {
  config: { secret, callbackUrl: 'http://127.0.0.1:9/callback' },
  invalidConfig: { config: { callbackUrl: 'not a url' }, field: 'secret' },
  withBaseUrl: (config, url) => ({ ...config, callbackUrl: `${url}/callback` }),
  webhook: {
    signatureHeaders: [SIGNATURE_HEADER],
    deliveries: [
      { name: 'order', request: signed('/orders', order), expect: ['order'] },
      {
        name: 'cancel',
        request: signed('/orders/WEB-1001/cancel', '{"reason":"customer"}'),
        expect: ['order.cancelled'],
      },
    ],
  },
})
