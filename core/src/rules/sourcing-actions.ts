import { serviceLevels } from '@switchyard/plugin-sdk/canonical'
import { z } from 'zod'
import { locationTypes } from '../catalog/location-types'

/**
 * What a sourcing rule's event does. `event.type` names the action; `event.params` carries its
 * settings. A rule's conditions say when it applies; the facts they test decide whether it acts
 * on the order, on one line, or on one candidate location (see fact-catalog.ts).
 */
export const criteria = [
  'shippingCost',
  'transitDays',
  'distance',
  'stockDepth',
  'capacity',
  'priority',
  'split',
] as const
export type Criterion = (typeof criteria)[number]

const ids = z.array(z.string().min(1).max(120)).max(500)
const target = {
  locations: ids.optional(),
  tags: ids.optional(),
  types: z.array(z.enum(locationTypes)).optional(),
  /** Only for these strategies (by id); all when absent. */
  strategies: ids.optional(),
}

export const splitPolicySchema = z.strictObject({
  policy: z.enum(['never', 'allowed']),
  maxShipments: z.number().int().min(1).max(20).optional(),
  minShipmentValue: z.number().min(0).optional(),
})
export type SplitPolicy = z.infer<typeof splitPolicySchema>

export const unfillableSchema = z.strictObject({
  action: z.enum(['backorder', 'cancelAfter']),
  days: z.number().int().min(0).max(365).optional(),
  /**
   * Backorders of the orders this applies to are served before others when stock or inbound
   * supply arrives, 1 first (e.g. a gold customer's); without one, in order of placement.
   */
  priority: z.number().int().min(1).max(9).optional(),
})
export type UnfillablePolicy = z.infer<typeof unfillableSchema>

const weights = z.partialRecord(z.enum(criteria), z.number().min(0).max(1000))

export const strategyFilterSchema = z.strictObject({
  locations: ids.optional(),
  tags: ids.optional(),
  types: z.array(z.enum(locationTypes)).optional(),
  /** Country codes, or 'destination' for the order's own country. */
  countries: z.union([z.literal('destination'), z.array(z.string().regex(/^[A-Z]{2}$/))]).optional(),
  maxDistanceKm: z.number().min(0).optional(),
})
export type StrategyFilter = z.infer<typeof strategyFilterSchema>

export const actionSchemas = {
  strategy: z.strictObject({
    id: z.string().min(1).max(120),
    label: z.string().max(200).optional(),
    /** Lower runs first; ties go in rule order. */
    sequence: z.number().int().min(0).max(1_000_000).optional(),
    fallback: z.boolean().optional(),
    filters: strategyFilterSchema.optional(),
    criteria: weights.optional(),
    split: splitPolicySchema.optional(),
    unfillable: unfillableSchema.optional(),
    nodeId: z.string().optional(),
  }),
  exclude: z.strictObject({
    ...target,
    reason: z.string().max(300).optional(),
    nodeId: z.string().optional(),
  }),
  restrict: z.strictObject({
    ...target,
    reason: z.string().max(300).optional(),
    nodeId: z.string().optional(),
  }),
  prefer: z.strictObject({
    ...target,
    bonus: z.number().min(0).max(1).optional(),
    nodeId: z.string().optional(),
  }),
  weight: z.strictObject({
    criterion: z.enum(criteria),
    weight: z.number().min(0).max(1000).optional(),
    factor: z.number().min(0).max(1000).optional(),
    strategies: ids.optional(),
    nodeId: z.string().optional(),
  }),
  split: splitPolicySchema.extend({ strategies: ids.optional(), nodeId: z.string().optional() }),
  shipTogether: z.strictObject({
    group: z.string().min(1).max(120).optional(),
    nodeId: z.string().optional(),
  }),
  hold: z.strictObject({ reason: z.string().min(1).max(500), nodeId: z.string().optional() }),
  unfillable: unfillableSchema.extend({ nodeId: z.string().optional() }),
  serviceLevel: z.strictObject({ serviceLevel: z.enum(serviceLevels), nodeId: z.string().optional() }),
  /**
   * Click and collect: when the pickup store cannot fill the whole order, these locations (every
   * one when none is named) may ship it to the store (routing/sourcing/ship-to-store.ts).
   */
  shipToStore: z.strictObject({
    locations: ids.optional(),
    tags: ids.optional(),
    types: z.array(z.enum(locationTypes)).optional(),
    reason: z.string().max(300).optional(),
    nodeId: z.string().optional(),
  }),
} as const

export type ActionType = keyof typeof actionSchemas
export const actionTypes = Object.keys(actionSchemas) as ActionType[]
export type ActionParams<T extends ActionType> = z.infer<(typeof actionSchemas)[T]>

export type SourcingAction = { [T in ActionType]: { type: T; params: ActionParams<T> } }[ActionType]

/** Actions that only make sense once per order: their rules may not test line or location facts. */
export const orderOnlyActions: readonly ActionType[] = [
  'strategy',
  'weight',
  'split',
  'hold',
  'unfillable',
  'serviceLevel',
  'shipToStore',
]

/** Service-level defaults when no strategy sets weights: express buys speed, the rest buy cost. */
export function defaultCriteria(serviceLevel: string): Record<Criterion, number> {
  const fast = serviceLevel === 'express' || serviceLevel === 'overnight'
  return {
    shippingCost: fast ? 1 : 10,
    transitDays: fast ? 10 : 1,
    distance: 0.5,
    stockDepth: 0.5,
    capacity: 0.5,
    priority: 0.5,
    split: 20,
  }
}
