import fc from 'fast-check'
import type { CarrierLane } from '../../../catalog/carrier-network'
import type { LocationFacts } from '../../../catalog/facts'
import { StockLedger, type StockRow } from '../../../inventory/stock-ledger'
import type { RuleProperties } from '../../../rules/rule-types'
import type { RoutingRequest, StockView } from '../../router'
import { LaneIndex } from '../lanes'
import { loc, NOW, product } from './decide-world'

/**
 * Random networks of 10 to 2,000 locations with random stock (sparse to dense), rules, strategies,
 * splits, capacity and rejected locations: what the differential test of the pruned engine
 * (pruning.test.ts) and the stored decision's round trip (routing/stored-decision.test.ts) route.
 */
export const RULES: RuleProperties[] = [
  {
    name: 'hazmat',
    conditions: { all: [{ fact: 'line.hazmat', operator: 'equal', value: true }] },
    event: { type: 'restrict', params: { tags: ['hazmat-licensed'] } },
  },
  {
    name: 'secure',
    conditions: { all: [{ fact: 'line.highValue', operator: 'equal', value: true }] },
    event: { type: 'restrict', params: { tags: ['secure'] } },
  },
  // On fixed location facts: looked up by position, not tested per candidate (see the dynamic twin below).
  {
    name: 'no-3pl-express',
    conditions: { all: [{ fact: 'location.type', operator: 'equal', value: '3pl' }] },
    event: { type: 'exclude', params: { strategies: ['express'] } },
  },
  {
    name: 'prefer-secure',
    conditions: { all: [{ fact: 'location.tags', operator: 'contains', value: 'secure' }] },
    event: { type: 'prefer', params: { bonus: 0.2 } },
  },
  {
    name: 'skip-named',
    conditions: { all: [{ fact: 'order.total', operator: 'greaterThan', value: 100 }] },
    event: { type: 'exclude', params: { locations: ['L0003', 'L0001', 'L0003', 'nowhere'] } },
  },
  {
    name: 'prefer-named',
    conditions: { all: [{ fact: 'order.lineCount', operator: 'greaterThan', value: 1 }] },
    event: { type: 'prefer', params: { locations: ['L0002', 'L0007'], bonus: 0.5 } },
  },
  {
    name: 'far-express',
    conditions: {
      all: [
        { fact: 'order.serviceLevel', operator: 'equal', value: 'express' },
        { fact: 'location.distanceKm', operator: 'greaterThan', value: 600 },
      ],
    },
    event: { type: 'exclude', params: { reason: 'too far for express' } },
  },
  {
    name: 'stores-full',
    conditions: {
      all: [
        { fact: 'location.type', operator: 'equal', value: 'store' },
        { fact: 'location.capacityLeft', operator: 'lessThan', value: 20 },
      ],
    },
    event: { type: 'exclude', params: {} },
  },
  {
    name: 'thin-stock',
    conditions: { all: [{ fact: 'location.stockForLine', operator: 'lessThan', value: 3 }] },
    event: { type: 'exclude', params: { reason: 'keep the last units for walk-ins', types: ['store'] } },
  },
  {
    name: 'prefer-dc',
    conditions: { all: [{ fact: 'order.total', operator: 'greaterThan', value: 200 }] },
    event: { type: 'prefer', params: { types: ['warehouse'], bonus: 0.3 } },
  },
  {
    name: 'gift-together',
    conditions: { all: [{ fact: 'order.tags', operator: 'contains', value: 'gift' }] },
    event: { type: 'shipTogether', params: {} },
  },
  {
    name: 'no-split-small',
    conditions: { all: [{ fact: 'order.total', operator: 'lessThan', value: 60 }] },
    event: { type: 'split', params: { policy: 'never' } },
  },
  {
    name: 'express',
    conditions: { all: [{ fact: 'order.serviceLevel', operator: 'equal', value: 'express' }] },
    event: {
      type: 'strategy',
      params: { id: 'express', sequence: 1, criteria: { transitDays: 10, shippingCost: 1 } },
    },
  },
  {
    name: 'local',
    conditions: { all: [{ fact: 'order.tags', operator: 'contains', value: 'local' }] },
    event: {
      type: 'strategy',
      params: { id: 'local', sequence: 2, filters: { maxDistanceKm: 300 }, split: { policy: 'never' } },
    },
  },
  {
    name: 'domestic',
    conditions: { all: [] },
    event: {
      type: 'strategy',
      params: {
        id: 'domestic',
        sequence: 3,
        filters: { countries: 'destination' },
        split: { policy: 'allowed', maxShipments: 2 },
      },
    },
  },
  {
    name: 'fallback',
    conditions: { all: [] },
    event: {
      type: 'strategy',
      params: { id: 'fallback', fallback: true, split: { policy: 'allowed', maxShipments: 3 } },
    },
  },
]

const SKUS = Array.from({ length: 12 }, (_, i) => `SKU-${i}`)
const PRODUCTS = SKUS.map((sku, i) => product(sku, { hazmat: i % 5 === 0, highValue: i % 7 === 0 }))

export interface World {
  seed: number
  locations: number
  /** Share of (sku, location) pairs with a stock row. */
  density: number
  lines: number
  express: boolean
  tags: string[]
  total: number
  ruleCount: number
  ledger: boolean
  rejected: number
}

export function build(w: World): { req: RoutingRequest; lanes: LaneIndex; rules: RuleProperties[] } {
  let seed = w.seed
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed / 2147483648
  }
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!
  const locations: LocationFacts[] = Array.from({ length: w.locations }, (_, i) =>
    loc(`L${String(i).padStart(4, '0')}`, -35 - rnd() * 11, 168 + rnd() * 10, {
      type: pick(['warehouse', 'store', 'store', '3pl'] as const),
      country: i % 7 === 0 ? 'AU' : 'NZ',
      tags: [rnd() < 0.4 ? 'hazmat-licensed' : 'general', ...(rnd() < 0.3 ? ['secure'] : [])],
      dailyCapacity: rnd() < 0.5 ? 100 : null,
      // Few distinct priorities and costs, so ties are common and their breaking is tested.
      priority: pick([10, 50, 100]),
    }),
  )
  const lanes: CarrierLane[] = []
  for (const l of locations)
    if (rnd() < 0.7)
      lanes.push({
        id: `${l.id}-std`,
        carrier: 'NZP',
        serviceLevel: pick(['standard', 'express'] as const),
        originLocationId: l.id,
        destCountry: 'NZ',
        destRegion: null,
        destPostcodePrefix: rnd() < 0.3 ? '6' : null,
        transitDays: 1 + Math.floor(rnd() * 3),
        costMinor: pick([500, 700, 900]),
        currency: 'NZD',
        calendarId: null,
      })
  lanes.push({
    id: 'domestic',
    carrier: 'NZP',
    serviceLevel: 'standard',
    originLocationId: null,
    destCountry: 'NZ',
    destRegion: null,
    destPostcodePrefix: null,
    transitDays: 3,
    costMinor: 800,
    currency: 'NZD',
    calendarId: null,
  })
  const rows: StockRow[] = []
  for (const l of locations)
    for (const sku of SKUS)
      if (rnd() < w.density)
        rows.push({
          sku,
          location_id: l.id,
          on_hand: Math.floor(rnd() * 12),
          allocated: rnd() < 0.2 ? 2 : 0,
          reserved: 0,
          safety_stock: rnd() < 0.1 ? 1 : 0,
          protected: 0,
        })
  const ledger = new StockLedger(rows)
  // Half the runs through the ledger's sku → location index, half through a view without one.
  const stock: StockView = w.ledger
    ? ledger.forChannel('web')
    : { available: (s, l) => ledger.available(s, l) }
  const used = new Map(locations.map((l) => [l.id, Math.floor(rnd() * 110)]))
  const rejected = new Set(Array.from({ length: w.rejected }, () => pick(locations).id))
  const lines = Array.from({ length: w.lines }, (_, i) => {
    const p = pick(PRODUCTS)
    return {
      lineId: `l${i}`,
      sku: p.sku,
      quantity: 1 + Math.floor(rnd() * 3),
      product: p,
      unitPriceMinor: 2000,
    }
  })
  const req: RoutingRequest = {
    order: {
      id: 'o',
      channelInstanceId: 'web',
      serviceLevel: w.express ? 'express' : 'standard',
      shipTo: {
        line1: '1 Main St',
        country: 'NZ',
        postcode: pick(['6011', '1010', null]) ?? undefined,
        lat: -36 - rnd() * 10,
        lon: 170 + rnd() * 8,
      },
      placedAt: NOW,
      totalMinor: w.total,
      currency: 'NZD',
      tags: w.tags,
    },
    lines,
    locations,
    stock,
    capacity: { used: (id) => used.get(id) ?? 0 },
    ...(rejected.size > 0 ? { excludedLocationIds: rejected } : {}),
    now: NOW,
  }
  return { req, lanes: new LaneIndex({ lanes, calendars: new Map() }), rules: RULES.slice(0, w.ruleCount) }
}

/**
 * The benchmark's case as a fixed world: a 3-line order at 1,000 locations (30 % stocked), every
 * rule, two rejected locations. The explanation and stored-decision tests read it.
 */
export const thousandLocations = (): World => ({
  seed: 7,
  locations: 1_000,
  density: 0.3,
  lines: 3,
  express: false,
  tags: [],
  total: 5_000,
  ruleCount: RULES.length,
  ledger: true,
  rejected: 2,
})

export const worlds = fc.record({
  seed: fc.integer({ min: 1, max: 2_000_000_000 }),
  locations: fc.oneof(fc.integer({ min: 10, max: 60 }), fc.integer({ min: 10, max: 2_000 })),
  density: fc.oneof(fc.constant(0.02), fc.double({ min: 0.005, max: 0.6, noNaN: true })),
  lines: fc.integer({ min: 1, max: 4 }),
  express: fc.boolean(),
  tags: fc.subarray(['gift', 'local', 'vip']),
  total: fc.integer({ min: 0, max: 100_000 }),
  ruleCount: fc.integer({ min: 0, max: RULES.length }),
  ledger: fc.boolean(),
  rejected: fc.integer({ min: 0, max: 3 }),
})
