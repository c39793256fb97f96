import type { ServiceLevel } from '@switchyard/plugin-sdk'
import type { LocationFacts } from '../../catalog/facts'
import { currencyExponent } from '../../catalog/money'
import type { PostcodeCentroids } from '../centroids/postcode-centroids'
import { countryCentroid, distanceWithCosines } from '../geo'
import type { Exclusion, RoutingOrder, RoutingRequest } from '../router'
import { localTime } from './calendar'
import type { LocationFactValues } from './facts'
import { type LaneIndex, type LaneQuote, normalisePostcode } from './lanes'
import { blockAllButPickupStore } from './pickup'
import { withSupplierCost } from './supplier-cost'

/** Something that keeps a location from shipping the whole order or one line, under every strategy or some. */
export interface Block {
  lineId: string | null
  strategies: readonly string[] | null
  exclusion: Exclusion
  /** The list of this block alone, shared by every candidate it is the only block of (see `addBlock`). */
  alone?: readonly Block[]
}

export interface Bonus {
  value: number
  strategies: readonly string[] | null
}

/** A location as one decision sees it: its lane, capacity and rule facts, and what rules did to it. */
export interface Candidate {
  location: LocationFacts
  index: number
  /** Where the location stands in the network's list (`index` counts only the candidates). */
  position: number
  distanceKm: number | null
  quote: LaneQuote
  capacityLeft: number | null
  /** Share of the order's units it holds (location.fillShare); 0 when no rule reads it. */
  fillShare: number
  /** Added to with `addBlock` (most candidates have none, and share one empty list). */
  blocks: readonly Block[]
  /** Added to with `addBonus`. */
  bonus: readonly Bonus[]
}

const NO_BLOCKS: readonly Block[] = Object.freeze([])
const NO_BONUS: readonly Bonus[] = Object.freeze([])

/**
 * A rule's one block often lands on thousands of candidates: those it is the only block of share
 * one frozen list of it (a frozen list is copied, not added to), so no list is made per candidate.
 */
export function addBlock(c: Candidate, b: Block): void {
  if (!Object.isFrozen(c.blocks)) (c.blocks as Block[]).push(b)
  else if (c.blocks.length === 0) c.blocks = b.alone ??= Object.freeze([b])
  else c.blocks = [...c.blocks, b]
}

export function addBonus(c: Candidate, b: Bonus): void {
  if (c.bonus === NO_BONUS) c.bonus = [b]
  else (c.bonus as Bonus[]).push(b)
}

/**
 * A candidate's location facts (location.*) as rules read them, each worked out when a rule asks:
 * rule sets read a few, and a decision over thousands of locations builds no record of them all.
 */
export const locationFactReaders: {
  [F in keyof LocationFactValues]: (c: Candidate) => LocationFactValues[F]
} = {
  'location.id': (c) => c.location.id,
  'location.type': (c) => c.location.type,
  'location.tags': (c) => c.location.tags,
  'location.country': (c) => c.location.country,
  'location.distanceKm': (c) => (c.distanceKm === null ? 1e6 : Math.round(c.distanceKm * 10) / 10),
  'location.transitDays': (c) => c.quote.transitDays,
  'location.shippingCost': (c) => c.quote.costMinor / 10 ** currencyExponent(c.quote.currency),
  'location.capacityLeft': (c) => c.capacityLeft,
  'location.fillShare': (c) => c.fillShare,
  'location.priority': (c) => c.location.priority,
  'location.acceptsPickup': (c) => c.location.acceptsPickup === true,
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
 * Zeroed work space for `stockedCandidates`, kept between decisions (a decision is synchronous and
 * leaves it zeroed again), so thousands of locations cost no fresh arrays per order.
 */
const space = { held: new Uint8Array(0), rows: [] as Float64Array[], slot: new Int32Array(0) }

function scratch(lines: number, n: number): typeof space {
  if (space.held.length < n) {
    space.held = new Uint8Array(n)
    space.slot = new Int32Array(n)
    space.rows = []
  }
  while (space.rows.length < lines) space.rows.push(new Float64Array(space.held.length))
  return space
}

/** For each location number of a view's `Holdings.ids`, its place in a location list (-1: not in it). */
const placesOf = new WeakMap<
  readonly string[],
  { list: readonly LocationFacts[]; places: Int32Array; done: number }
>()

/** Places in `list` for a view's location numbers: worked out once per view and list, extended as the view numbers more. */
function placesFor(ids: readonly string[], list: readonly LocationFacts[]): Int32Array {
  let t = placesOf.get(ids)
  if (!t || t.list !== list) {
    t = { list, places: new Int32Array(Math.max(16, ids.length)), done: 0 }
    placesOf.set(ids, t)
  }
  if (t.done < ids.length) {
    if (t.places.length < ids.length) {
      const grown = new Int32Array(ids.length * 2)
      grown.set(t.places.subarray(0, t.done))
      t.places = grown
    }
    const at = positionsOf(list)
    for (let k = t.done; k < ids.length; k++) t.places[k] = at.get(ids[k]!) ?? -1
    t.done = ids.length
  }
  return t.places
}

const cosines = new WeakMap<readonly LocationFacts[], Float64Array>()

/** The cosine of each location's latitude, for distances: once per location list (the catalogue keeps it). */
function cosinesOf(network: readonly LocationFacts[]): Float64Array {
  let c = cosines.get(network)
  if (!c) {
    c = new Float64Array(network.length)
    for (let i = 0; i < network.length; i++) c[i] = Math.cos(network[i]!.lat * (Math.PI / 180))
    cosines.set(network, c)
  }
  return c
}

const positions = new WeakMap<readonly LocationFacts[], Map<string, number>>()

/** Where each location stands in the request's list (the optimiser's tie-break order), once per list. */
export function positionsOf(locations: readonly LocationFacts[]): Map<string, number> {
  let map = positions.get(locations)
  if (!map) {
    map = new Map(locations.map((l, i) => [l.id, i]))
    positions.set(locations, map)
  }
  return map
}

/**
 * The locations holding stock for at least one line, in the request's order, with their stock
 * (`stockOf[line][candidate]`): found through the stock view's sku → location index where it has
 * one. Null when leaving the others out could change the answer: an order without lines, or a
 * line of no quantity, which a location without stock could "fill".
 */
export function stockedCandidates(req: RoutingRequest): {
  locations: LocationFacts[]
  stockOf: number[][]
  /** Each candidate's place in the request's list. */
  positions: number[]
  indexOf: (locationId: string) => number
} | null {
  const { lines, stock } = req
  if (lines.length === 0 || lines.some((l) => !(l.quantity > 0))) return null
  const at = positionsOf(req.locations)
  const n = req.locations.length
  const units = scratch(lines.length, n)
  const { held, rows } = units
  let count = 0
  if (stock.eachHolding) {
    // The index: each line's sku visited where it is held and marked, then read in the request's order.
    try {
      for (let li = 0; li < lines.length; li++) count += markHoldings(lines[li]!.sku, rows[li]!, held, req)
    } catch (error) {
      // Left as it was found, zeroed, for the next decision.
      held.fill(0)
      for (const row of rows) row.fill(0)
      throw error
    }
  } else {
    // No index: every location asked, kept with all its lines' stock when it holds some line.
    const q = new Array<number>(lines.length)
    for (let i = 0; i < n; i++) {
      const id = req.locations[i]!.id
      let any = false
      for (let li = 0; li < lines.length; li++) {
        q[li] = stock.available(lines[li]!.sku, id)
        if (q[li]! > 0) any = true
      }
      if (!any) continue
      for (let li = 0; li < lines.length; li++) rows[li]![i] = q[li]!
      held[i] = 1
      count++
    }
  }
  // Candidate index by position in the request's list, -1 for a location left out (valid until
  // the next decision, as the candidates are).
  const slot = units.slot
  const locations: LocationFacts[] = new Array(count)
  const positions: number[] = new Array(count)
  const stockOf: number[][] = lines.map(() => new Array<number>(count))
  let k = 0
  for (let i = 0; i < n; i++) {
    if (held[i] === 0) {
      slot[i] = -1
      continue
    }
    slot[i] = k
    locations[k] = req.locations[i]!
    positions[k] = i
    held[i] = 0
    for (let li = 0; li < lines.length; li++) {
      stockOf[li]![k] = rows[li]![i]!
      rows[li]![i] = 0
    }
    k++
  }
  return {
    locations,
    stockOf,
    positions,
    indexOf: (id) => {
      const i = at.get(id)
      return i === undefined ? -1 : slot[i]!
    },
  }
}

/** One line's holdings marked in `held` and `row` by position; returns how many locations it marked first. */
function markHoldings(sku: string, row: Float64Array, held: Uint8Array, req: RoutingRequest): number {
  let marked = 0
  const h = req.stock.holdings?.(sku)
  if (h) {
    const places = placesFor(h.ids, req.locations)
    const { locations, units } = h
    for (let k = 0; k < units.length; k++) {
      const q = units[k]!
      if (!(q > 0)) continue
      const i = places[locations[k]!]!
      if (i < 0) continue
      if (held[i] === 0) marked++
      held[i] = 1
      row[i] = q
    }
    return marked
  }
  const at = positionsOf(req.locations)
  req.stock.eachHolding!(sku, (id, q) => {
    if (!(q > 0)) return
    const i = at.get(id)
    if (i === undefined) return
    if (held[i] === 0) marked++
    held[i] = 1
    row[i] = q
  })
  return marked
}

/**
 * Candidate objects kept between decisions and written over by the next (as `space` above): a
 * decision is synchronous and nothing it returns holds a candidate (the plan and explanation copy
 * what they show), so ten thousand candidates are not ten thousand fresh objects an order, which
 * the young generation's collector would otherwise copy whenever it ran mid-decision.
 */
const pool: Candidate[] = []

/**
 * Every location with its facts (distance, lane quote, capacity left today, share of the order it
 * can fill), already blocked where it rejected this order before or its daily capacity is used up.
 * The candidates are valid until the next decision (they are reused).
 */
export function candidateFacts(
  req: RoutingRequest,
  lanes: LaneIndex,
  serviceLevel: ServiceLevel,
  origin: [number, number] | undefined,
  destination: Destination,
  stockOf: readonly (readonly number[])[],
  /** Each candidate's place in the network's list, when the candidates are some of it. */
  positions?: readonly number[],
  network: readonly LocationFacts[] = req.locations,
  /** Whether a rule reads location.fillShare: worked out only then (at every candidate, it was a sixth of this step). */
  fillShares = true,
): Candidate[] {
  const { lines } = req
  const now = req.now.getTime()
  const units = lines.reduce((s, l) => s + l.quantity, 0)
  const quoteFrom = lanes.quotes(destination, serviceLevel, network)
  const cosOrigin = origin ? Math.cos(origin[0] * (Math.PI / 180)) : 0
  const cos = cosinesOf(network)
  const { currency } = req.order
  const excluded = req.excludedLocationIds
  const candidates: Candidate[] = new Array(req.locations.length)
  if (pool.length < req.locations.length) pool.length = req.locations.length
  let zone: string | null = null
  let today = ''
  for (let index = 0; index < req.locations.length; index++) {
    const location = req.locations[index]!
    const position = positions ? positions[index]! : index
    const d = origin
      ? distanceWithCosines(origin[0], origin[1], cosOrigin, location.lat, location.lon, cos[position]!)
      : null
    let quote = quoteFrom(location, d, currency, position)
    let capacityLeft: number | null = null
    if (location.dailyCapacity !== null) {
      if (location.timezone !== zone) {
        zone = location.timezone
        today = localTime(now, zone).date
      }
      capacityLeft = location.dailyCapacity - (req.capacity?.used(location.id, today) ?? 0)
    }
    let fillShare = 0
    if (fillShares) {
      let fillable = 0
      for (let li = 0; li < lines.length; li++)
        fillable += Math.min(lines[li]!.quantity, stockOf[li]![index]!)
      fillShare = units === 0 ? 0 : Math.round((fillable / units) * 1000) / 1000
    }
    quote = withSupplierCost(quote, location, lines, stockOf, index)
    let c = pool[index]
    if (c) {
      c.location = location
      c.index = index
      c.position = position
      c.distanceKm = d
      c.quote = quote
      c.capacityLeft = capacityLeft
      c.fillShare = fillShare
      c.blocks = NO_BLOCKS
      c.bonus = NO_BONUS
    } else {
      c = {
        location,
        index,
        position,
        distanceKm: d,
        quote,
        capacityLeft,
        fillShare,
        blocks: NO_BLOCKS,
        bonus: NO_BONUS,
      }
      pool[index] = c
    }
    candidates[index] = c
    if (excluded?.has(location.id))
      addBlock(c, {
        lineId: null,
        strategies: null,
        exclusion: { rule: 'previously-rejected', reason: 'this location already rejected the order' },
      })
    blockAllButPickupStore(req, c)
    if (capacityLeft !== null && capacityLeft <= 0)
      addBlock(c, {
        lineId: null,
        strategies: null,
        exclusion: {
          rule: 'capacity',
          reason: `daily capacity reached (${location.dailyCapacity} orders today, local day)`,
        },
      })
  }
  return candidates
}
