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

/**
 * Token buckets in memory, one per caller. Each hub process limits on its own: behind a load
 * balancer over N hubs a caller gets up to N times the rate (documented in README).
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>()

  constructor(
    private readonly limit: RateLimit,
    private readonly maxKeys = 50_000,
  ) {}

  /** 0 when the request may go ahead, else the milliseconds until it could. */
  take(key: string, now = performance.now()): number {
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
    if (b.tokens >= 1) {
      b.tokens -= 1
      return 0
    }
    return Math.ceil(((1 - b.tokens) / perSecond) * 1000)
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

/** Per API key (after authentication). */
export function keyRateLimit(limit: RateLimit, metrics: Metrics): MiddlewareHandler {
  const buckets = new TokenBuckets(limit)
  return async function keyRateLimit(c, next) {
    if (limit.perSecond <= 0) return next()
    const wait = buckets.take(c.get('principal').keyId)
    if (wait > 0) {
      metrics.rateLimited.inc({ limit: 'key' })
      return tooMany(c, wait, 'API key')
    }
    return next()
  }
}

/** Per webhook source: the instance and the caller's address. */
export function webhookRateLimit(limit: RateLimit, metrics: Metrics, trustProxy: boolean): MiddlewareHandler {
  const buckets = new TokenBuckets(limit)
  return async function webhookRateLimit(c, next) {
    if (limit.perSecond <= 0) return next()
    const wait = buckets.take(`${c.req.param('instance') ?? ''}|${clientAddress(c, trustProxy)}`)
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
