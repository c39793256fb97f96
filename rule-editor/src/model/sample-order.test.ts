import { describe, expect, it } from 'vitest'
import { sampleFromOrder } from './sample-order'

const order = {
  channelInstanceId: 'web',
  currency: 'NZD',
  serviceLevel: 'standard',
  placedAt: '2026-12-06T01:00:00.000Z',
  tags: ['gift'],
  shipTo: { country: 'NZ', region: 'Wellington', city: 'Wellington', postcode: '6011' },
  lines: [{ sku: 'SKU-A', quantity: 2 }],
}

describe('a recent order as a sample to edit', () => {
  it("keeps its customer's email, tier and segment", () => {
    const s = sampleFromOrder({
      ...order,
      customer: { email: 'kim@example.com', tier: 'premium', segment: 'trade' },
    })
    expect([s.email, s.tier, s.segment]).toEqual(['kim@example.com', 'premium', 'trade'])
  })

  it('leaves them empty for an order without a customer', () => {
    const s = sampleFromOrder({ ...order, customer: null })
    expect([s.email, s.tier, s.segment]).toEqual(['', '', ''])
  })
})
