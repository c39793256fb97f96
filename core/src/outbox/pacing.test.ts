import { describe, expect, it } from 'vitest'
import { defaultPacing, pauseAfterRound } from './pacing'

describe('pauseAfterRound', () => {
  const saturated = { utilisation: 0.95, queued: 40 }

  it('never pauses while intake has room: deliveries keep up', () => {
    expect(pauseAfterRound({ roundMs: 40, lagMs: 0 }, { utilisation: 0.3, queued: 40 })).toBe(0)
    // Committing all the time but one caller at a time is not a queue.
    expect(pauseAfterRound({ roundMs: 40, lagMs: 0 }, { utilisation: 1, queued: 2 })).toBe(0)
  })

  it('leaves deliveries their floor share of the time while intake is saturated', () => {
    // A quarter: a 40 ms round, then 120 ms for intake.
    expect(pauseAfterRound({ roundMs: 40, lagMs: 0 }, saturated)).toBe(120)
  })

  it('grows the share as the backlog lags, up to the most', () => {
    const half = pauseAfterRound({ roundMs: 40, lagMs: defaultPacing.lagTargetMs / 2 }, saturated)
    const full = pauseAfterRound({ roundMs: 40, lagMs: defaultPacing.lagTargetMs * 3 }, saturated)
    expect(half).toBeLessThan(120)
    expect(full).toBeLessThan(half)
    // 0.6 of the time: 40 ms of 66.7.
    expect(full).toBe(27)
  })

  it('caps the pause, and a share of 1 never pauses', () => {
    expect(pauseAfterRound({ roundMs: 5_000, lagMs: 0 }, saturated)).toBe(defaultPacing.maxPauseMs)
    expect(pauseAfterRound({ roundMs: 40, lagMs: 0 }, saturated, { ...defaultPacing, minShare: 1 })).toBe(0)
  })
})
