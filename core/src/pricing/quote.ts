import type { ProductFacts } from '../catalog/facts'
import { currencyExponent, fromMinorUnits } from '../catalog/money'
import { localTime } from '../routing/sourcing/calendar'
import { normalisePostcode } from '../routing/sourcing/lanes'
import type { CompiledAction, CompiledPricing, PricingRule } from './compiled-pricing'
import {
  amountMinor,
  applyPercent,
  convertMinor,
  endingInMinor,
  type Fraction,
  percentCeil,
  roundToEnding,
} from './money-math'
import { type PriceBook, type PriceListRecord, type RateFound, validAt } from './price-book'

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

interface Ctx {
  book: PriceBook
  currency: string
  exponent: number
  at: number
  /** Rates found for this quote, by source currency (null: none). */
  rates: Map<string, RateFound | null>
}

/** Minor units as decimal text in the quote's currency (fromMinorUnits without the lookups). */
function fmt(ctx: Ctx, minor: number): string {
  const e = ctx.exponent
  if (e === 0) return String(minor)
  const negative = minor < 0
  const digits = String(negative ? -minor : minor)
  const out =
    digits.length > e
      ? `${digits.slice(0, digits.length - e)}.${digits.slice(digits.length - e)}`
      : `0.${digits.padStart(e, '0')}`
  return negative ? `-${out}` : out
}

function rateTo(ctx: Ctx, from: string): RateFound | null {
  let r = ctx.rates.get(from)
  if (r === undefined) {
    r = ctx.book.rate(from, ctx.currency, ctx.at)
    ctx.rates.set(from, r)
  }
  return r
}

/** Major-unit amount of an action in the quote's currency, converted when the action names another. */
function actionAmount(ctx: Ctx, amount: Fraction, currency: string | null): number | null {
  if (!currency || currency === ctx.currency) return amountMinor(amount, ctx.currency)
  const rate = rateTo(ctx, currency)
  if (!rate) return null
  return convertMinor(amountMinor(amount, currency), currency, ctx.currency, rate.rate)
}

function priceFrom(
  ctx: Ctx,
  list: PriceListRecord,
  sku: string,
): { minor: number; converted: string | null } | null {
  if (!validAt(list, ctx.at)) return null
  const minor = list.prices.get(sku)
  if (minor === undefined) return null
  if (list.currency === ctx.currency) return { minor, converted: null }
  const rate = rateTo(ctx, list.currency)
  if (!rate) return null
  return {
    minor: convertMinor(minor, list.currency, ctx.currency, rate.rate),
    converted: `${fromMinorUnits(minor, list.currency)} ${list.currency} at ${rate.text}`,
  }
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
  for (const l of input.lines) {
    units += l.quantity
    hazmat ||= l.product.hazmat
    highValue ||= l.product.highValue
    if (!skus.includes(l.sku)) skus.push(l.sku)
    if (l.product.category && !categories.includes(l.product.category)) categories.push(l.product.category)
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
  const ctx: Ctx = {
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

function priceLine(
  ctx: Ctx,
  lineNo: number,
  l: QuoteLineInput,
  rules: readonly PricingRule[],
  contracts: readonly PriceListRecord[],
  candidates: readonly PriceListRecord[],
  units: { sku: number; order: number },
): QuotedLine {
  const cur = ctx.currency
  const steps: PriceStep[] = []
  const shaping: string[] = []
  const warnings: string[] = []
  const cost = ctx.book.cost(l.sku)
  let costMinor: number | null = null
  if (cost) {
    if (cost.currency === cur) costMinor = cost.minor
    else {
      const rate = rateTo(ctx, cost.currency)
      if (rate) costMinor = convertMinor(cost.minor, cost.currency, cur, rate.rate)
    }
  }
  const out: QuotedLine = {
    lineNo,
    sku: l.sku,
    quantity: l.quantity,
    unitPriceMinor: null,
    unitPrice: null,
    lineTotalMinor: null,
    lineTotal: null,
    source: null,
    priceListId: null,
    rules: shaping,
    steps,
    cost: costMinor === null ? null : fmt(ctx, costMinor),
    warnings,
    error: null,
  }

  // 1. Base price: a contract is final.
  for (const c of contracts) {
    const minor = c.prices.get(l.sku)
    if (minor === undefined) continue
    steps.push({
      action: 'contract',
      rule: null,
      detail: `contract ${c.id}`,
      from: null,
      to: fmt(ctx, minor),
    })
    if (costMinor !== null && minor < costMinor)
      warnings.push(`contract price ${fmt(ctx, minor)} is under cost ${fmt(ctx, costMinor)}`)
    return settle(ctx, out, minor, 'contract', c.id)
  }
  let price: number | null = null
  let source: PriceSource = 'priceList'
  let listId: string | null = null
  for (const r of rules) {
    if (r.action.type !== 'priceList') continue
    const list = ctx.book.list(r.action.priceListId)
    if (!list || list.customerId) {
      // Deleted since the version was published, or a contract (never chosen by a rule).
      warnings.push(
        `rule ${r.name}: price list ${r.action.priceListId} ${list ? 'is a contract' : 'does not exist'}`,
      )
      continue
    }
    const found = priceFrom(ctx, list, l.sku)
    if (!found) continue
    price = found.minor
    listId = list!.id
    source = found.converted ? 'converted' : 'priceList'
    shaping.push(r.name)
    steps.push({
      action: found.converted ? 'convert' : 'priceList',
      rule: r.name,
      detail: found.converted ? `price list ${list!.id}: ${found.converted}` : `price list ${list!.id}`,
      from: null,
      to: fmt(ctx, price),
    })
    break
  }
  if (price === null) {
    for (const list of candidates) {
      const found = priceFrom(ctx, list, l.sku)
      if (!found) continue
      price = found.minor
      listId = list.id
      source = found.converted ? 'converted' : 'priceList'
      steps.push({
        action: found.converted ? 'convert' : 'priceList',
        rule: null,
        detail: found.converted ? `price list ${list.id}: ${found.converted}` : `price list ${list.id}`,
        from: null,
        to: fmt(ctx, price),
      })
      break
    }
  }
  if (price === null) {
    out.error = `no price list in force prices ${l.sku} in ${cur}`
    return out
  }

  // 2. Volume break.
  for (const r of rules) {
    const a = r.action
    if (a.type !== 'volumeBreaks') continue
    const qty = a.basis === 'line' ? l.quantity : a.basis === 'sku' ? units.sku : units.order
    const hit = a.breaks.find((b) => qty >= b.minQty)
    if (!hit) continue
    const before = price
    if (hit.percent) price = applyPercent(price, hit.percent, -1)
    else {
      const amount = actionAmount(ctx, (hit.amount ?? hit.price)!, a.currency)
      if (amount === null) {
        warnings.push(`rule ${r.name}: no exchange rate ${a.currency}→${cur}; volume break skipped`)
        continue
      }
      price = hit.amount ? Math.max(0, price - amount) : amount
    }
    shaping.push(r.name)
    steps.push({
      action: 'volumeBreak',
      rule: r.name,
      detail: `${qty} ${a.basis === 'line' ? 'units' : a.basis === 'sku' ? `units of ${l.sku} in the order` : 'units in the order'} ≥ ${hit.minQty}: ${hit.text}`,
      from: fmt(ctx, before),
      to: fmt(ctx, price),
    })
    break
  }

  // 3. Markups and discounts, in rule order.
  for (const r of rules) {
    const a = r.action
    if (a.type !== 'markup' && a.type !== 'discount') continue
    const before = price
    const sign = a.type === 'markup' ? 1 : -1
    let detail: string
    if (a.percent) {
      price = applyPercent(price, a.percent, sign)
      detail = `${a.type} ${a.percentText}%`
    } else {
      const amount = actionAmount(ctx, a.amount!, a.currency)
      if (amount === null) {
        warnings.push(`rule ${r.name}: no exchange rate ${a.currency}→${cur}; ${a.type} skipped`)
        continue
      }
      price = Math.max(0, price + sign * amount)
      detail = `${a.type} ${fmt(ctx, amount)}`
    }
    if (a.reason) detail += ` (${a.reason})`
    shaping.push(r.name)
    steps.push({ action: a.type, rule: r.name, detail, from: fmt(ctx, before), to: fmt(ctx, price) })
  }

  // 4. Price ending.
  let ending: { ending: number; every: number; rule: string } | null = null
  for (const r of rules) {
    const a = r.action
    if (a.type !== 'round') continue
    let e = a.inCurrency.get(cur)
    if (e === undefined) {
      e = endingInMinor(a.ending, a.every, cur)
      a.inCurrency.set(cur, e)
    }
    if (!e) {
      warnings.push(
        `rule ${r.name}: ending ${a.ending} every ${a.every} cannot be written in ${cur}; not rounded`,
      )
      continue
    }
    const before = price
    price = roundToEnding(price, e.every, e.ending, a.direction)
    ending = { ...e, rule: r.name }
    shaping.push(r.name)
    steps.push({
      action: 'round',
      rule: r.name,
      detail: `${a.direction} to ${a.ending === '0' ? 'a whole amount' : `an ending of ${fmt(ctx, e.ending)}`}${a.every !== '1' ? ` every ${fmt(ctx, e.every)}` : ''}`,
      from: fmt(ctx, before),
      to: fmt(ctx, price),
    })
    break
  }

  // 5. Margin floor.
  let floor: { minor: number; rule: string; detail: string } | null = null
  for (const r of rules) {
    const a = r.action
    if (a.type !== 'floor') continue
    if (costMinor === null) {
      warnings.push(`rule ${r.name}: no cost for ${l.sku}${cost ? ` in ${cur}` : ''}; floor not checked`)
      continue
    }
    const byPercent = a.percent ? percentCeil(costMinor, a.percent) : 0
    const byAmount = a.amount ? actionAmount(ctx, a.amount, a.currency) : 0
    if (byAmount === null) {
      warnings.push(`rule ${r.name}: no exchange rate ${a.currency}→${cur}; floor not checked`)
      continue
    }
    const minor = costMinor + Math.max(byPercent, byAmount)
    if (!floor || minor > floor.minor)
      floor = {
        minor,
        rule: r.name,
        detail: `cost ${fmt(ctx, costMinor)} + ${
          byPercent >= byAmount ? `${a.percentText}% margin` : `${fmt(ctx, byAmount)} margin`
        } = ${fmt(ctx, minor)}`,
      }
  }
  if (floor && price < floor.minor) {
    const before = price
    price = floor.minor
    if (ending) price = roundToEnding(price, ending.every, ending.ending, 'up')
    shaping.push(floor.rule)
    steps.push({
      action: 'floor',
      rule: floor.rule,
      detail: `raised to the floor: ${floor.detail}${ending && price !== floor.minor ? `, then up to the ending of ${ending.rule}` : ''}`,
      from: fmt(ctx, before),
      to: fmt(ctx, price),
    })
  }
  return settle(ctx, out, price, source, listId)
}

function settle(
  ctx: Ctx,
  out: QuotedLine,
  price: number,
  source: PriceSource,
  listId: string | null,
): QuotedLine {
  out.unitPriceMinor = price
  out.unitPrice = fmt(ctx, price)
  out.lineTotalMinor = price * out.quantity
  out.lineTotal = fmt(ctx, price * out.quantity)
  out.source = source
  out.priceListId = listId
  return out
}

export type { CompiledAction }
