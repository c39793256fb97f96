import type { OrderStatus } from '@switchyard/plugin-sdk'
import { canTransition } from '../order-state-machine'

/**
 * What a re-route does with the order's status once it has placed what it could: move it to
 * `target` (through the transition table, which refuses anything illegal), or keep it, for a reason
 * the order's history records. Nothing is skipped without a name.
 */
export type RerouteStatusDecision =
  | { kind: 'move'; to: OrderStatus }
  | { kind: 'unchanged' }
  | { kind: 'keep'; reason: string }

export function rerouteStatus(current: OrderStatus, target: OrderStatus): RerouteStatusDecision {
  if (current === target) return { kind: 'unchanged' }
  // Some of it has shipped: the order stays partially shipped whatever happens to the rest (the
  // table has no way back), and the rest's fulfilments or backorders show in its lines.
  if (current === 'partially_shipped')
    return { kind: 'keep', reason: `partly shipped: stays partially_shipped while the rest is ${target}` }
  return { kind: 'move', to: target }
}

/**
 * Hold rules judge an order before it goes to a warehouse. One that already went (released, partly
 * shipped) cannot be held again (the table has no such move), so a re-route of what a warehouse
 * rejected is not stopped by a hold rule, as after a person released a hold.
 */
export function holdRulesApply(current: OrderStatus): boolean {
  return current === 'held' || canTransition(current, 'held')
}
