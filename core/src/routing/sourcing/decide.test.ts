import { describe, expect, it } from 'vitest'
import { validateRules } from '../../rules/validate'
import { PostcodeCentroids } from '../centroids/postcode-centroids'
import { distanceKm } from '../geo'
import { promiseDates } from './calendar'
import { compileRuleSet } from './compiled-rule-set'
import { decide } from './decide'
import { AKL, CHC, lanes, network, RULES, request, ruleSet, run, WLG } from './testing/decide-world'

describe('sourcing decisions', () => {
  it('validates the rules it runs', () => {
    expect(validateRules(RULES).errors).toEqual([])
  })

  it('ships hazmat lines only from hazmat-licensed locations', () => {
    const plan = run(
      request([{ sku: 'GAS', quantity: 1, product: { hazmat: true } }], {
        'GAS@wlg': 5,
        'GAS@chc': 5,
        'GAS@akl': 5,
      }),
    )
    expect(plan.assignments.map((a) => a.locationId)).not.toContain('wlg')
    const wlg = plan.candidates.find((c) => c.locationId === 'wlg')!
    expect(wlg.partialExclusions?.[0]).toMatchObject({
      rule: 'n-hazmat',
      action: 'restrict',
      lineIds: ['l1'],
    })
  })

  it('names a rule once per location with every line it kept from there', () => {
    const plan = run(
      request(
        [
          { sku: 'GAS', quantity: 1, product: { hazmat: true } },
          { sku: 'GAS2', quantity: 1, product: { hazmat: true } },
        ],
        { 'GAS@akl': 5, 'GAS2@akl': 5, 'GAS@wlg': 5, 'GAS2@wlg': 5 },
      ),
    )
    const wlg = plan.candidates.find((c) => c.locationId === 'wlg')!
    expect(wlg.partialExclusions).toHaveLength(1)
    expect(wlg.partialExclusions![0]).toMatchObject({ rule: 'n-hazmat', lineIds: ['l1', 'l2'] })
  })

  it('ships high-value lines only from secure sites', () => {
    const plan = run(
      request([{ sku: 'GPS', quantity: 1, product: { highValue: true } }], {
        'GPS@wlg': 5,
        'GPS@chc': 5,
        'GPS@akl': 5,
      }),
    )
    expect(plan.assignments).toEqual([expect.objectContaining({ locationId: 'akl' })])
  })

  it('standard picks the cheapest option and express the fastest', () => {
    const stock = { 'TEE@akl': 5, 'TEE@chc': 5 }
    const standard = run(request([{ sku: 'TEE', quantity: 1 }], stock))
    expect(standard.assignments[0]!.locationId).toBe('chc')
    const express = run(request([{ sku: 'TEE', quantity: 1 }], stock, { serviceLevel: 'express' }))
    expect(express.assignments[0]!.locationId).toBe('akl')
    expect(express.summary).toMatch(
      /AKL ships every line .* over CHC for being 1 day faster at NZD 4\.00 more/,
    )
  })

  it('passes over a location at its daily capacity and says so', () => {
    const full = [AKL, { ...WLG, dailyCapacity: 3 }, CHC]
    const capacity = { used: (id: string) => (id === 'wlg' ? 3 : 0) }
    const plan = run(
      request([{ sku: 'TEE', quantity: 1 }], { 'TEE@wlg': 5, 'TEE@akl': 5 }, { locations: full, capacity }),
    )
    expect(plan.assignments[0]!.locationId).toBe('akl')
    expect(plan.candidates.find((c) => c.locationId === 'wlg')!.excluded).toMatchObject({ rule: 'capacity' })
  })

  it('moves ship and promise dates past the cut-off to the next working day, and over holidays', () => {
    const at = (iso: string) => Date.parse(iso)
    // Tuesday 10:00 Auckland, cut-off 15:00: ships today, 1 day transit → Wednesday.
    expect(promiseDates(at('2026-11-23T21:00:00Z'), AKL, 1, network.calendars.get('nzp'))).toEqual({
      shipDate: '2026-11-24',
      promiseDate: '2026-11-25',
      pastCutoff: false,
    })
    // Tuesday 16:00: ships Wednesday; Thursday 26th is a carrier holiday, so delivery is Friday.
    expect(promiseDates(at('2026-11-24T03:00:00Z'), AKL, 1, network.calendars.get('nzp'))).toEqual({
      shipDate: '2026-11-25',
      promiseDate: '2026-11-27',
      pastCutoff: true,
    })
    // Friday 16:00: next shipping day is Monday; weekend is no delivery either.
    expect(promiseDates(at('2026-11-27T03:00:00Z'), AKL, 2, network.calendars.get('nzp'))).toEqual({
      shipDate: '2026-11-30',
      promiseDate: '2026-12-02',
      pastCutoff: true,
    })
    // Handling days count shipping days; Wednesday + 1 skips Thursday's holiday.
    expect(
      promiseDates(at('2026-11-24T21:00:00Z'), { ...AKL, handlingDays: 1 }, 0, network.calendars.get('nzp'))
        .shipDate,
    ).toBe('2026-11-27')
  })

  it('splits only when no single location can ship everything, and never beyond the policy', () => {
    const stock = { 'A@akl': 5, 'B@chc': 5, 'A@wlg': 5, 'B@wlg': 5 }
    const single = run(
      request(
        [
          { sku: 'A', quantity: 1 },
          { sku: 'B', quantity: 1 },
        ],
        stock,
      ),
    )
    expect(new Set(single.assignments.map((a) => a.locationId))).toEqual(new Set(['wlg']))
    const split = run(
      request(
        [
          { sku: 'A', quantity: 1 },
          { sku: 'B', quantity: 1 },
        ],
        { 'A@akl': 5, 'B@chc': 5 },
      ),
    )
    expect(split.shipments).toHaveLength(2)
    expect(split.summary).toMatch(/Split across .* because no single eligible location held both A and B/)
    const never = compileRuleSet([
      {
        name: 's',
        conditions: { all: [] },
        event: { type: 'strategy', params: { id: 's', fallback: true, split: { policy: 'never' } } },
      },
    ])
    const one = run(
      request(
        [
          { sku: 'A', quantity: 1 },
          { sku: 'B', quantity: 1 },
        ],
        { 'A@akl': 5, 'B@chc': 5 },
      ),
      never,
    )
    expect(one.shipments).toHaveLength(1)
    expect(one.unfilled).toHaveLength(1)
    const three = run(
      request(
        [
          { sku: 'A', quantity: 1 },
          { sku: 'B', quantity: 1 },
          { sku: 'C', quantity: 1 },
        ],
        { 'A@akl': 5, 'B@chc': 5, 'C@wlg': 5 },
      ),
    )
    expect(three.shipments!.length).toBeLessThanOrEqual(2)
    expect(three.unfilled).toHaveLength(1)
  })

  it('backorders what no location holds', () => {
    const plan = run(request([{ sku: 'A', quantity: 2 }], { 'A@akl': 1 }))
    expect(plan.unfilled).toEqual([{ lineId: 'l1', sku: 'A', quantity: 1 }])
    expect(plan.unfillable).toEqual({ action: 'backorder' })
    expect(plan.summary).toMatch(/Backordered 1 × A/)
  })

  it('holds when a hold rule fires, naming the rule', () => {
    const plan = run(request([{ sku: 'A', quantity: 1 }], { 'A@akl': 1 }, { totalMinor: 500_000 }))
    expect(plan.hold).toEqual({ reason: 'big order', rule: 'n-hold' })
    expect(plan.assignments).toEqual([])
    expect(plan.summary).toMatch(/Held for review: big order \(rule n-hold, because order.total is 5000\)/)
  })

  it('gives the same decision for the same input', () => {
    const stock = { 'A@akl': 5, 'B@chc': 5, 'A@wlg': 1, 'B@wlg': 1 }
    const a = run(
      request(
        [
          { sku: 'A', quantity: 2 },
          { sku: 'B', quantity: 1 },
        ],
        stock,
      ),
    )
    const b = run(
      request(
        [
          { sku: 'A', quantity: 2 },
          { sku: 'B', quantity: 1 },
        ],
        stock,
      ),
    )
    expect(b).toEqual(a)
  })

  it('names the excluding rule, condition and fact value for every excluded location', () => {
    const rs = compileRuleSet([
      {
        name: 'n-far',
        conditions: {
          all: [{ name: 'c-far', fact: 'location.distanceKm', operator: 'greaterThan', value: 300 }],
        },
        event: { type: 'exclude', params: { reason: 'too far' } },
      },
    ])
    const plan = run(request([{ sku: 'A', quantity: 1 }], { 'A@akl': 5, 'A@wlg': 5, 'A@chc': 5 }), rs)
    const excluded = plan.candidates.filter((c) => c.excluded)
    expect(excluded.map((c) => c.locationId).sort()).toEqual(['akl', 'chc'])
    for (const c of excluded) {
      expect(c.excluded!.rule).toBe('n-far')
      expect(c.excluded!.conditions![0]).toMatchObject({
        condition: 'c-far',
        fact: 'location.distanceKm',
        operator: 'greaterThan',
        value: 300,
      })
      expect(c.excluded!.conditions![0]!.factValue).toBeGreaterThan(300)
    }
    expect(plan.assignments[0]!.locationId).toBe('wlg')
  })

  it('keeps ship-together lines in one shipment, or backorders them together', () => {
    const together = compileRuleSet([
      {
        name: 'n-kit',
        conditions: { all: [{ fact: 'line.category', operator: 'equal', value: 'kit' }] },
        event: { type: 'shipTogether', params: { group: 'kit' } },
      },
      {
        name: 'n-s',
        conditions: { all: [] },
        event: {
          type: 'strategy',
          params: { id: 's', fallback: true, split: { policy: 'allowed', maxShipments: 3 } },
        },
      },
    ])
    const kit = { category: 'kit' }
    const lines = [
      { sku: 'A', quantity: 1, product: kit },
      { sku: 'B', quantity: 1, product: kit },
    ]
    const apart = run(request(lines, { 'A@akl': 5, 'B@chc': 5 }), together)
    expect(apart.assignments).toEqual([])
    expect(apart.unfilled.map((u) => u.sku).sort()).toEqual(['A', 'B'])
    const home = run(request(lines, { 'A@akl': 5, 'B@chc': 5, 'A@wlg': 1, 'B@wlg': 1 }), together)
    expect(new Set(home.assignments.map((a) => a.locationId))).toEqual(new Set(['wlg']))
  })

  it("tests a line's product tags per line, and the order's product tags once", () => {
    const strategy = {
      name: 'n-s',
      conditions: { all: [] },
      event: {
        type: 'strategy',
        params: { id: 's', fallback: true, split: { policy: 'allowed', maxShipments: 2 } },
      },
    }
    const tagged = compileRuleSet([
      {
        name: 'n-fragile',
        conditions: { all: [{ fact: 'line.tags', operator: 'contains', value: 'fragile' }] },
        event: { type: 'restrict', params: { locations: ['wlg'] } },
      },
      {
        name: 'n-lithium',
        conditions: { all: [{ fact: 'order.productTags', operator: 'contains', value: 'lithium' }] },
        event: { type: 'hold', params: { reason: 'lithium goes by road' } },
      },
      strategy,
    ])
    const stock = { 'VASE@akl': 5, 'VASE@wlg': 5, 'TEE@akl': 5, 'TEE@chc': 5 }
    const fragile = run(
      request(
        [
          { sku: 'VASE', quantity: 1, product: { tags: ['fragile', 'gift'] } },
          { sku: 'TEE', quantity: 1 },
        ],
        stock,
      ),
      tagged,
    )
    expect(fragile.hold).toBeUndefined()
    const from = new Map(fragile.assignments.map((a) => [a.sku, a.locationId]))
    expect(from.get('VASE')).toBe('wlg')
    expect(from.get('TEE')).not.toBe('wlg')
    const lithium = run(
      request([{ sku: 'BANK', quantity: 1, product: { tags: ['lithium'] } }], { 'BANK@akl': 5 }),
      tagged,
    )
    expect(lithium.hold).toEqual({ reason: 'lithium goes by road', rule: 'n-lithium' })
    // Without tags neither rule fires.
    const plain = run(request([{ sku: 'VASE', quantity: 1 }], { 'VASE@akl': 5 }), tagged)
    expect(plain.hold).toBeUndefined()
    expect(plain.assignments[0]!.locationId).toBe('akl')
  })

  it('refuses a split shipment below the minimum shipment value', () => {
    const rs = (min: number) =>
      compileRuleSet([
        {
          name: 'n-s',
          conditions: { all: [] },
          event: {
            type: 'strategy',
            params: {
              id: 's',
              fallback: true,
              split: { policy: 'allowed', maxShipments: 2, minShipmentValue: min },
            },
          },
        },
      ])
    // Lines are worth 10.00 each (unit price 1000 minor).
    const stock = { 'A@akl': 5, 'B@chc': 5 }
    const lines = [
      { sku: 'A', quantity: 1 },
      { sku: 'B', quantity: 1 },
    ]
    expect(run(request(lines, stock), rs(5)).shipments).toHaveLength(2)
    const refused = run(request(lines, stock), rs(15))
    expect(refused.shipments!.length).toBeLessThan(2)
  })

  it('sets the service level, then routes as that level', () => {
    const rs = compileRuleSet([
      {
        name: 'n-vip',
        conditions: { all: [{ fact: 'order.tags', operator: 'contains', value: 'vip' }] },
        event: { type: 'serviceLevel', params: { serviceLevel: 'express' } },
      },
    ])
    const req = request([{ sku: 'TEE', quantity: 1 }], { 'TEE@akl': 5, 'TEE@chc': 5 })
    const plan = run({ ...req, order: { ...req.order, tags: ['vip'] } }, rs)
    expect(plan.serviceLevel).toBe('express')
    expect(plan.assignments[0]!.locationId).toBe('akl')
    expect(plan.summary).toMatch(/Service level changed from standard to express/)
  })

  it('stamps a cancel-after date on unfillable lines when told to', () => {
    const rs = compileRuleSet(
      [
        {
          name: 'n-s',
          conditions: { all: [] },
          event: {
            type: 'strategy',
            params: { id: 's', fallback: true, unfillable: { action: 'cancelAfter', days: 5 } },
          },
        },
      ],
      { settings: { timezone: 'Pacific/Auckland' } },
    )
    const plan = run(request([{ sku: 'A', quantity: 1 }], {}), rs)
    expect(plan.unfillable).toEqual({ action: 'cancelAfter', cancelAfter: '2026-11-29' })
    expect(plan.summary).toMatch(/cancel after 2026-11-29/)
  })

  it('adjusts criterion weights by rule', () => {
    const rs = compileRuleSet([
      {
        name: 'n-fast',
        conditions: { all: [{ fact: 'order.total', operator: 'greaterThan', value: 10 }] },
        event: { type: 'weight', params: { criterion: 'transitDays', weight: 100 } },
      },
    ])
    const plan = run(request([{ sku: 'TEE', quantity: 1 }], { 'TEE@akl': 5, 'TEE@chc': 5 }), rs)
    // Standard would take the cheaper CHC; the rule makes transit time dominate.
    expect(plan.assignments[0]!.locationId).toBe('akl')
  })

  it('locates an address without coordinates by its postcode centroid', () => {
    const req = request([{ sku: 'A', quantity: 1 }], { 'A@akl': 5, 'A@wlg': 5 })
    const { lat: _lat, lon: _lon, ...shipTo } = req.order.shipTo
    const centroids = PostcodeCentroids.load()
    const plan = decide({ ...req, order: { ...req.order, shipTo } }, { ruleSet, lanes, centroids })
    const [lat, lon] = (plan.details!.destination as { coordinates: [number, number] }).coordinates
    expect(distanceKm(lat, lon, -41.2866, 174.7756)).toBeLessThan(5)
    expect(plan.candidates.find((c) => c.locationId === 'wlg')!.distanceKm).toBeLessThan(10)
  })

  it('never routes back to a location that rejected the order', () => {
    const plan = run(
      request(
        [{ sku: 'A', quantity: 1 }],
        { 'A@wlg': 5, 'A@akl': 5 },
        { excludedLocationIds: new Set(['wlg']) },
      ),
    )
    expect(plan.assignments[0]!.locationId).toBe('akl')
    expect(plan.candidates.find((c) => c.locationId === 'wlg')!.excluded!.rule).toBe('previously-rejected')
  })
})
