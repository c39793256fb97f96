import { toLocalInput } from './dates'

/**
 * The sourcing simulation's sample order: every fact a sourcing rule can test has a field (customer
 * tier and segment, channel, currency, tags, service level, destination with optional coordinates,
 * placed at for cut-offs, lines), so any rule can be tried without a real order. A recent order can
 * be loaded into it and edited.
 */
export interface SampleOrder {
  channel: string
  currency: string
  /** The customer's email: a contract customer's prices their contract; empty: an anonymous sample. */
  email: string
  tier: string
  segment: string
  /** Comma-separated, as typed. */
  tags: string
  serviceLevel: string
  country: string
  region: string
  city: string
  postcode: string
  /** Decimal degrees as typed; both or neither. */
  lat: string
  lon: string
  /** A datetime-local value in the browser's zone; empty: now. */
  placedAt: string
  lines: { sku: string; quantity: number }[]
}

export function blankSample(channel: string, sku: string): SampleOrder {
  return {
    channel,
    currency: 'NZD',
    email: '',
    tier: '',
    segment: '',
    tags: '',
    serviceLevel: 'standard',
    country: 'NZ',
    region: 'Wellington',
    city: 'Wellington',
    postcode: '6011',
    lat: '',
    lon: '',
    placedAt: '',
    lines: [{ sku, quantity: 1 }],
  }
}

/** A stored order (as the hub answers GET /orders/{id}) as a sample to edit. */
export function sampleFromOrder(o: {
  channelInstanceId: string
  currency: string
  serviceLevel: string
  placedAt: string
  tags?: string[]
  shipTo: { country: string; region?: string | null; city?: string | null; postcode?: string | null }
  lines: { sku: string; quantity: number }[]
  customer?: { email?: string | null; tier?: string | null; segment?: string | null } | null
}): SampleOrder {
  return {
    channel: o.channelInstanceId,
    currency: o.currency,
    email: o.customer?.email ?? '',
    tier: o.customer?.tier ?? '',
    segment: o.customer?.segment ?? '',
    tags: (o.tags ?? []).join(', '),
    serviceLevel: o.serviceLevel,
    country: o.shipTo.country,
    region: o.shipTo.region ?? '',
    city: o.shipTo.city ?? '',
    postcode: o.shipTo.postcode ?? '',
    lat: '',
    lon: '',
    placedAt: toLocalInput(o.placedAt),
    lines: o.lines.map((l) => ({ sku: l.sku, quantity: l.quantity })),
  }
}

export const sampleTags = (s: Pick<SampleOrder, 'tags'>): string[] =>
  s.tags
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean)

/** Stands in for the customer's identity when only a tier or segment is given. */
export const SAMPLE_EMAIL = 'sample.customer@example.com'

/**
 * The customer part both the routing simulation and the pricing quote send; undefined: none. The
 * hub keeps a customer only with an identity, so a tier or segment alone comes with a stand-in
 * email.
 */
export function sampleCustomer(s: Pick<SampleOrder, 'email' | 'tier' | 'segment'>) {
  const email = s.email.trim()
  const tier = s.tier.trim()
  const segment = s.segment.trim()
  if (!email && !tier && !segment) return undefined
  return { email: email || SAMPLE_EMAIL, ...(tier ? { tier } : {}), ...(segment ? { segment } : {}) }
}

/**
 * The sample as the canonical order a channel would send. `unitPrices` are the prices the quote
 * gave (so order.total is the total shown); a line without one is sent without a price.
 */
export function sampleToCanonical(s: SampleOrder, unitPrices: ReadonlyMap<string, string>, now: number) {
  const lat = Number.parseFloat(s.lat)
  const lon = Number.parseFloat(s.lon)
  const coords = s.lat.trim() && s.lon.trim() && Number.isFinite(lat) && Number.isFinite(lon)
  const placed = s.placedAt ? new Date(s.placedAt) : null
  const tags = sampleTags(s)
  const customer = sampleCustomer(s)
  const lines = s.lines
    .filter((l) => l.sku)
    .map((l) => {
      const price = unitPrices.get(l.sku)
      return { sku: l.sku, quantity: l.quantity, ...(price ? { unitPrice: price } : {}) }
    })
  return {
    externalId: `SIM-${now}`,
    currency: s.currency.trim().toUpperCase() || 'NZD',
    serviceLevel: s.serviceLevel,
    ...(placed && !Number.isNaN(placed.getTime()) ? { placedAt: placed.toISOString() } : {}),
    ...(customer ? { customer } : {}),
    shipTo: {
      name: 'Sample customer',
      line1: '1 Sample Street',
      ...(s.city ? { city: s.city } : {}),
      ...(s.region ? { region: s.region } : {}),
      ...(s.postcode ? { postcode: s.postcode } : {}),
      country: s.country.trim().toUpperCase(),
      ...(coords ? { lat, lon } : {}),
    },
    lines,
    ...(tags.length ? { tags } : {}),
  }
}
