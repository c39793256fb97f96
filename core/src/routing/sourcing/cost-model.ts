import type { Criterion } from '../../rules/sourcing-actions'
import type { RoutingLine } from '../router'
import type { Candidate } from './candidates'
import { columns } from './columns'
import { deliveryDays, routingCostMinor } from './lanes'

/** Transit days each service level promises; slower lanes cost more than their days. */
const PROMISE_TARGET: Record<string, number> = {
  overnight: 1,
  express: 1,
  standard: 3,
  economy: 5,
  pickup: 0,
}

export function appliesTo(strategies: readonly string[] | null | undefined, id: string): boolean {
  return !strategies || strategies.includes(id)
}

/**
 * Each candidate's value of each criterion before scaling, by candidate index: the same under every
 * strategy tried, so read from the candidates once per decision. Valid until the next decision
 * (the arrays are reused).
 */
export interface CriterionValues {
  cost: Float64Array
  transit: Float64Array
  distance: Float64Array
  priority: Float64Array
  /** Already 0..1, as weighed. */
  stockDepth: Float64Array
  /** Already 0..1, as weighed. */
  capacity: Float64Array
}

export function criterionValues(
  candidates: readonly Candidate[],
  lines: readonly RoutingLine[],
  stockOf: readonly (readonly number[])[],
  serviceLevel: string,
): CriterionValues {
  const n = candidates.length
  const target = PROMISE_TARGET[serviceLevel] ?? 3
  const v: CriterionValues = {
    cost: columns.get('cost', n),
    transit: columns.get('transit', n),
    distance: columns.get('distance', n),
    priority: columns.get('priority', n),
    stockDepth: columns.get('stockDepth', n),
    capacity: columns.get('capacity', n),
  }
  for (let i = 0; i < n; i++) {
    const c = candidates[i]!
    const days = deliveryDays(c.quote)
    v.cost[i] = routingCostMinor(c.quote)
    v.transit[i] = days + 2 * Math.max(0, days - target)
    v.distance[i] = c.distanceKm ?? 1e6
    v.priority[i] = c.location.priority
    v.capacity[i] =
      c.capacityLeft === null || !c.location.dailyCapacity
        ? 0
        : 1 - Math.max(0, c.capacityLeft) / c.location.dailyCapacity
    let depth = 0
    for (let li = 0; li < lines.length; li++)
      depth += Math.min(1, stockOf[li]![i]! / (lines[li]!.quantity * 4))
    v.stockDepth[i] = lines.length === 0 ? 0 : 1 - depth / lines.length
  }
  return v
}

/** A criterion's range over the usable candidates: a value scaled into it is 0..1 (0 for all when empty). */
class Range {
  private min = Number.POSITIVE_INFINITY
  private max = Number.NEGATIVE_INFINITY

  see(v: number): void {
    if (v < this.min) this.min = v
    if (v > this.max) this.max = v
  }

  scale(v: number): number {
    const span = this.max - this.min
    return span > 0 ? (v - this.min) / span : 0
  }
}

/** Each candidate's weighted cost; its breakdown by criterion is built only for the candidates explained. */
export interface CandidateCosts {
  /** Infinite for a candidate that may ship nothing under the strategy (never costed). */
  totals: Float64Array
  row(index: number): Record<Criterion, number>
}

/**
 * Weighted cost of each candidate by criterion, each criterion normalised over the usable
 * candidates (`usable[i]` 1: it may ship something under this strategy). `totals` is written over.
 */
export function costModel(
  candidates: readonly Candidate[],
  usable: Uint8Array,
  v: CriterionValues,
  weights: Record<Criterion, number>,
  strategyId: string,
  totals: Float64Array,
): CandidateCosts {
  const n = candidates.length
  // Each criterion is scaled over the usable candidates: only these are ever costed by the
  // optimiser and the explanation (a strategy's filter may leave out most of thousands).
  const cost = new Range()
  const transit = new Range()
  const distance = new Range()
  const priority = new Range()
  for (let i = 0; i < n; i++) {
    if (usable[i] === 0) continue
    cost.see(v.cost[i]!)
    transit.see(v.transit[i]!)
    distance.see(v.distance[i]!)
    priority.see(v.priority[i]!)
  }
  for (let i = 0; i < n; i++) {
    if (usable[i] === 0) {
      totals[i] = Number.POSITIVE_INFINITY
      continue
    }
    // Summed in the order of `criteria` (split is 0 per candidate), as the breakdown adds up.
    let total = 0
    total += weights.shippingCost * cost.scale(v.cost[i]!)
    total += weights.transitDays * transit.scale(v.transit[i]!)
    total += weights.distance * distance.scale(v.distance[i]!)
    total += weights.stockDepth * v.stockDepth[i]!
    total += weights.capacity * v.capacity[i]!
    total += weights.priority * priority.scale(v.priority[i]!)
    total += 0
    const { bonus: bonuses } = candidates[i]!
    let bonus = 0
    for (let k = 0; k < bonuses.length; k++) {
      const b = bonuses[k]!
      if (appliesTo(b.strategies, strategyId)) bonus = Math.max(bonus, b.value)
    }
    if (bonus > 0) total *= 1 - bonus
    totals[i] = total
  }
  return {
    totals,
    row: (i) => ({
      shippingCost: weights.shippingCost * cost.scale(v.cost[i]!),
      transitDays: weights.transitDays * transit.scale(v.transit[i]!),
      distance: weights.distance * distance.scale(v.distance[i]!),
      stockDepth: weights.stockDepth * v.stockDepth[i]!,
      capacity: weights.capacity * v.capacity[i]!,
      priority: weights.priority * priority.scale(v.priority[i]!),
      split: 0,
    }),
  }
}
