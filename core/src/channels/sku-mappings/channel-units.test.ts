import { describe, expect, it } from 'vitest'
import {
  hubUnitPrice,
  toChannelAvailability,
  toChannelCounts,
  toChannelPrices,
  toHubLine,
} from './channel-units'
import type { SkuMappingSet } from './sku-mapping-cache'

const mappings: SkuMappingSet = new Map([
  ['TEE-6PK', { hubSku: 'TEE', multiplier: 6 }],
  ['TEE-1', { hubSku: 'TEE', multiplier: 1 }],
  // The channel calls another product by a name the hub uses for a different one.
  ['CAP', { hubSku: 'HAT', multiplier: 2 }],
])

describe('channel units', () => {
  it('turns a mapped line into hub units and leaves an unmapped one alone', () => {
    expect(toHubLine('TEE-6PK', 2, mappings)).toEqual({
      hubSku: 'TEE',
      quantity: 12,
      channelSku: 'TEE-6PK',
      multiplier: 6,
    })
    expect(toHubLine('SOCK', 3, mappings)).toEqual({
      hubSku: 'SOCK',
      quantity: 3,
      channelSku: null,
      multiplier: 1,
    })
  })

  it('keeps the line total exact when the pack price does not divide', () => {
    for (const [pack, discount, qty, m] of [
      [1000, 0, 1, 6],
      [1000, 0, 7, 6],
      [999, 50, 3, 4],
      [1200, 0, 2, 6],
      [1, 0, 5, 3],
    ] as const) {
      const { unitPriceMinor, discountMinor } = hubUnitPrice(pack, discount, qty, m)
      expect(Number.isInteger(unitPriceMinor)).toBe(true)
      expect(discountMinor).toBeGreaterThanOrEqual(discount)
      expect(unitPriceMinor! * qty * m - discountMinor).toBe(pack * qty - discount)
    }
    expect(hubUnitPrice(1200, 0, 2, 6)).toEqual({ unitPriceMinor: 200, discountMinor: 0 })
    expect(hubUnitPrice(1000, 0, 1, 6)).toEqual({ unitPriceMinor: 167, discountMinor: 2 })
    expect(hubUnitPrice(null, 0, 1, 6)).toEqual({ unitPriceMinor: null, discountMinor: 0 })
  })

  it('counts whole packs back to the channel, the rest backordered', () => {
    expect(
      toChannelCounts(
        { quantity: 12, allocatedQty: 8, backorderedQty: 4, shippedQty: 0, cancelledQty: 0 },
        6,
      ),
    ).toEqual({ quantity: 2, allocatedQty: 1, backorderedQty: 1, shippedQty: 0, cancelledQty: 0 })
    expect(
      toChannelCounts(
        { quantity: 12, allocatedQty: 0, backorderedQty: 0, shippedQty: 12, cancelledQty: 0 },
        6,
      ),
    ).toEqual({ quantity: 2, allocatedQty: 0, backorderedQty: 0, shippedQty: 2, cancelledQty: 0 })
  })

  it('tells availability per listing: floor(ATP ÷ multiplier), the listing shadowing a hub sku of its name', () => {
    const out = toChannelAvailability(
      new Map([
        ['TEE', 17],
        ['CAP', 50],
        ['SOCK', 4],
      ]),
      mappings,
    )
    expect(Object.fromEntries(out)).toEqual({ TEE: 17, SOCK: 4, 'TEE-6PK': 2, 'TEE-1': 17, CAP: 0 })
  })

  it('prices a pack at hub price × multiplier unless the listing has a price of its own', () => {
    const hub = (sku: string, price: string) => ({ sku, currency: 'NZD', price, priceListId: 'retail' })
    const out = toChannelPrices([hub('TEE', '1.67'), hub('HAT', '9.99'), hub('CAP', '25.00')], mappings)
    expect(out.map((p) => [p.sku, p.price])).toEqual([
      ['TEE', '1.67'],
      ['HAT', '9.99'],
      ['TEE-6PK', '10.02'],
      ['TEE-1', '1.67'],
      ['CAP', '25.00'],
    ])
    expect(toChannelPrices([hub('HAT', '9.99')], mappings).map((p) => [p.sku, p.price])).toEqual([
      ['HAT', '9.99'],
      ['CAP', '19.98'],
    ])
  })
})
