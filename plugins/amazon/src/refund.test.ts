import type { RefundRequest } from '@switchyard/plugin-sdk'
import { describe, expect, it } from 'vitest'
import { adjustedItems, adjustmentXml } from './refund'

const refund = (over: Partial<RefundRequest> = {}): RefundRequest => ({
  refundId: '01937a1e-0000-7000-8000-00000000abcd',
  orderId: 'o-1',
  externalOrderId: '114-0000000-0000001',
  amount: '45.00',
  currency: 'USD',
  lines: [
    { externalLineId: 'ITEM-1', sku: 'SKU-A', quantity: 1, amount: '30.00' },
    { externalLineId: 'ITEM-2', sku: 'SKU-B', quantity: 2, amount: '10.00' },
  ],
  shipping: '5.00',
  notifyCustomer: true,
  ...over,
})

const money = (items: ReturnType<typeof adjustedItems>['items']) =>
  items.map((i) => [i.orderItemId, Number(i.principal) / 100, Number(i.shipping) / 100])

describe('Amazon refund as an order adjustment', () => {
  it('pays each item its share, shipping on the first item', () => {
    expect(money(adjustedItems(refund()).items)).toEqual([
      ['ITEM-1', 30, 5],
      ['ITEM-2', 10, 0],
    ])
  })

  it('takes a restocking fee off the items in line order', () => {
    const r = refund({ amount: '39.00', restockingFee: '6.00', shipping: undefined })
    expect(money(adjustedItems(r).items)).toEqual([
      ['ITEM-1', 24, 0],
      ['ITEM-2', 10, 0],
    ])
  })

  it('never sends more than the refund amount (capped at what was paid)', () => {
    const items = adjustedItems(refund({ amount: '32.50' })).items
    expect(money(items)).toEqual([
      ['ITEM-1', 30, 2.5],
      ['ITEM-2', 0, 0],
    ])
    expect(items.reduce((s, i) => s + i.principal + i.shipping, 0n)).toBe(3250n)
  })

  it('refuses, permanently, a refund whose lines Amazon cannot name', () => {
    expect(() => adjustedItems(refund({ lines: [{ sku: 'SKU-A', quantity: 1, amount: '1.00' }] }))).toThrow(
      /without an Amazon orderItemId/,
    )
  })

  it('writes the feed document Amazon expects', () => {
    const doc = adjustmentXml('SELLER1', refund())
    expect(doc).toContain('<MessageType>OrderAdjustment</MessageType>')
    expect(doc).toContain('<AmazonOrderID>114-0000000-0000001</AmazonOrderID>')
    expect(doc).toContain(
      '<AmazonOrderItemCode>ITEM-1</AmazonOrderItemCode><MerchantAdjustmentItemID>00-8000-00000000abcd-1</MerchantAdjustmentItemID><AdjustmentReason>CustomerReturn</AdjustmentReason><ItemPriceAdjustments><Component><Type>Principal</Type><Amount currency="USD">30.00</Amount></Component><Component><Type>Shipping</Type><Amount currency="USD">5.00</Amount></Component></ItemPriceAdjustments>',
    )
    expect(doc).toContain('<Amount currency="USD">10.00</Amount>')
  })
})
