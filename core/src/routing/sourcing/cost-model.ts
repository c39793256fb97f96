import type { Criterion } from '../../rules/sourcing-actions'
import type { RoutingLine } from '../router'
import type { Candidate } from './candidates'
import { deliveryDays } from './lanes'

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
  totals: number[]
  row(index: number): Record<Criterion, number>
}

/** Weighted cost of each candidate by criterion, each criterion normalised over the usable candidates. */
export function costModel(
  candidates: readonly Candidate[],
  avail: readonly (readonly number[])[],
  lines: readonly RoutingLine[],
  stockOf: readonly (readonly number[])[],
  weights: Record<Criterion, number>,
  serviceLevel: string,
  strategyId: string,
): CandidateCosts {
  const n = candidates.length
  const target = PROMISE_TARGET[serviceLevel] ?? 3
  const transitOf = (c: Candidate) => deliveryDays(c.quote) + 2 * Math.max(0, deliveryDays(c.quote) - target)
  const distanceOf = (c: Candidate) => c.distanceKm ?? 1e6
  // Each criterion is scaled over the usable candidates (those that may ship something here).
  const cost = new Range()
  const transit = new Range()
  const distance = new Range()
  const priority = new Range()
  // Which candidates may ship something here: only these are ever costed by the optimiser and
  // the explanation, so the others are not (a strategy's filter may leave out most of thousands).
  const usable = new Uint8Array(n)
  for (const c of candidates) {
    for (const row of avail)
      if (row[c.index]! > 0) {
        usable[c.index] = 1
        break
      }
    if (usable[c.index] === 0) continue
    cost.see(c.quote.costMinor)
    transit.see(transitOf(c))
    distance.see(distanceOf(c))
    priority.see(c.location.priority)
  }
  const capacityOf = (c: Candidate) =>
    c.capacityLeft === null || !c.location.dailyCapacity
      ? 0
      : 1 - Math.max(0, c.capacityLeft) / c.location.dailyCapacity
  const stockDepthOf = (i: number) => {
    let depth = 0
    for (let li = 0; li < lines.length; li++)
      depth += Math.min(1, stockOf[li]![i]! / (lines[li]!.quantity * 4))
    return lines.length === 0 ? 0 : 1 - depth / lines.length
  }
  const totals: number[] = new Array(n)
  for (const c of candidates) {
    const i = c.index
    if (usable[i] === 0) {
      totals[i] = Number.POSITIVE_INFINITY
      continue
    }
    // Summed in the order of `criteria` (split is 0 per candidate), as the breakdown adds up.
    let total = 0
    total += weights.shippingCost * cost.scale(c.quote.costMinor)
    total += weights.transitDays * transit.scale(transitOf(c))
    total += weights.distance * distance.scale(distanceOf(c))
    total += weights.stockDepth * stockDepthOf(i)
    total += weights.capacity * capacityOf(c)
    total += weights.priority * priority.scale(c.location.priority)
    total += 0
    let bonus = 0
    for (const b of c.bonus) if (appliesTo(b.strategies, strategyId)) bonus = Math.max(bonus, b.value)
    if (bonus > 0) total *= 1 - bonus
    totals[i] = total
  }
  return {
    totals,
    row: (i) => {
      const c = candidates[i]!
      return {
        shippingCost: weights.shippingCost * cost.scale(c.quote.costMinor),
        transitDays: weights.transitDays * transit.scale(transitOf(c)),
        distance: weights.distance * distance.scale(distanceOf(c)),
        stockDepth: weights.stockDepth * stockDepthOf(i),
        capacity: weights.capacity * capacityOf(c),
        priority: weights.priority * priority.scale(c.location.priority),
        split: 0,
      }
    },
  }
}
