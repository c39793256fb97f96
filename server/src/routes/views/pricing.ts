import { z } from 'zod'

/** The response shapes of the pricing routes (core's PriceListView, QuoteResult, OrderPricingRecord). */
export const priceListView = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(['contract', 'list']),
    currency: z.string(),
    channel: z.string().nullable(),
    customerGroup: z.string().nullable(),
    customerId: z.string().nullable(),
    validFrom: z.string().nullable(),
    validTo: z.string().nullable(),
    priority: z.number(),
    tolerance: z.object({ amount: z.string(), percent: z.string() }),
    priceCount: z.number(),
    updatedAt: z.string(),
  })
  .meta({ id: 'PriceList' })

export const priceListWithPrices = priceListView
  .extend({ prices: z.array(z.object({ sku: z.string(), price: z.string() })) })
  .meta({ id: 'PriceListWithPrices' })

const priceStep = z
  .object({
    action: z.string(),
    rule: z.string().nullable().meta({ description: 'The rule behind the step, or null for the base price' }),
    detail: z.string(),
    from: z.string().nullable(),
    to: z.string(),
  })
  .meta({ id: 'PriceStep' })

const priceSource = z.enum(['contract', 'priceList', 'converted'])

export const quoteResult = z
  .object({
    channel: z.string(),
    currency: z.string(),
    customerId: z.string().nullable(),
    at: z.string(),
    ruleSetId: z.string().nullable(),
    ruleSetVersionId: z.string().nullable(),
    ruleSetVersion: z.number().nullable(),
    lines: z.array(
      z.object({
        lineNo: z.number(),
        sku: z.string(),
        quantity: z.number(),
        unitPriceMinor: z.number().nullable(),
        unitPrice: z.string().nullable(),
        lineTotalMinor: z.number().nullable(),
        lineTotal: z.string().nullable(),
        source: priceSource.nullable(),
        priceListId: z.string().nullable(),
        rules: z.array(z.string()).meta({ description: 'The rules that shaped this price, in order' }),
        steps: z.array(priceStep),
        cost: z.string().nullable(),
        warnings: z.array(z.string()),
        error: z.string().nullable().meta({ description: 'Why there is no price, when there is none' }),
        summary: z.string().meta({ description: 'How the price came about, in words' }),
      }),
    ),
    totalMinor: z.number(),
    total: z.string(),
    unpriced: z.number().meta({ description: 'Lines without a price (see their `error`)' }),
  })
  .meta({ id: 'Quote' })

export const orderPricing = z
  .object({
    mode: z.enum(['kept', 'priced', 'mixed']),
    currency: z.string().optional(),
    ruleSetVersionId: z.string().nullable().optional(),
    checked: z.boolean().optional().meta({ description: 'false: intake had nothing to price or check' }),
    createdAt: z.string().optional(),
    lines: z.array(
      z.object({
        lineNo: z.number(),
        sku: z.string(),
        unitPrice: z.string().nullable(),
        source: z.enum(['contract', 'priceList', 'converted', 'order']),
        priceListId: z.string().nullable(),
        rules: z.array(z.string()),
        steps: z.array(priceStep),
        warnings: z.array(z.string()),
      }),
    ),
    mismatches: z.array(
      z.object({
        lineNo: z.number(),
        externalLineId: z.string().nullable(),
        sku: z.string(),
        contractId: z.string(),
        orderedUnitPrice: z.string(),
        contractUnitPrice: z.string(),
        difference: z.string(),
        differencePercent: z.string(),
        tolerance: z.string(),
      }),
    ),
    hold: z.object({ reason: z.string() }).nullable(),
  })
  .meta({ id: 'OrderPricing' })

export const costView = z.object({
  sku: z.string(),
  cost: z.string(),
  currency: z.string(),
  updatedAt: z.string(),
})
export const rateView = z.object({
  base: z.string(),
  quote: z.string(),
  rate: z.string(),
  asOf: z.string(),
  updatedAt: z.string().meta({ description: 'When this rate was last imported' }),
})
