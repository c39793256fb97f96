import type { ServiceLevel } from '@switchyard/plugin-sdk'
import { fromMinorUnits } from '../../catalog/money'
import type { UnfillablePolicy } from '../../rules/sourcing-actions'
import type { Assignment, RoutingPlan, RoutingRequest, Shipment } from '../router'
import { dateOf, localTime, promiseDates } from './calendar'
import type { Candidate } from './candidates'
import type { SourcingRule } from './compiled-rule-set'
import type { ChosenStrategy } from './strategy'

export interface PlannedShipments {
  assignments: Assignment[]
  unfilled: RoutingPlan['unfilled']
  shipments: Shipment[]
}

/**
 * What ships from where and when: the chosen strategy's assignments, one shipment per location
 * with its ship and promise dates, and what is left unfilled (every line when no strategy could
 * route; nothing while the order is held).
 */
export function planShipments(
  chosen: ChosenStrategy | null,
  held: boolean,
  req: RoutingRequest,
  candidates: readonly Candidate[],
  serviceLevel: ServiceLevel,
): PlannedShipments {
  const { lines } = req
  const assignments: Assignment[] = []
  const unfilled: RoutingPlan['unfilled'] = []
  const shipments: Shipment[] = []
  if (!chosen) {
    if (!held) for (const l of lines) unfilled.push({ lineId: l.lineId, sku: l.sku, quantity: l.quantity })
    return { assignments, unfilled, shipments }
  }
  for (const [li, ci, qty] of chosen.result.assignments) {
    const line = lines[li]!
    assignments.push({
      lineId: line.lineId,
      sku: line.sku,
      locationId: candidates[ci]!.location.id,
      quantity: qty,
    })
  }
  for (const [li, qty] of chosen.result.unfilled)
    unfilled.push({ lineId: lines[li]!.lineId, sku: lines[li]!.sku, quantity: qty })
  const now = req.now.getTime()
  for (const ci of chosen.result.candidates) {
    const c = candidates[ci]!
    const dates = promiseDates(now, c.location, c.quote.transitDays, c.quote.calendar)
    shipments.push({
      locationId: c.location.id,
      lineIds: [...new Set(assignments.filter((a) => a.locationId === c.location.id).map((a) => a.lineId))],
      carrier: c.quote.carrier,
      serviceLevel,
      transitDays: c.quote.transitDays,
      shippingCost: fromMinorUnits(c.quote.costMinor, c.quote.currency),
      currency: c.quote.currency,
      shipDate: dates.shipDate,
      promiseDate: dates.promiseDate,
      estimated: c.quote.estimated,
    })
  }
  return { assignments, unfilled, shipments }
}

/** The order's promise: the latest shipment's promise date, when everything ships. */
export function promiseDateOf(planned: PlannedShipments): string | null {
  const { unfilled, shipments } = planned
  return unfilled.length === 0 && shipments.length > 0
    ? shipments
        .map((s) => s.promiseDate)
        .sort()
        .at(-1)!
    : null
}

/**
 * What happens to unfilled quantity: the chosen strategy's policy, else a fired `unfillable` rule's,
 * else backorder; `cancelAfter` counts days in the rule set's time zone.
 */
export function unfillableOutcome(
  planned: PlannedShipments,
  chosen: ChosenStrategy | null,
  orderFired: readonly SourcingRule[],
  now: number,
  timezone: string,
): RoutingPlan['unfillable'] {
  if (planned.unfilled.length === 0) return undefined
  const orderUnfillable = orderFired.find((r) => r.action.type === 'unfillable')
  const policy = chosen?.strategy.params.unfillable ??
    (orderUnfillable?.action.params as UnfillablePolicy | undefined) ?? { action: 'backorder' as const }
  const priority = policy.priority === undefined ? {} : { priority: policy.priority }
  return policy.action === 'cancelAfter'
    ? {
        action: 'cancelAfter',
        cancelAfter: dateOf(localTime(now, timezone).day + (policy.days ?? 7)),
        ...priority,
      }
    : { action: 'backorder', ...priority }
}
