import type { ServiceLevel } from '@switchyard/plugin-sdk'
import type { LocationFacts } from '../../catalog/facts'
import { currencyExponent } from '../../catalog/money'
import type { PostcodeCentroids } from '../centroids/postcode-centroids'
import { countryCentroid, distanceKm } from '../geo'
import type { Exclusion, RoutingOrder, RoutingRequest } from '../router'
import { localTime } from './calendar'
import type { LocationFactValues } from './facts'
import { type LaneIndex, type LaneQuote, normalisePostcode } from './lanes'

/** Something that keeps a location from shipping the whole order or one line, under every strategy or some. */
export interface Block {
  lineId: string | null
  strategies: readonly string[] | null
  exclusion: Exclusion
}

/** A location as one decision sees it: its lane, capacity and rule facts, and what rules did to it. */
export interface Candidate {
  location: LocationFacts
  index: number
  distanceKm: number | null
  quote: LaneQuote
  capacityLeft: number | null
  values: LocationFactValues
  blocks: Block[]
  bonus: { value: number; strategies: readonly string[] | null }[]
}

export interface Destination {
  country: string
  region: string | null
  postcode: string | null
}

export function destinationOf(order: RoutingOrder): Destination {
  return {
    country: order.shipTo.country,
    region: order.shipTo.region ?? null,
    postcode: normalisePostcode(order.shipTo.postcode),
  }
}

/** Where the order goes, for distances: its coordinates, else its postcode's centroid, else its country's. */
export function originOf(
  req: RoutingRequest,
  centroids: PostcodeCentroids | undefined,
): [number, number] | undefined {
  const { lat, lon, country, postcode } = req.order.shipTo
  if (lat !== undefined && lon !== undefined) return [lat, lon]
  return centroids?.lookup(country, postcode) ?? countryCentroid(country)
}

/** Units of each line at each location: `stockOf[line][location index]`. */
export function stockByLine(req: RoutingRequest): number[][] {
  return req.lines.map((l) => req.locations.map((loc) => req.stock.available(l.sku, loc.id)))
}

/**
 * Every location with its facts (distance, lane quote, capacity left today, share of the order it
 * can fill), already blocked where it rejected this order before or its daily capacity is used up.
 */
export function candidateFacts(
  req: RoutingRequest,
  lanes: LaneIndex,
  serviceLevel: ServiceLevel,
  origin: [number, number] | undefined,
  destination: Destination,
  stockOf: readonly (readonly number[])[],
): Candidate[] {
  const { lines } = req
  const now = req.now.getTime()
  const units = lines.reduce((s, l) => s + l.quantity, 0)
  const candidates: Candidate[] = req.locations.map((location, index) => {
    const d = origin ? distanceKm(origin[0], origin[1], location.lat, location.lon) : null
    const quote = lanes.quote(location, destination, serviceLevel, d, req.order.currency)
    let capacityLeft: number | null = null
    if (location.dailyCapacity !== null) {
      const day = localTime(now, location.timezone).date
      capacityLeft = location.dailyCapacity - (req.capacity?.used(location.id, day) ?? 0)
    }
    let fillable = 0
    lines.forEach((l, li) => {
      fillable += Math.min(l.quantity, stockOf[li]![index]!)
    })
    const values: LocationFactValues = {
      'location.id': location.id,
      'location.type': location.type,
      'location.tags': location.tags,
      'location.country': location.country,
      'location.distanceKm': d === null ? 1e6 : Math.round(d * 10) / 10,
      'location.transitDays': quote.transitDays,
      'location.shippingCost': quote.costMinor / 10 ** currencyExponent(quote.currency),
      'location.capacityLeft': capacityLeft,
      'location.fillShare': units === 0 ? 0 : Math.round((fillable / units) * 1000) / 1000,
      'location.priority': location.priority,
    }
    return { location, index, distanceKm: d, quote, capacityLeft, values, blocks: [], bonus: [] }
  })
  const excluded = req.excludedLocationIds
  for (const c of candidates) {
    if (excluded?.has(c.location.id))
      c.blocks.push({
        lineId: null,
        strategies: null,
        exclusion: { rule: 'previously-rejected', reason: 'this location already rejected the order' },
      })
    if (c.capacityLeft !== null && c.capacityLeft <= 0)
      c.blocks.push({
        lineId: null,
        strategies: null,
        exclusion: {
          rule: 'capacity',
          reason: `daily capacity reached (${c.location.dailyCapacity} orders today, local day)`,
        },
      })
  }
  return candidates
}
