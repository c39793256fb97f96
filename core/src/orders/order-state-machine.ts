import type { OrderStatus } from '@switchyard/plugin-sdk'
import { IllegalTransitionError } from '../errors'

/**
 * Every legal move of an order's status, in one table. Anything not listed is refused with
 * `IllegalTransitionError`. Documented in ARCHITECTURE.md; change both together.
 *
 * - received: persisted, not yet routed (only ever seen inside the intake transaction or on a hold release)
 * - held: waiting for a person (a hold rule, a price mismatch)
 * - backordered: some quantity could not be allocated; what could be is held for it
 * - allocated: every open line has stock committed, not yet sent to a warehouse
 * - released: fulfilment requests are on their way to the warehouse(s)
 * - ready_for_pickup: click and collect; the store picked the order and holds it at the counter
 *   until the customer collects it (shipped) or it expires (cancelled)
 * - partially_shipped / shipped: shipment confirmations received for some / all of it
 * - cancelled: nothing more will ship
 */
export const orderTransitions: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  received: ['held', 'allocated', 'backordered', 'cancelled'],
  held: ['received', 'allocated', 'backordered', 'cancelled'],
  backordered: ['allocated', 'held', 'cancelled'],
  allocated: ['released', 'backordered', 'held', 'cancelled'],
  released: ['ready_for_pickup', 'partially_shipped', 'shipped', 'allocated', 'backordered', 'cancelled'],
  // The store gave up the pick (rejected or cancelled it on its own account): backordered when only
  // it may fill a pickup order, so the order waits; allocated or released when a ship-to-store rule
  // sends the order to the store from elsewhere.
  ready_for_pickup: ['shipped', 'cancelled', 'backordered', 'allocated', 'released'],
  partially_shipped: ['shipped', 'cancelled'],
  shipped: [],
  cancelled: [],
}

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return orderTransitions[from].includes(to)
}

export function assertTransition(from: OrderStatus, to: OrderStatus, orderId?: string): void {
  if (!canTransition(from, to)) throw new IllegalTransitionError(from, to, orderId)
}

/** The statuses an order passes through from `from` to `to` along the given path, each step checked. */
export function walk(
  from: OrderStatus,
  path: readonly OrderStatus[],
  orderId?: string,
): [OrderStatus, OrderStatus][] {
  const steps: [OrderStatus, OrderStatus][] = []
  let current = from
  for (const next of path) {
    assertTransition(current, next, orderId)
    steps.push([current, next])
    current = next
  }
  return steps
}

/**
 * The steps from `from` to `target`: the move itself when the table allows it; `released` through
 * `allocated` when that is the legal way (a backordered or held order is released as at intake, by
 * being allocated first). An empty path when the order is already there; anything else
 * is an `IllegalTransitionError`.
 */
export function pathTo(from: OrderStatus, target: OrderStatus, orderId?: string): OrderStatus[] {
  if (from === target) return []
  if (canTransition(from, target)) return [target]
  if (target === 'released' && canTransition(from, 'allocated')) return ['allocated', 'released']
  throw new IllegalTransitionError(from, target, orderId)
}
