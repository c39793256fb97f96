import type { CanonicalOrder } from '@switchyard/plugin-sdk'
import type { LocationFacts } from '../../catalog/facts'
import { ValidationError } from '../../errors'

/**
 * Where a click-and-collect order is collected: the location its `pickupLocationId` names, checked
 * at the door (422 naming the field through the API; an intake exception for a channel's webhook).
 * Null when the order ships. `deliveryMethod` and `pickupLocationId` come together or not at all.
 */
export function pickupLocationOf(order: CanonicalOrder, locations: readonly LocationFacts[]): string | null {
  const method = order.deliveryMethod ?? 'ship'
  const id = order.pickupLocationId
  if (method === 'ship') {
    if (id === undefined) return null
    throw refused('only an order with deliveryMethod pickup names a pickup location')
  }
  if (id === undefined)
    throw refused('required when deliveryMethod is pickup: the store the customer collects from')
  const location = locations.find((l) => l.id === id)
  if (!location) throw refused(`no active location '${id}'`)
  if (!location.acceptsPickup) throw refused(`location '${id}' does not accept pickup`)
  return id
}

function refused(message: string): ValidationError {
  return new ValidationError('pickup location refused', [{ field: 'pickupLocationId', message }])
}
