import { z } from 'zod'

/**
 * What a pricing rule's event does (`event.type`, settings in `event.params`). The order in which
 * they shape a line's price is fixed and documented in quote.ts: base price (contract, a chosen
 * price list, the best matching list, or a converted list), volume break, markups and discounts in
 * rule priority order, price ending, then the margin floor.
 */
const decimal = z.string().regex(/^\d{1,12}(\.\d{1,6})?$/, 'a decimal amount such as 2.50')
/** Percentages are JSON numbers, read exactly as their decimal text (12.5 is 125/1000, never a float). */
const percent = z.number().min(0).max(1000)
const currency = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as NZD')
const nodeId = z.string().optional()

/** A percent or an amount (in `currency`, or the quote's currency when absent); exactly one. */
const adjustment = z
  .strictObject({
    percent: percent.optional(),
    amount: decimal.optional(),
    currency: currency.optional(),
    reason: z.string().max(300).optional(),
    nodeId,
  })
  .refine((p) => (p.percent === undefined) !== (p.amount === undefined), {
    message: 'give exactly one of percent or amount',
  })

const volumeBreak = z
  .strictObject({
    minQty: z.number().int().min(1).max(1_000_000),
    percent: percent.max(100).optional(),
    amount: decimal.optional(),
    price: decimal.optional(),
  })
  .refine((b) => [b.percent, b.amount, b.price].filter((x) => x !== undefined).length === 1, {
    message: 'each break gives exactly one of percent, amount (off each unit) or price (the unit price)',
  })

export const pricingActionSchemas = {
  /** Use this price list (if it prices the sku) instead of the best matching one. */
  priceList: z.strictObject({ priceListId: z.string().min(1).max(64), nodeId }),
  markup: adjustment,
  discount: adjustment,
  /** Tiers by quantity: the highest break whose minQty the quantity reaches applies. */
  volumeBreaks: z
    .strictObject({
      /** line: the line's quantity; sku: units of the sku across the order; order: all units. */
      basis: z.enum(['line', 'sku', 'order']).optional(),
      breaks: z.array(volumeBreak).min(1).max(50),
      currency: currency.optional(),
      nodeId,
    })
    .refine((p) => new Set(p.breaks.map((b) => b.minQty)).size === p.breaks.length, {
      message: 'two breaks share a minQty',
    }),
  /** A price ending: k × every + ending, e.g. ending '.99' every '1' → 12.99; 'whole' → 13. */
  round: z
    .strictObject({
      ending: z.union([z.literal('whole'), z.string().regex(/^\d{0,9}(\.\d{1,6})?$/)]),
      every: decimal.optional(),
      direction: z.enum(['up', 'down', 'nearest']).optional(),
      nodeId,
    })
    .refine((p) => p.ending !== '' && p.ending !== '.', { message: 'an ending such as .99, .95 or whole' }),
  /** Never under cost plus a minimum margin (percent of cost, or an amount; the higher of the two). */
  floor: z
    .strictObject({
      minMarginPercent: percent.optional(),
      minMarginAmount: decimal.optional(),
      currency: currency.optional(),
      nodeId,
    })
    .refine((p) => p.minMarginPercent !== undefined || p.minMarginAmount !== undefined, {
      message: 'give minMarginPercent, minMarginAmount or both',
    }),
} as const

export type PricingActionType = keyof typeof pricingActionSchemas
export const pricingActionTypes = Object.keys(pricingActionSchemas) as PricingActionType[]
export type PricingActionParams<T extends PricingActionType> = z.infer<(typeof pricingActionSchemas)[T]>
export type PricingAction = {
  [T in PricingActionType]: { type: T; params: PricingActionParams<T> }
}[PricingActionType]
