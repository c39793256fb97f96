import type { Address, ServiceLevel } from '@switchyard/plugin-sdk'
import type { LocationFacts, ProductFacts } from '../catalog/facts'

export interface RoutingOrder {
  id: string
  channelInstanceId: string
  serviceLevel: ServiceLevel
  shipTo: Address
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
}

/** Stock a router may take, already net of allocations, reservations and safety stock. */
export interface StockView {
  available(sku: string, locationId: string): number
}

export interface RoutingRequest {
  order: RoutingOrder
  lines: readonly RoutingLine[]
  /** Active locations. */
  locations: readonly LocationFacts[]
  stock: StockView
  /** Locations that must not be used again (e.g. a WMS rejected this order there). */
  excludedLocationIds?: ReadonlySet<string>
  now: Date
}

export interface Assignment {
  lineId: string
  sku: string
  locationId: string
  quantity: number
}

export interface CandidateExplanation {
  locationId: string
  distanceKm: number | null
  /** Lines (by sku) this location could ship in full. */
  canShip: string[]
  excluded?: { rule: string; reason: string }
  chosen: boolean
  score?: Record<string, number>
}

export interface RoutingPlan {
  assignments: Assignment[]
  /** Quantity no location could take: backordered. */
  unfilled: { lineId: string; sku: string; quantity: number }[]
  hold?: { reason: string }
  strategy: string
  ruleSetVersionId: string | null
  summary: string
  candidates: CandidateExplanation[]
}

/**
 * Decides where an order ships from. Pure and synchronous: it runs inside the intake transaction
 * for every order, so it must never do I/O.
 */
export interface Router {
  route(request: RoutingRequest): RoutingPlan
}
