import { describe, expect, it } from 'vitest'
import type { OrderSnapshot } from '../store'
import { unitsAwayFromStore } from './ship-to-store-service'
import { storeAddress } from './transfer-address'

type Alloc = OrderSnapshot['allocations'][number]
const alloc = (locationId: string, quantity: number, status: Alloc['status']): Alloc => ({
  id: `${locationId}-${status}`,
  lineId: 'l1',
  sku: 'TEE',
  locationId,
  quantity,
  status,
  fulfilmentId: null,
  poolId: null,
})
const snap = (allocated: number, allocations: Alloc[], pickupLocationId: string | null = 'wlg') =>
  ({ pickupLocationId, lines: [{ allocatedQty: allocated }], allocations }) as unknown as OrderSnapshot

describe('ship to store after routing', () => {
  it('counts the units not yet at the store: with the sender, or on their way', () => {
    // Requested of the DC, not shipped.
    expect(unitsAwayFromStore(snap(2, [alloc('akl', 2, 'released')]))).toBe(2)
    // Shipped by the DC: the line still holds them, no allocation at the store yet.
    expect(unitsAwayFromStore(snap(2, [alloc('akl', 2, 'shipped')]))).toBe(2)
    // Received at the store.
    expect(unitsAwayFromStore(snap(2, [alloc('akl', 2, 'shipped'), alloc('wlg', 2, 'released')]))).toBe(0)
    // An order collected where it was allocated, and one that ships, have nothing away.
    expect(unitsAwayFromStore(snap(1, [alloc('wlg', 1, 'released')]))).toBe(0)
    expect(unitsAwayFromStore(snap(1, [alloc('akl', 1, 'released')], null))).toBe(0)
  })

  it("labels a transfer with the customer's name at the store's address", () => {
    const store = {
      id: 'wlg',
      name: 'Wellington store',
      country: 'NZ',
      region: null,
      postcode: '6011',
      lat: -41.28,
      lon: 174.77,
      line1: '1 Lambton Quay',
      city: 'Wellington',
    }
    const customer = {
      name: 'Aroha Ngata',
      line1: '1 Queen Street',
      city: 'Auckland',
      country: 'NZ',
      phone: '021 555',
    }
    expect(storeAddress(store, customer)).toEqual({
      name: 'Aroha Ngata',
      company: 'Wellington store',
      line1: '1 Lambton Quay',
      city: 'Wellington',
      postcode: '6011',
      country: 'NZ',
      phone: '021 555',
      lat: -41.28,
      lon: 174.77,
    })
    // A store without a street line is labelled by its name.
    expect(storeAddress({ ...store, line1: null, city: null }, customer)).toMatchObject({
      line1: 'Wellington store',
    })
  })
})
