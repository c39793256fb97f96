import { orderStatuses } from '@switchyard/plugin-sdk'
import { describe, expect, it } from 'vitest'
import { IllegalTransitionError } from '../errors'
import { assertTransition, canTransition, orderTransitions, pathTo, walk } from './order-state-machine'

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

  it('click and collect: released → ready_for_pickup → shipped (collected), cancelled (expired) or backordered (the store gave it up)', () => {
    expect(walk('released', ['ready_for_pickup', 'shipped'])).toHaveLength(2)
    expect(canTransition('ready_for_pickup', 'cancelled')).toBe(true)
    expect(canTransition('ready_for_pickup', 'backordered')).toBe(true)
    // The store gave up its pick and a ship-to-store rule sent the order to it from a DC.
    expect(canTransition('ready_for_pickup', 'released')).toBe(true)
    expect(canTransition('ready_for_pickup', 'partially_shipped')).toBe(false)
    expect(canTransition('allocated', 'ready_for_pickup')).toBe(false)
    expect(() => pathTo('backordered', 'ready_for_pickup')).toThrow(IllegalTransitionError)
  })

  it('terminal states have no way out', () => {
    expect(orderTransitions.shipped).toEqual([])
    expect(orderTransitions.cancelled).toEqual([])
  })

  it('finds the path to a target: direct, through allocated, nothing, or a typed refusal', () => {
    expect(pathTo('released', 'backordered')).toEqual(['backordered'])
    expect(pathTo('backordered', 'released')).toEqual(['allocated', 'released'])
    expect(pathTo('held', 'released')).toEqual(['allocated', 'released'])
    expect(pathTo('allocated', 'allocated')).toEqual([])
    for (const [from, to] of [
      ['partially_shipped', 'backordered'],
      ['released', 'held'],
      ['cancelled', 'allocated'],
      ['shipped', 'released'],
    ] as const) {
      expect(() => pathTo(from, to, 'o-1')).toThrow(IllegalTransitionError)
    }
  })

  it('every path it finds is made of legal moves', () => {
    for (const from of orderStatuses)
      for (const to of orderStatuses) {
        let path: string[] | undefined
        try {
          path = pathTo(from, to)
        } catch (error) {
          expect(error).toBeInstanceOf(IllegalTransitionError)
          continue
        }
        expect(walk(from, path as never)).toHaveLength(path.length)
      }
  })
})
