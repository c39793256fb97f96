import type { LocationFacts } from '../../catalog/facts'
import type { RoutingLine } from '../router'
import type { LaneQuote } from './lanes'

/**
 * A drop-ship supplier's quote with what the order's units cost at it: per line, the units it
 * could ship (the line's quantity, or less when it holds less) × the supplier's unit cost of the
 * sku. A warehouse's stock is the merchant's already, so only suppliers count goods. A unit cost in
 * another currency than the quote's is not counted (routing converts no money). The quote is
 * returned as it was when nothing costs anything, so most locations make no new object.
 */
export function withSupplierCost(
  quote: LaneQuote,
  location: LocationFacts,
  lines: readonly RoutingLine[],
  stockOf: readonly (readonly number[])[],
  index: number,
): LaneQuote {
  const items = location.supplierItems
  if (!items || location.type !== 'dropship') return quote
  let goods = 0
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li]!
    const terms = items.get(line.sku)
    if (!terms || terms.unitCostMinor === null || terms.currency !== quote.currency) continue
    goods += Math.min(line.quantity, Math.max(0, stockOf[li]![index]!)) * terms.unitCostMinor
  }
  return goods === 0 ? quote : { ...quote, goodsCostMinor: goods }
}
