import type { IncomingMessage } from 'node:http'
import type { Context, MiddlewareHandler } from 'hono'
import type { Metrics } from '../observability/metrics'
import { problemResponse } from './problem'

export interface RateLimit {
  /** Sustained requests per second; 0 turns the limit off. */
  perSecond: number
  /** Requests allowed at once before the sustained rate applies. */
  burst: number
}

/** What a limiter decided for one request, and what the RateLimit headers say. */
export interface Verdict {
  /** 0 when the request may go ahead, else the milliseconds until it could. */
  waitMs: number
  /** Requests left before the limit bites. */
  remaining: number
  /** Milliseconds until the caller has its full allowance again. */
  resetMs: number
}

/** Decides per caller; in memory per hub, or shared by hubs (shared-rate-limit.ts). */
export interface Limiter {
  decide(key: string): Verdict | Promise<Verdict>
}

/**
 * Token buckets in memory, one per caller. Each hub process limits on its own on SQLite (one hub
 * per file); on PostgreSQL the API key and webhook limits are shared (shared-rate-limit.ts).
 */
export class TokenBuckets implements Limiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>()

  constructor(
    private readonly limit: RateLimit,
    private readonly maxKeys = 50_000,
  ) {}

  /** 0 when the request may go ahead, else the milliseconds until it could. */
  take(key: string, now = performance.now()): number {
    return this.decide(key, now).waitMs
  }

  decide(key: string, now = performance.now()): Verdict {
    const { perSecond, burst } = this.limit
    let b = this.buckets.get(key)
    if (!b) {
      if (this.buckets.size >= this.maxKeys) this.buckets.delete(this.buckets.keys().next().value!)
      b = { tokens: burst, at: now }
      this.buckets.set(key, b)
    } else {
      b.tokens = Math.min(burst, b.tokens + ((now - b.at) / 1000) * perSecond)
      b.at = now
    }
    // No closure here: this runs for every webhook and API request.
    if (b.tokens >= 1) {
      b.tokens -= 1
      return {
        waitMs: 0,
        remaining: Math.floor(b.tokens),
        resetMs: Math.ceil(((burst - b.tokens) / perSecond) * 1000),
      }
    }
    return {
      waitMs: Math.ceil(((1 - b.tokens) / perSecond) * 1000),
      remaining: 0,
      resetMs: Math.ceil(((burst - b.tokens) / perSecond) * 1000),
    }
  }
}

function tooMany(c: Context, waitMs: number, what: string): Response {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000))
  return problemResponse(
    c,
    {
      status: 429,
      code: 'RATE_LIMITED',
      detail: `too many requests for this ${what}; retry in ${seconds} s`,
    },
    { 'retry-after': String(seconds) },
  )
}

/**
 * Per API key (after authentication), with the IETF RateLimit headers on every answer:
 * `RateLimit-Limit` (the burst), `RateLimit-Remaining`, `RateLimit-Reset` (seconds until the full
 * allowance is back) and `RateLimit-Policy` (`<burst>;w=<seconds>`).
 */
export function keyRateLimit(
  limit: RateLimit,
  metrics: Metrics,
  limiter: Limiter = new TokenBuckets(limit),
): MiddlewareHandler {
  const window = Math.max(1, Math.ceil(limit.burst / Math.max(limit.perSecond, 1e-9)))
  return async function keyRateLimit(c, next) {
    if (limit.perSecond <= 0) return next()
    const verdict = await limiter.decide(c.get('principal').keyId)
    c.header('ratelimit-limit', String(limit.burst))
    c.header('ratelimit-remaining', String(verdict.remaining))
    c.header('ratelimit-reset', String(Math.ceil(verdict.resetMs / 1000)))
    c.header('ratelimit-policy', `${limit.burst};w=${window}`)
    if (verdict.waitMs > 0) {
      metrics.rateLimited.inc({ limit: 'key' })
      const res = tooMany(c, verdict.waitMs, 'API key')
      for (const h of ['ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset', 'ratelimit-policy'])
        res.headers.set(h, c.res.headers.get(h) ?? '')
      return res
    }
    return next()
  }
}

/** Per webhook source: the instance and the caller's address. */
export function webhookRateLimit(
  limit: RateLimit,
  metrics: Metrics,
  trustProxy: boolean,
  limiter: Limiter = new TokenBuckets(limit),
): MiddlewareHandler {
  return async function webhookRateLimit(c, next) {
    if (limit.perSecond <= 0) return next()
    const decided = limiter.decide(`${c.req.param('instance') ?? ''}|${clientAddress(c, trustProxy)}`)
    // In memory the verdict is there at once: no await (and no turn of the event loop) per webhook.
    const wait = (decided instanceof Promise ? await decided : decided).waitMs
    if (wait > 0) {
      metrics.rateLimited.inc({ limit: 'webhook' })
      return tooMany(c, wait, 'webhook source')
    }
    return next()
  }
}

export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')
    if (forwarded) return forwarded.split(',')[0]!.trim()
  }
  return (c.env as { incoming?: IncomingMessage } | undefined)?.incoming?.socket.remoteAddress ?? 'unknown'
}
