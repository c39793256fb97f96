import { describe, expect, it } from 'vitest'
import { TokenBuckets } from './rate-limit'

describe('token buckets', () => {
  it('allows a burst, then the sustained rate, and says how long to wait', () => {
    const b = new TokenBuckets({ perSecond: 10, burst: 3 })
    expect([b.take('k', 0), b.take('k', 0), b.take('k', 0)]).toEqual([0, 0, 0])
    expect(b.take('k', 0)).toBe(100)
    expect(b.take('k', 100)).toBe(0)
    expect(b.take('k', 100)).toBeGreaterThan(0)
  })

  it('keeps callers apart and forgets the oldest when full', () => {
    const b = new TokenBuckets({ perSecond: 1, burst: 1 }, 2)
    expect(b.take('a', 0)).toBe(0)
    expect(b.take('b', 0)).toBe(0)
    expect(b.take('a', 0)).toBeGreaterThan(0)
    expect(b.take('c', 0)).toBe(0) // evicts a
    expect(b.take('a', 0)).toBe(0)
  })
})
