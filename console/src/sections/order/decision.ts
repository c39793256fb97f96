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
export interface DecisionView {
  summary: string
  strategy: string
  ruleSet: { id: string; version: number } | null
  rulesFired: { rule: string; action: string; says: string | null }[]
  candidates: CandidateRow[]
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
): DecisionView | null {
  const d = order.routingDecision
  if (!d) return null
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
    rulesFired: (x.rulesFired ?? []).map((r) => ({
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
    promiseDate: plan.promiseDate ?? null,
    at: d.createdAt,
  }
}
