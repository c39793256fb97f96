import { describe, expect, it } from 'vitest'
import { nextDelayMs } from './backoff'

describe('outbox backoff', () => {
  const policy = { baseMs: 1000, maxMs: 60_000 }
  it('doubles per attempt within jitter bounds', () => {
    expect(nextDelayMs(1, policy, undefined, () => 0)).toBe(500)
    expect(nextDelayMs(1, policy, undefined, () => 1)).toBe(1000)
    expect(nextDelayMs(4, policy, undefined, () => 1)).toBe(8000)
  })
  it('caps at the maximum', () => {
    expect(nextDelayMs(30, policy, undefined, () => 1)).toBe(60_000)
  })
  it('honours a longer Retry-After, capped', () => {
    expect(nextDelayMs(1, policy, 20_000, () => 0)).toBe(20_000)
    expect(nextDelayMs(1, policy, 10 * 60_000, () => 0)).toBe(60_000)
    expect(nextDelayMs(5, policy, 10, () => 1)).toBe(16_000)
  })
})
