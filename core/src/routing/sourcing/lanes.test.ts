import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { CarrierLane } from '../../catalog/carrier-network'
import type { LocationFacts } from '../../catalog/facts'
import { type Destination, LaneIndex } from './lanes'
import { loc } from './testing/decide-world'

const specificity = (l: CarrierLane) =>
  (l.originLocationId ? 1000 : 0) + (l.destPostcodePrefix?.length ?? 0) * 10 + (l.destRegion ? 5 : 0)

/** Lane resolution as it was before lanes were indexed by origin: one sorted list scanned from the top. */
function referenceFind(
  lanes: readonly CarrierLane[],
  origin: LocationFacts,
  dest: Destination,
  level: string,
): CarrierLane | undefined {
  const list = lanes
    .filter((l) => l.serviceLevel === level && l.destCountry === dest.country)
    .sort((a, b) => specificity(b) - specificity(a) || (a.id < b.id ? -1 : 1))
  const region = dest.region?.toUpperCase() ?? null
  return list.find(
    (lane) =>
      (lane.originLocationId === null
        ? origin.country === dest.country
        : lane.originLocationId === origin.id) &&
      (lane.destRegion === null || lane.destRegion.toUpperCase() === region) &&
      (lane.destPostcodePrefix === null || (dest.postcode ?? '').startsWith(lane.destPostcodePrefix)),
  )
}

const LOCS = ['a', 'b', 'c', 'd'].map((id, i) => loc(id, -41, 174, { country: i === 3 ? 'AU' : 'NZ' }))

const laneArb = fc.record({
  id: fc.string({ minLength: 1, maxLength: 3 }),
  carrier: fc.constant('NZP'),
  serviceLevel: fc.constantFrom('standard' as const, 'express' as const),
  originLocationId: fc.constantFrom(null, 'a', 'b', 'c', 'd'),
  destCountry: fc.constantFrom('NZ', 'AU'),
  destRegion: fc.constantFrom(null, 'WGN', 'akl'),
  destPostcodePrefix: fc.constantFrom(null, '6', '60', '601', '1'),
  transitDays: fc.integer({ min: 0, max: 5 }),
  costMinor: fc.integer({ min: 0, max: 2000 }),
  currency: fc.constant('NZD'),
  calendarId: fc.constant(null),
})

describe('carrier lanes indexed by origin (issue 21)', () => {
  it('resolve the lane the single sorted list did, and quote it again from the table', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(laneArb, { selector: (l) => l.id, maxLength: 40 }),
        fc.record({
          country: fc.constantFrom('NZ', 'AU'),
          region: fc.constantFrom(null, 'WGN', 'AKL'),
          postcode: fc.constantFrom(null, '6011', '1010', '60'),
        }),
        fc.constantFrom('standard' as const, 'express' as const),
        (lanes, dest, level) => {
          const index = new LaneIndex({ lanes, calendars: new Map() })
          for (const origin of LOCS) {
            const want = referenceFind(lanes, origin, dest, level)
            expect(index.find(origin, dest, level)?.id).toBe(want?.id)
            for (let i = 0; i < 2; i++) {
              const q = index.quote(origin, dest, level, 120, 'NZD')
              expect(q.laneId).toBe(want?.id ?? null)
              if (want) expect([q.transitDays, q.costMinor]).toEqual([want.transitDays, want.costMinor])
              else expect(q.estimated).toBe(true)
            }
          }
        },
      ),
      { numRuns: 300 },
    )
  })
})
