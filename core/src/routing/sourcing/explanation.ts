import { fromMinorUnits } from '../../catalog/money'
import type { Criterion } from '../../rules/sourcing-actions'
import type { CandidateExplanation, ConditionReason, Exclusion, RoutingPlan, RoutingRequest } from '../router'
import type { Block, Candidate } from './candidates'
import { appliesTo } from './cost-model'
import type { PlannedShipments } from './promise'
import type { EffectiveSplit } from './split-policy'
import { type ChosenStrategy, filterExclusion, type StrategyEvaluation } from './strategy'
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

/** The alternatives a compact decision keeps: the best-scored usable locations not chosen. */
export const COMPACT_ALTERNATIVES = 3
/** Location ids a compact decision names per exclusion reason; the rest are counted. */
export const COMPACT_NAMES = 3

/** What the stored decision says about the locations it did not list one by one. */
export interface CompactCounts {
  /** Active locations when the order was routed. */
  locations: number
  /** Locations holding stock for at least one line: the only ones that could have shipped. */
  holdingStock: number
  /** Usable under the deciding strategy but neither chosen nor among the listed alternatives. */
  rankedLower: number
}

/**
 * Locations kept out, counted by the rule (or built-in check: `capacity`, `previously-rejected`; a
 * strategy's filter counts under its rule) that did it, and the first few of the largest groups
 * named. Kept as two small maps rather than a list of records: a decision at a thousand locations
 * may name a dozen rules.
 */
export interface ExcludedCounts {
  excluded: Record<string, number>
  excludedNamed: Record<string, string[]>
}

/** The groups whose locations a compact decision names. */
const NAMED_GROUPS = 3

/** Why one candidate was or was not used, before it is written out (the summary reads only this). */
export interface CandidateStatus {
  c: Candidate
  chosen: boolean
  /** Kept out of the whole order under the deciding strategy. */
  excluded: Exclusion | undefined
  /** Kept from some lines, or under some strategies only (as blocked; merged per rule when written). */
  partial: Exclusion[]
  holdsStock: boolean
  canShipAll: boolean
}

/**
 * Why the order went where it went and a one-paragraph summary. `full` lists every candidate with
 * its exclusion or score; `compact` (what intake stores) lists the chosen locations and the best
 * few alternatives, and counts the rest by reason: the same summary from both.
 */
export function explain(
  x: ExplanationInput,
  trace: 'full' | 'compact' = 'full',
  networkSize = x.candidates.length,
): {
  candidates: CandidateExplanation[]
  summary: string
  compact?: { counts: CompactCounts } & ExcludedCounts
} {
  const { req, candidates, decidedBy, planned } = x
  const { lines } = req
  const chosenIds = new Set(planned.shipments.map((s) => s.locationId))
  // The same locations by candidate index (a shipment per chosen candidate): checked at every
  // candidate, so a short list of numbers rather than a set of ids.
  const chosenAt: readonly number[] = x.chosen?.result.candidates ?? []
  const words = trace === 'full'
  const totals = x.chosen?.totals
  // What the summary needs of the candidates, gathered in the same pass as everything else.
  const seen: Seen = { runner: undefined, excluded: [], excludedCount: 0 }
  const see = (st: CandidateStatus) => {
    if (st.excluded && st.holdsStock) {
      seen.excludedCount++
      if (seen.excluded.length < 3) seen.excluded.push(`${st.c.location.name} (${st.excluded.rule})`)
    }
    if (!totals || st.chosen || st.excluded || st.partial.length > 0 || !st.canShipAll) return
    const c = st.c
    const r = seen.runner
    if (
      !r ||
      totals[c.index]! < totals[r.index]! ||
      (totals[c.index] === totals[r.index] && c.index < r.index)
    )
      seen.runner = c
  }
  let result: { candidates: CandidateExplanation[]; compact?: { counts: CompactCounts } & ExcludedCounts }
  if (trace === 'full') {
    const statuses = x.candidates.map((c) => {
      const st = statusOf(x, c, chosenAt, words, scratchStatus())
      see(st)
      return st
    })
    result = { candidates: statuses.map((st) => written(x, st)) }
  } else result = compactCandidates(x, chosenAt, networkSize, see)
  const summary = summarise({
    hold: x.hold,
    lines,
    candidates,
    runner: seen.runner,
    excluded: { shown: seen.excluded, count: seen.excludedCount },
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
  return { ...result, summary }
}

/** The candidates the summary names: the runner-up that could have shipped it all, the first excluded. */
interface Seen {
  runner: Candidate | undefined
  /** "Name (rule)" of the first three excluded locations holding stock. */
  excluded: string[]
  excludedCount: number
}

const NONE: Exclusion[] = []

const scratchStatus = (): CandidateStatus => ({
  c: undefined as unknown as Candidate,
  chosen: false,
  excluded: undefined,
  partial: NONE,
  holdsStock: false,
  canShipAll: true,
})

/**
 * One candidate's standing, written into `st`. With `firstPartial` (a compact decision's pass over
 * every candidate, one status object for all), `partial` holds only the first of the candidate's
 * partial exclusions, in an array reused for every candidate: what counting needs, allocating nothing.
 */
function statusOf(
  x: ExplanationInput,
  c: Candidate,
  chosenAt: readonly number[],
  words: boolean,
  st: CandidateStatus,
  firstPartial?: Exclusion[],
): CandidateStatus {
  const { decidedBy, stockOf } = x
  const { lines } = x.req
  const sid = decidedBy?.strategy.id
  let whole: Block | undefined
  st.partial = NONE
  const { blocks } = c
  for (let k = 0; k < blocks.length; k++) {
    const b = blocks[k]!
    if (!whole && b.lineId === null && (!sid || appliesTo(b.strategies, sid))) whole = b
    else if (st.partial !== NONE) {
      if (!firstPartial) st.partial.push(b.exclusion)
    } else if (firstPartial) {
      firstPartial[0] = b.exclusion
      st.partial = firstPartial
    } else st.partial = [b.exclusion]
  }
  let holdsStock = false
  let canShipAll = true
  const i = c.index
  for (let li = 0; li < lines.length; li++) {
    const q = stockOf[li]![i]!
    if (q > 0) holdsStock = true
    if (q < lines[li]!.quantity) canShipAll = false
  }
  st.c = c
  st.chosen = chosenAt.includes(i)
  // The strategy's filters were tested when it was scored: asked again only where they left it out.
  st.excluded =
    whole?.exclusion ??
    (decidedBy && decidedBy.filtered[i] === 1
      ? filterExclusion(decidedBy.strategy, c, x.destinationCountry, words)
      : undefined)
  st.holdsStock = holdsStock
  st.canShipAll = canShipAll
  return st
}

/** One candidate as the explanation lists it. */
function written(x: ExplanationInput, st: CandidateStatus): CandidateExplanation {
  const { c } = st
  const { lines } = x.req
  const score = x.decidedBy && !st.excluded ? roundScores(x.decidedBy.costs(c.index)) : undefined
  const e: CandidateExplanation = {
    locationId: c.location.id,
    name: c.location.name,
    distanceKm: c.distanceKm === null ? null : Math.round(c.distanceKm * 10) / 10,
    canShip: [],
    chosen: st.chosen,
    transitDays: c.quote.transitDays,
    shippingCost: fromMinorUnits(c.quote.costMinor, c.quote.currency),
    capacityLeft: c.capacityLeft,
  }
  if (c.quote.goodsCostMinor) e.supplierCost = fromMinorUnits(c.quote.goodsCostMinor, c.quote.currency)
  for (let li = 0; li < lines.length; li++)
    if (x.stockOf[li]![c.index]! >= lines[li]!.quantity) e.canShip.push(lines[li]!.sku)
  if (st.excluded) e.excluded = st.excluded
  if (st.partial.length > 0) e.partialExclusions = mergeLineExclusions(st.partial)
  if (score) e.score = score
  if (c.quote.estimated) e.estimatedLane = true
  return e
}

/**
 * The compact form: the chosen locations with their scores, then the best COMPACT_ALTERNATIVES
 * usable ones by the deciding strategy's cost; every other location holding stock counted,
 * excluded ones by the rule that kept them out (a location whose every stocked line a rule kept
 * back counts under that rule) with the first COMPACT_NAMES named.
 */
function compactCandidates(
  x: ExplanationInput,
  chosenAt: readonly number[],
  networkSize: number,
  see: (st: CandidateStatus) => void,
): { candidates: CandidateExplanation[]; compact: { counts: CompactCounts } & ExcludedCounts } {
  const { decidedBy } = x
  const usable = (i: number) => !!decidedBy && decidedBy.usable[i] === 1
  const totals = decidedBy?.totals
  // The best few by score (then candidate order), kept while scanning: no sort of thousands.
  const better = (a: CandidateStatus, b: CandidateStatus) =>
    totals![a.c.index]! < totals![b.c.index]! ||
    (totals![a.c.index]! === totals![b.c.index]! && a.c.index < b.c.index)
  const alternatives: CandidateStatus[] = []
  let usableCount = 0
  // By rule: how many it kept out, and the first few it did (all a compact decision names).
  const groups = new Map<string, ExcludedGroup>()
  const exclude = (why: Exclusion, id: string) => {
    const g = groups.get(why.rule)
    if (!g) groups.set(why.rule, { count: 1, first: [id] })
    else if (g.count++ < COMPACT_NAMES) g.first.push(id)
  }
  let holdingStock = 0
  let rankedLower = 0
  const chosen: CandidateStatus[] = []
  // One status object for every location; only the chosen and the alternatives keep a copy.
  const st = scratchStatus()
  const first: Exclusion[] = []
  // The chosen and the alternatives are written out: their status again, with every partial exclusion.
  const kept = (s: CandidateStatus): CandidateStatus => statusOf(x, s.c, chosenAt, false, scratchStatus())
  for (let ci = 0; ci < x.candidates.length; ci++) {
    const c = x.candidates[ci]!
    statusOf(x, c, chosenAt, false, st, first)
    see(st)
    if (!st.holdsStock) continue
    holdingStock++
    if (st.chosen) {
      chosen.push(kept(st))
      continue
    }
    const i = c.index
    if (st.excluded) exclude(st.excluded, c.location.id)
    else if (usable(i)) {
      usableCount++
      let at = alternatives.length
      while (at > 0 && better(st, alternatives[at - 1]!)) at--
      if (at < COMPACT_ALTERNATIVES) {
        alternatives.splice(at, 0, kept(st))
        if (alternatives.length > COMPACT_ALTERNATIVES) alternatives.pop()
      }
    } else if (st.partial.length > 0) exclude(st.partial[0]!, c.location.id)
    else rankedLower++
  }
  rankedLower += usableCount - alternatives.length
  return {
    candidates: [...chosen.map((s) => slim(written(x, s))), ...alternatives.map((s) => alternative(x, s))],
    compact: { counts: { locations: networkSize, holdingStock, rankedLower }, ...excludedCounts(groups) },
  }
}

interface ExcludedGroup {
  count: number
  /** The first COMPACT_NAMES location ids. */
  first: string[]
}

/** Counts by rule, largest first; the first COMPACT_NAMES locations of the NAMED_GROUPS largest. */
function excludedCounts(groups: Map<string, ExcludedGroup>): ExcludedCounts {
  const order = [...groups].sort(([a, x], [b, y]) => y.count - x.count || (a < b ? -1 : 1))
  return {
    excluded: Object.fromEntries(order.map(([rule, g]) => [rule, g.count])),
    excludedNamed: Object.fromEntries(order.slice(0, NAMED_GROUPS).map(([rule, g]) => [rule, g.first])),
  }
}

/**
 * A chosen location as a compact decision keeps it: its name is the location's (looked up when
 * read), and the conditions behind a line's exclusion are in the full trace.
 */
function slim(e: CandidateExplanation): CandidateExplanation {
  const { name: _name, capacityLeft, partialExclusions, score, ...rest } = e
  return {
    ...rest,
    // Criteria that cost nothing are left out.
    ...(score ? { score: Object.fromEntries(Object.entries(score).filter(([, v]) => v !== 0)) } : {}),
    ...(capacityLeft !== null && capacityLeft !== undefined ? { capacityLeft } : {}),
    ...(partialExclusions
      ? { partialExclusions: partialExclusions.map(({ conditions: _c, ...why }) => why) }
      : {}),
  }
}

/** An alternative as a compact decision keeps it: what it offered, and its cost under the deciding strategy. */
function alternative(x: ExplanationInput, st: CandidateStatus): CandidateExplanation {
  const { c } = st
  // Not chosen: `chosen` is left out (false).
  const e = {
    locationId: c.location.id,
    distanceKm: c.distanceKm === null ? null : Math.round(c.distanceKm * 10) / 10,
    canShip: [],
    transitDays: c.quote.transitDays,
    shippingCost: fromMinorUnits(c.quote.costMinor, c.quote.currency),
    cost: r3(x.decidedBy!.totals[c.index]!),
  } as Omit<CandidateExplanation, 'chosen'> as CandidateExplanation
  if (c.quote.goodsCostMinor) e.supplierCost = fromMinorUnits(c.quote.goodsCostMinor, c.quote.currency)
  const { lines } = x.req
  for (let li = 0; li < lines.length; li++)
    if (x.stockOf[li]![c.index]! >= lines[li]!.quantity) e.canShip.push(lines[li]!.sku)
  if (c.quote.estimated) e.estimatedLane = true
  return e
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
