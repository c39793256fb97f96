import { fromMinorUnits } from '../catalog/money'
import { insertRows } from '../db/sql/insert-rows'
import type { SqlParam, SqlRunner } from '../db/sql/sql-db'
import type { PreparedOrder } from '../orders/intake/prepared-order'
import type { CompiledPricing } from './compiled-pricing'
import { fraction } from './money-math'
import type { PriceBook, PriceListRecord } from './price-book'
import { type PriceSource, type PriceStep, quote } from './quote'

/** A line whose price, as the order sent it, differs from the customer's contract beyond its tolerance. */
export interface PriceMismatch {
  lineNo: number
  externalLineId: string | null
  sku: string
  contractId: string
  /** Unit prices as decimal text in the order's currency. */
  orderedUnitPrice: string
  contractUnitPrice: string
  /** ordered − contract. */
  difference: string
  /** The difference as a percentage of the contract price, two decimals. */
  differencePercent: string
  tolerance: string
}

export interface OrderPricedLine {
  lineNo: number
  sku: string
  unitPrice: string | null
  /** 'order': the price the channel sent, kept. */
  source: PriceSource | 'order'
  priceListId: string | null
  rules: string[]
  steps: PriceStep[]
  warnings: string[]
}

/** What intake did about an order's prices, stored with the order (order_pricing). */
export interface OrderPricingRecord {
  /** kept: every line came with its price; priced: the hub priced every line; mixed: some of each. */
  mode: 'kept' | 'priced' | 'mixed'
  currency: string
  ruleSetVersionId: string | null
  lines: OrderPricedLine[]
  mismatches: PriceMismatch[]
  /** Set when the order must wait for a person: a price mismatch, or a line nothing prices. */
  hold: { reason: string } | null
}

function within(diff: number, contract: PriceListRecord, contractMinor: number): boolean {
  const abs = Math.abs(diff)
  if (abs <= contract.toleranceMinor) return true
  const pct = fraction(contract.tolerancePercent)
  return BigInt(abs) * 100n * pct.d <= BigInt(contractMinor) * pct.n
}

function toleranceText(c: PriceListRecord, currency: string): string {
  const parts: string[] = []
  if (c.toleranceMinor > 0) parts.push(fromMinorUnits(c.toleranceMinor, currency))
  if (c.tolerancePercent !== '0') parts.push(`${c.tolerancePercent}%`)
  return parts.length === 0 ? 'none' : parts.join(' or ')
}

/**
 * Settles a prepared order's prices before it is queued for its intake transaction (never inside
 * it). Lines the channel priced keep their price; lines without one are quoted; lines of a
 * customer with a contract are checked against it, and a difference beyond the contract's
 * tolerance holds the order with the difference shown. Returns null when there was nothing to do,
 * which is the storefront case: every line priced and no contract for the customer.
 */
export function settleOrderPrices(
  order: PreparedOrder,
  book: PriceBook,
  rules: CompiledPricing,
): OrderPricingRecord | null {
  const currency = order.currency
  const customerId = order.customer?.id ?? null
  const unpriced = order.lines.some((l) => l.unitPriceMinor === null)
  const contracts = customerId ? book.contracts(customerId, currency, order.placedAt) : []
  if (!unpriced && contracts.length === 0) return null

  const quoted = unpriced
    ? quote(
        {
          channel: order.channelInstanceId,
          customer: order.customer
            ? { id: order.customer.id, tier: order.customer.tier, segment: order.customer.segment }
            : null,
          currency,
          at: order.placedAt,
          lines: order.lines.map((l) => ({ sku: l.sku, quantity: l.quantity, product: l.product })),
          tags: order.tags,
          shipTo: order.shipTo,
        },
        rules,
        book,
      )
    : null
  const lines: OrderPricedLine[] = []
  const mismatches: PriceMismatch[] = []
  const missing: string[] = []
  let kept = 0
  for (const [i, l] of order.lines.entries()) {
    if (l.unitPriceMinor !== null) {
      kept++
      lines.push({
        lineNo: l.lineNo,
        sku: l.sku,
        unitPrice: fromMinorUnits(l.unitPriceMinor, currency),
        source: 'order',
        priceListId: null,
        rules: [],
        steps: [],
        warnings: [],
      })
      const contract = contracts.find((c) => c.prices.has(l.sku))
      if (!contract) continue
      const agreed = contract.prices.get(l.sku)!
      const diff = l.unitPriceMinor - agreed
      if (within(diff, contract, agreed)) continue
      mismatches.push({
        lineNo: l.lineNo,
        externalLineId: l.externalLineId,
        sku: l.sku,
        contractId: contract.id,
        orderedUnitPrice: fromMinorUnits(l.unitPriceMinor, currency),
        contractUnitPrice: fromMinorUnits(agreed, currency),
        difference: fromMinorUnits(diff, currency),
        differencePercent: agreed === 0 ? 'n/a' : ((diff * 100) / agreed).toFixed(2),
        tolerance: toleranceText(contract, currency),
      })
      continue
    }
    const q = quoted!.lines[i]!
    lines.push({
      lineNo: l.lineNo,
      sku: l.sku,
      unitPrice: q.unitPrice,
      source: q.source ?? 'priceList',
      priceListId: q.priceListId,
      rules: q.rules,
      steps: q.steps,
      warnings: q.error ? [...q.warnings, q.error] : q.warnings,
    })
    if (q.unitPriceMinor === null) missing.push(l.sku)
    else l.unitPriceMinor = q.unitPriceMinor
  }

  // Totals follow prices the hub filled in, unless the channel sent its own total.
  if (unpriced) {
    const before = order.subtotalMinor
    order.subtotalMinor = order.lines.reduce(
      (sum, l) => sum + (l.unitPriceMinor ?? 0) * l.quantity - l.discountMinor,
      0,
    )
    if (order.totalMinor === before + order.shippingMinor)
      order.totalMinor = order.subtotalMinor + order.shippingMinor
  }

  const reasons: string[] = []
  if (mismatches.length > 0)
    reasons.push(
      `price differs from contract ${mismatches[0]!.contractId} on ${mismatches.length} line(s): ${mismatches
        .map(
          (m) =>
            `line ${m.lineNo} ${m.sku} ordered at ${m.orderedUnitPrice}, contract ${m.contractUnitPrice} (${m.difference.startsWith('-') ? '' : '+'}${m.difference}, ${m.differencePercent.startsWith('-') ? '' : '+'}${m.differencePercent}%; tolerance ${m.tolerance})`,
        )
        .join('; ')}`,
    )
  if (missing.length > 0) reasons.push(`no price in ${currency} for ${[...new Set(missing)].join(', ')}`)
  return {
    mode: kept === order.lines.length ? 'kept' : kept === 0 ? 'priced' : 'mixed',
    currency,
    ruleSetVersionId: quoted?.ruleSetVersionId ?? null,
    lines,
    mismatches,
    hold: reasons.length > 0 ? { reason: reasons.join('; ') } : null,
  }
}

/** The order_pricing rows of a batch's orders (those whose prices pricing settled), inside its transaction. */
export async function writeOrderPricing(tx: SqlRunner, orders: readonly PreparedOrder[]): Promise<void> {
  const rows: SqlParam[][] = []
  for (const o of orders) {
    const p = o.pricing
    if (!p) continue
    rows.push([
      o.id,
      p.currency,
      p.mode,
      p.ruleSetVersionId,
      JSON.stringify(p.lines),
      p.mismatches.length > 0 ? JSON.stringify(p.mismatches) : null,
      o.receivedAt,
    ])
  }
  await insertRows(
    tx,
    'order_pricing',
    ['order_id', 'currency', 'mode', 'rule_set_version_id', 'lines', 'mismatches', 'created_at'],
    rows,
  )
}
