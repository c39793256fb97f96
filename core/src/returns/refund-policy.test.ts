import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { computeRefund, mulDivHalfEven } from './refund-policy'

const line = (over: Partial<Parameters<typeof computeRefund>[0]['lines'][number]> = {}) => ({
  orderLineId: 'l1',
  sku: 'A',
  quantity: 3,
  unitPriceMinor: 1999,
  discountMinor: 300,
  unitsBefore: 0,
  units: 2,
  ...over,
})

describe('refund policy', () => {
  it('refunds the share of the line actually paid, discount included', () => {
    // 3 × 19.99 − 3.00 = 56.97; two units of three: 37.98
    const r = computeRefund({
      lines: [line()],
      shippingMinor: 800,
      shippingRefundedBefore: false,
      fullyReturned: false,
      reason: null,
      paidMinor: 6497,
      refundedBeforeMinor: 0,
    })
    expect(r).toMatchObject({ amountMinor: 3798, shippingMinor: 0, restockingFeeMinor: 0, capped: false })
  })

  it('refunds shipping once everything has come back', () => {
    const r = computeRefund({
      lines: [line({ unitsBefore: 2, units: 1 })],
      shippingMinor: 800,
      shippingRefundedBefore: false,
      fullyReturned: true,
      reason: null,
      paidMinor: 6497,
      refundedBeforeMinor: 3798,
    })
    expect(r.amountMinor).toBe(5697 - 3798 + 800)
  })

  it('keeps a restocking fee unless the reason is exempt', () => {
    const base = {
      lines: [line({ units: 3 })],
      shippingMinor: 0,
      shippingRefundedBefore: false,
      fullyReturned: false,
      paidMinor: 5697,
      refundedBeforeMinor: 0,
    }
    const policy = { shipping: 'never' as const, restockingFeePercent: 10, feeExemptReasons: ['damaged'] }
    expect(computeRefund({ ...base, reason: 'changed-mind', policy }).restockingFeeMinor).toBe(570)
    expect(computeRefund({ ...base, reason: 'damaged', policy }).restockingFeeMinor).toBe(0)
  })

  it('never refunds more than was paid and not yet refunded', () => {
    const r = computeRefund({
      lines: [line({ units: 3 })],
      shippingMinor: 0,
      shippingRefundedBefore: false,
      fullyReturned: true,
      reason: null,
      paidMinor: 5697,
      refundedBeforeMinor: 5000,
    })
    expect(r).toMatchObject({ amountMinor: 697, capped: true })
  })

  it('adds up to the line total however the units are split across returns', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 10 }),
        (qty, unit, parts) => {
          const total = unit * qty
          let before = 0
          let sum = 0
          for (const p of parts) {
            const units = Math.min(p, qty - before)
            if (units <= 0) break
            sum += computeRefund({
              lines: [
                line({ quantity: qty, unitPriceMinor: unit, discountMinor: 0, unitsBefore: before, units }),
              ],
              shippingMinor: 0,
              shippingRefundedBefore: false,
              fullyReturned: false,
              reason: null,
              paidMinor: total,
              refundedBeforeMinor: sum,
            }).amountMinor
            before += units
          }
          expect(sum).toBe(mulDivHalfEven(total, before, qty))
        },
      ),
    )
  })

  it('rounds half to even', () => {
    expect(mulDivHalfEven(5, 1, 2)).toBe(2)
    expect(mulDivHalfEven(7, 1, 2)).toBe(4)
    expect(mulDivHalfEven(100, 1, 3)).toBe(33)
    expect(mulDivHalfEven(200, 1, 3)).toBe(67)
  })
})
