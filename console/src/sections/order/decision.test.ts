import { describe, expect, it } from 'vitest'
import type { Order } from '../../api/client'
import { decisionView, ruleWords } from './decision'

const order = {
  lines: [{ id: 'l1', sku: 'GAS-1' }],
  routingDecision: {
    id: 'd',
    strategy: 'standard',
    ruleSetVersionId: 'v',
    summary: 'Ships from Auckland DC.',
    createdAt: '2026-12-06T00:00:00Z',
    plan: { promiseDate: '2026-12-09' },
    explanation: {
      ruleSetId: 'default-sourcing',
      ruleSetVersion: 3,
      rulesFired: [{ rule: 'hazmat-only', action: 'restrict' }],
      candidates: [
        { locationId: 'akl', name: 'old name', chosen: true, distanceKm: 5, canShip: ['GAS-1'] },
        {
          locationId: 'wlg',
          name: 'Wellington store',
          partialExclusions: [{ rule: 'hazmat-only', reason: 'not licensed', lineIds: ['l1'] }],
        },
        { locationId: 'chc', excluded: { action: 'exclude', reason: 'closed' } },
      ],
    },
  },
} as unknown as Order

describe('the routing decision on the order page', () => {
  const words = ruleWords({
    rules: [{ name: 'hazmat-only', event: { type: 'restrict', params: { reason: 'Licensed sites only' } } }],
  } as never)
  const names = (id: string) => (id === 'akl' ? 'Auckland DC' : id)

  it('names locations and rules, never bare ids', () => {
    const v = decisionView(order, names, words)!
    expect(v.candidates.map((c) => c.location)).toEqual(['Auckland DC', 'Wellington store', 'chc'])
    expect(v.candidates[1]!.partly).toEqual([
      'not licensed for GAS-1 (rule hazmat-only: Licensed sites only)',
    ])
    expect(v.candidates[2]!.excluded).toBe('closed')
    expect(v.rulesFired).toEqual([{ rule: 'hazmat-only', action: 'restrict', says: 'Licensed sites only' }])
    expect([v.ruleSet, v.promiseDate]).toEqual([{ id: 'default-sourcing', version: 3 }, '2026-12-09'])
  })

  it('shows a compact decision with the rest counted, and every location once the hub has routed it again', () => {
    const compact = {
      ...order,
      routingDecision: {
        ...order.routingDecision!,
        explanation: {
          trace: 'compact',
          candidates: [{ locationId: 'akl', chosen: true, canShip: ['GAS-1'] }],
          fired: { restrict: ['hazmat-only'] },
          counts: { locations: 1200, holdingStock: 40, rankedLower: 30 },
          excluded: { 'hazmat-only': 9, capacity: 1 },
          excludedNamed: { 'hazmat-only': ['wlg'] },
        },
      },
    } as unknown as Order
    const v = decisionView(compact, names, words)!
    expect(v.compact).toEqual({
      locations: 1200,
      holdingStock: 40,
      rankedLower: 30,
      excluded: [
        {
          rule: 'hazmat-only',
          because: 'excluded (rule hazmat-only: Licensed sites only)',
          count: 9,
          locations: ['wlg'],
        },
        { rule: 'capacity', because: 'daily capacity reached (rule capacity)', count: 1, locations: [] },
      ],
    })
    expect(v.rulesFired).toEqual([{ rule: 'hazmat-only', action: 'restrict', says: 'Licensed sites only' }])
    expect(v.replayed).toBeNull()
    const every = decisionView(compact, names, words, {
      ...order.routingDecision!,
      replayed: { at: '2026-12-06T00:00:00Z', sameAsStored: true },
    })!
    expect(every.compact).toBeNull()
    expect(every.candidates).toHaveLength(3)
    expect(every.replayed).toEqual({ at: '2026-12-06T00:00:00Z', sameAsStored: true })
  })

  it('is absent before the order is routed', () => {
    expect(decisionView({ ...order, routingDecision: null }, names, words)).toBeNull()
  })
})
