import type { ServiceLevel } from '@switchyard/plugin-sdk'
import type { LocationFacts } from '../../catalog/facts'
import type { Facts } from '../../rules/compile'
import type { ActionParams } from '../../rules/sourcing-actions'
import { factsOf } from '../../rules/validate'
import type { ConditionReason, Exclusion, RoutingLine, RoutingRequest } from '../router'
import { addBlock, addBonus, type Block, type Candidate } from './candidates'
import type { CompiledRuleSet, SourcingRule } from './compiled-rule-set'
import { FactSlots, lineValues, orderFacts } from './facts'
import { orderGateHolds } from './order-gate'

const MAX_RULES_LISTED = 200

/** The rules that fired, as the explanation lists them (at most MAX_RULES_LISTED). */
export type FiredLog = Record<string, unknown>[]

/**
 * Exclusions and holds carry their conditions themselves; tracing every other fired rule's
 * conditions on every decision would cost more than deciding.
 */
function recordFired(fired: FiredLog, rule: SourcingRule, extra: Record<string, unknown> = {}): void {
  if (fired.length < MAX_RULES_LISTED)
    fired.push({ rule: rule.compiled.name, action: rule.action.type, scope: rule.scope, ...extra })
}

export interface OrderRules {
  /** The level the order routes at: the requested one, or the one a rule set. */
  serviceLevel: ServiceLevel
  facts: Record<string, unknown>
  fired: readonly SourcingRule[]
}

/** The order rules that fire. A rule that changes the service level makes them run once more. */
export function evaluateOrderRules(
  req: RoutingRequest,
  ruleSet: CompiledRuleSet,
  fired: FiredLog,
): OrderRules {
  const { order, lines } = req
  const zone = ruleSet.settings.timezone
  let serviceLevel: ServiceLevel = order.serviceLevel
  let facts = orderFacts(order, lines, serviceLevel, zone)
  let orderFired = ruleSet.orderIndex.evaluate(facts)
  const levelRule = orderFired.find((r) => r.action.type === 'serviceLevel')
  if (levelRule) {
    const next = (levelRule.action.params as ActionParams<'serviceLevel'>).serviceLevel
    if (next !== serviceLevel) {
      serviceLevel = next
      facts = orderFacts(order, lines, serviceLevel, zone)
      orderFired = ruleSet.orderIndex.evaluate(facts)
    }
  }
  for (const r of orderFired) recordFired(fired, r)
  return { serviceLevel, facts, fired: orderFired }
}

export function reasons(rule: SourcingRule, facts: Facts, wanted = true): ConditionReason[] {
  return rule.compiled.explain(facts, wanted)
}

interface TargetParams {
  locations?: string[] | undefined
  tags?: string[] | undefined
  types?: string[] | undefined
  strategies?: string[] | undefined
  reason?: string | undefined
  bonus?: number | undefined
}

export interface RuleEffectsInput {
  ruleSet: CompiledRuleSet
  lines: readonly RoutingLine[]
  currency: string
  candidates: readonly Candidate[]
  stockOf: readonly (readonly number[])[]
  orderRules: OrderRules
  fired: FiredLog
  /** The candidate for a location id: rules that name locations touch only those. */
  candidateOf: (locationId: string) => Candidate | undefined
  /**
   * Whether each location a location rule blocks is explained with the fact values it saw (the
   * full trace). A compact decision counts blocked locations by rule, so one exclusion per rule
   * and line serves them all.
   */
  explainBlocks: boolean
  /** Every active location (candidates know their `position` in it), for rules on fixed location facts. */
  network: readonly LocationFacts[]
}

/**
 * Exclusions, restrictions and preferences from order, location, line and line-at-location rules,
 * written onto the candidates. Returns the ship-together groups of two or more lines (line indexes).
 */
export function applyRuleEffects(x: RuleEffectsInput): number[][] {
  const { ruleSet, lines, orderRules } = x
  const slots = new FactSlots(ruleSet.layout, orderRules.facts)
  for (const r of orderRules.fired) targetRule(r, orderRules.facts, null, x)
  if (x.explainBlocks) for (const r of ruleSet.location) locationRule(r, null, 0, slots, x)
  else locationRulesTogether(ruleSet.location, slots, x)
  const groups = new Map<string, number[]>()
  const orderGroup = orderRules.fired.find((r) => r.action.type === 'shipTogether')
  if (orderGroup && lines.length > 1)
    groups.set(
      (orderGroup.action.params as ActionParams<'shipTogether'>).group ?? 'order',
      lines.map((_, i) => i),
    )
  if (ruleSet.line.length > 0 || ruleSet.lineLocation.length > 0)
    lines.forEach((line, li) => {
      slots.setLine(lineValues(line, x.currency))
      for (const r of ruleSet.line) {
        if (!r.slotTest(slots.values)) continue
        recordFired(x.fired, r, { lineId: line.lineId })
        if (r.action.type === 'shipTogether') {
          const g = r.action.params.group ?? r.compiled.name
          const list = groups.get(g) ?? []
          if (!list.includes(li)) list.push(li)
          groups.set(g, list)
        } else targetRule(r, slots, line.lineId, x)
      }
      for (const r of ruleSet.lineLocation) locationRule(r, line, li, slots, x)
    })
  return [...groups.values()].filter((g) => g.length > 1)
}

/** An order or line rule that fired: it blocks, or prefers, the locations its params name. */
function targetRule(
  r: SourcingRule,
  facts: Facts | FactSlots,
  lineId: string | null,
  x: RuleEffectsInput,
): void {
  const a = r.action
  if (a.type !== 'exclude' && a.type !== 'restrict' && a.type !== 'prefer') return
  const p = a.params as TargetParams
  const strategies = p.strategies ?? null
  // Excluding or preferring named locations can only touch those: looked up, not scanned for.
  // (A restriction to named locations blocks every other one, so it scans.)
  const candidates: readonly Candidate[] =
    p.locations && a.type !== 'restrict' ? named(p.locations, x) : x.candidates
  const targets = targetHits(p, x.network)
  // Explained only if it blocks a location; a record of the facts is built only then. One block
  // serves every location it blocks (thousands, for a restriction at ship-from-store scale).
  let block: Block | undefined
  for (let k = 0; k < candidates.length; k++) {
    const c = candidates[k]!
    const hit = targets[c.position] === 1
    if (a.type === 'prefer') {
      if (hit) addBonus(c, { value: p.bonus ?? 0.25, strategies })
      continue
    }
    if (a.type === 'exclude' ? !hit : hit) continue
    // The same exclusion for every location it blocks: built once, when it first blocks one.
    if (!block) {
      const conditions = reasons(r, facts instanceof FactSlots ? facts.snapshot() : facts)
      const why = describeConditions(conditions)
      const exclusion: Exclusion = {
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
      block = { lineId, strategies, exclusion }
    }
    addBlock(c, block)
  }
}

/** The candidates a rule names, once each, in candidate order (the order blocks are written in). */
function named(ids: readonly string[], x: RuleEffectsInput): Candidate[] {
  const out: Candidate[] = []
  for (const id of ids) {
    const c = x.candidateOf(id)
    if (c && !out.includes(c)) out.push(c)
  }
  return out.length > 1 ? out.sort((a, b) => a.index - b.index) : out
}

/**
 * A location rule (`line` null) or a line-at-location rule, tested at every candidate it targets:
 * exclude where its conditions hold, restrict (exclude) where they do not, prefer where they hold.
 */
function locationRule(
  r: SourcingRule,
  line: RoutingLine | null,
  li: number,
  slots: FactSlots,
  x: RuleEffectsInput,
): void {
  const a = r.action
  if (a.type !== 'exclude' && a.type !== 'restrict' && a.type !== 'prefer') return
  const p = a.params as TargetParams
  let shared: Exclusion | undefined
  let sharedBlock: Block | undefined
  // A rule on what a location is (its id, type, tags, country, priority) is looked up, not tested.
  const fixed = line === null ? fixedHits(r, x.network) : undefined
  const targets = targetHits(p, x.network)
  for (let k = 0; k < x.candidates.length; k++) {
    const c = x.candidates[k]!
    let hit: boolean
    if (fixed) hit = fixed[c.position] === 1
    else {
      slots.setLocation(c, line === null ? undefined : x.stockOf[li]![c.index])
      hit = r.slotTest(slots.values)
    }
    if (a.type === 'prefer') {
      if (hit && targets[c.position] === 1)
        addBonus(c, { value: p.bonus ?? 0.25, strategies: p.strategies ?? null })
      continue
    }
    if ((a.type === 'exclude') !== hit || targets[c.position] !== 1) continue
    if (!line) recordFired(x.fired, r, { locationId: c.location.id })
    if (!x.explainBlocks) {
      shared ??= {
        rule: r.compiled.name,
        action: a.type,
        reason: `${p.reason ? `${p.reason}: ` : ''}${line ? `${line.sku} ` : ''}${a.type === 'exclude' ? 'excluded' : 'fails the restriction'}`,
        ...(line ? { lineIds: [line.lineId] } : {}),
        ...(p.strategies ? { strategies: [...p.strategies] } : {}),
      }
      sharedBlock ??= {
        lineId: line ? line.lineId : null,
        strategies: p.strategies ?? null,
        exclusion: shared,
      }
      addBlock(c, sharedBlock)
      continue
    }
    if (fixed) slots.setLocation(c, undefined)
    const conditions = reasons(r, slots.snapshot(), a.type === 'exclude')
    // A location rule is listed once per location it blocks (above); a line-at-location rule only in the exclusion.
    const reason = `${p.reason ? `${p.reason}: ` : ''}${line ? `${line.sku} ` : ''}${a.type === 'exclude' ? 'excluded' : 'fails the restriction'} (${describeConditions(conditions)})`
    const rule = r.compiled.name
    // Built field by field rather than spread, so a block allocates no throwaway objects.
    const exclusion: Exclusion = line
      ? { rule, action: a.type, reason, conditions, lineIds: [line.lineId] }
      : { rule, action: a.type, reason, conditions }
    if (p.strategies) exclusion.strategies = [...p.strategies]
    addBlock(c, { lineId: line ? line.lineId : null, strategies: p.strategies ?? null, exclusion })
  }
}

/**
 * The location rules of a compact decision in one pass over the candidates: each candidate's facts
 * laid into the slots once for all the rules, not once per rule, and each rule's one exclusion
 * shared by every location it blocks (the compact form counts them). Blocks land on each candidate
 * in rule order, as rule by rule; only the order of per-location firings in the log differs, and a
 * compact decision lists none of those (it counts the log).
 */
function locationRulesTogether(rules: readonly SourcingRule[], slots: FactSlots, x: RuleEffectsInput): void {
  const acting = rules.filter(
    (r) => r.action.type === 'exclude' || r.action.type === 'restrict' || r.action.type === 'prefer',
  )
  if (acting.length === 0) return
  // A rule whose order conditions fail holds nowhere: as if on fixed facts no location has.
  const fixed = acting.map((r) =>
    orderGateHolds(r, x.ruleSet.layout, slots.values) ? fixedHits(r, x.network) : nowhere(x.network),
  )
  const targets = acting.map((r) => targetHits(r.action.params as TargetParams, x.network))
  const shared: (Block | undefined)[] = acting.map(() => undefined)
  const tested = fixed.some((f) => f === undefined)
  for (let ci = 0; ci < x.candidates.length; ci++) {
    const c = x.candidates[ci]!
    if (tested) slots.setLocation(c, undefined)
    for (let k = 0; k < acting.length; k++) {
      const r = acting[k]!
      const f = fixed[k]
      const hit = f ? f[c.position] === 1 : r.slotTest(slots.values)
      const type = r.action.type
      const p = r.action.params as TargetParams
      if (type === 'prefer') {
        if (hit && targets[k]![c.position] === 1)
          addBonus(c, { value: p.bonus ?? 0.25, strategies: p.strategies ?? null })
        continue
      }
      if ((type === 'exclude') !== hit || targets[k]![c.position] !== 1) continue
      recordFired(x.fired, r, { locationId: c.location.id })
      let block = shared[k]
      if (!block) {
        const exclusion: Exclusion = {
          rule: r.compiled.name,
          action: type,
          reason: `${p.reason ? `${p.reason}: ` : ''}${type === 'exclude' ? 'excluded' : 'fails the restriction'}`,
          ...(p.strategies ? { strategies: [...p.strategies] } : {}),
        }
        block = { lineId: null, strategies: p.strategies ?? null, exclusion }
        shared[k] = block
      }
      addBlock(c, block)
    }
  }
}

const nowheres = new WeakMap<readonly LocationFacts[], Uint8Array>()

/** No location of the network, by position. */
function nowhere(network: readonly LocationFacts[]): Uint8Array {
  let hits = nowheres.get(network)
  if (!hits) {
    hits = new Uint8Array(network.length)
    nowheres.set(network, hits)
  }
  return hits
}

/** Facts a location has whatever the order: rules reading only these give the same answer for every order. */
const FIXED_FACTS = new Set([
  'location.id',
  'location.type',
  'location.tags',
  'location.country',
  'location.priority',
])
const fixedRules = new WeakMap<SourcingRule, { network: readonly LocationFacts[]; hits: Uint8Array } | null>()

/**
 * Where a location rule on fixed facts holds, by position in the network's list: computed once per
 * rule and list (the catalogue keeps the list until locations change). Undefined for other rules.
 */
function fixedHits(r: SourcingRule, network: readonly LocationFacts[]): Uint8Array | undefined {
  let entry = fixedRules.get(r)
  if (entry === undefined) {
    const fixed = [...factsOf(r.compiled.rule.conditions)].every((f) => FIXED_FACTS.has(f))
    entry = fixed ? { network, hits: hitsOver(r, network) } : null
    fixedRules.set(r, entry)
  }
  if (entry === null) return undefined
  if (entry.network !== network) {
    entry.network = network
    entry.hits = hitsOver(r, network)
  }
  return entry.hits
}

function hitsOver(r: SourcingRule, network: readonly LocationFacts[]): Uint8Array {
  const hits = new Uint8Array(network.length)
  network.forEach((l, i) => {
    const facts = {
      'location.id': l.id,
      'location.type': l.type,
      'location.tags': l.tags,
      'location.country': l.country,
      'location.priority': l.priority,
    }
    if (r.compiled.test(facts)) hits[i] = 1
  })
  return hits
}

function describeConditions(list: readonly ConditionReason[] | undefined): string {
  if (!list || list.length === 0) return ''
  return list
    .slice(0, 3)
    .map((c) => `${c.fact} is ${JSON.stringify(c.factValue)}`)
    .join(', ')
}

const targetsOf = new WeakMap<TargetParams, { network: readonly LocationFacts[]; hits: Uint8Array }>()

/**
 * Which locations of the network (by position) a rule's target names: fixed by the rule's params
 * and what each location is, so worked out once per rule and location list, not per order.
 */
function targetHits(t: TargetParams, network: readonly LocationFacts[]): Uint8Array {
  let entry = targetsOf.get(t)
  if (!entry || entry.network !== network) {
    const hits = new Uint8Array(network.length)
    network.forEach((l, i) => {
      if (matchesTarget(t, l)) hits[i] = 1
    })
    entry = { network, hits }
    targetsOf.set(t, entry)
  }
  return entry.hits
}

export function matchesTarget(t: TargetParams, loc: LocationFacts): boolean {
  if (t.locations && !t.locations.includes(loc.id)) return false
  if (t.tags && !t.tags.every((tag) => loc.tags.includes(tag))) return false
  if (t.types && !t.types.includes(loc.type)) return false
  return true
}

function targetText(t: TargetParams): string {
  const parts: string[] = []
  if (t.locations) parts.push(`locations ${t.locations.join(', ')}`)
  if (t.tags) parts.push(`tagged ${t.tags.join(' + ')}`)
  if (t.types) parts.push(`of type ${t.types.join(' or ')}`)
  return parts.join(', ') || 'every location'
}
