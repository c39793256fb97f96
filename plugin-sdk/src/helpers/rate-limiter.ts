import type { HttpClient } from '../context'
import { isPluginError, RateLimitedError, TimeoutError } from '../errors'

export interface RateLimiterOptions {
  /** Calls per second the partner allows, on average (eBay: its daily quota over 86,400; Amazon: per operation). */
  ratePerSec: number
  /** How many calls may go at once after a quiet spell; default 1 (no burst). */
  burst?: number
  /**
   * The longest a call waits for its turn (default 5 s). A longer wait throws `RateLimitedError`
   * with `retryAfterMs`, so the hub reschedules the work instead of holding a worker.
   */
  maxWaitMs?: number
  /** For tests: the time in ms, and how to wait. */
  now?: () => number
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
}

export interface RateLimiter {
  /** Waits for the next call's turn; throws `RateLimitedError` when that is further off than `maxWaitMs`. */
  take(signal?: AbortSignal): Promise<void>
  /** The partner said to wait (`Retry-After`): no call goes before `ms` from now. */
  pause(ms: number): void
  /** How long the next call would wait now, in ms. */
  waitMs(): number
  /**
   * The partner stated the rate it grants (SP-API's `x-amzn-RateLimit-Limit`): tokens refill at that
   * from now on, the burst stays. A rate that is not a number above 0 is ignored.
   */
  setRate(ratePerSec: number): void
}

const defaultSleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (ms <= 0) return resolve()
    const timer = setTimeout(resolve, ms)
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer)
        reject(new TimeoutError('aborted while waiting for the rate limit'))
      },
      { once: true },
    )
  })

/**
 * A client-side token bucket for a partner's quota: calls wait their turn rather than being
 * refused with 429, and a `Retry-After` the partner sends anyway holds every call back (`pause`).
 * Turns are reserved in order, so concurrent calls queue instead of all waking at once.
 *
 * @example
 * const limiter = rateLimiterFor(ctx.instanceId, { ratePerSec: 5, burst: 10 })
 * const http = limitHttp(ctx.http, limiter)   // use in place of ctx.http
 */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  if (!(options.ratePerSec > 0)) throw new RangeError('ratePerSec must be above 0')
  const burst = Math.max(1, options.burst ?? 1)
  const maxWaitMs = options.maxWaitMs ?? 5_000
  const now = options.now ?? Date.now
  const sleep = options.sleep ?? defaultSleep
  let rate = options.ratePerSec
  let tokens = burst
  let last = now()
  let pausedUntil = 0
  const refill = () => {
    const t = now()
    tokens = Math.min(burst, tokens + ((t - last) * rate) / 1000)
    last = t
    return t
  }
  const waitMs = () => {
    const t = refill()
    const forTokens = tokens >= 1 ? 0 : ((1 - tokens) * 1000) / rate
    return Math.max(forTokens, pausedUntil - t, 0)
  }
  return {
    waitMs,
    setRate(ratePerSec) {
      if (!(ratePerSec > 0) || !Number.isFinite(ratePerSec)) return
      // What accrued so far accrued at the old rate.
      refill()
      rate = ratePerSec
    },
    async take(signal) {
      const wait = waitMs()
      if (wait > maxWaitMs)
        throw new RateLimitedError(`the partner's rate limit allows the next call in ${Math.ceil(wait)} ms`, {
          retryAfterMs: Math.ceil(wait),
        })
      tokens -= 1
      await sleep(Math.ceil(wait), signal)
    },
    pause(ms) {
      pausedUntil = Math.max(pausedUntil, now() + Math.max(0, ms))
    },
  }
}

const shared = new Map<string, RateLimiter>()

/**
 * The limiter of one key (an instance id, or an instance id and an API family), made on first use
 * with `options` and shared by every later call in this process: plugins are loaded once, their
 * calls come and go. With several hub processes each keeps its own bucket; give each a share.
 */
export function rateLimiterFor(key: string, options: RateLimiterOptions): RateLimiter {
  let limiter = shared.get(key)
  if (!limiter) {
    limiter = createRateLimiter(options)
    shared.set(key, limiter)
  }
  return limiter
}

/**
 * `http` with every call waiting its turn at `limiter`; a 429 (`RateLimitedError`) with
 * `Retry-After` pauses the limiter for that long before it is thrown on, so the next calls wait too.
 */
export function limitHttp(http: HttpClient, limiter: RateLimiter, signal?: AbortSignal): HttpClient {
  return { request: (url, options) => limited(limiter, () => http.request(url, options), signal) }
}

/**
 * `call` once its turn at `limiter` comes, for a call that is more than one HTTP request (a token
 * fetched first, then the API call, where only the API call counts against the partner's quota). A
 * `RateLimitedError` with `Retry-After` from it pauses the limiter, as in `limitHttp`.
 *
 * @example
 * const res = await limited(searchOrders, () => lwa.request(ctx, url, init), ctx.signal)
 */
export async function limited<T>(
  limiter: RateLimiter,
  call: () => Promise<T>,
  signal?: AbortSignal,
): Promise<T> {
  await limiter.take(signal)
  try {
    return await call()
  } catch (error) {
    if (isPluginError(error) && error.code === 'SWITCHYARD_PLUGIN_RATE_LIMITED' && error.retryAfterMs)
      limiter.pause(error.retryAfterMs)
    throw error
  }
}
