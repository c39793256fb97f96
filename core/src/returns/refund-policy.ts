/**
 * How much a return pays back. Money is integer minor units throughout; shares of a line's total
 * are taken cumulatively (what k units of q are worth is round(total × k / q), half to even), so
 * refunding a line in several parts never adds up to more or less than refunding it at once.
 */
export interface RefundPolicy {
  /** Shipping is paid back always, never, or only once everything shipped has come back. */
  shipping: 'full-return-only' | 'always' | 'never'
  /** Kept from the items' value when the reason is not exempt (e.g. a change of mind). */
  restockingFeePercent: number
  feeExemptReasons: readonly string[]
}

export const defaultRefundPolicy: RefundPolicy = {
  shipping: 'full-return-only',
  restockingFeePercent: 0,
  feeExemptReasons: ['damaged', 'defective', 'wrong-item', 'not-as-described', 'late'],
}

export interface RefundLine {
  orderLineId: string
  sku: string
  /** Units ordered on the line (what the line's price and discount cover). */
  quantity: number
  unitPriceMinor: number | null
  discountMinor: number
  /** Units refunded before, and units to refund now. */
  unitsBefore: number
  units: number
}

export interface RefundComputation {
  amountMinor: number
  lines: { orderLineId: string; sku: string; units: number; amountMinor: number }[]
  shippingMinor: number
  restockingFeeMinor: number
  /** True when the amount was cut to what was paid and not yet refunded. */
  capped: boolean
}

/** a × b / c, rounded half to even, exact for any safe integers. */
export function mulDivHalfEven(a: number, b: number, c: number): number {
  const n = BigInt(a) * BigInt(b)
  const d = BigInt(c)
  const q = n / d
  const r = n % d
  const twice = (r < 0n ? -r : r) * 2n
  const abs = d < 0n ? -d : d
  let out = q
  if (twice > abs || (twice === abs && q % 2n !== 0n)) out += n < 0n === d < 0n ? 1n : -1n
  return Number(out)
}

export function computeRefund(input: {
  lines: readonly RefundLine[]
  shippingMinor: number
  shippingRefundedBefore: boolean
  /** Everything shipped on the order has now come back (this return included). */
  fullyReturned: boolean
  reason: string | null
  paidMinor: number
  refundedBeforeMinor: number
  policy?: RefundPolicy
}): RefundComputation {
  const policy = input.policy ?? defaultRefundPolicy
  const lines = input.lines.map((l) => {
    const total = (l.unitPriceMinor ?? 0) * l.quantity - l.discountMinor
    const worth = (units: number) =>
      l.quantity === 0 ? 0 : mulDivHalfEven(total, Math.min(units, l.quantity), l.quantity)
    return {
      orderLineId: l.orderLineId,
      sku: l.sku,
      units: l.units,
      amountMinor: Math.max(0, worth(l.unitsBefore + l.units) - worth(l.unitsBefore)),
    }
  })
  const items = lines.reduce((s, l) => s + l.amountMinor, 0)
  const exempt = input.reason !== null && policy.feeExemptReasons.includes(input.reason)
  const restockingFeeMinor = exempt
    ? 0
    : mulDivHalfEven(items, Math.round(policy.restockingFeePercent * 100), 10_000)
  const shippingDue =
    !input.shippingRefundedBefore &&
    (policy.shipping === 'always' || (policy.shipping === 'full-return-only' && input.fullyReturned))
  const shippingMinor = shippingDue ? input.shippingMinor : 0
  const wanted = items - restockingFeeMinor + shippingMinor
  const room = Math.max(0, input.paidMinor - input.refundedBeforeMinor)
  return {
    amountMinor: Math.min(wanted, room),
    lines,
    shippingMinor,
    restockingFeeMinor,
    capped: wanted > room,
  }
}
