import type { ConditionTrace } from '../model/core-rules'

/**
 * Where the hub's OpenAPI document says `unknown` (or an open record) but the editor reads fields:
 * the shape it reads, laid over the generated type in client.ts. Each is a gap in the route's
 * schema (server/src/routes/views/rules.ts); once a schema there types it, delete it here and the
 * generated type takes over.
 */

/** `RoutingPlan.details` (the schema says an open record): the part the editor draws. */
export interface PlanDetails {
  rulesFired?: {
    rule: string
    action: string
    scope: string
    conditions?: { condition: string; factValue: unknown }[]
  }[]
  facts?: Record<string, unknown>
  /** The split policy the deciding strategy routed under, and who set it (core's splitDetails). */
  split?: {
    policy: 'never' | 'allowed'
    maxShipments: number
    minShipmentValue: number
    source: 'rule' | 'strategy' | 'default'
    rules?: string[]
    overrides?: { policy?: string; maxShipments?: number }
  } | null
}

/** A simulation trace entry's `conditions` (the schema says `unknown`): core's own trace type. */
export type TraceConditions = ConditionTrace | null
