import { fromMinorUnits } from '../../catalog/money'
import type { Criterion } from '../../rules/sourcing-actions'
import type { CandidateExplanation, ConditionReason, Exclusion, RoutingPlan, RoutingRequest } from '../router'
import type { Candidate } from './candidates'
import { appliesTo } from './cost-model'
import type { PlannedShipments } from './promise'
import type { EffectiveSplit } from './split-policy'
import { type ChosenStrategy, type StrategyEvaluation, strategyFilter } from './strategy'
import { summarise } from './summary'

export interface ExplanationInput {
  req: RoutingRequest
  candidates: readonly Candidate[]
  stockOf: readonly (readonly number[])[]
  serviceLevel: string
  destinationCountry: string
  hold: { reason: string; rule: string; conditions: ConditionReason[] } | undefined
  chosen: ChosenStrategy | null
  /** The strategy candidates are scored and filtered under: the chosen one, else the last tried. */
  decidedBy: StrategyEvaluation | null
  planned: PlannedShipments
  promiseDate: string | null
  unfillable: RoutingPlan['unfillable']
}

/** Every candidate with why it was or was not used, and the one-paragraph summary of the decision. */
export function explain(x: ExplanationInput): { candidates: CandidateExplanation[]; summary: string } {
  const { req, candidates, decidedBy, planned } = x
  const { lines } = req
  const chosenIds = new Set(planned.shipments.map((s) => s.locationId))
  const explained = explainCandidates(x, chosenIds)
  const summary = summarise({
    hold: x.hold,
    lines,
    candidates,
    explained,
    shipments: planned.shipments,
    unfilled: planned.unfilled,
    chosen: x.chosen ? { strategy: x.chosen.strategy, totals: x.chosen.totals } : null,
    stockOf: x.stockOf,
    serviceLevel: x.serviceLevel,
    requestedServiceLevel: req.order.serviceLevel,
    promiseDate: x.promiseDate,
    unfillable: x.unfillable,
    currency: req.order.currency,
    splitNote: decidedBy?.split.note ?? null,
    // Unfilled although a location the strategy may use holds it: the split policy (or a
    // ship-together group) kept it out, not a lack of stock.
    heldBack:
      !!decidedBy &&
      planned.unfilled.some((u) => {
        const li = lines.findIndex((l) => l.lineId === u.lineId)
        return decidedBy.avail[li]!.some((q, ci) => q > 0 && !chosenIds.has(candidates[ci]!.location.id))
      }),
  })
  return { candidates: explained, summary }
}

function explainCandidates(x: ExplanationInput, chosenIds: ReadonlySet<string>): CandidateExplanation[] {
  const { decidedBy, stockOf } = x
  const { lines } = x.req
  const decidedFilters = decidedBy
    ? strategyFilter(decidedBy.strategy, x.candidates, x.destinationCountry)
    : undefined
  return x.candidates.map((c) => {
    const sid = decidedBy?.strategy.id
    const whole = c.blocks.find((b) => b.lineId === null && (!sid || appliesTo(b.strategies, sid)))
    const partialBlocks = mergeLineExclusions(c.blocks.filter((b) => b !== whole).map((b) => b.exclusion))
    const filter = decidedFilters?.get(c.index)
    const exclusion = whole?.exclusion ?? filter
    const score = decidedBy && !exclusion ? roundScores(decidedBy.costs[c.index]!) : undefined
    const e: CandidateExplanation = {
      locationId: c.location.id,
      name: c.location.name,
      distanceKm: c.distanceKm === null ? null : Math.round(c.distanceKm * 10) / 10,
      canShip: [],
      chosen: chosenIds.has(c.location.id),
      transitDays: c.quote.transitDays,
      shippingCost: fromMinorUnits(c.quote.costMinor, c.quote.currency),
      capacityLeft: c.capacityLeft,
    }
    for (let li = 0; li < lines.length; li++)
      if (stockOf[li]![c.index]! >= lines[li]!.quantity) e.canShip.push(lines[li]!.sku)
    if (exclusion) e.excluded = exclusion
    if (partialBlocks.length > 0) e.partialExclusions = partialBlocks
    if (score) e.score = score
    if (c.quote.estimated) e.estimatedLane = true
    return e
  })
}

/** The split policy the deciding strategy routed under, and who set it, for the explanation. */
export function splitDetails(x: EffectiveSplit): Record<string, unknown> {
  return {
    policy: x.policy,
    maxShipments: x.maxShipments,
    minShipmentValue: x.minShipmentValue,
    source: x.source,
    ...(x.rules.length > 0 ? { rules: x.rules } : {}),
    ...(x.overrides ? { overrides: x.overrides } : {}),
    ...(x.budget !== x.maxShipments ? { remaining: x.budget } : {}),
  }
}

const r3 = (x: number) => Math.round(x * 1000) / 1000

function roundScores(row: Record<Criterion, number>): Record<string, number> {
  return {
    shippingCost: r3(row.shippingCost),
    transitDays: r3(row.transitDays),
    distance: r3(row.distance),
    stockDepth: r3(row.stockDepth),
    capacity: r3(row.capacity),
    priority: r3(row.priority),
  }
}

/**
 * One entry per rule and reason, naming every line it kept from this location: a rule that blocks
 * three hazmat lines reads once with three line ids, not three times.
 */
function mergeLineExclusions(exclusions: Exclusion[]): Exclusion[] {
  if (exclusions.length < 2) return exclusions
  const merged = new Map<string, Exclusion>()
  for (const x of exclusions) {
    const key = x.lineIds
      ? JSON.stringify([x.rule, x.action, x.reason, x.strategies, x.conditions])
      : `whole\u0000${merged.size}`
    const seen = merged.get(key)
    if (seen?.lineIds && x.lineIds) seen.lineIds = [...seen.lineIds, ...x.lineIds]
    else merged.set(key, x.lineIds ? { ...x, lineIds: [...x.lineIds] } : x)
  }
  return [...merged.values()]
}
