import type { JsonValue } from './core-rules'
import type { RuleSetKind } from './graph-types'

/**
 * What the palette offers per rule set kind, with the words an analyst reads. Sourcing actions are
 * the engine's (core/src/rules/sourcing-actions.ts); pricing actions are authored here ahead of a
 * pricing engine (the hub validates only sourcing actions today, so a pricing set cannot publish).
 */
export interface ActionSpec {
  type: string
  label: string
  help: string
  /** Decides for the whole order: its rule may test order facts only. */
  orderOnly: boolean
  /** May not test location facts (it groups lines). */
  noLocationFacts?: boolean
  defaults: Record<string, JsonValue>
}

export const sourcingActions: ActionSpec[] = [
  {
    type: 'exclude',
    label: 'Exclude locations',
    help: 'Never ship from these locations when the conditions hold',
    orderOnly: false,
    defaults: { tags: [] },
  },
  {
    type: 'restrict',
    label: 'Restrict locations',
    help: 'Ship only from these locations when the conditions hold',
    orderOnly: false,
    defaults: { tags: [] },
  },
  {
    type: 'prefer',
    label: 'Prefer locations',
    help: 'Make these locations cheaper in the score (bonus 0–1)',
    orderOnly: false,
    defaults: { tags: [], bonus: 0.2 },
  },
  {
    type: 'weight',
    label: 'Adjust a weight',
    help: 'Change how much one scoring criterion counts',
    orderOnly: true,
    defaults: { criterion: 'shippingCost', factor: 2 },
  },
  {
    type: 'split',
    label: 'Split policy',
    help: 'Whether and how far the order may be split into shipments',
    orderOnly: true,
    defaults: { policy: 'allowed', maxShipments: 2 },
  },
  {
    type: 'shipTogether',
    label: 'Ship together',
    help: 'Lines that match ship in one parcel',
    orderOnly: false,
    noLocationFacts: true,
    defaults: { group: 'together' },
  },
  {
    type: 'hold',
    label: 'Hold for review',
    help: 'Stop the order for a person to check, with a reason',
    orderOnly: true,
    defaults: { reason: 'Check before shipping' },
  },
  {
    type: 'unfillable',
    label: 'Backorder / cancel',
    help: 'What to do with lines no location can fill',
    orderOnly: true,
    defaults: { action: 'backorder' },
  },
  {
    type: 'serviceLevel',
    label: 'Set service level',
    help: 'Upgrade or change the requested service level',
    orderOnly: true,
    defaults: { serviceLevel: 'express' },
  },
  {
    type: 'shipToStore',
    label: 'Ship to store',
    help: 'Click and collect: when the pickup store cannot fill the order, these locations may ship it to the store',
    orderOnly: true,
    defaults: { types: ['warehouse'] },
  },
]

/** The pricing engine's actions (core/src/pricing/pricing-actions.ts), in the order a price takes them. */
export const pricingActions: ActionSpec[] = [
  {
    type: 'priceList',
    label: 'Use price list',
    help: 'Price from this price list (when it prices the sku) instead of the best match',
    orderOnly: false,
    defaults: { priceListId: '' },
  },
  {
    type: 'volumeBreaks',
    label: 'Volume breaks',
    help: 'Tiers by quantity: the highest break reached applies',
    orderOnly: false,
    defaults: { basis: 'line', breaks: [{ minQty: 10, percent: 5 }] },
  },
  {
    type: 'markup',
    label: 'Markup',
    help: 'Raise the price by a percentage or an amount',
    orderOnly: false,
    defaults: { percent: 10 },
  },
  {
    type: 'discount',
    label: 'Discount',
    help: 'Lower the price by a percentage or an amount',
    orderOnly: false,
    defaults: { percent: 10 },
  },
  {
    type: 'round',
    label: 'Price ending',
    help: 'Round prices to an ending such as .99, or to whole amounts',
    orderOnly: false,
    defaults: { ending: '.99', direction: 'up' },
  },
  {
    type: 'floor',
    label: 'Margin floor',
    help: 'Never below cost plus a minimum margin',
    orderOnly: false,
    defaults: { minMarginPercent: 10 },
  },
]

export const returnsActions: ActionSpec[] = [
  {
    type: 'restrict',
    label: 'Return to locations',
    help: 'Returns go back only to these locations',
    orderOnly: false,
    defaults: { tags: [] },
  },
  {
    type: 'hold',
    label: 'Hold for review',
    help: 'A person checks the return first',
    orderOnly: true,
    defaults: { reason: 'Check the return' },
  },
]

export function actionsFor(kind: RuleSetKind): ActionSpec[] {
  return kind === 'pricing' ? pricingActions : kind === 'returns' ? returnsActions : sourcingActions
}

export function actionSpec(kind: RuleSetKind, type: string): ActionSpec | undefined {
  return actionsFor(kind).find((a) => a.type === type)
}

export const criteriaLabels: Record<string, string> = {
  shippingCost: 'Shipping cost',
  transitDays: 'Transit time',
  distance: 'Distance',
  stockDepth: 'Stock depth',
  capacity: 'Capacity used',
  priority: 'Location priority',
  split: 'Split penalty',
}

export const defaultStrategyParams = (id: string): Record<string, JsonValue> => ({
  id,
  label: 'New strategy',
  split: { policy: 'allowed', maxShipments: 2 },
})
