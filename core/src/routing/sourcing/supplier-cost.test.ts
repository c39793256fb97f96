import { describe, expect, it } from 'vitest'
import type { CarrierLane } from '../../catalog/carrier-network'
import type { LocationFacts } from '../../catalog/facts'
import type { SupplierTerms } from '../../catalog/suppliers/supplier-items'
import { decide } from './decide'
import { LaneIndex, routingCostMinor } from './lanes'
import { withSupplierCost } from './supplier-cost'
import { loc, request, ruleSet } from './testing/decide-world'

/** Every origin the same lane to Wellington: two days, NZD 5.00, so only goods can tell them apart. */
const lane = (origin: string): CarrierLane => ({
  id: `lane-${origin}`,
  carrier: 'NZP',
  serviceLevel: 'standard',
  originLocationId: origin,
  destCountry: 'NZ',
  destRegion: null,
  destPostcodePrefix: null,
  transitDays: 2,
  costMinor: 500,
  currency: 'NZD',
  calendarId: null,
})
const lanes = new LaneIndex({ lanes: ['wh', 'sup-a', 'sup-b'].map(lane), calendars: new Map() })

const costs = (entries: Record<string, number>, currency = 'NZD'): Map<string, SupplierTerms> =>
  new Map(
    Object.entries(entries).map(([sku, unitCostMinor]) => [
      sku,
      { unitCostMinor, currency, partNumber: null },
    ]),
  )
// Both suppliers at the same place, the same lead time and fee: only their unit costs differ.
const supplier = (id: string, items: Map<string, SupplierTerms>): LocationFacts =>
  loc(id, -41.3, 174.8, { type: 'dropship', handlingDays: 1, supplierItems: items })

const route = (locations: LocationFacts[], stock: Record<string, number>, quantity = 2) =>
  decide(request([{ sku: 'TEE', quantity }], stock, { locations }), { ruleSet, lanes })

describe("a drop-ship supplier's unit cost in the routing cost", () => {
  it('sends the order to the supplier whose units cost less when transit is equal', () => {
    const a = supplier('sup-a', costs({ TEE: 1200 }))
    const b = supplier('sup-b', costs({ TEE: 900 }))
    const stock = { 'TEE@sup-a': 10, 'TEE@sup-b': 10 }
    // Either order of the list: the cheaper one wins, not the first.
    for (const locations of [
      [a, b],
      [b, a],
    ]) {
      const plan = route(locations, stock)
      expect(plan.assignments).toEqual([expect.objectContaining({ locationId: 'sup-b', quantity: 2 })])
      const shown = Object.fromEntries(plan.candidates.map((c) => [c.locationId, c.supplierCost]))
      expect(shown).toEqual({ 'sup-a': '24.00', 'sup-b': '18.00' })
    }
    // With the costs swapped the other supplier wins: the unit cost decided it.
    const swapped = route(
      [supplier('sup-a', costs({ TEE: 900 })), supplier('sup-b', costs({ TEE: 1200 }))],
      stock,
    )
    expect(swapped.assignments[0]!.locationId).toBe('sup-a')
  })

  it("prefers the merchant's own warehouse to a supplier it would pay, all else equal", () => {
    const wh = loc('wh', -41.3, 174.8, { handlingDays: 1 })
    const plan = route([supplier('sup-a', costs({ TEE: 100 })), wh], { 'TEE@wh': 5, 'TEE@sup-a': 5 })
    expect(plan.assignments[0]!.locationId).toBe('wh')
    const sup = plan.candidates.find((c) => c.locationId === 'sup-a')!
    expect(sup.supplierCost).toBe('2.00')
    expect(plan.candidates.find((c) => c.locationId === 'wh')!.supplierCost).toBeUndefined()
  })

  it('counts only the units the supplier could ship, in the quote currency', () => {
    const quote = lanes.quote(
      loc('sup-a', -41, 174),
      { country: 'NZ', region: null, postcode: null },
      'standard',
      1,
      'NZD',
    )
    const lines = [
      { lineId: 'l1', sku: 'TEE', quantity: 3 },
      { lineId: 'l2', sku: 'CAP', quantity: 2 },
      { lineId: 'l3', sku: 'MUG', quantity: 1 },
    ] as never
    const sup = supplier('sup-a', new Map([...costs({ TEE: 1000, CAP: 300 }), ...costs({ MUG: 700 }, 'AUD')]))
    // TEE: 1 held of 3; CAP: both; MUG: priced in AUD, not counted.
    const costed = withSupplierCost(quote, sup, lines, [[1], [5], [5]], 0)
    expect(costed.goodsCostMinor).toBe(1 * 1000 + 2 * 300)
    expect(routingCostMinor(costed)).toBe(500 + 1600)
    // A warehouse with the same table is never charged for goods: its stock is the merchant's.
    expect(withSupplierCost(quote, { ...sup, type: 'warehouse' }, lines, [[1], [5], [5]], 0)).toBe(quote)
  })
})
