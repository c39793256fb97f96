import { fromMinorUnits } from '../catalog/money'
import type { PricingRule } from './compiled-pricing'
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
import type { PriceSource, PriceStep, QuotedLine, QuoteLineInput } from './quote'

/**
 * The price of one line, in the fixed order quote.ts documents: base price (contract, rule's list,
 * best list), volume break, markups and discounts, price ending, margin floor. Each step is its own
 * function over one `LinePricing`, so a reader can check a step against the documented order.
 */

/** What every line of one quote shares. */
export interface QuoteContext {
  book: PriceBook
  currency: string
  exponent: number
  at: number
  /** Rates found for this quote, by source currency (null: none). */
  rates: Map<string, RateFound | null>
}

/** One line being priced: the running price and everything said about it so far. */
interface LinePricing {
  ctx: QuoteContext
  line: QuoteLineInput
  rules: readonly PricingRule[]
  out: QuotedLine
  costMinor: number | null
  /** Whether a cost exists at all (possibly in a currency without a rate). */
  hasCost: boolean
  price: number
  source: PriceSource
  listId: string | null
  /** The ending step 4 applied, so the floor can keep it. */
  ending: { ending: number; every: number; rule: string } | null
}

export function priceLine(
  ctx: QuoteContext,
  lineNo: number,
  line: QuoteLineInput,
  rules: readonly PricingRule[],
  contracts: readonly PriceListRecord[],
  candidates: readonly PriceListRecord[],
  units: { sku: number; order: number },
): QuotedLine {
  const { costMinor, hasCost } = costOf(ctx, line.sku)
  const out = emptyLine(ctx, lineNo, line, costMinor)
  const contract = contractPrice(ctx, line, contracts, out, costMinor)
  if (contract) return settle(ctx, out, contract.minor, 'contract', contract.listId)
  const base = ruleListPrice(ctx, line, rules, out) ?? bestListPrice(ctx, line, candidates, out)
  if (!base) {
    out.error = `no price list in force prices ${line.sku} in ${ctx.currency}`
    return out
  }
  const p: LinePricing = { ctx, line, rules, out, costMinor, hasCost, ...base, ending: null }
  volumeBreak(p, units)
  markupsAndDiscounts(p)
  priceEnding(p)
  marginFloor(p)
  return settle(ctx, out, p.price, p.source, p.listId)
}

/** Minor units as decimal text in the quote's currency (fromMinorUnits without the lookups). */
export function fmt(ctx: QuoteContext, minor: number): string {
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

function rateTo(ctx: QuoteContext, from: string): RateFound | null {
  let r = ctx.rates.get(from)
  if (r === undefined) {
    r = ctx.book.rate(from, ctx.currency, ctx.at)
    ctx.rates.set(from, r)
  }
  return r
}

/** Major-unit amount of an action in the quote's currency, converted when the action names another. */
function actionAmount(ctx: QuoteContext, amount: Fraction, currency: string | null): number | null {
  if (!currency || currency === ctx.currency) return amountMinor(amount, ctx.currency)
  const rate = rateTo(ctx, currency)
  if (!rate) return null
  return convertMinor(amountMinor(amount, currency), currency, ctx.currency, rate.rate)
}

function costOf(ctx: QuoteContext, sku: string): { costMinor: number | null; hasCost: boolean } {
  const cost = ctx.book.cost(sku)
  if (!cost) return { costMinor: null, hasCost: false }
  if (cost.currency === ctx.currency) return { costMinor: cost.minor, hasCost: true }
  const rate = rateTo(ctx, cost.currency)
  return {
    costMinor: rate ? convertMinor(cost.minor, cost.currency, ctx.currency, rate.rate) : null,
    hasCost: true,
  }
}

function emptyLine(
  ctx: QuoteContext,
  lineNo: number,
  l: QuoteLineInput,
  costMinor: number | null,
): QuotedLine {
  return {
    lineNo,
    sku: l.sku,
    quantity: l.quantity,
    unitPriceMinor: null,
    unitPrice: null,
    lineTotalMinor: null,
    lineTotal: null,
    source: null,
    priceListId: null,
    rules: [],
    steps: [],
    cost: costMinor === null ? null : fmt(ctx, costMinor),
    warnings: [],
    error: null,
  }
}

function step(out: QuotedLine, s: PriceStep): void {
  out.steps.push(s)
  if (s.rule !== null) out.rules.push(s.rule)
}

/** 1a. A contract of the customer that prices the sku is final (the floor only warns). */
function contractPrice(
  ctx: QuoteContext,
  l: QuoteLineInput,
  contracts: readonly PriceListRecord[],
  out: QuotedLine,
  costMinor: number | null,
): { minor: number; listId: string } | null {
  for (const c of contracts) {
    const minor = c.prices.get(l.sku)
    if (minor === undefined) continue
    out.steps.push({
      action: 'contract',
      rule: null,
      detail: `contract ${c.id}`,
      from: null,
      to: fmt(ctx, minor),
    })
    if (costMinor !== null && minor < costMinor)
      out.warnings.push(`contract price ${fmt(ctx, minor)} is under cost ${fmt(ctx, costMinor)}`)
    return { minor, listId: c.id }
  }
  return null
}

type BasePrice = { price: number; source: PriceSource; listId: string }

/** A list's price of the sku in the quote's currency, converted when the list is in another. */
function priceFrom(
  ctx: QuoteContext,
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

function listStep(
  ctx: QuoteContext,
  out: QuotedLine,
  list: PriceListRecord,
  found: { minor: number; converted: string | null },
  rule: string | null,
): BasePrice {
  step(out, {
    action: found.converted ? 'convert' : 'priceList',
    rule,
    detail: found.converted ? `price list ${list.id}: ${found.converted}` : `price list ${list.id}`,
    from: null,
    to: fmt(ctx, found.minor),
  })
  return { price: found.minor, source: found.converted ? 'converted' : 'priceList', listId: list.id }
}

/** 1b. The list chosen by the first `priceList` rule that fires and prices the sku. */
function ruleListPrice(
  ctx: QuoteContext,
  l: QuoteLineInput,
  rules: readonly PricingRule[],
  out: QuotedLine,
): BasePrice | null {
  for (const r of rules) {
    if (r.action.type !== 'priceList') continue
    const list = ctx.book.list(r.action.priceListId)
    if (!list || list.customerId) {
      // Deleted since the version was published, or a contract (never chosen by a rule).
      out.warnings.push(
        `rule ${r.name}: price list ${r.action.priceListId} ${list ? 'is a contract' : 'does not exist'}`,
      )
      continue
    }
    const found = priceFrom(ctx, list, l.sku)
    if (found) return listStep(ctx, out, list, found, r.name)
    // The rule chose this list, but its data cannot price the line: say which data, since the
    // analyst sees only that the rule did not apply.
    out.warnings.push(`rule ${r.name}: ${whyNoPrice(ctx, list, l.sku)}`)
  }
  return null
}

/** Why a list gives no price for a sku now, in the analyst's terms. */
function whyNoPrice(ctx: QuoteContext, list: PriceListRecord, sku: string): string {
  if (!validAt(list, ctx.at)) return `price list '${list.id}' is not in force at this time`
  if (!list.prices.has(sku)) return `price list '${list.id}' holds no price for ${sku}`
  return `no exchange rate ${list.currency}→${ctx.currency} for price list '${list.id}'`
}

/** 1c. Otherwise the best matching list (PriceBook.candidates' order). */
function bestListPrice(
  ctx: QuoteContext,
  l: QuoteLineInput,
  candidates: readonly PriceListRecord[],
  out: QuotedLine,
): BasePrice | null {
  for (const list of candidates) {
    const found = priceFrom(ctx, list, l.sku)
    if (found) return listStep(ctx, out, list, found, null)
  }
  return null
}

/** 2. The first volume-break rule with a break the quantity reaches. */
function volumeBreak(p: LinePricing, units: { sku: number; order: number }): void {
  const { ctx, line: l, out } = p
  for (const r of p.rules) {
    const a = r.action
    if (a.type !== 'volumeBreaks') continue
    const qty = a.basis === 'line' ? l.quantity : a.basis === 'sku' ? units.sku : units.order
    const hit = a.breaks.find((b) => qty >= b.minQty)
    if (!hit) continue
    const before = p.price
    if (hit.percent) p.price = applyPercent(p.price, hit.percent, -1)
    else {
      const amount = actionAmount(ctx, (hit.amount ?? hit.price)!, a.currency)
      if (amount === null) {
        out.warnings.push(
          `rule ${r.name}: no exchange rate ${a.currency}→${ctx.currency}; volume break skipped`,
        )
        continue
      }
      p.price = hit.amount ? Math.max(0, p.price - amount) : amount
    }
    const basis =
      a.basis === 'line'
        ? 'units'
        : a.basis === 'sku'
          ? `units of ${l.sku} in the order`
          : 'units in the order'
    step(out, {
      action: 'volumeBreak',
      rule: r.name,
      detail: `${qty} ${basis} ≥ ${hit.minQty}: ${hit.text}`,
      from: fmt(ctx, before),
      to: fmt(ctx, p.price),
    })
    return
  }
}

/** 3. Every markup and discount that fires, in rule order, never below zero. */
function markupsAndDiscounts(p: LinePricing): void {
  const { ctx, out } = p
  for (const r of p.rules) {
    const a = r.action
    if (a.type !== 'markup' && a.type !== 'discount') continue
    const before = p.price
    const sign = a.type === 'markup' ? 1 : -1
    let detail: string
    if (a.percent) {
      p.price = applyPercent(p.price, a.percent, sign)
      detail = `${a.type} ${a.percentText}%`
    } else {
      const amount = actionAmount(ctx, a.amount!, a.currency)
      if (amount === null) {
        out.warnings.push(`rule ${r.name}: no exchange rate ${a.currency}→${ctx.currency}; ${a.type} skipped`)
        continue
      }
      p.price = Math.max(0, p.price + sign * amount)
      detail = `${a.type} ${fmt(ctx, amount)}`
    }
    if (a.reason) detail += ` (${a.reason})`
    step(out, { action: a.type, rule: r.name, detail, from: fmt(ctx, before), to: fmt(ctx, p.price) })
  }
}

/** 4. The first price-ending rule that can be written in the quote's currency. */
function priceEnding(p: LinePricing): void {
  const { ctx, out } = p
  const cur = ctx.currency
  for (const r of p.rules) {
    const a = r.action
    if (a.type !== 'round') continue
    let e = a.inCurrency.get(cur)
    if (e === undefined) {
      e = endingInMinor(a.ending, a.every, cur)
      a.inCurrency.set(cur, e)
    }
    if (!e) {
      out.warnings.push(
        `rule ${r.name}: ending ${a.ending} every ${a.every} cannot be written in ${cur}; not rounded`,
      )
      continue
    }
    const before = p.price
    p.price = roundToEnding(p.price, e.every, e.ending, a.direction)
    p.ending = { ...e, rule: r.name }
    const to = a.ending === '0' ? 'a whole amount' : `an ending of ${fmt(ctx, e.ending)}`
    step(out, {
      action: 'round',
      rule: r.name,
      detail: `${a.direction} to ${to}${a.every !== '1' ? ` every ${fmt(ctx, e.every)}` : ''}`,
      from: fmt(ctx, before),
      to: fmt(ctx, p.price),
    })
    return
  }
}

/** 5. The highest floor of the floor rules that fire; a price under it is raised (and re-ended). */
function marginFloor(p: LinePricing): void {
  const floor = highestFloor(p)
  if (!floor || p.price >= floor.minor) return
  const { ctx, out, ending } = p
  const before = p.price
  p.price = ending ? roundToEnding(floor.minor, ending.every, ending.ending, 'up') : floor.minor
  const reEnded = ending && p.price !== floor.minor ? `, then up to the ending of ${ending.rule}` : ''
  step(out, {
    action: 'floor',
    rule: floor.rule,
    detail: `raised to the floor: ${floor.detail}${reEnded}`,
    from: fmt(ctx, before),
    to: fmt(ctx, p.price),
  })
}

function highestFloor(p: LinePricing): { minor: number; rule: string; detail: string } | null {
  const { ctx, out, costMinor } = p
  let floor: { minor: number; rule: string; detail: string } | null = null
  for (const r of p.rules) {
    const a = r.action
    if (a.type !== 'floor') continue
    if (costMinor === null) {
      const where = p.hasCost ? ` in ${ctx.currency}` : ''
      out.warnings.push(`rule ${r.name}: no cost for ${p.line.sku}${where}; floor not checked`)
      continue
    }
    const byPercent = a.percent ? percentCeil(costMinor, a.percent) : 0
    const byAmount = a.amount ? actionAmount(ctx, a.amount, a.currency) : 0
    if (byAmount === null) {
      out.warnings.push(`rule ${r.name}: no exchange rate ${a.currency}→${ctx.currency}; floor not checked`)
      continue
    }
    const minor = costMinor + Math.max(byPercent, byAmount)
    if (floor && minor <= floor.minor) continue
    const margin = byPercent >= byAmount ? `${a.percentText}% margin` : `${fmt(ctx, byAmount)} margin`
    floor = { minor, rule: r.name, detail: `cost ${fmt(ctx, costMinor)} + ${margin} = ${fmt(ctx, minor)}` }
  }
  return floor
}

function settle(
  ctx: QuoteContext,
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
