import { type RefundRequest, verifyOutboundSignature } from '@switchyard/plugin-sdk'
import { createTestContext, startFixtureServer } from '@switchyard/plugin-sdk/testing'
import { describe, expect, it } from 'vitest'
import plugin from './index'

const secret = 'rest-channel-refund-secret'
const refund: RefundRequest = {
  refundId: '01937a1e-0000-7000-8000-00000000beef',
  orderId: 'o-1',
  externalOrderId: 'PORTAL-77',
  amount: '25.00',
  currency: 'NZD',
  lines: [{ sku: 'SKU-A', quantity: 1, amount: '25.00' }],
  notifyCustomer: true,
}

describe('REST channel refunds', () => {
  it('posts the refund signed, keyed by the hub refund id, and takes a 2xx as confirmation', async () => {
    const portal = await startFixtureServer(() => ({ status: 201, body: { ok: true } }))
    try {
      const { ctx } = createTestContext(plugin, { secret, refundsUrl: `${portal.url}/refunds` })
      const result = await plugin.capabilities.refundPush!.pushRefund(refund, ctx)
      expect(result).toEqual({ status: 'accepted', externalRef: refund.refundId })
      const req = portal.requests[0]!
      expect(req.path).toBe('/refunds')
      expect(req.headers['idempotency-key']).toBe(`refund:${refund.refundId}`)
      expect(JSON.parse(req.body)).toEqual({ refund })
      expect(
        verifyOutboundSignature({ secret, rawBody: Buffer.from(req.body), headers: req.headers }).ok,
      ).toBe(true)
    } finally {
      await portal.close()
    }
  })

  it('is switched off, with stock, price and status sync, when its URL is not configured', () => {
    const c = plugin.capabilities
    const bare = plugin.config.parse({ secret })
    expect(c.refundPush!.enabled!(bare)).toBe(false)
    expect(c.inventoryPush!.enabled!(bare)).toBe(false)
    expect(c.pricePush!.enabled!(bare)).toBe(false)
    expect(c.statusPush!.enabled!(bare)).toBe(false)
    const full = plugin.config.parse({
      secret,
      refundsUrl: 'http://127.0.0.1:9/r',
      inventoryUrl: 'http://127.0.0.1:9/i',
      pricesUrl: 'http://127.0.0.1:9/p',
      callbackUrl: 'http://127.0.0.1:9/c',
    })
    for (const cap of [c.refundPush, c.inventoryPush, c.pricePush, c.statusPush])
      expect(cap!.enabled!(full)).toBe(true)
  })
})
