import { describe, expect, it } from 'vitest'
import { toMinorUnits } from '../catalog/money'
import type { PreparedOrder } from '../orders/intake/prepared-order'
import { compilePricing } from './compiled-pricing'
import { settleOrderPrices } from './order-pricing'
import { PriceBook, type PriceListRecord } from './price-book'

const list = (
  id: string,
  prices: Record<string, string>,
  extra: Partial<PriceListRecord> = {},
): PriceListRecord => ({
  id,
  name: id,
  currency: 'NZD',
  channel: null,
  customerGroup: null,
  customerId: null,
  validFrom: null,
  validTo: null,
  priority: 0,
  toleranceMinor: 0,
  tolerancePercent: '0',
  prices: new Map(Object.entries(prices).map(([s, p]) => [s, toMinorUnits(p, 'NZD')])),
  ...extra,
})

function order(
  lines: [string, number, string | null][],
  customerId: string | null = 'cust-1',
): PreparedOrder {
  const prepared = lines.map(([sku, quantity, price], i) => ({
    id: `l${i}`,
    lineNo: i + 1,
    externalLineId: String(i + 1),
    sku,
    name: sku,
    quantity,
    unitPriceMinor: price === null ? null : toMinorUnits(price, 'NZD'),
    discountMinor: 0,
    product: {
      sku,
      name: sku,
      category: null,
      hazmat: false,
      highValue: false,
      weightGrams: null,
      attributes: {},
      tags: [],
    },
  }))
  const subtotal = prepared.reduce((s, l) => s + (l.unitPriceMinor ?? 0) * l.quantity, 0)
  return {
    id: 'o1',
    channelInstanceId: 'edi',
    externalOrderId: 'PO-1',
    orderNumber: null,
    currency: 'NZD',
    customer: customerId
      ? {
          id: customerId,
          identifiers: [],
          resolution: null,
          email: null,
          name: null,
          phone: null,
          tier: null,
          segment: null,
        }
      : null,
    email: null,
    shipTo: { line1: '1 Queen St', country: 'NZ' },
    billTo: null,
    serviceLevel: 'standard',
    subtotalMinor: subtotal,
    shippingMinor: 500,
    totalMinor: subtotal + 500,
    tags: [],
    notes: null,
    raw: null,
    placedAt: Date.parse('2026-11-20T00:00:00Z'),
    receivedAt: Date.parse('2026-11-20T00:00:00Z'),
    lines: prepared,
    reservationId: null,
  }
}

const rules = compilePricing([])

describe('settling an order’s prices at intake', () => {
  const book = (tolerance: Partial<PriceListRecord>) =>
    new PriceBook(
      1,
      [
        list('contract', { 'SKU-A': '12.10', 'SKU-B': '100.00' }, { customerId: 'cust-1', ...tolerance }),
        list('retail', { 'SKU-A': '20.00', 'SKU-B': '150.00', 'SKU-C': '5.00' }),
      ],
      new Map(),
      [],
    )

  it('does nothing for priced lines of a customer without a contract', () => {
    expect(settleOrderPrices(order([['SKU-A', 1, '99.00']], 'cust-2'), book({}), rules)).toBeNull()
    expect(settleOrderPrices(order([['SKU-A', 1, '99.00']], null), book({}), rules)).toBeNull()
  })

  it('holds at the first cent beyond an amount tolerance, in either direction', () => {
    const b = book({ toleranceMinor: 5 })
    expect(settleOrderPrices(order([['SKU-A', 1, '12.15']]), b, rules)!.hold).toBeNull()
    expect(settleOrderPrices(order([['SKU-A', 1, '12.05']]), b, rules)!.hold).toBeNull()
    const over = settleOrderPrices(order([['SKU-A', 1, '12.16']]), b, rules)!
    expect(over.hold?.reason).toBe(
      'price differs from contract contract on 1 line(s): line 1 SKU-A ordered at 12.16, contract 12.10 (+0.06, +0.50%; tolerance 0.05)',
    )
    const under = settleOrderPrices(order([['SKU-A', 1, '12.04']]), b, rules)!
    expect(under.mismatches[0]).toMatchObject({ difference: '-0.06', differencePercent: '-0.50' })
    expect(under.hold?.reason).toContain('(-0.06, -0.50%')
  })

  it('takes a percentage tolerance exactly', () => {
    const b = book({ tolerancePercent: '0.5' })
    // 0.5 % of 100.00 is 0.50: 100.50 is inside, 100.51 is not.
    expect(settleOrderPrices(order([['SKU-B', 1, '100.50']]), b, rules)!.mismatches).toEqual([])
    expect(settleOrderPrices(order([['SKU-B', 1, '100.51']]), b, rules)!.mismatches).toHaveLength(1)
  })

  it('prices lines sent without a price and recomputes the totals it derived', () => {
    const o = order([
      ['SKU-A', 2, null],
      ['SKU-C', 3, '4.00'],
    ])
    const r = settleOrderPrices(o, book({}), rules)!
    expect(r.mode).toBe('mixed')
    expect(o.lines.map((l) => l.unitPriceMinor)).toEqual([1210, 400])
    expect(o.subtotalMinor).toBe(2420 + 1200)
    expect(o.totalMinor).toBe(2420 + 1200 + 500)
    expect(r.lines.map((l) => [l.source, l.priceListId])).toEqual([
      ['contract', 'contract'],
      ['order', null],
    ])
  })

  it('holds an order with a line nothing prices, naming the sku', () => {
    const o = order([['SKU-Z', 1, null]], null)
    const r = settleOrderPrices(o, book({}), rules)!
    expect(r).toMatchObject({ mode: 'priced', hold: { reason: 'no price in NZD for SKU-Z' } })
    expect(o.lines[0]!.unitPriceMinor).toBeNull()
  })
})
