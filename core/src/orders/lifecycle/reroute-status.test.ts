import { describe, expect, it } from 'vitest'
import { holdRulesApply, rerouteStatus } from './reroute-status'

describe('re-route status decisions', () => {
  it('moves the order to what its quantities call for', () => {
    expect(rerouteStatus('released', 'backordered')).toEqual({ kind: 'move', to: 'backordered' })
    expect(rerouteStatus('backordered', 'released')).toEqual({ kind: 'move', to: 'released' })
    expect(rerouteStatus('backordered', 'backordered')).toEqual({ kind: 'unchanged' })
  })

  it('keeps a partly shipped order partially shipped, and says why', () => {
    expect(rerouteStatus('partially_shipped', 'released')).toEqual({
      kind: 'keep',
      reason: 'partly shipped: stays partially_shipped while the rest is released',
    })
  })

  it('leaves illegal moves to the transition table (no silent keep)', () => {
    expect(rerouteStatus('cancelled', 'allocated')).toEqual({ kind: 'move', to: 'allocated' })
    expect(rerouteStatus('shipped', 'backordered')).toEqual({ kind: 'move', to: 'backordered' })
  })

  it('lets hold rules judge only orders that have not gone to a warehouse', () => {
    expect(['received', 'held', 'backordered', 'allocated'].every((s) => holdRulesApply(s as never))).toBe(
      true,
    )
    expect(['released', 'partially_shipped'].some((s) => holdRulesApply(s as never))).toBe(false)
  })
})
