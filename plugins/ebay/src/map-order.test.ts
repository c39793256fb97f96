import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { orderEvent, serviceLevelOf } from './map-order'
import { issueRefundBody } from './refund'

const page = JSON.parse(readFileSync(new URL('../fixtures/get-orders.json', import.meta.url), 'utf8'))

describe('eBay order mapping', () => {
  it('takes a paid order waiting to ship, with unit prices, discounts and the buyer', () => {
    const event = orderEvent(page.orders[1])
    expect(event.type).toBe('order')
    if (event.type !== 'order') return
    expect(event.order).toMatchObject({
      externalId: '14-11231-75622',
      currency: 'NZD',
      serviceLevel: 'overnight',
      customer: { externalId: 'second_buyer' },
      shipTo: { name: 'Sam Lee', line1: '1 Lambton Quay', city: 'Wellington', country: 'NZ' },
      lines: [
        { externalLineId: '10052634711302', sku: 'SKU-B', quantity: 3, unitPrice: '10.00', discount: '3.00' },
      ],
      total: '27.00',
    })
  })

  it('turns a cancelled order into a cancellation and leaves shipped ones alone', () => {
    const cancelled = { ...page.orders[0], cancelStatus: { cancelState: 'CANCELED' } }
    expect(orderEvent(cancelled)).toMatchObject({
      type: 'order.cancelled',
      externalOrderId: '14-11231-75611',
    })
    expect(orderEvent(page.orders[2]).type).toBe('ignored')
    expect(orderEvent({ ...page.orders[0], orderPaymentStatus: 'PENDING' }).type).toBe('ignored')
  })

  it('names the missing sku of a listing without a custom label', () => {
    const order = structuredClone(page.orders[0])
    delete order.lineItems[0].sku
    let error: unknown
    try {
      orderEvent(order)
    } catch (e) {
      error = e
    }
    expect(error).toMatchObject({ issues: [{ field: 'lineItems[0].sku' }] })
  })

  it('reads service speed from eBay shipping service codes', () => {
    expect(serviceLevelOf('USPSPriorityMailExpress')).toBe('express')
    expect(serviceLevelOf('UPSNextDay')).toBe('overnight')
    expect(serviceLevelOf('USPSGroundAdvantage')).toBe('economy')
    expect(serviceLevelOf('NZ_StandardDelivery')).toBe('standard')
  })
})

describe('eBay issueRefund body', () => {
  const base = { refundId: 'rf_01', orderId: 'o1', externalOrderId: '14-11231-75611', notifyCustomer: false }

  it('refunds per line item with shipping on the first and the restocking fee taken off', () => {
    const body = issueRefundBody(
      {
        ...base,
        amount: '31.40',
        shipping: '6.50',
        restockingFee: '5.00',
        lines: [
          { externalLineId: 'L1', sku: 'A', quantity: 1, amount: '29.90' },
          { externalLineId: 'L2', sku: 'B', quantity: 1, amount: '0.00' },
        ],
      },
      'NZD',
    )
    expect(body).toEqual({
      reasonForRefund: 'BUYER_RETURN',
      comment: 'Switchyard refund rf_01',
      refundItems: [{ lineItemId: 'L1', refundAmount: { value: '31.40', currency: 'NZD' } }],
    })
  })

  it('never pays back more than the refund amount', () => {
    const body = issueRefundBody(
      { ...base, amount: '10.00', lines: [{ externalLineId: 'L1', sku: 'A', quantity: 2, amount: '59.80' }] },
      'NZD',
    )
    expect(body.refundItems).toEqual([
      { lineItemId: 'L1', refundAmount: { value: '10.00', currency: 'NZD' } },
    ])
  })

  it('refunds at order level when the lines carry no amounts', () => {
    expect(issueRefundBody({ ...base, amount: '12.00', lines: [] }, 'NZD')).toEqual({
      reasonForRefund: 'OTHER_ADJUSTMENT',
      comment: 'Switchyard refund rf_01',
      orderLevelRefundAmount: { value: '12.00', currency: 'NZD' },
    })
  })
})
