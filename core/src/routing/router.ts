import type { Address, ServiceLevel } from '@switchyard/plugin-sdk'
import type { LocationFacts, ProductFacts } from '../catalog/facts'

export interface RoutingOrder {
  id: string
  channelInstanceId: string
  serviceLevel: ServiceLevel
  shipTo: Address
  /**
   * Click and collect: the store the customer collects from. Only it may fill the order, unless a
   * `shipToStore` rule lets other locations ship it to the store (sourcing/ship-to-store.ts); the
   * rest waits there as backordered.
   */
  pickupLocationId?: string
  placedAt: Date
  totalMinor: number
  currency: string
  tags: readonly string[]
  customer?: { tier?: string | null; segment?: string | null } | undefined
}

export interface RoutingLine {
  lineId: string
  sku: string
  quantity: number
  product: ProductFacts
  /** For line values (minimum shipment value, line.value facts); absent counts as 0. */
  unitPriceMinor?: number | null
  discountMinor?: number
}

/** Stock a router may take, already net of allocations, reservations and safety stock. */
export interface StockView {
  available(sku: string, locationId: string): number
  /**
   * Each location that may hold a sku in this view, with `available` there (listing more locations
   * is harmless, fewer never): the sku → location index the engine starts from, so a location
   * without stock for any line of the order costs nothing. Without it the engine asks `available`
   * at every location.
   */
  eachHolding?(sku: string, visit: (locationId: string, units: number) => void): void
  /**
   * `eachHolding` as arrays, where the view has them (undefined: ask `eachHolding`): read by
   * position, no call per location.
   */
  holdings?(sku: string): Holdings | undefined
}

/**
 * A sku's holdings: `units[k]` at location `ids[locations[k]]`. `ids` numbers the view's locations,
 * is shared by all its skus and only ever grows, so a reader may keep what it worked out per number.
 */
export interface Holdings {
  readonly ids: readonly string[]
  readonly locations: readonly number[]
  readonly units: readonly number[]
}

/** Orders each location has taken on a local day (YYYY-MM-DD), including this batch's so far. */
export interface CapacityView {
  used(locationId: string, day: string): number
}

export interface RoutingRequest {
  order: RoutingOrder
  lines: readonly RoutingLine[]
  /** Active locations. */
  locations: readonly LocationFacts[]
  stock: StockView
  /** Locations that must not be used again (e.g. a WMS rejected this order there). */
  excludedLocationIds?: ReadonlySet<string>
  /** Daily capacity already used; without it, capacity counts as untouched. */
  capacity?: CapacityView
  now: Date
  /** A person released this order's hold: hold rules do not hold it again. Other rules still apply. */
  holdReleased?: boolean
  /**
   * Re-routing: shipments this order has already been sent in (fulfilments requested or shipped,
   * which cannot move). They count against the split policy's maximum; `never` then allows none.
   */
  shipmentsSoFar?: number
}

/** What a compact decision records of its request, so "every location" can route it again. */
export interface StoredRequest {
  /** The instant it was routed at (ISO). */
  at: string
  /** [line id, quantity routed]: a re-route routes the open quantity, not the whole line. */
  lines: [string, number][]
  excludedLocationIds?: string[]
  holdReleased?: boolean
  shipmentsSoFar?: number
}

export interface Assignment {
  lineId: string
  sku: string
  locationId: string
  quantity: number
}

/** A condition that decided something, with the fact value it saw: the "why" of an explanation. */
export interface ConditionReason {
  condition: string
  fact: string
  operator: string
  value: unknown
  factValue: unknown
}

export interface Exclusion {
  /** The rule (editor node id) or built-in check (`capacity`, `previously-rejected`, `strategy:<id>`). */
  rule: string
  reason: string
  action?: string
  conditions?: ConditionReason[]
  /** Only these lines may not ship from here; absent when the whole order may not. */
  lineIds?: string[]
  /** Only under these strategies; absent when under all. */
  strategies?: string[]
}

export interface CandidateExplanation {
  locationId: string
  name?: string
  distanceKm: number | null
  /** Lines (by sku) this location could ship in full. */
  canShip: string[]
  excluded?: Exclusion
  /** Exclusions that apply to some lines or strategies only. */
  partialExclusions?: Exclusion[]
  chosen: boolean
  /** Weighted cost by criterion (lower is better), under the strategy that decided. */
  score?: Record<string, number>
  /** A compact decision's alternative: its total weighted cost (lower is better) instead of `score`. */
  cost?: number
  transitDays?: number
  shippingCost?: string
  /** A drop-ship supplier: what the units it could ship cost the merchant, in the shipping cost's currency. */
  supplierCost?: string
  capacityLeft?: number | null
  estimatedLane?: boolean
}

export interface Shipment {
  locationId: string
  lineIds: string[]
  carrier: string
  serviceLevel: string
  transitDays: number
  shippingCost: string
  currency: string
  shipDate: string
  promiseDate: string
  estimated: boolean
  /**
   * Ship to store: this shipment goes to the pickup store, not the customer; its promise date is
   * the day the order is ready there (transit, then the store's receiving days).
   */
  shipToStore?: { locationId: string; receivingDays: number }
}

export interface RoutingPlan {
  assignments: Assignment[]
  /** Quantity no location could take: backordered. */
  unfilled: { lineId: string; sku: string; quantity: number }[]
  hold?: { reason: string; rule?: string }
  strategy: string
  ruleSetVersionId: string | null
  summary: string
  candidates: CandidateExplanation[]
  /** Shipments with ship and promise dates (absent from routers without promising). */
  shipments?: Shipment[]
  /** The order's promise: the latest shipment's, when every line is allocated. */
  promiseDate?: string | null
  /** What to do with unfilled quantity. */
  unfillable?: { action: 'backorder' | 'cancelAfter'; cancelAfter?: string; priority?: number }
  serviceLevel?: string
  /** The rest of the explanation: rules that fired, strategies tried, the facts seen. */
  details?: Record<string, unknown>
}

/**
 * Decides where an order ships from. Pure and synchronous: it runs inside the intake transaction
 * for every order, so it must never do I/O.
 */
export interface Router {
  route(request: RoutingRequest): RoutingPlan
  /**
   * Called before each intake batch, outside its transaction: the place to load what `route` needs
   * (the live rule set version, carrier lanes) so that `route` itself stays synchronous.
   */
  prepare?(now: number): Promise<void>
}
