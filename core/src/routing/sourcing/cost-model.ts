import { type Criterion, criteria } from '../../rules/sourcing-actions'
import type { RoutingLine } from '../router'
import type { Candidate } from './candidates'

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

function norm(values: readonly number[], mask: readonly boolean[]): number[] {
  let min = Number.POSITIVE_INFINITY
  let max = Number.NEGATIVE_INFINITY
  values.forEach((v, i) => {
    if (!mask[i]) return
    if (v < min) min = v
    if (v > max) max = v
  })
  const span = max - min
  return values.map((v) => (span > 0 ? (v - min) / span : 0))
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
): { costs: Record<Criterion, number>[]; totals: number[] } {
  const usable = candidates.map((c) => avail.some((row) => row[c.index]! > 0))
  const target = PROMISE_TARGET[serviceLevel] ?? 3
  const cost = norm(
    candidates.map((c) => c.quote.costMinor),
    usable,
  )
  const transit = norm(
    candidates.map((c) => c.quote.transitDays + 2 * Math.max(0, c.quote.transitDays - target)),
    usable,
  )
  const distance = norm(
    candidates.map((c) => c.distanceKm ?? 1e6),
    usable,
  )
  const priority = norm(
    candidates.map((c) => c.location.priority),
    usable,
  )
  const costs: Record<Criterion, number>[] = []
  const totals: number[] = []
  for (const c of candidates) {
    const i = c.index
    const capacity =
      c.capacityLeft === null || !c.location.dailyCapacity
        ? 0
        : 1 - Math.max(0, c.capacityLeft) / c.location.dailyCapacity
    let depth = 0
    lines.forEach((l, li) => {
      depth += Math.min(1, stockOf[li]![i]! / (l.quantity * 4))
    })
    const stockDepth = lines.length === 0 ? 0 : 1 - depth / lines.length
    const row = {
      shippingCost: weights.shippingCost * cost[i]!,
      transitDays: weights.transitDays * transit[i]!,
      distance: weights.distance * distance[i]!,
      stockDepth: weights.stockDepth * stockDepth,
      capacity: weights.capacity * capacity,
      priority: weights.priority * priority[i]!,
      split: 0,
    }
    let total = 0
    for (const k of criteria) total += row[k]
    let bonus = 0
    for (const b of c.bonus) if (appliesTo(b.strategies, strategyId)) bonus = Math.max(bonus, b.value)
    if (bonus > 0) total *= 1 - bonus
    costs.push(row)
    totals.push(total)
  }
  return { costs, totals }
}
