import { performance } from 'node:perf_hooks'
import type { ProductFacts } from '@switchyard/core'
import {
  compilePricing,
  fraction,
  PriceBook,
  type PriceListRecord,
  type QuoteInput,
  quote,
  validatePricingRules,
} from '@switchyard/core/pricing'
import type { RuleProperties } from '@switchyard/core/rules'

/**
 * `pnpm bench pricing`: 20-line quotes against a 50-rule pricing set (order and line rules: list
 * choice, markups, discounts, volume breaks, endings, margin floors) over a price book of 2,000
 * skus in 6 lists plus 200 customer contracts and exchange rates, on one core, as intake and the
 * quote API run them (compiled rules, the book in memory). Reports quotes per second and p99.
 */
let seed = 7
const rnd = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648
  return seed / 2147483648
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!

const SKUS = 2_000
const CATEGORIES = ['apparel', 'outdoor', 'electronics', 'home', 'toys']
const CHANNELS = ['web', 'portal', 'amazon', 'pos']
const TIERS = ['gold', 'silver', 'bronze', null]
const SEGMENTS = ['wholesale', 'retail', null]
const CURRENCIES = ['NZD', 'NZD', 'NZD', 'AUD', 'JPY', 'KWD']
const AT = Date.parse('2026-11-20T10:00:00Z')

const skuOf = (i: number) => `SKU-${String(i).padStart(5, '0')}`
const products: ProductFacts[] = Array.from({ length: SKUS }, (_, i) => ({
  sku: skuOf(i),
  name: `Product ${i}`,
  category: pick(CATEGORIES),
  hazmat: rnd() < 0.05,
  highValue: rnd() < 0.1,
  weightGrams: Math.floor(rnd() * 5000),
  attributes: {},
  tags: [],
}))

/** Prices in minor units; JPY lists would want a different scale (none here). */
function priceMap(share: number, scale: number): Map<string, number> {
  const m = new Map<string, number>()
  for (let i = 0; i < SKUS; i++)
    if (rnd() < share) m.set(skuOf(i), Math.round((500 + rnd() * 20_000) * scale))
  return m
}

function list(id: string, currency: string, extra: Partial<PriceListRecord>, share: number, scale = 1) {
  return {
    id,
    name: id,
    currency,
    channel: null,
    customerGroup: null,
    customerId: null,
    validFrom: null,
    validTo: null,
    priority: 0,
    toleranceMinor: 0,
    tolerancePercent: '0',
    prices: priceMap(share, scale),
    ...extra,
  } satisfies PriceListRecord
}

export function pricingBook(): PriceBook {
  const lists: PriceListRecord[] = [
    list('retail-nzd', 'NZD', {}, 1),
    list('web-nzd', 'NZD', { channel: 'web' }, 0.5),
    list('portal-nzd', 'NZD', { channel: 'portal' }, 0.5),
    list('wholesale-nzd', 'NZD', { customerGroup: 'wholesale' }, 0.6),
    list('retail-aud', 'AUD', {}, 0.7),
    list('clearance', 'NZD', { validFrom: AT - 86_400_000, validTo: AT + 86_400_000 }, 0.1),
  ]
  for (let c = 0; c < 200; c++)
    lists.push(list(`contract-${c}`, 'NZD', { customerId: `customer-${c}` }, 0.02))
  const costs = new Map(
    products.map((p) => [p.sku, { currency: 'NZD', minor: Math.round(300 + rnd() * 9_000) }]),
  )
  const rates = [
    ['NZD', 'JPY', '91.235'],
    ['NZD', 'KWD', '0.18345'],
    ['AUD', 'NZD', '1.0931'],
  ].map(([base, q, rate]) => ({
    base: base!,
    quote: q!,
    asOf: AT - 86_400_000,
    rate: fraction(rate!),
    text: rate!,
  }))
  return new PriceBook(1, lists, costs, rates)
}

/** 50 rules: a third order rules (customer, channel, currency), the rest line rules (sku, category, quantity). */
export function pricingRules(n = 50): RuleProperties[] {
  const rules: RuleProperties[] = []
  for (let i = 0; i < n; i++) {
    const name = `r${i}`
    const kind = i % 10
    const orderCond = () =>
      pick([
        { fact: 'order.channel', operator: 'equal', value: pick(CHANNELS) },
        { fact: 'customer.tier', operator: 'equal', value: pick(['gold', 'silver', 'bronze']) },
        { fact: 'customer.segment', operator: 'in', value: ['wholesale', 'retail'] },
        { fact: 'order.unitCount', operator: 'greaterThanInclusive', value: Math.floor(rnd() * 100) },
      ])
    const lineCond = () =>
      pick([
        { fact: 'line.category', operator: 'equal', value: pick(CATEGORIES) },
        { fact: 'line.quantity', operator: 'greaterThan', value: Math.floor(rnd() * 8) },
        {
          fact: 'line.sku',
          operator: 'in',
          value: Array.from({ length: 20 }, () => skuOf(Math.floor(rnd() * SKUS))),
        },
        { fact: 'line.highValue', operator: 'equal', value: true },
      ])
    const line = i % 3 !== 0
    const conditions = {
      all: line ? [orderCond(), lineCond()] : [orderCond(), ...(rnd() < 0.5 ? [orderCond()] : [])],
    }
    const event =
      kind === 0
        ? { type: 'priceList', params: { priceListId: pick(['web-nzd', 'wholesale-nzd', 'clearance']) } }
        : kind === 1 || kind === 2
          ? {
              type: 'markup',
              params: rnd() < 0.5 ? { percent: Math.round(rnd() * 200) / 10 } : { amount: '0.50' },
            }
          : kind <= 5
            ? {
                type: 'discount',
                params: rnd() < 0.7 ? { percent: Math.round(rnd() * 150) / 10 } : { amount: '1.00' },
              }
            : kind === 6
              ? {
                  type: 'volumeBreaks',
                  params: {
                    basis: pick(['line', 'sku', 'order']),
                    breaks: [
                      { minQty: 5, percent: 3 },
                      { minQty: 10, percent: 5 },
                      { minQty: 50, amount: '2.00' },
                    ],
                  },
                }
              : kind === 7
                ? { type: 'round', params: { ending: pick(['.99', '.95', 'whole']) } }
                : { type: 'floor', params: { minMarginPercent: Math.round(rnd() * 30) } }
    rules.push({ name, priority: 1 + Math.floor(rnd() * 5), conditions, event } as unknown as RuleProperties)
  }
  return rules
}

export function quotes(count: number, lines = 20): QuoteInput[] {
  return Array.from({ length: count }, () => {
    const customer = rnd() < 0.3 ? `customer-${Math.floor(rnd() * 200)}` : rnd() < 0.5 ? 'walk-in' : null
    return {
      channel: pick(CHANNELS),
      customer: customer ? { id: customer, tier: pick(TIERS), segment: pick(SEGMENTS) } : null,
      currency: pick(CURRENCIES),
      at: AT,
      lines: Array.from({ length: lines }, () => {
        const p = products[Math.floor(rnd() * SKUS)]!
        return { sku: p.sku, quantity: 1 + Math.floor(rnd() * (rnd() < 0.2 ? 60 : 6)), product: p }
      }),
      tags: [],
    }
  })
}

export async function benchPricing(): Promise<Record<string, unknown>> {
  const rules = pricingRules(50)
  const report = validatePricingRules(rules, {
    locations: [],
    priceLists: ['web-nzd', 'wholesale-nzd', 'clearance'],
  })
  if (!report.valid) throw new Error(`bench rules invalid: ${JSON.stringify(report.errors.slice(0, 3))}`)
  const compiled = compilePricing(rules)
  const book = pricingBook()
  const inputs = quotes(2_000)

  // Sanity: the quotes price lines and rules shape them (a bench of nothing proves nothing).
  let priced = 0
  let shaped = 0
  let lines = 0
  for (const q of inputs.slice(0, 200)) {
    const r = quote(q, compiled, book)
    for (const l of r.lines) {
      lines++
      if (l.unitPriceMinor !== null) priced++
      if (l.rules.length > 0) shaped++
    }
  }
  process.stderr.write(`sanity: ${priced}/${lines} lines priced, ${shaped} shaped by rules\n`)
  if (priced < lines * 0.9 || shaped < lines * 0.3) throw new Error('bench quotes are not exercising pricing')

  const run = (ms: number) => {
    const times: number[] = []
    const end = performance.now() + ms
    let i = 0
    let sink = 0
    while (performance.now() < end) {
      const t0 = performance.now()
      sink += quote(inputs[i++ % inputs.length]!, compiled, book).totalMinor
      times.push(performance.now() - t0)
    }
    return { times, sink }
  }
  run(1_000)
  const started = performance.now()
  const { times } = run(4_000)
  const elapsed = (performance.now() - started) / 1000
  times.sort((a, b) => a - b)
  const quotesPerSec = Math.round(times.length / elapsed)
  const p99Ms = Number(times[Math.floor(times.length * 0.99)]!.toFixed(3))
  const p50Ms = Number(times[Math.floor(times.length * 0.5)]!.toFixed(3))
  process.stderr.write(
    `pricing: ${times.length} quotes of 20 lines, 50 rules, in ${elapsed.toFixed(2)} s on one core: ${quotesPerSec}/s, p50 ${p50Ms} ms, p99 ${p99Ms} ms (target ≥ 5,000/s; the machine is shared and noisy)\n`,
  )
  return { name: 'pricing', quotesPerSec, p99Ms, p50Ms, lines: 20, rules: 50, target: 5000 }
}
