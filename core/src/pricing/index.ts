/**
 * @module @switchyard/core/pricing
 * Channel-aware pricing: price lists and contracts, costs, exchange rates, pricing rule sets (the
 * json-rules-engine format, compiled to closures), quotes with explanations, intake pricing and
 * price sync. The order in which rules shape a price is documented in quote.ts.
 */

export {
  type CompiledAction,
  type CompiledPricing,
  compilePricing,
  noPricingRules,
  type PricingRule,
  type PricingSettings,
} from './compiled-pricing'
export { describeLine } from './describe'
export {
  amountMinor,
  applyPercent,
  convertMinor,
  divHalfEven,
  endingInMinor,
  type Fraction,
  fraction,
  type RoundDirection,
  roundToEnding,
} from './money-math'
export {
  type OrderPricedLine,
  type OrderPricingRecord,
  type PriceMismatch,
  settleOrderPrices,
} from './order-pricing'
export { PriceBook, type PriceListRecord } from './price-book'
export {
  type PricingAction,
  type PricingActionType,
  pricingActionSchemas,
  pricingActionTypes,
} from './pricing-actions'
export { pricingFactCatalog, pricingFactsById } from './pricing-facts'
export { PricingService, type PricingSnapshot, type QuoteRequest } from './pricing-service'
export { type PriceListInput, type PriceListView, PricingStore } from './pricing-store'
export {
  type PriceSource,
  type PriceStep,
  type QuotedLine,
  type QuoteInput,
  type QuoteResult,
  quote,
} from './quote'
export { type PricingMasterData, validatePricingRules } from './validate-pricing'
