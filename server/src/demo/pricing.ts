import type { Core } from '@switchyard/core'
import { demoProducts } from './world'

/**
 * The demo's pricing data, so pricing rules that choose a list have lists to choose: a retail list
 * per currency the demo sells in (NZD, AUD), a wholesale list for customers of segment
 * `wholesale`, one customer's contract, costs for the margin floor, and NZD/AUD rates. Prices are
 * worked out from each product's weight and category, so they are the same on every start.
 */

/** The demo customer with a contract: an outdoor club buying at agreed prices. */
export const DEMO_CONTRACT_EMAIL = 'orders@alpine-club.example.nz'

const CATEGORY_BASE: Record<string, number> = {
  apparel: 39,
  footwear: 149,
  outdoor: 59,
  electronics: 129,
  home: 29,
  food: 19,
  books: 35,
}

/** A retail NZD price ending in .90, from category and weight. */
export function demoRetailNzd(sku: string): string {
  const p = demoProducts.find((x) => x.sku === sku)
  if (!p) throw new Error(`no demo product ${sku}`)
  const base = CATEGORY_BASE[p.category ?? ''] ?? 49
  const grams = p.weightGrams ?? 0
  const highValue = p.highValue ? 6 : 1
  return `${Math.floor((base + grams / 25) * highValue)}.90`
}

const scaled = (price: string, factor: number) => (Math.round(Number(price) * factor * 100) / 100).toFixed(2)

export async function seedDemoPricing(core: Core): Promise<void> {
  const skus = demoProducts.map((p) => p.sku)
  const retail = skus.map((sku) => ({ sku, price: demoRetailNzd(sku) }))
  const lists = [
    { id: 'retail-nzd', name: 'Retail NZD', currency: 'NZD', prices: retail },
    {
      id: 'retail-aud',
      name: 'Retail AUD',
      currency: 'AUD',
      prices: retail.map((r) => ({ sku: r.sku, price: scaled(r.price, 0.92) })),
    },
    {
      id: 'wholesale-nzd',
      name: 'Wholesale NZD',
      currency: 'NZD',
      customerGroup: 'wholesale',
      priority: 10,
      prices: retail.map((r) => ({ sku: r.sku, price: scaled(r.price, 0.6) })),
    },
  ]
  for (const l of lists) {
    await core.pricingStore.upsertPriceList({
      id: l.id,
      name: l.name,
      currency: l.currency,
      channel: null,
      customerGroup: l.customerGroup ?? null,
      customerId: null,
      validFrom: null,
      validTo: null,
      priority: l.priority ?? 0,
      toleranceAmount: null,
      tolerancePercent: null,
    })
    await core.pricingStore.setPrices(l.id, l.prices)
  }
  const club = await core.customers.link([
    { kind: 'email', channelInstanceId: '', value: DEMO_CONTRACT_EMAIL },
  ])
  if (!club) throw new Error(`the demo contract customer ${DEMO_CONTRACT_EMAIL} could not be recorded`)
  await core.pricingStore.upsertPriceList({
    id: 'contract-alpine-club',
    name: 'Alpine Club contract',
    currency: 'NZD',
    channel: null,
    customerGroup: null,
    customerId: club,
    validFrom: null,
    validTo: null,
    priority: 0,
    toleranceAmount: null,
    tolerancePercent: '2',
  })
  await core.pricingStore.setPrices(
    'contract-alpine-club',
    ['PACK-TRAMP-60L', 'TENT-2P-ALP', 'BAG-SLEEP-M5', 'POLE-TREK-PR'].map((sku) => ({
      sku,
      price: scaled(demoRetailNzd(sku), 0.7),
    })),
  )
  await core.pricingStore.setCosts(
    retail.map((r) => ({ sku: r.sku, cost: scaled(r.price, 0.45), currency: 'NZD' })),
  )
  const asOf = Date.UTC(2026, 0, 1)
  await core.pricingStore.importRates([
    { base: 'NZD', quote: 'AUD', rate: '0.92', asOf },
    { base: 'AUD', quote: 'NZD', rate: '1.087', asOf },
  ])
  core.pricing.invalidate()
}
