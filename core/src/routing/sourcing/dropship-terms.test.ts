import { describe, expect, it } from 'vitest'
import type { CarrierLane } from '../../catalog/carrier-network'
import { costModel, criterionValues } from './cost-model'
import { deliveryDays, LaneIndex } from './lanes'
import { loc } from './testing/decide-world'

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

const dest = { country: 'NZ', region: null, postcode: '6011' }

describe("a drop-ship supplier's fee and lead time in its quotes", () => {
  const warehouse = loc('wh', -41, 174, { handlingDays: 1 })
  const supplier = loc('sup', -41, 174, { type: 'dropship', handlingDays: 3, shipmentFeeMinor: 250 })
  const index = new LaneIndex({ lanes: [lane('wh'), lane('sup')], calendars: new Map() })

  it("adds the supplier's fee to the lane's cost and its lead time to the days weighed", () => {
    const quote = index.quote(supplier, dest, 'standard', 10, 'NZD')
    expect(quote.costMinor).toBe(750)
    expect(quote.transitDays).toBe(2)
    expect(quote.leadDays).toBe(3)
    expect(deliveryDays(quote)).toBe(5)
  })

  it("leaves a warehouse's quote as its lane gives it: handling days of others are not lead time", () => {
    const quote = index.quote(warehouse, dest, 'standard', 10, 'NZD')
    expect(quote.costMinor).toBe(500)
    expect(quote.leadDays).toBeUndefined()
    expect(deliveryDays(quote)).toBe(2)
  })

  it('costs the supplier higher on transit than an equal warehouse, by its lead time', () => {
    const candidates = [warehouse, supplier].map((location, i) => ({
      index: i,
      location,
      quote: index.quote(location, dest, 'standard', 10, 'NZD'),
      distanceKm: 10,
      capacityLeft: null,
      bonus: [],
    }))
    const weights = {
      shippingCost: 0,
      transitDays: 1,
      distance: 0,
      stockDepth: 0,
      capacity: 0,
      priority: 0,
      split: 0,
    }
    const lines = [{ lineId: 'l1', sku: 'A', quantity: 1 }] as never
    const values = criterionValues(candidates as never, lines, [[5, 5]], 'standard')
    const usable = new Uint8Array([1, 1])
    const costs = costModel(candidates as never, usable, values, weights, 's', new Float64Array(2))
    expect(costs.totals[0]).toBe(0)
    expect(costs.totals[1]).toBe(1)
  })
})
