import type { LocationFacts } from '../../catalog/facts'
import type { RoutingPlan, RoutingRequest } from '../router'
import { addBlock, type Candidate } from './candidates'

/** The built-in check that keeps a click-and-collect order at its store, as decisions name it. */
export const PICKUP_RULE = 'pickup-store'

/**
 * Click and collect: only the store the customer collects from may fill the order; every other
 * candidate is blocked under every strategy, so what the store lacks is unfilled and waits there
 * (backordered) rather than shipping from elsewhere, unless a `shipToStore` rule lets other
 * locations send it to the store (ship-to-store.ts lifts this block for them).
 */
export function blockAllButPickupStore(req: RoutingRequest, c: Candidate): void {
  const store = req.order.pickupLocationId
  if (store === undefined || c.location.id === store) return
  addBlock(c, {
    lineId: null,
    strategies: null,
    exclusion: {
      rule: PICKUP_RULE,
      reason: `click and collect at ${store}: only that store fills the order`,
    },
  })
}

/** The sentence a pickup decision's summary starts with: where it is collected, and what waits there. */
export function pickupSummary(
  req: RoutingRequest,
  /** Every active location (a compact decision's candidates may not include the store). */
  network: readonly LocationFacts[],
  plan: Pick<RoutingPlan, 'unfilled' | 'hold'>,
): string {
  const store = req.order.pickupLocationId
  if (store === undefined) return ''
  const storeName = network.find((l) => l.id === store)?.name ?? store
  if (plan.hold || plan.unfilled.length === 0) return `Click and collect at ${storeName}. `
  const missing = plan.unfilled.map((u) => `${u.quantity} × ${u.sku}`).join(', ')
  return `Click and collect at ${storeName}: the store lacks ${missing}, so the order waits for stock there (backordered); no other location may fill it. `
}
