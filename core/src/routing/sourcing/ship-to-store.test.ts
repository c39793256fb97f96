import { describe, expect, it } from 'vitest'
import type { JsonValue, RuleProperties } from '../../rules/rule-types'
import { validateRules } from '../../rules/validate'
import type { RoutingRequest } from '../router'
import { compileRuleSet } from './compiled-rule-set'
import { decide } from './decide'
import { PICKUP_RULE } from './pickup'
import { SHIP_TO_STORE_RULE, STORE_RECEIVING_DAYS } from './ship-to-store'
import { AKL, CHC, lanes, loc, RULES, request } from './testing/decide-world'

// The Wellington store takes pickups; Auckland (1 day to Wellington, dear) and Christchurch
// (3 days, cheap) may send it stock. Tuesday 2026-11-24 10:00 in Auckland; Thursday the 26th is
// the carrier's holiday.
const STORE = loc('wlg', -41.28, 174.77, { type: 'store', acceptsPickup: true, name: 'Wellington store' })
const LOCATIONS = [AKL, STORE, CHC]

const shipToStoreRule = (params: Record<string, JsonValue> = {}): RuleProperties => ({
  name: 'n-ship-to-store',
  conditions: {
    all: [{ name: 'c-pickup', fact: 'order.deliveryMethod', operator: 'equal', value: 'pickup' }],
  },
  event: { type: 'shipToStore', params },
})

const rules = (params?: Record<string, JsonValue>) => {
  const list = [shipToStoreRule(params), ...RULES]
  expect(validateRules(list).errors).toEqual([])
  return compileRuleSet(list, { versionId: 'v-sts', settings: { timezone: 'Pacific/Auckland' } })
}

const pickupAtStore = (
  lines: { sku: string; quantity: number }[],
  stock: Record<string, number>,
): RoutingRequest => {
  const req = request(lines, stock)
  return {
    ...req,
    locations: LOCATIONS,
    order: { ...req.order, pickupLocationId: 'wlg', serviceLevel: 'pickup' },
  }
}

describe('ship to store', () => {
  it('sends the order from a DC to the store when the store lacks it and a rule allows it, with the transfer promise', () => {
    const stock = { 'TEE@akl': 10, 'TEE@chc': 10 }
    const rs = rules({ locations: ['akl'], reason: 'next-day linehaul' })
    for (const trace of ['full', 'compact'] as const) {
      const plan = decide(pickupAtStore([{ sku: 'TEE', quantity: 2 }], stock), { ruleSet: rs, lanes }, trace)
      expect(plan.assignments.map((a) => [a.locationId, a.quantity])).toEqual([['akl', 2]])
      expect(plan.unfilled).toEqual([])
      // Ships Tuesday (before the cut-off), 1 day to the store (Wednesday), then the receiving day:
      // Thursday is the carrier's holiday, so the order is ready for pickup on Friday.
      expect(plan.shipments).toEqual([
        expect.objectContaining({
          locationId: 'akl',
          serviceLevel: 'standard',
          transitDays: 1,
          shipDate: '2026-11-24',
          promiseDate: '2026-11-27',
          shipToStore: { locationId: 'wlg', receivingDays: STORE_RECEIVING_DAYS },
        }),
      ])
      expect(plan.promiseDate).toBe('2026-11-27')
      expect(plan.summary).toMatch(
        /^Click and collect at Wellington store, shipped to the store: the store cannot fill the whole order, so rule 'n-ship-to-store' \(next-day linehaul\) sends it from akl \(ships 2026-11-24, 1 day to the store, 1 receiving day: ready for pickup by 2026-11-27\)\./,
      )
    }
    // The full trace says why the others did not send it: Christchurch is not named by the rule.
    const full = decide(pickupAtStore([{ sku: 'TEE', quantity: 2 }], stock), { ruleSet: rs, lanes })
    expect(full.candidates.find((c) => c.locationId === 'chc')?.excluded?.rule).toBe(PICKUP_RULE)
    expect(full.candidates.find((c) => c.locationId === 'wlg')?.excluded?.rule).toBe(SHIP_TO_STORE_RULE)
  })

  it('quotes the transfer to the store: the engine weighs each sender’s lane to the store, not to the customer', () => {
    // Both may send; the order is one unit of cheap goods, so cost decides: Christchurch (5.00) over Auckland (9.00).
    const plan = decide(pickupAtStore([{ sku: 'TEE', quantity: 1 }], { 'TEE@akl': 5, 'TEE@chc': 5 }), {
      ruleSet: rules(),
      lanes,
    })
    expect(plan.shipments).toEqual([
      expect.objectContaining({
        locationId: 'chc',
        transitDays: 3,
        shippingCost: '5.00',
        promiseDate: '2026-12-01',
      }),
    ])
    const chc = plan.candidates.find((c) => c.locationId === 'chc')!
    // The candidate's transit includes the receiving day.
    expect(chc.transitDays).toBe(3 + STORE_RECEIVING_DAYS)
  })

  it('keeps the order at a store that holds all of it, rule or not', () => {
    const plan = decide(pickupAtStore([{ sku: 'TEE', quantity: 2 }], { 'TEE@wlg': 2, 'TEE@akl': 10 }), {
      ruleSet: rules(),
      lanes,
    })
    expect(plan.assignments.map((a) => a.locationId)).toEqual(['wlg'])
    expect(plan.shipments?.[0]?.shipToStore).toBeUndefined()
    expect(plan.summary).toMatch(/^Click and collect at Wellington store\. /)
  })

  it('ships the whole order to a store that holds only part of it, so the customer collects once', () => {
    const plan = decide(
      pickupAtStore(
        [
          { sku: 'TEE', quantity: 1 },
          { sku: 'MUG', quantity: 1 },
        ],
        { 'TEE@wlg': 1, 'TEE@akl': 5, 'MUG@akl': 5 },
      ),
      { ruleSet: rules(), lanes },
    )
    expect(plan.assignments.map((a) => [a.sku, a.locationId])).toEqual([
      ['TEE', 'akl'],
      ['MUG', 'akl'],
    ])
  })

  it('waits backordered when no allowed location has the stock, and says so', () => {
    const plan = decide(pickupAtStore([{ sku: 'TEE', quantity: 3 }], { 'TEE@chc': 5 }), {
      ruleSet: rules({ locations: ['akl'] }),
      lanes,
    })
    expect(plan.assignments).toEqual([])
    expect(plan.unfilled).toEqual([expect.objectContaining({ sku: 'TEE', quantity: 3 })])
    expect(plan.summary).toMatch(/but no allowed location can; the order waits for stock \(backordered\)/)
  })

  it('changes nothing for an order that ships, or a pickup order without the rule', () => {
    const stock = { 'TEE@akl': 10 }
    const shipped = decide(
      { ...request([{ sku: 'TEE', quantity: 1 }], stock), locations: LOCATIONS },
      {
        ruleSet: rules(),
        lanes,
      },
    )
    expect(shipped.shipments).toHaveLength(1)
    expect(shipped.shipments![0]).not.toHaveProperty('shipToStore')
    const noRule = decide(pickupAtStore([{ sku: 'TEE', quantity: 1 }], stock), {
      ruleSet: compileRuleSet(RULES, { versionId: 'v1', settings: { timezone: 'Pacific/Auckland' } }),
      lanes,
    })
    expect(noRule.assignments).toEqual([])
    expect(noRule.summary).toMatch(/the store lacks 1 × TEE, so the order waits for stock there/)
  })

  it('is an order action with strict params: a location fact or an unknown param is refused', () => {
    const onLocation: RuleProperties = {
      ...shipToStoreRule(),
      conditions: { all: [{ name: 'c-dc', fact: 'location.type', operator: 'equal', value: 'warehouse' }] },
    }
    expect(validateRules([onLocation]).errors).not.toEqual([])
    const bogus = validateRules([shipToStoreRule({ bogus: 1 })]).errors
    expect(bogus).toEqual([
      expect.objectContaining({ field: 'rules[0].event.params.bogus', code: 'INVALID_ACTION' }),
    ])
  })
})
