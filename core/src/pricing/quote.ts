import type { ProductFacts } from '../catalog/facts'
import { currencyExponent } from '../catalog/money'
import { localTime } from '../routing/sourcing/calendar'
import { normalisePostcode } from '../routing/sourcing/lanes'
import type { CompiledAction, CompiledPricing, PricingRule } from './compiled-pricing'
import type { PriceBook } from './price-book'
import { fmt, priceLine, type QuoteContext } from './price-line'

/**
 * Quoting: the price of each line, and why. The order of application is fixed:
 *
 * 1. Base price. A contract of the customer (a price list with that customer) that prices the sku
 *    in the quote's currency wins, and is final: no rule changes a contract price (the margin
 *    floor only warns). Otherwise the price list chosen by the first `priceList` rule that fires
 *    and whose list prices the sku; otherwise the best matching list (see PriceBook.candidates);
 *    a list in another currency is converted at the latest exchange rate as of the quote time
 *    (half to even).
 * 2. Volume break: the first `volumeBreaks` rule that fires and has a break the quantity reaches;
 *    its highest such break applies (percent off half to even, an amount off, or a unit price).
 * 3. Markups and discounts: every one that fires, in rule order (priority high to low, then as
 *    listed), each on the price the previous left, each rounded half to even; never below zero.
 * 4. Price ending: the first `round` rule that fires.
 * 5. Margin floor: the highest floor of the `floor` rules that fire (cost plus the larger of its
 *    percent of cost, rounded up, and its amount). A price under it is raised to it, and rounded up
 *    to the step 4 ending again if one applied, so the floor always holds.
 *
 * Every line carries the steps that shaped it and the names of the rules behind them.
 */

export interface QuoteCustomer {
  id: string | null
  tier: string | null
  segment: string | null
}

export interface QuoteLineInput {
  sku: string
  quantity: number
  product: ProductFacts
}

export interface QuoteInput {
  channel: string
  customer: QuoteCustomer | null
  currency: string
  at: number
  lines: readonly QuoteLineInput[]
  tags?: readonly string[]
  shipTo?: { country?: string | null; region?: string | null; postcode?: string | null } | null
}

export type PriceSource = 'contract' | 'priceList' | 'converted'

export interface PriceStep {
  action: 'contract' | 'priceList' | 'convert' | 'volumeBreak' | 'markup' | 'discount' | 'round' | 'floor'
  /** The rule behind the step (editor node id), or null for the base price found by matching. */
  rule: string | null
  detail: string
  from: string | null
  to: string
}

export interface QuotedLine {
  lineNo: number
  sku: string
  quantity: number
  unitPriceMinor: number | null
  unitPrice: string | null
  lineTotalMinor: number | null
  lineTotal: string | null
  source: PriceSource | null
  priceListId: string | null
  /** The rules that shaped this price, in the order they applied. */
  rules: string[]
  steps: PriceStep[]
  cost: string | null
  warnings: string[]
  /** Why there is no price, when there is none. */
  error: string | null
}

export interface QuoteResult {
  channel: string
  currency: string
  customerId: string | null
  at: string
  ruleSetId: string | null
  ruleSetVersionId: string | null
  ruleSetVersion: number | null
  lines: QuotedLine[]
  totalMinor: number
  total: string
  /** Lines without a price (see their `error`). */
  unpriced: number
}

/** Facts every rule may test, once per quote. */
export function quoteFacts(
  input: QuoteInput,
  ruleSet: CompiledPricing,
  book: PriceBook,
): Record<string, unknown> {
  let units = 0
  let hazmat = false
  let highValue = false
  const skus: string[] = []
  const categories: string[] = []
  const productTags: string[] = []
  for (const l of input.lines) {
    units += l.quantity
    hazmat ||= l.product.hazmat
    highValue ||= l.product.highValue
    if (!skus.includes(l.sku)) skus.push(l.sku)
    if (l.product.category && !categories.includes(l.product.category)) categories.push(l.product.category)
    for (const t of l.product.tags) if (!productTags.includes(t)) productTags.push(t)
  }
  const placed = localTime(input.at, ruleSet.settings.timezone)
  const customerId = input.customer?.id ?? null
  return {
    'order.channel': input.channel,
    'order.currency': input.currency,
    'order.country': input.shipTo?.country ?? null,
    'order.region': input.shipTo?.region ?? null,
    'order.postcode': normalisePostcode(input.shipTo?.postcode ?? null),
    'order.lineCount': input.lines.length,
    'order.unitCount': units,
    'order.tags': [...(input.tags ?? [])],
    'order.skus': skus,
    'order.categories': categories,
    'order.productTags': productTags,
    'order.hasHazmat': hazmat,
    'order.hasHighValue': highValue,
    'order.placedHour': placed.hour,
    'order.placedWeekday': placed.weekday,
    'customer.id': customerId,
    'customer.tier': input.customer?.tier ?? null,
    'customer.segment': input.customer?.segment ?? null,
    'customer.hasContract': customerId
      ? book.contracts(customerId, input.currency, input.at).length > 0
      : false,
  }
}

/** Prices every line of a quote. Pure and synchronous: the book and the compiled rules are in memory. */
export function quote(input: QuoteInput, ruleSet: CompiledPricing, book: PriceBook): QuoteResult {
  const ctx: QuoteContext = {
    book,
    currency: input.currency,
    exponent: currencyExponent(input.currency),
    at: input.at,
    rates: new Map(),
  }
  const facts = quoteFacts(input, ruleSet, book)
  const skuUnits = unitsBySku(input)
  const unitCount = facts['order.unitCount'] as number
  const contracts = book.contracts(input.customer?.id ?? null, input.currency, input.at)
  const candidates = book.candidates(input.channel, input.customer?.segment ?? null, input.currency)

  const lines: QuotedLine[] = []
  let totalMinor = 0
  let unpriced = 0
  forEachLine(input, ruleSet, facts, skuUnits, (n, l, applying) => {
    const line = priceLine(ctx, n + 1, l, applying, contracts, candidates, {
      sku: skuUnits.get(l.sku)!,
      order: unitCount,
    })
    if (line.lineTotalMinor === null) unpriced++
    else totalMinor += line.lineTotalMinor
    lines.push(line)
  })
  return {
    channel: input.channel,
    currency: input.currency,
    customerId: input.customer?.id ?? null,
    at: new Date(input.at).toISOString(),
    ruleSetId: ruleSet.ruleSetId,
    ruleSetVersionId: ruleSet.versionId,
    ruleSetVersion: ruleSet.version,
    lines,
    totalMinor,
    total: fmt(ctx, totalMinor),
    unpriced,
  }
}

function unitsBySku(input: QuoteInput): Map<string, number> {
  const skuUnits = new Map<string, number>()
  for (const l of input.lines) skuUnits.set(l.sku, (skuUnits.get(l.sku) ?? 0) + l.quantity)
  return skuUnits
}

/**
 * The rules that fire for each line, in application order: order rules once per quote (through
 * their index), line rules per line over the rule set's fact slots.
 */
function forEachLine(
  input: QuoteInput,
  ruleSet: CompiledPricing,
  facts: Record<string, unknown>,
  skuUnits: Map<string, number>,
  visit: (n: number, line: QuoteLineInput, applying: readonly PricingRule[]) => void,
): void {
  const fired = new Uint8Array(ruleSet.rules.length)
  for (const c of ruleSet.orderIndex.evaluate(facts)) fired[ruleSet.orderRuleOf.get(c)!.rank] = 1
  const slots: unknown[] = new Array(ruleSet.slotCount)
  for (const [i, f] of ruleSet.orderSlots) slots[i] = facts[f]
  const applying: PricingRule[] = []
  for (let n = 0; n < input.lines.length; n++) {
    const l = input.lines[n]!
    applying.length = 0
    if (ruleSet.hasLineRules) for (const [i, f] of ruleSet.lineSlots) slots[i] = lineFact(f, l, skuUnits)
    for (const r of ruleSet.rules) if (r.line ? r.slotTest(slots) : fired[r.rank] === 1) applying.push(r)
    visit(n, l, applying)
  }
}

const LINE_FACTS = [
  'line.sku',
  'line.quantity',
  'line.category',
  'line.tags',
  'line.hazmat',
  'line.highValue',
  'line.weightKg',
  'line.skuUnits',
]

/**
 * The names of the rules that fire for each line, in application order, and the flat facts of each
 * line as json-rules-engine would receive them: for explanations and differential tests.
 */
export function firedRules(
  input: QuoteInput,
  ruleSet: CompiledPricing,
  book: PriceBook,
): { names: string[]; facts: Record<string, unknown> }[] {
  const facts = quoteFacts(input, ruleSet, book)
  const skuUnits = unitsBySku(input)
  const out: { names: string[]; facts: Record<string, unknown> }[] = []
  forEachLine(input, ruleSet, facts, skuUnits, (_n, l, applying) => {
    const lineFacts: Record<string, unknown> = { ...facts }
    for (const f of LINE_FACTS) lineFacts[f] = lineFact(f, l, skuUnits)
    out.push({ names: applying.map((r) => r.name), facts: lineFacts })
  })
  return out
}

function lineFact(fact: string, l: QuoteLineInput, skuUnits: Map<string, number>): unknown {
  switch (fact) {
    case 'line.sku':
      return l.sku
    case 'line.quantity':
      return l.quantity
    case 'line.category':
      return l.product.category
    case 'line.tags':
      return l.product.tags
    case 'line.hazmat':
      return l.product.hazmat
    case 'line.highValue':
      return l.product.highValue
    case 'line.weightKg':
      return l.product.weightGrams === null ? null : (l.product.weightGrams * l.quantity) / 1000
    case 'line.skuUnits':
      return skuUnits.get(l.sku)
    default:
      return undefined
  }
}

export type { CompiledAction }
