import {
  type HttpResponse,
  limited,
  type PluginContext,
  type RateLimiter,
  rateLimiterFor,
} from '@switchyard/plugin-sdk'
import type { AmazonConfig } from './config'
import { lwa } from './lwa'

type Ctx = PluginContext<AmazonConfig>

/**
 * The default usage plans (requests a second, burst) of the SP-API operations this plugin calls, as
 * Amazon publishes them. Each operation has its own bucket at Amazon, so each has its own here.
 */
const OPERATIONS: { name: string; method: string; path: RegExp; rate: number; burst: number }[] = [
  { name: 'searchOrders', method: 'GET', path: /\/orders\/2026-01-01\/orders$/, rate: 0.0056, burst: 20 },
  {
    name: 'confirmShipment',
    method: 'POST',
    path: /\/orders\/v0\/orders\/[^/]+\/shipmentConfirmation$/,
    rate: 2,
    burst: 10,
  },
  {
    name: 'createFeedDocument',
    method: 'POST',
    path: /\/feeds\/2021-06-30\/documents$/,
    rate: 0.0083,
    burst: 15,
  },
  { name: 'createFeed', method: 'POST', path: /\/feeds\/2021-06-30\/feeds$/, rate: 0.0083, burst: 15 },
  {
    name: 'patchListingsItem',
    method: 'PATCH',
    path: /\/listings\/2021-08-01\/items\/[^/]+\/[^/]+$/,
    rate: 5,
    burst: 10,
  },
]

/** The bucket of the operation `method` `url` is, shared by every call of the instance in this process. */
export function operationLimiter(ctx: Ctx, method: string, url: string): RateLimiter {
  const path = new URL(url, 'http://sp-api').pathname
  const op = OPERATIONS.find((o) => o.method === method && o.path.test(path)) ?? {
    name: 'other',
    rate: 1,
    burst: 1,
  }
  return rateLimiterFor(`amazon:${ctx.instanceId}:${op.name}`, { ratePerSec: op.rate, burst: op.burst })
}

/** `path` under the configured endpoint, or a whole URL on it (a pager's next page). */
export const spUrl = (ctx: Ctx, path: string) =>
  /^https?:\/\//.test(path) ? path : `${ctx.config.endpoint.replace(/\/$/, '')}${path}`

/**
 * An SP-API call: its turn at the operation's bucket first (a turn too far off is a
 * `RateLimitedError` the outbox reschedules by; a 429's Retry-After holds the operation's later
 * calls back), then the call with the LWA token. Amazon states the rate it grants this seller and
 * application in `x-amzn-RateLimit-Limit`; the bucket follows it from then on.
 */
export async function spRequest(
  ctx: Ctx,
  method: string,
  path: string,
  body?: unknown,
): Promise<HttpResponse> {
  const url = spUrl(ctx, path)
  const limiter = operationLimiter(ctx, method, url)
  const res = await limited(
    limiter,
    () =>
      lwa.request(ctx, url, {
        method,
        timeoutMs: ctx.config.timeoutMs,
        headers: {
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    ctx.signal,
  )
  limiter.setRate(Number(res.headers['x-amzn-ratelimit-limit']))
  return res
}
