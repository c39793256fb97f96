import { describe, expect, it } from 'vitest'
import type { RuleProperties } from '../../rules/rule-types'
import { validateRules } from '../../rules/validate'
import type { RoutingRequest } from '../router'
import { compileRuleSet } from './compiled-rule-set'
import { decide } from './decide'
import { PICKUP_RULE } from './pickup'
import { CHC, LOCATIONS, lanes, loc, RULES, request, ruleSet, run } from './testing/decide-world'

const pickupAt = (req: RoutingRequest, store: string): RoutingRequest => ({
  ...req,
  order: { ...req.order, pickupLocationId: store, serviceLevel: 'pickup' },
})

describe('click and collect in sourcing', () => {
  it('allocates at the pickup store only, though the engine would ship from elsewhere', () => {
    // Shipped, the order goes from Christchurch (cheapest); collected at Auckland, only Auckland fills it.
    const stock = { 'TEE@wlg': 5, 'TEE@chc': 5, 'TEE@akl': 5 }
    expect(run(request([{ sku: 'TEE', quantity: 2 }], stock)).assignments[0]!.locationId).toBe('chc')
    for (const trace of ['full', 'compact'] as const) {
      const plan = decide(
        pickupAt(request([{ sku: 'TEE', quantity: 2 }], stock), 'akl'),
        { ruleSet, lanes },
        trace,
      )
      expect(plan.assignments.map((a) => [a.locationId, a.quantity])).toEqual([['akl', 2]])
      expect(plan.summary).toMatch(/^Click and collect at AKL\. /)
    }
  })

  it('leaves what the store lacks unfilled (backordered there), never filled elsewhere, and says why', () => {
    const stock = { 'TEE@chc': 1, 'TEE@akl': 10, 'TEE@wlg': 10 }
    const plan = run(pickupAt(request([{ sku: 'TEE', quantity: 3 }], stock), 'chc'))
    expect(plan.assignments.every((a) => a.locationId === 'chc')).toBe(true)
    expect(plan.unfilled).toEqual([expect.objectContaining({ sku: 'TEE', quantity: 2 })])
    expect(plan.summary).toMatch(/Click and collect at CHC: the store lacks 2 × TEE, so the order waits/)
    const blocked = plan.candidates.find((c) => c.locationId === 'akl')!
    expect(blocked.excluded?.rule).toBe(PICKUP_RULE)
  })

  it('gives rules order.deliveryMethod and location.acceptsPickup', () => {
    const rules: RuleProperties[] = [
      {
        name: 'n-pickup-hold',
        conditions: {
          all: [
            { name: 'c-pickup', fact: 'order.deliveryMethod', operator: 'equal', value: 'pickup' },
            { name: 'c-big', fact: 'order.unitCount', operator: 'greaterThan', value: 10 },
          ],
        },
        event: { type: 'hold', params: { reason: 'big pickup: call the store' } },
      },
      {
        name: 'n-keep-counters-free',
        conditions: {
          all: [
            { name: 'c-ship', fact: 'order.deliveryMethod', operator: 'equal', value: 'ship' },
            { name: 'c-counter', fact: 'location.acceptsPickup', operator: 'equal', value: true },
          ],
        },
        event: { type: 'exclude', params: {} },
      },
      ...RULES,
    ]
    expect(validateRules(rules).errors).toEqual([])
    const rs = compileRuleSet(rules, { versionId: 'v2', settings: { timezone: 'Pacific/Auckland' } })
    const counters = [LOCATIONS[0]!, loc('wlg', -41.28, 174.77, { type: 'store', acceptsPickup: true }), CHC]
    const stock = { 'TEE@wlg': 20, 'TEE@chc': 20 }
    const shipped = run({ ...request([{ sku: 'TEE', quantity: 1 }], stock), locations: counters }, rs)
    expect(shipped.assignments[0]!.locationId).toBe('chc')
    const collected = run(
      pickupAt({ ...request([{ sku: 'TEE', quantity: 1 }], stock), locations: counters }, 'wlg'),
      rs,
    )
    expect(collected.assignments[0]!.locationId).toBe('wlg')
    const big = run(
      pickupAt({ ...request([{ sku: 'TEE', quantity: 11 }], stock), locations: counters }, 'wlg'),
      rs,
    )
    expect(big.hold?.reason).toBe('big pickup: call the store')
  })
})
