import type { ServiceLevel } from '@switchyard/plugin-sdk'
import { currencyExponent } from '../../catalog/money'
import {
  type ActionParams,
  type Criterion,
  defaultCriteria,
  type StrategyFilter,
} from '../../rules/sourcing-actions'
import type { Exclusion, RoutingRequest } from '../router'
import type { Candidate } from './candidates'
import { columns } from './columns'
import type { CompiledRuleSet, SourcingRule } from './compiled-rule-set'
import { appliesTo, type CandidateCosts, costModel, criterionValues } from './cost-model'
import { type OptimiserResult, optimise } from './optimiser'
import { type EffectiveSplit, effectiveSplit, type FiredSplitRule } from './split-policy'

export interface Strategy {
  id: string
  label: string
  fallback: boolean
  rule: string | null
  sequence: number
  index: number
  params: Partial<ActionParams<'strategy'>>
}

/** How one strategy scored the candidates, and what the optimiser made of it. */
export interface StrategyEvaluation {
  strategy: Strategy
  /** Each candidate's cost by criterion, built when asked (only explained candidates are). */
  costs: CandidateCosts['row']
  totals: Float64Array
  split: EffectiveSplit
  /** Units of each line each candidate may ship under this strategy: `avail[line][candidate]`. */
  avail: Float64Array[]
  /** By candidate: 1 where it may ship something under this strategy. */
  usable: Uint8Array
  /** By candidate: 1 where the strategy's own filters leave it out. */
  filtered: Uint8Array
  result: OptimiserResult | null
}

export interface ChosenStrategy extends StrategyEvaluation {
  result: OptimiserResult
}

/** Without strategy rules every order routes under one default strategy, then its fallback. */
const DEFAULT: Strategy = {
  id: 'default',
  label: 'default',
  fallback: false,
  rule: null,
  sequence: 0,
  index: 0,
  params: {},
}
const fallbackNamed = (id: string): Strategy => ({
  id,
  label: 'fallback',
  fallback: true,
  rule: null,
  sequence: 1e9,
  index: 1e9,
  params: {},
})
const BUILT_IN_FALLBACK = fallbackNamed('built-in-fallback')
const DEFAULT_FALLBACK = fallbackNamed('default-fallback')

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

/**
 * The strategies whose rules fired, in the order they are tried, ending with the one fallback;
 * `tried` starts with those whose conditions were not met, for the explanation.
 */
export function strategiesToTry(
  ruleSet: CompiledRuleSet,
  orderFired: readonly SourcingRule[],
): { queue: Strategy[]; fallback: Strategy; tried: Record<string, unknown>[] } {
  const all = strategiesOf(ruleSet)
  const firedNames = new Set(orderFired.map((r) => r.compiled.name))
  const applicable = all.filter((s) => firedNames.has(s.rule!))
  const primaries = ruleSet.hasStrategies ? applicable.filter((s) => !s.fallback) : [DEFAULT]
  const fallback =
    applicable.find((s) => s.fallback) ?? (ruleSet.hasStrategies ? BUILT_IN_FALLBACK : DEFAULT_FALLBACK)
  const tried: Record<string, unknown>[] = all
    .filter((s) => !firedNames.has(s.rule!))
    .map((s) => ({ id: s.id, rule: s.rule, outcome: 'conditions not met' }))
  return { queue: [...primaries, fallback], fallback, tried }
}

export interface StrategyChoiceInput {
  req: RoutingRequest
  candidates: readonly Candidate[]
  stockOf: readonly (readonly number[])[]
  serviceLevel: ServiceLevel
  orderFired: readonly SourcingRule[]
  /** Ship-together groups of line indexes. */
  groups: number[][]
  destinationCountry: string
}

/**
 * Each strategy in turn, scored and optimised: the first that fills the whole order wins; the
 * fallback may fill part of it. Appends each attempt to `tried`. `decidedBy` is the strategy the
 * explanation scores under: the chosen one, else the last tried.
 */
export function chooseStrategy(
  queue: readonly Strategy[],
  x: StrategyChoiceInput,
  tried: Record<string, unknown>[],
): { chosen: ChosenStrategy | null; decidedBy: StrategyEvaluation | null } {
  const { req, candidates, stockOf, serviceLevel } = x
  const { lines } = req
  const orderSplit: FiredSplitRule[] = x.orderFired
    .filter((r) => r.action.type === 'split')
    .map((r) => ({ rule: r.compiled.name, params: r.action.params as ActionParams<'split'> }))
  const orderWeights = x.orderFired.filter((r) => r.action.type === 'weight')
  const lineInputs = lines.map((l) => ({
    qty: l.quantity,
    valueMinor: Math.max(0, (l.unitPriceMinor ?? 0) * l.quantity - (l.discountMinor ?? 0)),
    // A kit line ships from one location (its components are packed together there).
    whole: l.product.components !== undefined,
  }))
  const scale = 10 ** currencyExponent(req.order.currency)
  // The criteria are the same under every strategy: read once, scaled per strategy.
  const values = criterionValues(candidates, lines, stockOf, serviceLevel)
  let last: StrategyEvaluation | null = null
  let tries = 0
  for (const s of queue) {
    // Two sets of arrays in turn: the last strategy tried stays readable while the next is scored.
    const set = tries++ % 2
    const weights = weightsFor(s, serviceLevel, orderWeights)
    const split = effectiveSplit(
      { id: s.id, label: s.label, split: s.params.split },
      orderSplit,
      req.shipmentsSoFar,
    )
    const usable = columns.flags(`usable${set}`, candidates.length)
    const filtered = columns.flags(`filtered${set}`, candidates.length)
    const avail = availability(s, x, set, usable, filtered)
    const totals = columns.get(`totals${set}`, candidates.length)
    const { row: costs } = costModel(candidates, usable, values, weights, s.id, totals)
    const result = optimise({
      lines: lineInputs,
      cost: totals,
      avail,
      groups: x.groups,
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
      const chosen: ChosenStrategy = { strategy: s, costs, totals, split, avail, usable, filtered, result }
      return { chosen, decidedBy: chosen }
    }
    last = { strategy: s, costs, totals, split, avail, usable, filtered, result }
    tried.push({ id: s.id, rule: s.rule, outcome: 'could not fill the whole order' })
  }
  return { chosen: null, decidedBy: last }
}

/** The service level's default weights, the strategy's own, then fired weight rules that apply to it. */
function weightsFor(
  s: Strategy,
  serviceLevel: ServiceLevel,
  orderWeights: readonly SourcingRule[],
): Record<Criterion, number> {
  const weights = { ...defaultCriteria(serviceLevel), ...(s.params.criteria ?? {}) } as Record<
    Criterion,
    number
  >
  for (const r of orderWeights) {
    const p = r.action.params as ActionParams<'weight'>
    if (!appliesTo(p.strategies, s.id)) continue
    if (p.weight !== undefined) weights[p.criterion] = p.weight
    if (p.factor !== undefined) weights[p.criterion] *= p.factor
  }
  return weights
}

/**
 * Units of each line each candidate may ship under a strategy: none where it is filtered or
 * blocked. `usable` and `filtered` are written with which candidates may ship something, and
 * which the strategy's filters leave out.
 */
function availability(
  s: Strategy,
  x: StrategyChoiceInput,
  set: number,
  usable: Uint8Array,
  filtered: Uint8Array,
): Float64Array[] {
  const f = s.params.filters as StrategyFilter | undefined
  const { lines } = x.req
  const { candidates, stockOf } = x
  const n = candidates.length
  const avail = lines.map((_, li) => columns.get(`avail${set}.${li}`, n))
  for (let i = 0; i < n; i++) {
    const c = candidates[i]!
    const out = f !== undefined && filterReason(f, c, x.destinationCountry, false) !== null
    filtered[i] = out ? 1 : 0
    const { blocks } = c
    let any = 0
    for (let li = 0; li < lines.length; li++) {
      let q = out ? 0 : stockOf[li]![i]!
      for (let k = 0; k < blocks.length && q > 0; k++) {
        const b = blocks[k]!
        if ((b.lineId === null || b.lineId === lines[li]!.lineId) && appliesTo(b.strategies, s.id)) q = 0
      }
      avail[li]![i] = q
      if (q > 0) any = 1
    }
    usable[i] = any
  }
  return avail
}

/**
 * Why a strategy's filter leaves a location out, or null when it does not. `words` false answers
 * only whether it does (an empty string), so scoring builds no text for the thousands left out.
 */
function filterReason(f: StrategyFilter, c: Candidate, destCountry: string, words: boolean): string | null {
  const loc = c.location
  if (f.locations && !f.locations.includes(loc.id)) return words ? `not one of ${f.locations.join(', ')}` : ''
  if (f.tags && !f.tags.every((t) => loc.tags.includes(t)))
    return words ? `not tagged ${f.tags.join(' + ')}` : ''
  if (f.types && !f.types.includes(loc.type)) return words ? `not a ${f.types.join(' or ')}` : ''
  if (f.countries) {
    const inside =
      f.countries === 'destination' ? loc.country === destCountry : f.countries.includes(loc.country)
    if (!inside)
      return words
        ? `ships from ${loc.country}, outside ${f.countries === 'destination' ? destCountry : f.countries.join(', ')}`
        : ''
  }
  if (f.maxDistanceKm !== undefined && (c.distanceKm ?? Number.POSITIVE_INFINITY) > f.maxDistanceKm)
    return words ? `${Math.round(c.distanceKm ?? 0)} km away, beyond ${f.maxDistanceKm} km` : ''
  return null
}

const filterBlocks = new WeakMap<Strategy, Exclusion>()

/**
 * Why a strategy's own filters leave a location out (undefined: they do not). With `words` false,
 * one exclusion per strategy serves every location it leaves out (a compact decision counts them).
 */
export function filterExclusion(
  s: Strategy,
  c: Candidate,
  destCountry: string,
  words: boolean,
): Exclusion | undefined {
  const f = s.params.filters as StrategyFilter | undefined
  if (!f) return undefined
  const why = filterReason(f, c, destCountry, words)
  if (why === null) return undefined
  if (words)
    return {
      rule: s.rule ?? `strategy:${s.id}`,
      action: 'filter',
      reason: `strategy '${s.label}' filter: ${why}`,
      strategies: [s.id],
    }
  let shared = filterBlocks.get(s)
  if (!shared) {
    shared = {
      rule: s.rule ?? `strategy:${s.id}`,
      action: 'filter',
      reason: `strategy '${s.label}' filter`,
      strategies: [s.id],
    }
    filterBlocks.set(s, shared)
  }
  return shared
}
