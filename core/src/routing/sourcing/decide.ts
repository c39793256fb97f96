import type { ServiceLevel } from '@switchyard/plugin-sdk'
import type { LocationFacts } from '../../catalog/facts'
import { currencyExponent, fromMinorUnits } from '../../catalog/money'
import type { Facts } from '../../rules/compile'
import {
  type ActionParams,
  type Criterion,
  criteria,
  defaultCriteria,
  type StrategyFilter,
  type UnfillablePolicy,
} from '../../rules/sourcing-actions'
import type { PostcodeCentroids } from '../centroids/postcode-centroids'
import { countryCentroid, distanceKm } from '../geo'
import type {
  Assignment,
  CandidateExplanation,
  ConditionReason,
  Exclusion,
  RoutingPlan,
  RoutingRequest,
  Shipment,
} from '../router'
import { dateOf, localTime, promiseDates } from './calendar'
import type { CompiledRuleSet, SourcingRule } from './compiled-rule-set'
import { type LocationFactValues, lineValues, orderFacts } from './facts'
import { type LaneIndex, type LaneQuote, normalisePostcode } from './lanes'
import { type OptimiserResult, optimise } from './optimiser'
import { type EffectiveSplit, effectiveSplit, type FiredSplitRule } from './split-policy'
import { summarise } from './summary'

export interface SourcingInputs {
  ruleSet: CompiledRuleSet
  lanes: LaneIndex
  centroids?: PostcodeCentroids | undefined
}

interface Strategy {
  id: string
  label: string
  fallback: boolean
  rule: string | null
  sequence: number
  index: number
  params: Partial<ActionParams<'strategy'>>
}

interface TargetParams {
  locations?: string[] | undefined
  tags?: string[] | undefined
  types?: string[] | undefined
  strategies?: string[] | undefined
  reason?: string | undefined
  bonus?: number | undefined
}

interface Block {
  lineId: string | null
  strategies: readonly string[] | null
  exclusion: Exclusion
}

interface Candidate {
  location: LocationFacts
  index: number
  distanceKm: number | null
  quote: LaneQuote
  capacityLeft: number | null
  values: LocationFactValues
  blocks: Block[]
  bonus: { value: number; strategies: readonly string[] | null }[]
}

const PROMISE_TARGET: Record<string, number> = {
  overnight: 1,
  express: 1,
  standard: 3,
  economy: 5,
  pickup: 0,
}
const MAX_RULES_LISTED = 200

function reasons(rule: SourcingRule, facts: Facts, wanted = true): ConditionReason[] {
  return rule.compiled.explain(facts, wanted)
}

function describeConditions(list: readonly ConditionReason[] | undefined): string {
  if (!list || list.length === 0) return ''
  return list
    .slice(0, 3)
    .map((c) => `${c.fact} is ${JSON.stringify(c.factValue)}`)
    .join(', ')
}

function matchesTarget(
  t: { locations?: string[] | undefined; tags?: string[] | undefined; types?: string[] | undefined },
  loc: LocationFacts,
): boolean {
  if (t.locations && !t.locations.includes(loc.id)) return false
  if (t.tags && !t.tags.every((tag) => loc.tags.includes(tag))) return false
  if (t.types && !t.types.includes(loc.type)) return false
  return true
}

function targetText(t: {
  locations?: string[] | undefined
  tags?: string[] | undefined
  types?: string[] | undefined
}): string {
  const parts: string[] = []
  if (t.locations) parts.push(`locations ${t.locations.join(', ')}`)
  if (t.tags) parts.push(`tagged ${t.tags.join(' + ')}`)
  if (t.types) parts.push(`of type ${t.types.join(' or ')}`)
  return parts.join(', ') || 'every location'
}

function applies(strategies: readonly string[] | null | undefined, id: string): boolean {
  return !strategies || strategies.includes(id)
}

/**
 * One sourcing decision: rules, candidate facts, strategies in turn with the optimiser, promise
 * dates and the explanation. Pure and synchronous; the same request and inputs always give the
 * same plan.
 */
export function decide(req: RoutingRequest, inputs: SourcingInputs): RoutingPlan {
  const { ruleSet, lanes } = inputs
  const now = req.now.getTime()
  const { order, lines } = req
  const currency = order.currency
  const fired: Record<string, unknown>[] = []
  // Which rules fired, for the explanation. Exclusions and holds carry their conditions themselves;
  // tracing every other fired rule's conditions on every decision would cost more than deciding.
  const recordFired = (rule: SourcingRule, extra: Record<string, unknown> = {}) => {
    if (fired.length < MAX_RULES_LISTED)
      fired.push({ rule: rule.compiled.name, action: rule.action.type, scope: rule.scope, ...extra })
  }

  // 1. Order rules. A rule that changes the service level makes the order rules run once more.
  let serviceLevel: ServiceLevel = order.serviceLevel
  let oFacts = orderFacts(order, lines, serviceLevel, ruleSet.settings.timezone)
  let orderFired = ruleSet.orderIndex.evaluate(oFacts)
  const levelRule = orderFired.find((r) => r.action.type === 'serviceLevel')
  if (levelRule) {
    const next = (levelRule.action.params as ActionParams<'serviceLevel'>).serviceLevel
    if (next !== serviceLevel) {
      serviceLevel = next
      oFacts = orderFacts(order, lines, serviceLevel, ruleSet.settings.timezone)
      orderFired = ruleSet.orderIndex.evaluate(oFacts)
    }
  }
  for (const r of orderFired) recordFired(r)

  const holdRule = req.holdReleased ? undefined : orderFired.find((r) => r.action.type === 'hold')
  const destination = {
    country: order.shipTo.country,
    region: order.shipTo.region ?? null,
    postcode: normalisePostcode(order.shipTo.postcode),
  }
  const origin = originOf(req, inputs.centroids)

  // 2. Candidates and their facts.
  const stockOf = lines.map((l) => req.locations.map((loc) => req.stock.available(l.sku, loc.id)))
  const units = lines.reduce((s, l) => s + l.quantity, 0)
  const candidates: Candidate[] = req.locations.map((location, index) => {
    const d = origin ? distanceKm(origin[0], origin[1], location.lat, location.lon) : null
    const quote = lanes.quote(location, destination, serviceLevel, d, currency)
    let capacityLeft: number | null = null
    if (location.dailyCapacity !== null) {
      const day = localTime(now, location.timezone).date
      capacityLeft = location.dailyCapacity - (req.capacity?.used(location.id, day) ?? 0)
    }
    let fillable = 0
    lines.forEach((l, li) => {
      fillable += Math.min(l.quantity, stockOf[li]![index]!)
    })
    const values: LocationFactValues = {
      'location.id': location.id,
      'location.type': location.type,
      'location.tags': location.tags,
      'location.country': location.country,
      'location.distanceKm': d === null ? 1e6 : Math.round(d * 10) / 10,
      'location.transitDays': quote.transitDays,
      'location.shippingCost': quote.costMinor / 10 ** decimals(quote.currency),
      'location.capacityLeft': capacityLeft,
      'location.fillShare': units === 0 ? 0 : Math.round((fillable / units) * 1000) / 1000,
      'location.priority': location.priority,
    }
    return { location, index, distanceKm: d, quote, capacityLeft, values, blocks: [], bonus: [] }
  })
  const block = (c: Candidate, b: Block) => c.blocks.push(b)
  const excluded = req.excludedLocationIds
  for (const c of candidates) {
    if (excluded?.has(c.location.id))
      block(c, {
        lineId: null,
        strategies: null,
        exclusion: { rule: 'previously-rejected', reason: 'this location already rejected the order' },
      })
    if (c.capacityLeft !== null && c.capacityLeft <= 0)
      block(c, {
        lineId: null,
        strategies: null,
        exclusion: {
          rule: 'capacity',
          reason: `daily capacity reached (${c.location.dailyCapacity} orders today, local day)`,
        },
      })
  }

  // 3. Exclusions, restrictions and preferences from order, location, line and line-at-location rules.
  const targetRule = (r: SourcingRule, facts: Facts | (() => Facts), lineId: string | null) => {
    const a = r.action
    if (a.type !== 'exclude' && a.type !== 'restrict' && a.type !== 'prefer') return
    const p = a.params as TargetParams
    const strategies = p.strategies ?? null
    // Explained only if it blocks a location; a record of the facts is built only then.
    let exclusion: Exclusion | undefined
    for (const c of candidates) {
      const hit = matchesTarget(p, c.location)
      if (a.type === 'prefer') {
        if (hit) c.bonus.push({ value: p.bonus ?? 0.25, strategies })
        continue
      }
      if (a.type === 'exclude' ? !hit : hit) continue
      // The same exclusion for every location it blocks: built once, when it first blocks one.
      if (!exclusion) {
        const conditions = reasons(r, typeof facts === 'function' ? facts() : facts)
        const why = describeConditions(conditions)
        exclusion = {
          rule: r.compiled.name,
          action: a.type,
          reason:
            (p.reason ? `${p.reason}: ` : '') +
            (a.type === 'exclude' ? `excludes ${targetText(p)}` : `only ${targetText(p)} may ship`) +
            (why ? ` (${why})` : ''),
          conditions,
          ...(lineId ? { lineIds: [lineId] } : {}),
          ...(strategies ? { strategies: [...strategies] } : {}),
        }
      }
      block(c, { lineId, strategies, exclusion })
    }
  }
  // Line and location rules run over fact slots; a record of the facts is built only to explain.
  const layout = ruleSet.layout
  const slots: unknown[] = new Array(layout.size)
  for (const [i, f] of layout.order) slots[i] = oFacts[f]
  const setLocation = (c: Candidate, li: number | null) => {
    for (const [i, f] of layout.location)
      slots[i] =
        f === 'location.stockForLine'
          ? li === null
            ? undefined
            : stockOf[li]![c.index]
          : c.values[f as keyof LocationFactValues]
  }
  // The facts of the evaluation the slots hold now, by name: only to explain a rule that acted.
  const snapshot = (): Facts => {
    const f: Record<string, unknown> = {}
    for (const [i, name] of layout.order) f[name] = slots[i]
    for (const [i, name] of layout.line) f[name] = slots[i]
    for (const [i, name] of layout.location) f[name] = slots[i]
    return f
  }
  if (!holdRule) {
    for (const r of orderFired) targetRule(r, oFacts, null)
    for (const r of ruleSet.location) {
      const a = r.action
      if (a.type !== 'exclude' && a.type !== 'restrict' && a.type !== 'prefer') continue
      for (const c of candidates) {
        setLocation(c, null)
        const hit = r.slotTest(slots)
        const p = a.params as TargetParams
        if (a.type === 'prefer') {
          if (hit && matchesTarget(p, c.location))
            c.bonus.push({ value: p.bonus ?? 0.25, strategies: p.strategies ?? null })
          continue
        }
        // Exclude where the conditions hold; restrict: exclude where they do not.
        if ((a.type === 'exclude') !== hit || !matchesTarget(p, c.location)) continue
        const conditions = reasons(r, snapshot(), a.type === 'exclude')
        recordFired(r, { locationId: c.location.id })
        block(c, {
          lineId: null,
          strategies: p.strategies ?? null,
          exclusion: {
            rule: r.compiled.name,
            action: a.type,
            reason: `${p.reason ? `${p.reason}: ` : ''}${a.type === 'exclude' ? 'excluded' : 'fails the restriction'} (${describeConditions(conditions)})`,
            conditions,
            ...(p.strategies ? { strategies: [...p.strategies] } : {}),
          },
        })
      }
    }
  }
  const groups = new Map<string, number[]>()
  const orderGroup = orderFired.find((r) => r.action.type === 'shipTogether')
  if (orderGroup && lines.length > 1)
    groups.set(
      (orderGroup.action.params as ActionParams<'shipTogether'>).group ?? 'order',
      lines.map((_, i) => i),
    )
  if (!holdRule && (ruleSet.line.length > 0 || ruleSet.lineLocation.length > 0)) {
    lines.forEach((line, li) => {
      const lv = lineValues(line, currency)
      for (const [i, f] of layout.line) slots[i] = lv[f]
      for (const r of ruleSet.line) {
        if (!r.slotTest(slots)) continue
        recordFired(r, { lineId: line.lineId })
        if (r.action.type === 'shipTogether') {
          const g = r.action.params.group ?? r.compiled.name
          const list = groups.get(g) ?? []
          if (!list.includes(li)) list.push(li)
          groups.set(g, list)
        } else targetRule(r, snapshot, line.lineId)
      }
      for (const r of ruleSet.lineLocation) {
        const a = r.action
        if (a.type !== 'exclude' && a.type !== 'restrict' && a.type !== 'prefer') continue
        const ap = a.params as TargetParams
        for (const c of candidates) {
          setLocation(c, li)
          const hit = r.slotTest(slots)
          if (a.type === 'prefer') {
            if (hit && matchesTarget(ap, c.location))
              c.bonus.push({ value: ap.bonus ?? 0.25, strategies: ap.strategies ?? null })
            continue
          }
          if ((a.type === 'exclude') !== hit || !matchesTarget(ap, c.location)) continue
          const conditions = reasons(r, snapshot(), a.type === 'exclude')
          block(c, {
            lineId: line.lineId,
            strategies: ap.strategies ?? null,
            exclusion: {
              rule: r.compiled.name,
              action: a.type,
              reason: `${ap.reason ? `${ap.reason}: ` : ''}${line.sku} ${a.type === 'exclude' ? 'excluded' : 'fails the restriction'} (${describeConditions(conditions)})`,
              conditions,
              lineIds: [line.lineId],
              ...(ap.strategies ? { strategies: [...ap.strategies] } : {}),
            },
          })
        }
      }
    })
  }

  // 4. Strategies: the first that fills the whole order wins; the fallback may fill part of it.
  const all = strategiesOf(ruleSet)
  const firedNames = new Set(orderFired.map((r) => r.compiled.name))
  const applicable = all.filter((s) => firedNames.has(s.rule!))
  const primaries = ruleSet.hasStrategies
    ? applicable.filter((s) => !s.fallback)
    : [{ id: 'default', label: 'default', fallback: false, rule: null, sequence: 0, index: 0, params: {} }]
  const fallback = applicable.find((s) => s.fallback) ?? {
    id: ruleSet.hasStrategies ? 'built-in-fallback' : 'default-fallback',
    label: 'fallback',
    fallback: true,
    rule: null,
    sequence: 1e9,
    index: 1e9,
    params: {},
  }
  const tried: Record<string, unknown>[] = all
    .filter((s) => !firedNames.has(s.rule!))
    .map((s) => ({ id: s.id, rule: s.rule, outcome: 'conditions not met' }))

  const orderSplit: FiredSplitRule[] = orderFired
    .filter((r) => r.action.type === 'split')
    .map((r) => ({ rule: r.compiled.name, params: r.action.params as ActionParams<'split'> }))
  const orderWeights = orderFired.filter((r) => r.action.type === 'weight')
  const orderUnfillable = orderFired.find((r) => r.action.type === 'unfillable')

  const lineInputs = lines.map((l) => ({
    qty: l.quantity,
    valueMinor: Math.max(0, (l.unitPriceMinor ?? 0) * l.quantity - (l.discountMinor ?? 0)),
  }))
  const groupList = [...groups.values()].filter((g) => g.length > 1)
  const scale = 10 ** decimals(currency)

  let chosen: {
    strategy: Strategy
    result: OptimiserResult
    costs: Record<Criterion, number>[]
    totals: number[]
    split: EffectiveSplit
    avail: number[][]
  } | null = null
  let lastEval: {
    strategy: Strategy
    costs: Record<Criterion, number>[]
    totals: number[]
    split: EffectiveSplit
    avail: number[][]
  } | null = null
  if (!holdRule) {
    for (const s of [...primaries, fallback]) {
      const weights = { ...defaultCriteria(serviceLevel), ...(s.params.criteria ?? {}) } as Record<
        Criterion,
        number
      >
      for (const r of orderWeights) {
        const p = r.action.params as ActionParams<'weight'>
        if (!applies(p.strategies, s.id)) continue
        if (p.weight !== undefined) weights[p.criterion] = p.weight
        if (p.factor !== undefined) weights[p.criterion] *= p.factor
      }
      const split = effectiveSplit(
        { id: s.id, label: s.label, split: s.params.split },
        orderSplit,
        req.shipmentsSoFar,
      )
      const filterBlocks = strategyFilter(s, candidates, destination.country)
      const avail = lines.map((l, li) =>
        candidates.map((c) => {
          if (filterBlocks.has(c.index)) return 0
          for (const b of c.blocks)
            if ((b.lineId === null || b.lineId === l.lineId) && applies(b.strategies, s.id)) return 0
          return stockOf[li]![c.index]!
        }),
      )
      const { costs, totals } = costModel(candidates, avail, lines, stockOf, weights, serviceLevel, s.id)
      lastEval = { strategy: s, costs, totals, split, avail }
      const result = optimise({
        lines: lineInputs,
        cost: totals,
        avail,
        groups: groupList,
        split: {
          allowed: split.policy === 'allowed',
          maxShipments: split.budget,
          minShipmentValueMinor: Math.round(split.minShipmentValue * scale),
        },
        splitPenalty: weights.split,
        allowPartial: s.fallback,
      })
      if (result && (result.complete || s.fallback)) {
        tried.push({
          id: s.id,
          rule: s.rule,
          outcome: result.complete ? 'filled the order' : 'filled part of the order',
          exact: result.exact,
        })
        chosen = { strategy: s, result, costs, totals, split, avail }
        break
      }
      tried.push({ id: s.id, rule: s.rule, outcome: 'could not fill the whole order' })
    }
  }

  // 5. The plan: assignments, shipments with promise dates, the explanation.
  const assignments: Assignment[] = []
  const unfilled: RoutingPlan['unfilled'] = []
  const shipments: Shipment[] = []
  if (chosen) {
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
  } else if (!holdRule) {
    for (const l of lines) unfilled.push({ lineId: l.lineId, sku: l.sku, quantity: l.quantity })
  }

  const fallbackUnfillable = chosen?.strategy.params.unfillable ??
    (orderUnfillable?.action.params as UnfillablePolicy | undefined) ?? { action: 'backorder' as const }
  const unfillable =
    unfilled.length === 0
      ? undefined
      : fallbackUnfillable.action === 'cancelAfter'
        ? {
            action: 'cancelAfter' as const,
            cancelAfter: dateOf(
              localTime(now, ruleSet.settings.timezone).day + (fallbackUnfillable.days ?? 7),
            ),
          }
        : { action: 'backorder' as const }

  const decidedBy = chosen ?? lastEval
  const chosenIds = new Set(shipments.map((s) => s.locationId))
  const decidedFilters = decidedBy
    ? strategyFilter(decidedBy.strategy, candidates, destination.country)
    : undefined
  const explained: CandidateExplanation[] = candidates.map((c) => {
    const sid = decidedBy?.strategy.id
    const whole = c.blocks.find((b) => b.lineId === null && (!sid || applies(b.strategies, sid)))
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

  const promiseDate =
    unfilled.length === 0 && shipments.length > 0
      ? shipments
          .map((s) => s.promiseDate)
          .sort()
          .at(-1)!
      : null
  const hold = holdRule
    ? {
        reason: (holdRule.action.params as ActionParams<'hold'>).reason,
        rule: holdRule.compiled.name,
      }
    : undefined
  const summary = summarise({
    hold: hold ? { ...hold, conditions: reasons(holdRule!, oFacts) } : undefined,
    lines,
    candidates,
    explained,
    shipments,
    unfilled,
    chosen: chosen ? { strategy: chosen.strategy, totals: chosen.totals } : null,
    stockOf,
    serviceLevel,
    requestedServiceLevel: order.serviceLevel,
    promiseDate,
    unfillable,
    currency,
    splitNote: decidedBy?.split.note ?? null,
    // Unfilled although a location the strategy may use holds it: the split policy (or a
    // ship-together group) kept it out, not a lack of stock.
    heldBack:
      !!decidedBy &&
      unfilled.some((u) => {
        const li = lines.findIndex((l) => l.lineId === u.lineId)
        return decidedBy.avail[li]!.some((q, ci) => q > 0 && !chosenIds.has(candidates[ci]!.location.id))
      }),
  })
  return {
    assignments,
    unfilled,
    ...(hold ? { hold } : {}),
    strategy: hold ? 'hold' : (chosen?.strategy.id ?? fallback.id),
    ruleSetVersionId: ruleSet.versionId,
    summary,
    candidates: explained,
    shipments,
    promiseDate,
    ...(unfillable ? { unfillable } : {}),
    serviceLevel,
    details: {
      ruleSetId: ruleSet.ruleSetId,
      ruleSetVersion: ruleSet.version,
      requestedServiceLevel: order.serviceLevel,
      serviceLevel,
      destination: { ...destination, coordinates: origin ?? null },
      rulesFired: fired,
      strategies: tried,
      split: decidedBy ? splitDetails(decidedBy.split) : null,
      optimiser: chosen
        ? { exact: chosen.result.exact, cost: Math.round(chosen.result.cost * 1000) / 1000 }
        : null,
    },
  }
}

/** The split policy the deciding strategy routed under, and who set it, for the explanation. */
function splitDetails(x: EffectiveSplit): Record<string, unknown> {
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

const strategyCache = new WeakMap<CompiledRuleSet, Strategy[]>()

/** A rule set's strategies in the order they are tried (sequence, then rule order); once per rule set. */
function strategiesOf(ruleSet: CompiledRuleSet): Strategy[] {
  let list = strategyCache.get(ruleSet)
  if (!list) {
    list = ruleSet.order
      .filter((r) => r.action.type === 'strategy')
      .map((r) => {
        const p = r.action.params as ActionParams<'strategy'>
        return {
          id: p.id,
          label: p.label ?? p.id,
          fallback: Boolean(p.fallback),
          rule: r.compiled.name,
          sequence: p.sequence ?? r.compiled.index,
          index: r.compiled.index,
          params: p,
        }
      })
      .sort((a, b) => a.sequence - b.sequence || a.index - b.index)
    strategyCache.set(ruleSet, list)
  }
  return list
}

function decimals(currency: string): number {
  return currencyExponent(currency)
}

function originOf(
  req: RoutingRequest,
  centroids: PostcodeCentroids | undefined,
): [number, number] | undefined {
  const { lat, lon, country, postcode } = req.order.shipTo
  if (lat !== undefined && lon !== undefined) return [lat, lon]
  return centroids?.lookup(country, postcode) ?? countryCentroid(country)
}

/** Locations a strategy's own filters leave out, with the reason. */
function strategyFilter(
  s: Strategy,
  candidates: readonly Candidate[],
  destCountry: string,
): Map<number, Exclusion> {
  const out = new Map<number, Exclusion>()
  const f = s.params.filters as StrategyFilter | undefined
  if (!f) return out
  for (const c of candidates) {
    const loc = c.location
    let why: string | null = null
    if (f.locations && !f.locations.includes(loc.id)) why = `not one of ${f.locations.join(', ')}`
    else if (f.tags && !f.tags.every((t) => loc.tags.includes(t))) why = `not tagged ${f.tags.join(' + ')}`
    else if (f.types && !f.types.includes(loc.type)) why = `not a ${f.types.join(' or ')}`
    else if (f.countries) {
      const allowed = f.countries === 'destination' ? [destCountry] : f.countries
      if (!allowed.includes(loc.country)) why = `ships from ${loc.country}, outside ${allowed.join(', ')}`
    }
    if (!why && f.maxDistanceKm !== undefined && (c.distanceKm ?? Number.POSITIVE_INFINITY) > f.maxDistanceKm)
      why = `${Math.round(c.distanceKm ?? 0)} km away, beyond ${f.maxDistanceKm} km`
    if (why)
      out.set(c.index, {
        rule: s.rule ?? `strategy:${s.id}`,
        action: 'filter',
        reason: `strategy '${s.label}' filter: ${why}`,
        strategies: [s.id],
      })
  }
  return out
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
function costModel(
  candidates: readonly Candidate[],
  avail: readonly (readonly number[])[],
  lines: RoutingRequest['lines'],
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
    for (const b of c.bonus) if (applies(b.strategies, strategyId)) bonus = Math.max(bonus, b.value)
    if (bonus > 0) total *= 1 - bonus
    costs.push(row)
    totals.push(total)
  }
  return { costs, totals }
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
