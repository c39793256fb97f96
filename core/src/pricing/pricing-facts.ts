import { type FactDefinition, factsById } from '../rules/fact-catalog'

/**
 * The facts pricing rules may test: the sourcing catalogue's order and line facts that are known
 * before a price is (no totals, no line values, nothing about locations), plus customer and
 * quantity facts. Order and customer facts are evaluated once per quote; line facts once per line.
 */
const shared = [
  'order.channel',
  'order.currency',
  'order.country',
  'order.region',
  'order.postcode',
  'order.lineCount',
  'order.unitCount',
  'order.tags',
  'order.skus',
  'order.categories',
  'order.productTags',
  'order.hasHazmat',
  'order.hasHighValue',
  'order.placedHour',
  'order.placedWeekday',
  'line.sku',
  'line.quantity',
  'line.category',
  'line.tags',
  'line.hazmat',
  'line.highValue',
  'line.weightKg',
]

const own: FactDefinition[] = [
  {
    id: 'customer.id',
    scope: 'order',
    type: 'string',
    nullable: true,
    description: "The hub's customer id (from the email, or the channel and the channel's own id)",
  },
  {
    id: 'customer.tier',
    scope: 'order',
    type: 'string',
    nullable: true,
    description: "The customer's tier (e.g. gold)",
    values: 'tiers',
  },
  {
    id: 'customer.segment',
    scope: 'order',
    type: 'string',
    nullable: true,
    description: "The customer's segment, which is also its price-list customer group (e.g. wholesale)",
  },
  {
    id: 'customer.hasContract',
    scope: 'order',
    type: 'boolean',
    nullable: false,
    description: 'The customer has a contract price list in force in the quote currency',
  },
  {
    id: 'line.skuUnits',
    scope: 'line',
    type: 'number',
    nullable: false,
    description: 'Units of this line’s sku across the whole order (for volume breaks over split lines)',
    unit: 'units',
  },
]

const nullableForQuotes = new Set(['order.country'])

export const pricingFactCatalog: readonly FactDefinition[] = [
  ...shared.map((id) => {
    const def = factsById.get(id)
    if (!def) throw new Error(`sourcing fact ${id} is gone; update the pricing catalogue`)
    // A quote may carry no destination.
    return nullableForQuotes.has(id) ? { ...def, nullable: true } : def
  }),
  ...own,
]

export const pricingFactsById: ReadonlyMap<string, FactDefinition> = new Map(
  pricingFactCatalog.map((d) => [d.id, d]),
)

/** Line facts make a rule a line rule (evaluated per line); anything else is evaluated once per quote. */
export function isLineFact(id: string): boolean {
  return pricingFactsById.get(id)?.scope === 'line'
}
