import type { ConditionTrace } from '../model/core-rules'

/**
 * Where the hub's OpenAPI document says `unknown` (or an open record) but the editor reads fields:
 * the shape it reads, laid over the generated type in client.ts. Each is a gap in the route's
 * schema (server/src/routes/views/rules.ts); once a schema there types it, delete it here and the
 * generated type takes over.
 */

/** `RoutingPlan.assignments` (the schema says `unknown[]`). */
export interface PlanAssignment {
  lineId: string
  sku: string
  locationId: string
  quantity: number
}

/** `RoutingPlan.candidates` (the schema says `unknown[]`). */
export interface PlanCandidate {
  locationId: string
  name?: string
  distanceKm: number | null
  canShip: string[]
  excluded?: { rule: string; reason: string }
  partialExclusions?: { rule: string; reason: string; lineIds?: string[] }[]
  chosen: boolean
  score?: Record<string, number>
  transitDays?: number
  shippingCost?: string
}

/** `RoutingPlan.shipments` (the schema says `unknown[]`). */
export interface PlanShipment {
  locationId: string
  transitDays: number
  shippingCost: string
  currency: string
  promiseDate: string
}

/** `RoutingPlan.details` (the schema says an open record): the part the editor draws. */
export interface PlanDetails {
  rulesFired?: {
    rule: string
    action: string
    scope: string
    conditions?: { condition: string; factValue: unknown }[]
  }[]
  facts?: Record<string, unknown>
}

/** A simulation trace entry's `conditions` (the schema says `unknown`): core's own trace type. */
export type TraceConditions = ConditionTrace | null

/** One side of a backtest's changed order (the schema says each changed order is an open record). */
export interface BacktestOutcome {
  locations: string[]
  strategy: string
  cost: string
  shipments: number
  backordered: number
  held: boolean
  promiseDate: string | null
}

/** `changedOrders[]` of a backtest. */
export interface BacktestChange {
  orderId: string
  externalOrderId: string
  before: BacktestOutcome
  after: BacktestOutcome
  summary: string
}
