import { describeAction } from './describe'
import type { GraphDoc } from './graph-types'

/** A split policy action that replaces a strategy's own split settings when its rule fires. */
export interface SplitOverride {
  nodeId: string
  /** The rule's name as the hub reports it in decisions. */
  rule: string
  /** What it sets, in words ("Never split", "at most 2 shipments"). */
  text: string
}

/**
 * The split policy actions that apply to a strategy (all, or those naming it in `strategies`).
 * The hub's precedence (core/src/routing/sourcing/split-policy.ts): a fired split rule wins over
 * the strategy's own split settings; of several, the strictest.
 */
export function splitOverrides(doc: GraphDoc, strategyId: string): SplitOverride[] {
  const out: SplitOverride[] = []
  for (const n of doc.nodes) {
    if (n.type !== 'action' || n.data.event.type !== 'split') continue
    const params = n.data.event.params ?? {}
    const only = params.strategies
    if (Array.isArray(only) && !only.includes(strategyId)) continue
    out.push({
      nodeId: n.id,
      rule: typeof n.data.ruleName === 'string' ? n.data.ruleName : n.id,
      text: describeAction('split', params),
    })
  }
  return out
}
