import type { LocationFacts } from '../catalog/facts'
import { ConflictError } from '../errors'
import type { PostcodeCentroids } from '../routing/centroids/postcode-centroids'
import type { RoutingLine, RoutingOrder, RoutingPlan } from '../routing/router'
import type { RoutingConfig } from '../routing/routing-config'
import { builtInRuleSet } from '../routing/sourcing/compiled-rule-set'
import { decide } from '../routing/sourcing/decide'
import type { RuleSetService } from '../rules/rule-set-service'

/**
 * Where a return goes. The live `returns` rule set decides, in the same rule format as sourcing,
 * over the locations that accept returns (the customer's address is the origin, stock does not
 * limit a receipt). Without one, the built-in policy: high-value goods to a location tagged
 * `returns-centre` when there is one, otherwise the nearest location that accepts returns.
 */
export async function chooseReturnLocation(
  deps: { ruleSets: RuleSetService; routingConfig: RoutingConfig; centroids: PostcodeCentroids | undefined },
  input: {
    order: RoutingOrder
    lines: readonly RoutingLine[]
    locations: readonly LocationFacts[]
    now: number
  },
): Promise<{ location: LocationFacts; plan: RoutingPlan; ruleSetVersionId: string | null }> {
  let candidates = input.locations.filter((l) => l.acceptsReturns)
  if (candidates.length === 0)
    throw new ConflictError('no active location accepts returns', 'NO_RETURN_LOCATION')
  const live = await deps.ruleSets.live('returns', input.now)
  let ruleSet = builtInRuleSet
  if (live) ruleSet = deps.routingConfig.compile(live)
  else if (input.lines.some((l) => l.product.highValue)) {
    const centres = candidates.filter((l) => l.tags.includes('returns-centre'))
    if (centres.length > 0) candidates = centres
  }
  const plan = decide(
    {
      order: input.order,
      lines: input.lines,
      locations: candidates,
      stock: { available: () => Number.MAX_SAFE_INTEGER },
      now: new Date(input.now),
    },
    { ruleSet, lanes: await deps.routingConfig.lanes(), centroids: deps.centroids },
  )
  const units = new Map<string, number>()
  for (const a of plan.assignments) units.set(a.locationId, (units.get(a.locationId) ?? 0) + a.quantity)
  const chosen = [...units.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0]
  const location = candidates.find((l) => l.id === chosen) ?? candidates[0]!
  return { location, plan, ruleSetVersionId: live?.id ?? null }
}
