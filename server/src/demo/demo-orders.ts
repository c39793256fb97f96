import type { Core } from '@switchyard/core'
import { type CanonicalOrder, canonicalOrderSchema } from '@switchyard/plugin-sdk'
import { demoProducts } from './world'

const PLACES = [
  { city: 'Auckland', region: 'Auckland', postcode: '1010', country: 'NZ', lat: -36.8485, lon: 174.7633 },
  { city: 'Wellington', region: 'Wellington', postcode: '6011', country: 'NZ', lat: -41.2865, lon: 174.7762 },
  {
    city: 'Christchurch',
    region: 'Canterbury',
    postcode: '8011',
    country: 'NZ',
    lat: -43.5321,
    lon: 172.6362,
  },
  { city: 'Hamilton', region: 'Waikato', postcode: '3204', country: 'NZ', lat: -37.787, lon: 175.2793 },
  { city: 'Dunedin', region: 'Otago', postcode: '9016', country: 'NZ', lat: -45.8788, lon: 170.5028 },
  { city: 'Sydney', region: 'NSW', postcode: '2000', country: 'AU', lat: -33.8688, lon: 151.2093 },
] as const

/**
 * Recent orders for the demo, so the rule editor's impact preview has real decisions to compare
 * against from the first start: a mix of destinations, service levels, dangerous and high-value
 * goods, and one order big enough for the hold rule. Deterministic (no randomness), placed over
 * the last three days.
 */
export function demoOrders(now: number): CanonicalOrder[] {
  const skus = demoProducts.map((p) => p.sku)
  const orders: CanonicalOrder[] = []
  for (let i = 0; i < 24; i++) {
    const place = PLACES[i % PLACES.length]!
    const lineCount = 1 + (i % 3)
    const lines = Array.from({ length: lineCount }, (_, j) => ({
      sku: skus[(i * 7 + j * 11) % skus.length]!,
      quantity: 1 + ((i + j) % 2),
      unitPrice: (19.9 + ((i * 13 + j * 5) % 40) * 5).toFixed(2),
    }))
    if (i === 23) lines.push({ sku: 'CAM-MIRRORLESS', quantity: 3, unitPrice: '2199.00' })
    orders.push(
      canonicalOrderSchema.parse({
        externalId: `DEMO-SEED-${String(i + 1).padStart(3, '0')}`,
        placedAt: new Date(now - (24 - i) * 3 * 3_600_000).toISOString(),
        currency: place.country === 'AU' ? 'AUD' : 'NZD',
        serviceLevel: i % 4 === 1 ? 'express' : 'standard',
        customer: { email: `buyer${i + 1}@example.nz`, name: `Demo Buyer ${i + 1}` },
        shipTo: { name: `Demo Buyer ${i + 1}`, line1: `${i + 1} Demo Street`, ...place },
        lines,
      }),
    )
  }
  return orders
}

/** Routes the demo orders through intake on the demo channel, as if the storefront had sent them. */
export async function seedDemoOrders(
  core: Core,
  channelInstanceId: string,
  now = Date.now(),
): Promise<number> {
  let created = 0
  for (const order of demoOrders(now)) {
    const result = await core.intake.submit(channelInstanceId, order, 'demo seed')
    if (result.created) created++
  }
  return created
}
