import { SIGNATURE_HEADER, signTimestamped } from '@switchyard/plugin-sdk'
import { liftLimits } from './lift-limits'

/**
 * The one order mix every intake benchmark sends (intake, scale, sustained), so their numbers can
 * be set side by side:
 * - skus drawn from a Zipf distribution (exponent `BENCH_ZIPF_S`, 1.0 unless set) over
 *   `BENCH_SKUS` (1,200 unless set) products the benchmark seeds through the API, so a few skus
 *   are hot and most are rarely touched, as in a real catalogue; the three hottest have a limited
 *   stock at each location (they sell out in a long run, the others never do), so allocations
 *   contend and the oversold check means something;
 * - 1–5 lines of distinct skus (most orders small: 40 % one line, 25 % two, 15 % three, 12 % four,
 *   8 % five), quantities 1–3;
 * - ship-to addresses in the demo world's countries (New Zealand and Australia) and cities.
 * Draws come from a seeded generator: the same sequence every run.
 */
export const SKU_COUNT = Number(process.env.BENCH_SKUS ?? 1200)
const ZIPF_S = Number(process.env.BENCH_ZIPF_S ?? 1)
/** The hottest skus' stock per location; every other sku has plenty. */
export const TIGHT_SKUS = 3
export const TIGHT_STOCK = Number(process.env.BENCH_TIGHT_STOCK ?? 2_000)
const PLENTY = 10_000_000

export const skuOf = (rank: number) => `MIX-${String(rank + 1).padStart(5, '0')}`

const PLACES = [
  { country: 'NZ', city: 'Auckland', postcode: '1010', lat: -36.8485, lon: 174.7633 },
  { country: 'NZ', city: 'Hamilton', postcode: '3204', lat: -37.787, lon: 175.2793 },
  { country: 'NZ', city: 'Wellington', postcode: '6011', lat: -41.2865, lon: 174.7762 },
  { country: 'NZ', city: 'Christchurch', postcode: '8011', lat: -43.5321, lon: 172.6362 },
  { country: 'NZ', city: 'Dunedin', postcode: '9016', lat: -45.8788, lon: 170.5028 },
  { country: 'AU', city: 'Sydney', postcode: '2000', lat: -33.8688, lon: 151.2093 },
  { country: 'AU', city: 'Melbourne', postcode: '3000', lat: -37.8136, lon: 144.9631 },
  { country: 'AU', city: 'Brisbane', postcode: '4000', lat: -27.4698, lon: 153.0251 },
  { country: 'AU', city: 'Perth', postcode: '6000', lat: -31.9523, lon: 115.8613 },
]
const LINE_WEIGHTS = [0.4, 0.25, 0.15, 0.12, 0.08]

/** mulberry32: small, fast and good enough to draw a benchmark's orders repeatably. */
function seeded(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Cumulative Zipf weights over the ranks: rank r is drawn with probability ∝ 1 / (r + 1)^s. */
const cdf = (() => {
  const weights = Array.from({ length: SKU_COUNT }, (_, r) => 1 / (r + 1) ** ZIPF_S)
  const total = weights.reduce((a, b) => a + b, 0)
  let sum = 0
  return weights.map((w) => {
    sum += w / total
    return sum
  })
})()

function drawRank(random: () => number): number {
  const u = random()
  let lo = 0
  let hi = cdf.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (cdf[mid]! < u) lo = mid + 1
    else hi = mid
  }
  return lo
}

function drawLineCount(random: () => number): number {
  let u = random()
  for (const [i, w] of LINE_WEIGHTS.entries()) {
    if (u < w) return i + 1
    u -= w
  }
  return LINE_WEIGHTS.length
}

export interface OrderMix {
  /** The next order as a signed rest-channel webhook (body and headers). */
  next(): { body: string; headers: Record<string, string> }
  /** How many orders this mix has made. */
  readonly made: number
}

/**
 * Orders for a rest-channel instance whose webhook secret is `secret`. `label` goes into the
 * external ids (one mix per hub or step keeps them apart); `seed` picks the sequence.
 */
export function orderMix(secret: string, label: string, seed = 20261206): OrderMix {
  const random = seeded(seed)
  const run = Date.now().toString(36)
  let seq = 0
  return {
    get made() {
      return seq
    },
    next() {
      seq++
      const count = drawLineCount(random)
      const ranks = new Set<number>()
      while (ranks.size < count) ranks.add(drawRank(random))
      const place = PLACES[Math.floor(random() * PLACES.length)]!
      const body = JSON.stringify({
        externalId: `${label}-${run}-${seq}`,
        currency: place.country === 'AU' ? 'AUD' : 'NZD',
        customer: { email: `buyer${Math.floor(random() * 20_000)}@example.com`, name: 'Bench Buyer' },
        shipTo: { name: 'Bench Buyer', line1: `${1 + (seq % 400)} Main Street`, ...place },
        lines: [...ranks].map((rank, i) => ({
          externalLineId: `${i + 1}`,
          sku: skuOf(rank),
          quantity: 1 + Math.floor(random() * 3),
          unitPrice: `${(9 + (rank % 90)).toFixed(2)}`,
        })),
      })
      return { body, headers: { [SIGNATURE_HEADER]: signTimestamped(secret, body) } }
    },
  }
}

/**
 * Seeds the mix's catalogue through the hub's API: the products, and stock of each at every
 * location (limited for the hottest, plenty for the rest); then takes the demo world's daily
 * capacities off (`liftLimits`), so orders are not turned into backorders by a capacity that a
 * benchmark's volume would use up in seconds.
 */
export async function seedMix(hubUrl: string, key: string): Promise<void> {
  const call = async (path: string, method = 'GET', body?: unknown) => {
    const res = await fetch(`${hubUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    })
    if (res.status !== 200) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`)
    return res.json() as Promise<{ items: { id: string }[] }>
  }
  await liftLimits(hubUrl, key)
  const ranks = Array.from({ length: SKU_COUNT }, (_, r) => r)
  for (let i = 0; i < ranks.length; i += 5_000)
    await call('/api/v1/products', 'PUT', {
      items: ranks.slice(i, i + 5_000).map((r) => ({
        sku: skuOf(r),
        name: `Bench product ${r + 1}`,
        category: 'bench',
        weightGrams: 100 + ((r * 37) % 1900),
      })),
    })
  const locations = (await call('/api/v1/locations?limit=500')).items.map((l) => l.id)
  const levels = ranks.flatMap((r) =>
    locations.map((locationId) => ({
      sku: skuOf(r),
      locationId,
      onHand: r < TIGHT_SKUS ? TIGHT_STOCK : PLENTY,
    })),
  )
  for (let i = 0; i < levels.length; i += 10_000)
    await call('/api/v1/inventory', 'PUT', { items: levels.slice(i, i + 10_000) })
}

/**
 * Gives the hottest skus their limited stock again on top of what is allocated, so a long
 * benchmark's later steps (`pnpm bench sustained`) run the same mix of allocations and sell-outs
 * as its first.
 */
export async function restockHot(hubUrl: string, key: string): Promise<void> {
  const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' }
  const items: { sku: string; locationId: string; onHand: number }[] = []
  for (let r = 0; r < TIGHT_SKUS; r++) {
    const res = await fetch(`${hubUrl}/api/v1/inventory?sku=${skuOf(r)}`, { headers })
    if (res.status !== 200) throw new Error(`GET /api/v1/inventory: ${res.status} ${await res.text()}`)
    const page = (await res.json()) as { items: { sku: string; locationId: string; allocated: number }[] }
    for (const l of page.items)
      items.push({ sku: l.sku, locationId: l.locationId, onHand: l.allocated + TIGHT_STOCK })
  }
  const res = await fetch(`${hubUrl}/api/v1/inventory`, {
    method: 'PUT',
    headers,
    body: JSON.stringify({ items }),
  })
  if (res.status !== 200) throw new Error(`PUT /api/v1/inventory: ${res.status} ${await res.text()}`)
}

/** Stock allocated beyond what is on hand, summed over the mix's skus: must be 0. */
export async function oversold(hubUrl: string, key: string): Promise<number> {
  let total = 0
  let cursor: string | null = null
  do {
    const res = await fetch(
      `${hubUrl}/api/v1/inventory?limit=5000${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      { headers: { authorization: `Bearer ${key}` } },
    )
    if (res.status !== 200) throw new Error(`GET /api/v1/inventory: ${res.status} ${await res.text()}`)
    const page = (await res.json()) as {
      items: { onHand: number; allocated: number; reserved: number }[]
      nextCursor: string | null
    }
    for (const l of page.items) total += Math.max(0, l.allocated - l.onHand)
    cursor = page.nextCursor
  } while (cursor)
  return total
}
