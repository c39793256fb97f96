import {
  type HttpResponse,
  limitHttp,
  PermanentError,
  type PluginContext,
  RateLimitedError,
  rateLimiterFor,
  TransientError,
} from '@switchyard/plugin-sdk'
import type { ShopifyConfig } from './config'

export function shopUrl(config: ShopifyConfig): string {
  return (config.baseUrl ?? `https://${config.shop}`).replace(/\/$/, '')
}

/**
 * A REST Admin API read. Shopify limits REST calls per app and shop with a leaky bucket of 40 calls
 * leaking 2 a second (Plus shops have ten times that): the SDK's limiter keeps the instance within
 * it, and a 429's Retry-After holds its later calls back.
 */
export function restGet(ctx: PluginContext<ShopifyConfig>, url: string): Promise<HttpResponse> {
  const limiter = rateLimiterFor(`shopify:${ctx.instanceId}:rest`, { ratePerSec: 2, burst: 40 })
  return limitHttp(ctx.http, limiter, ctx.signal).request(url, {
    timeoutMs: ctx.config.timeoutMs,
    headers: { accept: 'application/json', 'x-shopify-access-token': ctx.config.accessToken },
  })
}

interface GraphqlAnswer<T> {
  data?: T
  errors?: { message: string; extensions?: { code?: string } }[]
  extensions?: {
    cost?: {
      requestedQueryCost?: number
      throttleStatus?: { currentlyAvailable?: number; restoreRate?: number }
    }
  }
}

/**
 * One GraphQL Admin API call. Shopify throttles GraphQL by query cost, which is known only from the
 * answer, so a limiter counting calls does not fit it: Shopify answers HTTP 200 with a `THROTTLED`
 * error, which becomes a RateLimitedError whose wait is what the bucket needs to refill (the outbox
 * waits that long).
 */
export async function graphql<T>(
  ctx: PluginContext<ShopifyConfig>,
  query: string,
  variables: Record<string, unknown>,
): Promise<T> {
  const { config } = ctx
  const res = await ctx.http.request(`${shopUrl(config)}/admin/api/${config.apiVersion}/graphql.json`, {
    method: 'POST',
    timeoutMs: config.timeoutMs,
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      'x-shopify-access-token': config.accessToken,
    },
    body: JSON.stringify({ query, variables }),
  })
  const answer = res.json<GraphqlAnswer<T>>()
  if (answer.errors?.length) {
    if (answer.errors.some((e) => e.extensions?.code === 'THROTTLED')) {
      const cost = answer.extensions?.cost
      const missing = (cost?.requestedQueryCost ?? 50) - (cost?.throttleStatus?.currentlyAvailable ?? 0)
      const rate = cost?.throttleStatus?.restoreRate || 50
      throw new RateLimitedError('Shopify throttled the query', {
        retryAfterMs: Math.max(1000, Math.ceil(missing / rate) * 1000),
      })
    }
    const message = answer.errors.map((e) => e.message).join('; ')
    if (answer.errors.some((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR'))
      throw new TransientError(`Shopify GraphQL error: ${message}`)
    throw new PermanentError(`Shopify GraphQL error: ${message}`)
  }
  if (!answer.data) throw new TransientError('Shopify answered without data')
  return answer.data
}

/** Mutations report refusals as `userErrors`, not HTTP errors: a refusal is permanent. */
export function checkUserErrors(
  what: string,
  errors: { field?: string[] | null; message: string }[] | undefined,
) {
  if (errors && errors.length > 0) {
    const text = errors.map((e) => `${e.field?.join('.') ?? '(input)'}: ${e.message}`).join('; ')
    throw new PermanentError(`Shopify refused ${what}: ${text}`, { details: { userErrors: errors } })
  }
}

export const orderGid = (id: string) => (id.startsWith('gid://') ? id : `gid://shopify/Order/${id}`)
export const lineItemGid = (id: string) => (id.startsWith('gid://') ? id : `gid://shopify/LineItem/${id}`)
