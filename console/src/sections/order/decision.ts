import type { Order, RuleSetVersion } from '../../api/client'

/**
 * The stored routing decision as the order page shows it. The hub's schema leaves `plan` and
 * `explanation` open (server/src/routes/views/orders.ts says unknown); these are the fields read,
 * from core's CandidateExplanation and routing explanation (core/src/routing/sourcing/explanation.ts).
 */
interface Exclusion {
  rule?: string
  action?: string
  reason?: string
  lineIds?: string[]
}
export interface CandidateRow {
  locationId: string
  location: string
  chosen: boolean
  distanceKm: number | null
  transitDays: number | null
  shippingCost: string | null
  canShip: string[]
  /** Why it was not used at all, with the rule named. */
  excluded: string | null
  /** Lines a rule kept from it. */
  partly: string[]
}
/** Locations a rule kept out, counted (a compact decision names only the first few). */
export interface ExcludedRow {
  rule: string
  because: string
  count: number
  locations: string[]
}
export interface DecisionView {
  summary: string
  strategy: string
  ruleSet: { id: string; version: number } | null
  rulesFired: { rule: string; action: string; says: string | null }[]
  /** Compact (stored since issue 21): the chosen and best alternatives. Else every location. */
  candidates: CandidateRow[]
  /** Set for a compact decision: what it counted instead of listing. */
  compact: {
    locations: number
    holdingStock: number
    rankedLower: number
    excluded: ExcludedRow[]
  } | null
  /** Set when `candidates` come from routing the order again ("show every location"). */
  replayed: { at: string; sameAsStored: boolean } | null
  promiseDate: string | null
  at: string
}

interface RawExplanation {
  candidates?: {
    locationId: string
    name?: string
    chosen?: boolean
    distanceKm?: number | null
    transitDays?: number | null
    shippingCost?: string | null
    canShip?: string[]
    excluded?: Exclusion
    partialExclusions?: Exclusion[]
  }[]
  ruleSetId?: string
  ruleSetVersion?: number
  rulesFired?: { rule: string; action: string }[]
  /** A compact decision (issue 21): rules by action, locations kept out counted by rule. */
  trace?: string
  fired?: Record<string, string[]>
  counts?: { locations?: number; holdingStock?: number; rankedLower?: number }
  excluded?: Record<string, number>
  excludedNamed?: Record<string, string[]>
}

/** Checks that are not rules, in words (a rule's own words come from its version). */
const BUILT_IN: Record<string, string> = {
  capacity: 'daily capacity reached',
  'previously-rejected': 'rejected this order before',
}

/** What each rule of the version says, in its author's words: a hold's reason, a strategy's label. */
export function ruleWords(version: Pick<RuleSetVersion, 'rules'> | null): Map<string, string> {
  const out = new Map<string, string>()
  for (const r of (version?.rules ?? []) as {
    name?: string
    event?: { params?: Record<string, unknown> }
  }[]) {
    const p = r.event?.params ?? {}
    const words = p.reason ?? p.label ?? p.description
    if (r.name && typeof words === 'string') out.set(r.name, words)
  }
  return out
}

export function decisionView(
  order: Pick<Order, 'routingDecision' | 'lines'>,
  locationName: (id: string) => string,
  words: Map<string, string>,
  /** The decision with every location (GET …/decision?every=true), shown instead of the stored one's list. */
  every?: NonNullable<Order['routingDecision']> & { replayed?: { at: string; sameAsStored: boolean } },
): DecisionView | null {
  const stored = order.routingDecision
  if (!stored) return null
  const d = every ?? stored
  const x = (d.explanation ?? {}) as RawExplanation
  const plan = (d.plan ?? {}) as { promiseDate?: string | null }
  const sku = new Map(order.lines.map((l) => [l.id, l.sku]))
  const because = (e: Exclusion) => {
    const rule = e.rule ? ` (rule ${e.rule}${words.has(e.rule) ? `: ${words.get(e.rule)}` : ''})` : ''
    const lines = e.lineIds?.length ? ` for ${e.lineIds.map((id) => sku.get(id) ?? 'a line').join(', ')}` : ''
    return `${e.reason ?? e.action ?? 'excluded'}${lines}${rule}`
  }
  return {
    summary: d.summary,
    strategy: d.strategy,
    ruleSet:
      x.ruleSetId && typeof x.ruleSetVersion === 'number'
        ? { id: x.ruleSetId, version: x.ruleSetVersion }
        : null,
    rulesFired: (
      x.rulesFired ??
      Object.entries(x.fired ?? {}).flatMap(([action, rules]) => rules.map((rule) => ({ rule, action })))
    ).map((r) => ({
      rule: r.rule,
      action: r.action,
      says: words.get(r.rule) ?? null,
    })),
    candidates: (x.candidates ?? []).map((c) => ({
      locationId: c.locationId,
      // The location's name now, else the one it had when the decision was made.
      location:
        locationName(c.locationId) !== c.locationId ? locationName(c.locationId) : (c.name ?? c.locationId),
      chosen: !!c.chosen,
      distanceKm: c.distanceKm ?? null,
      transitDays: c.transitDays ?? null,
      shippingCost: c.shippingCost ?? null,
      canShip: c.canShip ?? [],
      excluded: c.excluded ? because(c.excluded) : null,
      partly: (c.partialExclusions ?? []).map(because),
    })),
    compact:
      x.trace === 'compact'
        ? {
            locations: x.counts?.locations ?? 0,
            holdingStock: x.counts?.holdingStock ?? 0,
            rankedLower: x.counts?.rankedLower ?? 0,
            excluded: Object.entries(x.excluded ?? {}).map(([rule, count]) => ({
              rule,
              because: because({ rule, reason: BUILT_IN[rule] ?? 'excluded' }),
              count,
              locations: (x.excludedNamed?.[rule] ?? []).map(locationName),
            })),
          }
        : null,
    replayed: every?.replayed ?? null,
    promiseDate: plan.promiseDate ?? null,
    at: d.createdAt,
  }
}
