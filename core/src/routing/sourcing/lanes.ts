import type { ServiceLevel } from '@switchyard/plugin-sdk'
import type { CarrierCalendar, CarrierLane, CarrierNetwork } from '../../catalog/carrier-network'
import type { LocationFacts } from '../../catalog/facts'

export interface Destination {
  country: string
  region: string | null
  postcode: string | null
}

/** What shipping one parcel from a location costs and takes: from a lane, or estimated from distance. */
export interface LaneQuote {
  laneId: string | null
  carrier: string
  transitDays: number
  costMinor: number
  currency: string
  calendar: CarrierCalendar | undefined
  estimated: boolean
  /**
   * Days before the parcel reaches a carrier that the routing cost counts with transit: a drop-ship
   * supplier's lead time (its `handlingDays`, which the ship date already counts). Absent: none.
   */
  leadDays?: number
  /**
   * What the units this order would take from a drop-ship supplier cost the merchant (their unit
   * costs × the units it holds of each line, `supplier-cost.ts`), in `currency`. Absent: none.
   */
  goodsCostMinor?: number
}

/** Days from the order to the door as the cost model weighs them: lead time, then transit. */
export const deliveryDays = (q: LaneQuote): number => q.transitDays + (q.leadDays ?? 0)

/** What the cost model weighs as a location's cost: the parcel's, then a supplier's goods. */
export const routingCostMinor = (q: LaneQuote): number => q.costMinor + (q.goodsCostMinor ?? 0)

/**
 * What a location adds to its lanes' quotes: its fee per shipment (a drop-ship supplier's) in the
 * cost, and for a supplier its lead time. The quote is returned as it was when there is neither.
 */
function withLocationTerms(location: LocationFacts, quote: LaneQuote): LaneQuote {
  const fee = location.shipmentFeeMinor ?? 0
  const lead = location.type === 'dropship' ? location.handlingDays : 0
  if (fee === 0 && lead === 0) return quote
  return { ...quote, costMinor: quote.costMinor + fee, ...(lead > 0 ? { leadDays: lead } : {}) }
}

export function normalisePostcode(postcode: string | null | undefined): string | null {
  if (!postcode) return null
  return postcode.replace(/\s+/g, '').toUpperCase()
}

/**
 * Lanes indexed by service level and destination country, then by origin, resolved most specific
 * first. A location's own lanes (specificity 1000 and up) always beat domestic ones, so resolving
 * one location reads only its own lanes and the domestic list: with a lane per store per level,
 * a thousand stores no longer scan each other's lanes. Resolved lanes are kept per destination
 * (service level, country, region, postcode) and location, the quotes intake reuses order after order.
 */
export class LaneIndex {
  private readonly byKey = new Map<
    string,
    { byOrigin: Map<string, CarrierLane[]>; domestic: CarrierLane[] }
  >()
  /** Resolved quotes per destination: by location id, and by position in the network's list. */
  private readonly resolved = new Map<
    string,
    {
      byId: Map<string, LaneQuote | null>
      network: readonly LocationFacts[] | undefined
      byPosition: (LaneQuote | null | undefined)[]
      /** The last estimate made at each position, written over by the next (see `estimate`). */
      estimates: LaneQuote[]
    }
  >()

  constructor(private readonly network: CarrierNetwork) {
    for (const lane of network.lanes) {
      const key = `${lane.serviceLevel}|${lane.destCountry}`
      let entry = this.byKey.get(key)
      if (!entry) {
        entry = { byOrigin: new Map(), domestic: [] }
        this.byKey.set(key, entry)
      }
      if (lane.originLocationId === null) entry.domestic.push(lane)
      else {
        const list = entry.byOrigin.get(lane.originLocationId) ?? []
        list.push(lane)
        entry.byOrigin.set(lane.originLocationId, list)
      }
    }
    const order = (a: CarrierLane, b: CarrierLane) =>
      specificity(b) - specificity(a) || (a.id < b.id ? -1 : 1)
    for (const entry of this.byKey.values()) {
      entry.domestic.sort(order)
      for (const list of entry.byOrigin.values()) list.sort(order)
    }
  }

  /** The most specific lane: origin location, then longest postcode prefix, then region, then country. */
  find(origin: LocationFacts, dest: Destination, serviceLevel: ServiceLevel): CarrierLane | undefined {
    const entry = this.byKey.get(`${serviceLevel}|${dest.country}`)
    if (!entry) return undefined
    const region = dest.region?.toUpperCase() ?? null
    const own = entry.byOrigin.get(origin.id)
    if (own) {
      const lane = firstMatch(own, region, dest.postcode)
      if (lane) return lane
    }
    // A lane without an origin is domestic: from any location in the destination's country.
    return origin.country === dest.country ? firstMatch(entry.domestic, region, dest.postcode) : undefined
  }

  quote(
    location: LocationFacts,
    dest: Destination,
    serviceLevel: ServiceLevel,
    distanceKm: number | null,
    currency: string,
  ): LaneQuote {
    return this.quotes(dest, serviceLevel)(location, distanceKm, currency)
  }

  /**
   * Quotes to one destination at one service level, from the table kept for it: once per decision.
   * With the location's `position` in `network` (the catalogue's list, kept until locations change)
   * a quote already resolved is read from an array by position rather than looked up by id: at
   * ten thousand candidates a decision, the lookup was most of the quote's cost.
   */
  quotes(
    dest: Destination,
    serviceLevel: ServiceLevel,
    network?: readonly LocationFacts[],
  ): (location: LocationFacts, distanceKm: number | null, currency: string, position?: number) => LaneQuote {
    const key = `${serviceLevel}|${dest.country}|${dest.region ?? ''}|${dest.postcode ?? ''}`
    let table = this.resolved.get(key)
    if (!table) {
      // Bounded: postcodes are many; a cleared table fills again from the lanes in a few orders.
      if (this.resolved.size >= 2_048) this.resolved.clear()
      table = { byId: new Map(), network: undefined, byPosition: [], estimates: [] }
      this.resolved.set(key, table)
    }
    if (network && table.network !== network) {
      table.network = network
      table.byPosition = new Array(network.length)
      table.estimates = []
    }
    const t = table
    return (location, distanceKm, currency, position) => {
      let quote = position === undefined || !network ? undefined : t.byPosition[position]
      if (quote === undefined) {
        quote = this.resolve(t.byId, location, dest, serviceLevel)
        if (position !== undefined && network) t.byPosition[position] = quote
      }
      // No lane: estimated from this order's distance, which no table can hold.
      const reuse = position === undefined || !network ? undefined : t.estimates
      return withLocationTerms(
        location,
        quote ?? estimate(location, dest, serviceLevel, distanceKm, currency, reuse, position),
      )
    }
  }

  private resolve(
    byId: Map<string, LaneQuote | null>,
    location: LocationFacts,
    dest: Destination,
    serviceLevel: ServiceLevel,
  ): LaneQuote | null {
    let quote = byId.get(location.id)
    if (quote === undefined) {
      const lane = this.find(location, dest, serviceLevel)
      quote = lane
        ? {
            laneId: lane.id,
            carrier: lane.carrier,
            transitDays: lane.transitDays,
            costMinor: lane.costMinor,
            currency: lane.currency,
            calendar: lane.calendarId ? this.network.calendars.get(lane.calendarId) : undefined,
            estimated: false,
          }
        : null
      byId.set(location.id, quote)
    }
    return quote
  }
}

function firstMatch(
  list: readonly CarrierLane[],
  region: string | null,
  postcode: string | null,
): CarrierLane | undefined {
  for (const lane of list) {
    if (lane.destRegion !== null && lane.destRegion.toUpperCase() !== region) continue
    if (lane.destPostcodePrefix !== null && !(postcode ?? '').startsWith(lane.destPostcodePrefix)) continue
    return lane
  }
  return undefined
}

function specificity(l: CarrierLane): number {
  return (l.originLocationId ? 1000 : 0) + (l.destPostcodePrefix?.length ?? 0) * 10 + (l.destRegion ? 5 : 0)
}

const SPEED: Record<ServiceLevel, { fixed: number; kmPerDay: number; base: number; perKm: number }> = {
  overnight: { fixed: 0, kmPerDay: 1500, base: 2000, perKm: 2 },
  express: { fixed: 0, kmPerDay: 800, base: 1200, perKm: 1.5 },
  standard: { fixed: 1, kmPerDay: 400, base: 600, perKm: 1 },
  economy: { fixed: 2, kmPerDay: 300, base: 450, perKm: 0.7 },
  pickup: { fixed: 0, kmPerDay: 1e9, base: 0, perKm: 0 },
}

/**
 * No lane: Sterling's fallback, transit = fixed + distance ÷ distance per day; cost grows with
 * distance. Crossing a border adds two days. Marked `estimated` in every explanation. With
 * `reuse`, the last estimate at `position` is written over instead of a new one made: a decision
 * copies what it keeps of its quotes, and ten thousand fresh quotes an order hung off the reused
 * candidates were most of what the young generation's collector had to trace.
 */
function estimate(
  location: LocationFacts,
  dest: Destination,
  serviceLevel: ServiceLevel,
  distanceKm: number | null,
  currency: string,
  reuse?: LaneQuote[],
  position?: number,
): LaneQuote {
  const s = SPEED[serviceLevel]
  const km = distanceKm ?? 1000
  const border = location.country !== dest.country
  const transit =
    serviceLevel === 'pickup'
      ? 0
      : Math.max(
          serviceLevel === 'standard' || serviceLevel === 'economy' ? 1 : 1,
          s.fixed + Math.ceil(km / s.kmPerDay),
        ) + (border ? 2 : 0)
  const cost = Math.round(s.base + s.perKm * km) * (border ? 2 : 1)
  const last = reuse && position !== undefined ? reuse[position] : undefined
  if (last) {
    last.transitDays = transit
    last.costMinor = cost
    last.currency = currency
    return last
  }
  const made: LaneQuote = {
    laneId: null,
    carrier: 'estimate',
    transitDays: transit,
    costMinor: cost,
    currency,
    calendar: undefined,
    estimated: true,
  }
  if (reuse && position !== undefined) reuse[position] = made
  return made
}
