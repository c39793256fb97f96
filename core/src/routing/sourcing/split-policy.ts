import type { ActionParams, SplitPolicy } from '../../rules/sourcing-actions'

/** Shipments an order may go in when nothing says otherwise. */
export const DEFAULT_MAX_SHIPMENTS = 5

/** A `split` rule that fired for this order. */
export interface FiredSplitRule {
  rule: string
  params: ActionParams<'split'>
}

/** The split policy a strategy routes under, with who set it: the one place that decides it. */
export interface EffectiveSplit {
  policy: 'never' | 'allowed'
  /** Shipments the whole order may go in (1 when `never`). */
  maxShipments: number
  /** Shipments still open to this routing: `maxShipments` less those already sent (re-routing). */
  budget: number
  minShipmentValue: number
  /** Where the policy came from: a fired split rule, the strategy's own `split`, or the default. */
  source: 'rule' | 'strategy' | 'default'
  /** The rules that set it, by name (the rule that made it `never`, the lowest maximum, the highest minimum). */
  rules: string[]
  /** The strategy's own split settings when a rule replaced them. */
  overrides?: SplitPolicy
  /** A sentence for the decision's summary when a rule decided, or shipments already sent limit it. */
  note: string | null
}

const applies = (strategies: readonly string[] | undefined, id: string) =>
  !strategies || strategies.includes(id)

/**
 * Which split policy applies under a strategy. A fired `split` rule is more specific than the
 * strategy's default, so it wins; of several, the strictest: `never` over `allowed`, the smallest
 * `maxShipments`, the largest `minShipmentValue`. A setting the winning rules leave out keeps the
 * strategy's value, then the default (allowed, at most 5 shipments, no minimum value). Shipments the
 * order has already been sent in (re-routing) count against the maximum. Intake, re-routing and
 * simulation all route through decide(), so all of them obey this one resolution.
 */
export function effectiveSplit(
  strategy: { id: string; label: string; split?: SplitPolicy | undefined },
  fired: readonly FiredSplitRule[],
  shipmentsSoFar = 0,
): EffectiveSplit {
  const own = strategy.split
  const rules = fired.filter((r) => applies(r.params.strategies, strategy.id))
  const never = rules.find((r) => r.params.policy === 'never')
  const capped = rules
    .filter((r) => r.params.policy === 'allowed' && r.params.maxShipments !== undefined)
    .sort((a, b) => a.params.maxShipments! - b.params.maxShipments!)[0]
  const floored = rules
    .filter((r) => r.params.minShipmentValue !== undefined)
    .sort((a, b) => b.params.minShipmentValue! - a.params.minShipmentValue!)[0]
  const policy = never ? 'never' : rules.length > 0 ? 'allowed' : (own?.policy ?? 'allowed')
  const maxShipments =
    policy === 'never'
      ? 1
      : (capped?.params.maxShipments ??
        (own?.policy === 'allowed' ? own.maxShipments : undefined) ??
        DEFAULT_MAX_SHIPMENTS)
  const minShipmentValue = floored?.params.minShipmentValue ?? own?.minShipmentValue ?? 0
  const deciding = [
    ...new Set(
      [never, policy === 'never' ? undefined : capped, floored].filter((r) => r).map((r) => r!.rule),
    ),
  ]
  const source = rules.length > 0 ? 'rule' : own ? 'strategy' : 'default'
  const budget = Math.max(0, maxShipments - shipmentsSoFar)
  const parts: string[] = []
  if (source === 'rule') {
    const by = (r: FiredSplitRule) => `by rule '${r.rule}'`
    if (never) parts.push(`Ships complete (no split) ${by(never)}`)
    else if (capped)
      parts.push(`Split limited to ${maxShipments} shipment${maxShipments === 1 ? '' : 's'} ${by(capped)}`)
    else parts.push(`Split allowed (at most ${maxShipments} shipments) ${by(rules[0]!)}`)
    if (floored && policy === 'allowed')
      parts.push(`each shipment worth at least ${minShipmentValue} ${by(floored)}`)
    if (own) parts.push(`overriding strategy '${strategy.label}''s own split settings`)
  }
  if (shipmentsSoFar > 0)
    parts.push(
      `${shipmentsSoFar} shipment${shipmentsSoFar === 1 ? ' was' : 's were'} already sent, so ${
        budget === 0 ? 'no more may be added' : `at most ${budget} more`
      }`,
    )
  const note = parts.length > 0 ? `${parts.join('; ')}.` : null
  return {
    policy,
    maxShipments,
    budget,
    minShipmentValue,
    source,
    rules: source === 'rule' ? (deciding.length > 0 ? deciding : [rules[0]!.rule]) : [],
    ...(source === 'rule' && own ? { overrides: own } : {}),
    note: note && note.charAt(0).toUpperCase() + note.slice(1),
  }
}
