import type { CarrierNetworkService } from '../catalog/carrier-network-service'
import type { RuleSetService, RuleSetVersionView } from '../rules/rule-set-service'
import type { PostcodeCentroids } from './centroids/postcode-centroids'
import {
  builtInRuleSet,
  type CompiledRuleSet,
  compileRuleSet,
  type RuleSetSettings,
} from './sourcing/compiled-rule-set'
import type { SourcingInputs } from './sourcing/decide'
import { LaneIndex } from './sourcing/lanes'

/**
 * What the sourcing router needs, kept in memory: the live sourcing version compiled once per
 * version (closures are shared read-only; nothing in them holds per-run state), and the carrier
 * network. Re-checked at most every `ttlMs` (another hub process may have published), and at once
 * when this process publishes.
 */
export class RoutingConfig {
  private compiled = new Map<string, CompiledRuleSet>()
  private current: SourcingInputs | undefined
  private checkedAt = Number.NEGATIVE_INFINITY
  private loading: Promise<SourcingInputs> | undefined

  constructor(
    private readonly ruleSets: RuleSetService,
    private readonly network: CarrierNetworkService,
    private readonly centroids: PostcodeCentroids | undefined,
    private readonly ttlMs = 1_000,
  ) {
    ruleSets.onChange(() => this.invalidate())
  }

  invalidate(): void {
    this.checkedAt = Number.NEGATIVE_INFINITY
  }

  /** The inputs in force at `now`; cached between checks. */
  async inputs(now: number): Promise<SourcingInputs> {
    if (this.current && now - this.checkedAt < this.ttlMs && now >= this.checkedAt) return this.current
    this.loading ??= this.load(now).finally(() => {
      this.loading = undefined
    })
    return this.loading
  }

  /** Compiles a version (or returns the cached compilation): for simulations and backtests too. */
  compile(version: RuleSetVersionView): CompiledRuleSet {
    let c = this.compiled.get(version.id)
    if (!c) {
      c = compileRuleSet(version.rules, {
        ruleSetId: version.ruleSetId,
        versionId: version.id,
        version: version.version,
        settings: (version.settings ?? undefined) as Partial<RuleSetSettings> | undefined,
      })
      // Drafts change in place; only immutable versions are worth keeping.
      if (version.status !== 'draft') {
        if (this.compiled.size > 64) this.compiled.clear()
        this.compiled.set(version.id, c)
      }
    }
    return c
  }

  async lanes(): Promise<LaneIndex> {
    return new LaneIndex(await this.network.load())
  }

  private async load(now: number): Promise<SourcingInputs> {
    const [live, network] = await Promise.all([this.ruleSets.live('sourcing', now), this.network.load()])
    const ruleSet = live ? this.compile(live) : builtInRuleSet
    this.current = { ruleSet, lanes: new LaneIndex(network), centroids: this.centroids }
    this.checkedAt = now
    return this.current
  }
}
