import { emptyNetwork } from '../catalog/carrier-network'
import type { PostcodeCentroids } from './centroids/postcode-centroids'
import type { Router, RoutingPlan, RoutingRequest } from './router'
import type { RoutingConfig } from './routing-config'
import { builtInRuleSet } from './sourcing/compiled-rule-set'
import { decide, type SourcingInputs } from './sourcing/decide'
import { LaneIndex } from './sourcing/lanes'

/**
 * The sourcing engine as intake's router: `prepare` (outside the transaction) fetches the live
 * compiled rule set and carrier network; `route` (inside it) is pure and synchronous.
 */
export class SourcingRouter implements Router {
  private inputs: SourcingInputs

  constructor(
    private readonly config?: RoutingConfig,
    centroids?: PostcodeCentroids,
  ) {
    this.inputs = { ruleSet: builtInRuleSet, lanes: new LaneIndex(emptyNetwork), centroids }
  }

  async prepare(now: number): Promise<void> {
    if (this.config) this.inputs = await this.config.inputs(now)
  }

  /** Compact: only locations holding stock are scored, and the decision stored names the few that matter. */
  route(request: RoutingRequest): RoutingPlan {
    return decide(request, this.inputs, 'compact')
  }
}
