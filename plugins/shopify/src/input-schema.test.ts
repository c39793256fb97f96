import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { shopifyOrderInput, shopifyRefundInput } from './input-schema'
import { parseLossless } from './lossless-json'

const fixture = readFileSync(new URL('../fixtures/orders-create.json', import.meta.url), 'utf8')
const order = () => parseLossless(fixture) as Record<string, any>

describe('Shopify webhook input schemas', () => {
  it('takes the reference order as it is', () => {
    expect(shopifyOrderInput.safeParse(order()).success).toBe(true)
  })

  it('refuses money that is not a decimal string, naming the field', () => {
    // Found by fuzzing: a shipping price of ":" reached the decimal adder and came back as a 503.
    const o = order()
    o.shipping_lines = [{ code: 'std', title: 'Standard', price: ':' }]
    const checked = shopifyOrderInput.safeParse(o)
    expect(checked.success).toBe(false)
    expect(checked.error?.issues[0]?.path).toEqual(['shipping_lines', 0, 'price'])
    o.shipping_lines = [{ code: 'std', title: 'Standard', price: '1e5' }]
    expect(shopifyOrderInput.safeParse(o).success).toBe(false)
    o.shipping_lines = [{ code: 'std', title: 'Standard', price: '-4.10' }]
    expect(shopifyOrderInput.safeParse(o).success).toBe(true)
  })

  it('checks a refund webhook: amounts are decimals, quantities positive integers', () => {
    const refund = {
      id: 1,
      order_id: 2,
      refund_line_items: [{ line_item_id: 3, quantity: 1 }],
      transactions: [{ amount: '10.00', kind: 'refund', status: 'success', currency: 'USD' }],
    }
    expect(shopifyRefundInput.safeParse(refund).success).toBe(true)
    const badAmount = { ...refund, transactions: [{ amount: '10,00', kind: 'refund' }] }
    expect(shopifyRefundInput.safeParse(badAmount).error?.issues[0]?.path).toEqual([
      'transactions',
      0,
      'amount',
    ])
    const badQty = { ...refund, refund_line_items: [{ line_item_id: 3, quantity: 1.5 }] }
    expect(shopifyRefundInput.safeParse(badQty).success).toBe(false)
    expect(shopifyRefundInput.safeParse({ ...refund, order_id: null }).success).toBe(false)
  })
})
