import type { Core } from '@switchyard/core'
import { type CanonicalOrder, canonicalOrderSchema } from '@switchyard/plugin-sdk'
import { dropDemoPurchaseOrders } from './demo-edi-partner'
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

/** The demo's channel instances: the storefront always; the marketplace and EDI partner when configured. */
export interface DemoChannels {
  web: string
  market?: string | null
  /** The X12 instance and its mailbox folder, where the demo partner drops its 850s. */
  edi?: { id: string; mailbox: string } | null
}

/** Which channel the i-th demo order comes through, and how that channel numbers its orders. */
function channelOf(i: number, channels: DemoChannels): { channel: string; externalId: string; kind: string } {
  if (channels.market && i % 3 === 0)
    return {
      channel: channels.market,
      externalId: `503-0000000-${String(i).padStart(7, '0')}`,
      kind: 'market',
    }
  if (channels.edi && i % 3 === 1)
    return { channel: channels.edi.id, externalId: `PO-4500${String(i + 1).padStart(4, '0')}`, kind: 'edi' }
  return { channel: channels.web, externalId: `DEMO-SEED-${String(i + 1).padStart(3, '0')}`, kind: 'web' }
}

/**
 * Recent orders for the demo, so the console's one list and the rule editor's impact preview have
 * real orders from the first start: from the storefront, the marketplace and the EDI partner, a mix
 * of destinations, service levels, dangerous and high-value goods, two orders big enough for the
 * hold rule and one bigger than all the stock (backordered). Deterministic (no randomness), placed
 * over the last three days.
 */
export function demoOrders(now: number, channels: DemoChannels = { web: 'demo-web' }): DemoOrder[] {
  const skus = demoProducts.map((p) => p.sku)
  const orders: DemoOrder[] = []
  for (let i = 0; i < 24; i++) {
    const place = PLACES[i % PLACES.length]!
    const lineCount = 1 + (i % 3)
    const { channel, externalId, kind } = channelOf(i, channels)
    const lines = Array.from({ length: lineCount }, (_, j) => ({
      sku: skus[(i * 7 + j * 11) % skus.length]!,
      quantity: 1 + ((i + j) % 2),
      unitPrice: (19.9 + ((i * 13 + j * 5) % 40) * 5).toFixed(2),
      // A marketplace names each line by its own item id: shipment confirmations quote it back.
      ...(kind === 'market' ? { externalLineId: `${String(i).padStart(7, '0')}${j}0001` } : {}),
    }))
    if (i === 23) lines.push({ sku: 'CAM-MIRRORLESS', quantity: 3, unitPrice: '2199.00' })
    // A trading partner's big restocking order: held for a person, like any order over 5,000.
    if (i === 10 && kind === 'edi') lines.push({ sku: 'BOOT-TRAIL-44', quantity: 30, unitPrice: '189.00' })
    // More jandals than every site holds together: backordered until stock comes.
    if (i === 14) lines.splice(0, lines.length, { sku: 'SANDAL-JAN-40', quantity: 2000, unitPrice: '2.00' })
    // Tiers and segments give the rule editor values it has seen: a trade partner buys wholesale,
    // every third storefront buyer is premium.
    const customer =
      kind === 'edi'
        ? {
            email: `purchasing${i + 1}@retail.example.nz`,
            name: `Demo Retail Ltd (store ${i + 1})`,
            tier: 'trade',
            segment: 'wholesale',
          }
        : {
            email: `buyer${i + 1}@example.nz`,
            name: `Demo Buyer ${i + 1}`,
            tier: i % 3 === 0 ? 'premium' : 'standard',
            segment: 'retail',
          }
    orders.push({
      channel,
      order: canonicalOrderSchema.parse({
        externalId,
        placedAt: new Date(now - (24 - i) * 3 * 3_600_000).toISOString(),
        currency: place.country === 'AU' ? 'AUD' : 'NZD',
        serviceLevel: i % 4 === 1 ? 'express' : 'standard',
        customer,
        shipTo: { name: customer.name, line1: `${i + 1} Demo Street`, ...place },
        lines,
      }),
    })
  }
  return orders
}

export interface DemoOrder {
  channel: string
  order: CanonicalOrder
}

/**
 * A marketplace order naming a listing the hub has no product for: the open exception the demo's
 * Exceptions section shows, fixed by mapping the listing to a sku and replaying it.
 */
export function demoUnmappedOrder(now: number): CanonicalOrder {
  return canonicalOrderSchema.parse({
    externalId: '503-0000000-0000099',
    placedAt: new Date(now - 2 * 3_600_000).toISOString(),
    currency: 'NZD',
    serviceLevel: 'standard',
    customer: { email: 'buyer99@example.nz', name: 'Demo Buyer 99' },
    shipTo: { name: 'Demo Buyer 99', line1: '99 Demo Street', ...PLACES[1] },
    lines: [
      { sku: 'MKT-TEE-MERINO-BLACK-M', quantity: 1, unitPrice: '59.00', externalLineId: '00000990001' },
    ],
  })
}

/**
 * Routes the storefront's and the marketplace's demo orders through intake, as if each had sent
 * them; the EDI partner's go into its mailbox as an 850, for the X12 plugin's first poll to take.
 * Leaves one order the hub cannot take as an open exception (on the marketplace when there is one).
 * Returns how many orders intake created now (the EDI ones come a moment later).
 */
export async function seedDemoOrders(
  core: Core,
  channels: DemoChannels | string,
  now = Date.now(),
): Promise<number> {
  const c = typeof channels === 'string' ? { web: channels } : channels
  let created = 0
  const purchaseOrders: CanonicalOrder[] = []
  for (const { channel, order } of demoOrders(now, c)) {
    if (c.edi && channel === c.edi.id) {
      purchaseOrders.push(order)
      continue
    }
    const result = await core.intake.submit(channel, order, 'demo seed')
    if (result.created) created++
  }
  if (c.edi && purchaseOrders.length > 0) dropDemoPurchaseOrders(c.edi.mailbox, purchaseOrders, now)
  await core.intakeExceptions.take(c.market ?? c.web, demoUnmappedOrder(now), {
    source: 'demo seed',
    contentType: null,
    body: null,
  })
  return created
}
