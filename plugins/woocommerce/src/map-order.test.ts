import { readFileSync } from 'node:fs'
import { rawRequest } from '@switchyard/plugin-sdk/testing'
import { describe, expect, it } from 'vitest'
import plugin from './index'
import { toCanonicalOrder } from './map-order'

const fixture = JSON.parse(readFileSync(new URL('../fixtures/order-created.json', import.meta.url), 'utf8'))

describe('WooCommerce mapping', () => {
  it('reads the _gmt dates as UTC, prices as decimal strings, and ships to billing when shipping is empty', () => {
    const order = toCanonicalOrder(fixture)
    expect(order).toMatchObject({
      externalId: '727',
      orderNumber: '727',
      placedAt: '2025-01-15T16:30:00Z',
      total: '35.00',
      shippingTotal: '5.00',
      shipTo: { name: 'Jane Doe', line1: '100 Main St', region: 'IL', country: 'US', phone: '2175550100' },
    })
    expect(order.lines).toEqual([
      { externalLineId: '315', sku: 'WID-RED-S', quantity: 2, unitPrice: '15', name: 'Red Widget - Small' },
    ])
    const billingOnly = toCanonicalOrder({ ...fixture, shipping: { address_1: '' } })
    expect(billingOnly.shipTo.line1).toBe('100 Main St')
  })

  it('answers the unsigned creation ping with 200 and nothing else', async () => {
    const ping = rawRequest({
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'webhook_id=3',
    })
    const ctx = { config: { webhookSecret: 'x' } } as never
    expect(await plugin.capabilities.webhook!.verify(ping, ctx)).toEqual({ ok: true })
    expect(await plugin.capabilities.webhook!.parse(ping, ctx)).toEqual({
      events: [],
      reply: { status: 200, body: 'ok' },
    })
    // A ping-shaped body cannot smuggle an order past the signature check.
    const notPing = rawRequest({ body: 'webhook_id=3&x=1' })
    expect((await plugin.capabilities.webhook!.verify(notPing, ctx)).ok).toBe(false)
  })
})
