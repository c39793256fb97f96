import type { Address } from '@switchyard/plugin-sdk'
import type { LocationFacts } from '../../catalog/facts'

/** What a transfer's label needs of the store: its name and where it stands. */
export type StoreAddressFacts = Pick<
  LocationFacts,
  'id' | 'name' | 'country' | 'region' | 'postcode' | 'lat' | 'lon'
> &
  Partial<Pick<LocationFacts, 'line1' | 'city'>>

/**
 * Ship to store: where a transfer goes. The store's address, with the customer's name on it (the
 * store hands it to them) and the store as company; the order's own address is left as it is.
 * A store without a street line is labelled by its name.
 */
export function storeAddress(store: StoreAddressFacts, customer: Address): Address {
  return {
    ...(customer.name ? { name: customer.name } : {}),
    company: store.name,
    line1: store.line1 ?? store.name,
    ...(store.city ? { city: store.city } : {}),
    ...(store.region ? { region: store.region } : {}),
    ...(store.postcode ? { postcode: store.postcode } : {}),
    country: store.country,
    ...(customer.phone ? { phone: customer.phone } : {}),
    lat: store.lat,
    lon: store.lon,
  }
}
