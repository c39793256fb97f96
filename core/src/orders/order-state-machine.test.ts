import { orderStatuses } from '@switchyard/plugin-sdk'
import { describe, expect, it } from 'vitest'
import { IllegalTransitionError } from '../errors'
import { assertTransition, canTransition, orderTransitions, walk } from './order-state-machine'

describe('order state machine', () => {
  it('lists every status and only known targets', () => {
    expect(Object.keys(orderTransitions).sort()).toEqual([...orderStatuses].sort())
    for (const targets of Object.values(orderTransitions)) {
      for (const t of targets) expect(orderStatuses).toContain(t)
    }
  })

  it('allows the intake path and shipping', () => {
    expect(walk('received', ['allocated', 'released', 'partially_shipped', 'shipped'])).toHaveLength(4)
  })

  it('refuses illegal moves with a typed error naming both states', () => {
    expect(canTransition('shipped', 'cancelled')).toBe(false)
    try {
      assertTransition('cancelled', 'released', 'o-1')
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(IllegalTransitionError)
      expect((error as IllegalTransitionError).code).toBe('ILLEGAL_TRANSITION')
      expect((error as IllegalTransitionError).message).toContain("'cancelled'")
    }
  })

  it('terminal states have no way out', () => {
    expect(orderTransitions.shipped).toEqual([])
    expect(orderTransitions.cancelled).toEqual([])
  })
})
