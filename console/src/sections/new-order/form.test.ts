import { describe, expect, it } from 'vitest'
import { emptyForm, newExternalId, orderBody, problems, quoteBody } from './form'

const filled = () => ({
  ...emptyForm(),
  customerName: 'Mere Phone',
  email: 'mere@example.nz',
  line1: '1 Lambton Quay',
  city: 'Wellington',
  postcode: '6011',
  serviceLevel: 'express' as const,
  lines: [
    { sku: 'SKU-A', quantity: '2' },
    { sku: '', quantity: '1' },
  ],
})

describe('new order form', () => {
  it('names what is missing or wrong, by field', () => {
    const p = problems(emptyForm(), new Set(['SKU-A']))
    expect(Object.keys(p).sort()).toEqual(['customerName', 'line1', 'sku-0'])
    const bad = problems(
      { ...filled(), email: 'nope', lines: [{ sku: 'SKU-Z', quantity: '0' }] },
      new Set(['SKU-A']),
    )
    expect(bad).toMatchObject({
      email: expect.any(String),
      'sku-0': 'No product with sku SKU-Z',
      'qty-0': expect.any(String),
    })
    expect(problems(filled(), new Set(['SKU-A']))).toEqual({})
  })

  it('quotes and orders the same lines for the manual channel, without prices on the order', () => {
    const form = filled()
    expect(quoteBody(form)).toEqual({
      channel: 'manual',
      currency: 'NZD',
      customer: { email: 'mere@example.nz' },
      lines: [{ sku: 'SKU-A', quantity: 2 }],
      shipTo: { country: 'NZ', postcode: '6011' },
    })
    const body = orderBody(form, 'PHONE-1')
    expect(body.channel).toBe('manual')
    expect(body.order).toMatchObject({
      externalId: 'PHONE-1',
      serviceLevel: 'express',
      customer: { name: 'Mere Phone', email: 'mere@example.nz' },
      shipTo: { line1: '1 Lambton Quay', city: 'Wellington', country: 'NZ' },
      lines: [{ externalLineId: 'L1', sku: 'SKU-A', quantity: 2 }],
    })
    expect(body.order.lines[0]).not.toHaveProperty('unitPrice')
  })

  it('makes readable order numbers', () => {
    expect(newExternalId(Date.UTC(2026, 11, 6), 0.5)).toMatch(/^PHONE-261206-[0-9A-Z]{5}$/)
  })
})
