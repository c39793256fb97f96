import {
  type HttpResponse,
  limitHttp,
  oauth2Client,
  type PluginContext,
  rateLimiterFor,
} from '@switchyard/plugin-sdk'
import { type EbayConfig, signingKeyOf } from './config'
import { signatureHeaders } from './signature'

export type Ctx = PluginContext<EbayConfig>

/** Each of the two calls a notification's first check may make (application token, public key). */
export const NOTIFICATION_CALL_MS = 900

/** The seller's token (authorization code grant, refreshed): orders, fulfilments, refunds, listings. */
export const sellerAuth = oauth2Client((c: EbayConfig) => ({
  tokenUrl: c.tokenUrl,
  clientId: c.clientId,
  clientSecret: c.clientSecret,
  grant: { type: 'refresh_token', refreshToken: c.refreshToken },
  scope: c.scopes,
  stateKey: 'ebay-user-token',
  timeoutMs: c.timeoutMs,
  name: 'eBay',
}))

/** The application's own token (client credentials): the Notification API's public keys. */
export const applicationAuth = oauth2Client((c: EbayConfig) => ({
  tokenUrl: c.tokenUrl,
  clientId: c.clientId,
  clientSecret: c.clientSecret,
  grant: { type: 'client_credentials' },
  scope: 'https://api.ebay.com/oauth/api_scope',
  stateKey: 'ebay-app-token',
  // Used only inside a webhook's verify (2 s deadline), with the key fetch after it.
  timeoutMs: Math.min(c.timeoutMs, NOTIFICATION_CALL_MS),
  name: 'eBay',
}))

/** Every call of one instance waits its turn in one bucket, so eBay's call limits are met, not hit. */
export function paced(ctx: Ctx): Ctx {
  const limiter = rateLimiterFor(`ebay:${ctx.instanceId}`, {
    ratePerSec: ctx.config.callsPerSec,
    burst: Math.max(1, Math.ceil(ctx.config.callsPerSec)),
  })
  return { ...ctx, http: limitHttp(ctx.http, limiter, ctx.signal) }
}

export interface CallOptions {
  body?: unknown
  /** `IAF` for the Post-Order API, which takes an OAuth token under that scheme. */
  scheme?: 'Bearer' | 'IAF'
  acceptStatus?: (status: number) => boolean
  /**
   * A call eBay wants digitally signed for EU and UK sellers (issueRefund, Post-Order
   * cancellations): signed when the config holds a signing key.
   */
  signed?: boolean
}

/** The API root without a trailing slash. */
export const apiRoot = (c: EbayConfig) => c.apiUrl.replace(/\/$/, '')

/**
 * A call to eBay's REST APIs as the seller, paced, with the marketplace header eBay asks for;
 * `path` below the API root, or a whole URL on it (a pager's next page).
 */
export function ebay(
  ctx: Ctx,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<HttpResponse> {
  const c = ctx.config
  const url = path.startsWith('http') ? path : `${apiRoot(c)}${path}`
  const body = options.body === undefined ? undefined : JSON.stringify(options.body)
  const key = options.signed ? signingKeyOf(c) : undefined
  return sellerAuth.request(paced(ctx), url, {
    method,
    scheme: options.scheme ?? 'Bearer',
    timeoutMs: c.timeoutMs,
    headers: {
      accept: 'application/json',
      'x-ebay-c-marketplace-id': c.marketplaceId,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(key ? signatureHeaders({ method, url, ...(body === undefined ? {} : { body }) }, key) : {}),
      ...(key && c.enforceSignatures ? { 'x-ebay-enforce-signature': 'true' } : {}),
    },
    ...(body === undefined ? {} : { body }),
    ...(options.acceptStatus ? { acceptStatus: options.acceptStatus } : {}),
  })
}
