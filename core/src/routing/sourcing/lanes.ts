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
}

export function normalisePostcode(postcode: string | null | undefined): string | null {
  if (!postcode) return null
  return postcode.replace(/\s+/g, '').toUpperCase()
}

/** Lanes indexed by service level and destination country, resolved most specific first. */
export class LaneIndex {
  private readonly byKey = new Map<string, CarrierLane[]>()

  constructor(private readonly network: CarrierNetwork) {
    for (const lane of network.lanes) {
      const key = `${lane.serviceLevel}|${lane.destCountry}`
      const list = this.byKey.get(key) ?? []
      list.push(lane)
      this.byKey.set(key, list)
    }
    for (const list of this.byKey.values())
      list.sort((a, b) => specificity(b) - specificity(a) || (a.id < b.id ? -1 : 1))
  }

  /** The most specific lane: origin location, then longest postcode prefix, then region, then country. */
  find(origin: LocationFacts, dest: Destination, serviceLevel: ServiceLevel): CarrierLane | undefined {
    const list = this.byKey.get(`${serviceLevel}|${dest.country}`)
    if (!list) return undefined
    const region = dest.region?.toUpperCase() ?? null
    for (const lane of list) {
      // A lane without an origin is domestic: from any location in the destination's country.
      if (
        lane.originLocationId === null ? origin.country !== dest.country : lane.originLocationId !== origin.id
      )
        continue
      if (lane.destRegion !== null && lane.destRegion.toUpperCase() !== region) continue
      if (lane.destPostcodePrefix !== null && !(dest.postcode ?? '').startsWith(lane.destPostcodePrefix))
        continue
      return lane
    }
    return undefined
  }

  quote(
    location: LocationFacts,
    dest: Destination,
    serviceLevel: ServiceLevel,
    distanceKm: number | null,
    currency: string,
  ): LaneQuote {
    const lane = this.find(location, dest, serviceLevel)
    if (lane) {
      return {
        laneId: lane.id,
        carrier: lane.carrier,
        transitDays: lane.transitDays,
        costMinor: lane.costMinor,
        currency: lane.currency,
        calendar: lane.calendarId ? this.network.calendars.get(lane.calendarId) : undefined,
        estimated: false,
      }
    }
    return estimate(location, dest, serviceLevel, distanceKm, currency)
  }
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
 * distance. Crossing a border adds two days. Marked `estimated` in every explanation.
 */
function estimate(
  location: LocationFacts,
  dest: Destination,
  serviceLevel: ServiceLevel,
  distanceKm: number | null,
  currency: string,
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
  return {
    laneId: null,
    carrier: 'estimate',
    transitDays: transit,
    costMinor: cost,
    currency,
    calendar: undefined,
    estimated: true,
  }
}
