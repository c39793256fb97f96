/**
 * A channel that speaks plain text, not JSON: a webhook body is `externalId|customer name|sku`, and
 * its poll brings one order whose id holds a NUL. What a plugin makes of a body the hub cannot read
 * as JSON is checked as canonical events, before any is applied.
 */
import { type CanonicalOrder, customerSchema, definePlugin } from '@switchyard/plugin-sdk'

const order = (externalId: string, name: string, sku: string): CanonicalOrder => ({
  externalId,
  currency: 'NZD',
  customer: { name, email: 'text@example.nz' },
  shipTo: { name, line1: '1 Queen Street', city: 'Auckland', postcode: '1010', country: 'NZ' },
  serviceLevel: 'standard',
  lines: [{ externalLineId: 'L1', sku, quantity: 1, unitPrice: '10.00' }],
})

export default definePlugin({
  id: 'text-plain-channel',
  kind: 'channel',
  version: '0.0.1',
  sdk: '^1.0.0',
  displayName: 'Plain text orders',
  config: customerSchema,
  capabilities: {
    webhook: {
      produces: ['order'],
      verify: () => ({ ok: true }),
      parse(request) {
        const [externalId = '', name = '', sku = ''] = Buffer.from(request.rawBody)
          .toString('utf8')
          .split('|')
        return { events: [{ type: 'order', order: order(externalId, name, sku) }] }
      },
    },
    ordersPoll: {
      intervalMs: 100,
      async poll(cursor) {
        if (cursor) return { events: [], cursor }
        return { events: [{ type: 'order', order: order('POLL\u00001', 'Polly', 'SKU-A') }], cursor: 'done' }
      },
    },
  },
})
