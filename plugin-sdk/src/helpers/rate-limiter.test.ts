import { describe, expect, it } from 'vitest'
import type { HttpClient } from '../context'
import { RateLimitedError } from '../errors'
import { createRateLimiter, limited, limitHttp, rateLimiterFor } from './rate-limiter'

/** A clock that only moves when the limiter sleeps: the waits are read, not slept. */
function fakeTime() {
  let t = 1_000_000
  const slept: number[] = []
  return {
    now: () => t,
    sleep: async (ms: number) => {
      slept.push(ms)
      t += ms
    },
    advance: (ms: number) => {
      t += ms
    },
    slept,
  }
}

describe('rate limiter', () => {
  it('lets a burst through, then spaces calls at the rate', async () => {
    const time = fakeTime()
    const limiter = createRateLimiter({ ratePerSec: 2, burst: 3, now: time.now, sleep: time.sleep })
    for (let i = 0; i < 5; i++) await limiter.take()
    expect(time.slept).toEqual([0, 0, 0, 500, 500])
  })

  it('refills while quiet, up to the burst', async () => {
    const time = fakeTime()
    const limiter = createRateLimiter({ ratePerSec: 1, burst: 2, now: time.now, sleep: time.sleep })
    await limiter.take()
    await limiter.take()
    time.advance(10_000)
    await limiter.take()
    await limiter.take()
    await limiter.take()
    expect(time.slept).toEqual([0, 0, 0, 0, 1000])
  })

  it('holds every call back for a Retry-After', async () => {
    const time = fakeTime()
    const limiter = createRateLimiter({ ratePerSec: 100, burst: 10, now: time.now, sleep: time.sleep })
    limiter.pause(3000)
    expect(limiter.waitMs()).toBe(3000)
    await limiter.take()
    expect(time.slept).toEqual([3000])
  })

  it('throws RateLimitedError instead of waiting past maxWaitMs, so the hub reschedules', async () => {
    const time = fakeTime()
    const limiter = createRateLimiter({ ratePerSec: 1, maxWaitMs: 2000, now: time.now, sleep: time.sleep })
    limiter.pause(60_000)
    const error = await limiter.take().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RateLimitedError)
    expect((error as RateLimitedError).retryAfterMs).toBe(60_000)
  })

  it('pauses on a 429 with Retry-After seen through limitHttp', async () => {
    const time = fakeTime()
    const limiter = createRateLimiter({
      ratePerSec: 100,
      burst: 5,
      maxWaitMs: 10_000,
      now: time.now,
      sleep: time.sleep,
    })
    let calls = 0
    const http: HttpClient = {
      async request() {
        calls++
        if (calls === 1) throw new RateLimitedError('429', { retryAfterMs: 7000, status: 429 })
        return { status: 200, headers: {}, text: '{}', json: () => ({}) as never }
      },
    }
    const limited = limitHttp(http, limiter)
    await expect(limited.request('http://x')).rejects.toBeInstanceOf(RateLimitedError)
    await limited.request('http://x')
    expect(time.slept).toEqual([0, 7000])
  })

  it('refills at the rate the partner states from then on, keeping the burst', async () => {
    const time = fakeTime()
    const limiter = createRateLimiter({ ratePerSec: 0.5, burst: 2, now: time.now, sleep: time.sleep })
    await limiter.take()
    await limiter.take()
    expect(limiter.waitMs()).toBe(2000)
    limiter.setRate(10)
    expect(limiter.waitMs()).toBe(100)
    limiter.setRate(0)
    limiter.setRate(Number.NaN)
    expect(limiter.waitMs()).toBe(100)
    time.advance(60_000)
    await limiter.take()
    await limiter.take()
    await limiter.take()
    expect(time.slept).toEqual([0, 0, 0, 0, 100])
  })

  it('runs a call of several requests in one turn, pausing on its 429', async () => {
    const time = fakeTime()
    const limiter = createRateLimiter({
      ratePerSec: 1,
      burst: 2,
      maxWaitMs: 10_000,
      now: time.now,
      sleep: time.sleep,
    })
    expect(await limited(limiter, async () => 'token, then call')).toBe('token, then call')
    const throttled = limited(limiter, async () => {
      throw new RateLimitedError('429', { retryAfterMs: 4000, status: 429 })
    })
    await expect(throttled).rejects.toBeInstanceOf(RateLimitedError)
    expect(limiter.waitMs()).toBe(4000)
    // A failure that is not a 429 holds nothing back.
    const other = createRateLimiter({ ratePerSec: 100, burst: 5, now: time.now, sleep: time.sleep })
    await expect(limited(other, async () => Promise.reject(new Error('down')))).rejects.toThrow('down')
    expect(other.waitMs()).toBe(0)
  })

  it('shares one bucket per key', () => {
    const a = rateLimiterFor('instance-a', { ratePerSec: 1 })
    expect(rateLimiterFor('instance-a', { ratePerSec: 50 })).toBe(a)
    expect(rateLimiterFor('instance-b', { ratePerSec: 1 })).not.toBe(a)
  })
})
