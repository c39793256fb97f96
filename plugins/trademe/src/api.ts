import {
  type HttpResponse,
  jsonResponse,
  oauth1Header,
  PermanentError,
  type PluginContext,
} from '@switchyard/plugin-sdk'
import type { TradeMeConfig } from './config'
import type { TradeMeResult } from './types'

export type Ctx = PluginContext<TradeMeConfig>

/**
 * One call to the TradeMe API, signed with OAuth 1.0a (a fresh nonce and timestamp each time, so a
 * retry is signed anew). JSON in and out. A refused signature or token comes back 401 and becomes
 * a config error through `ctx.http`: only someone re-authorising the application can fix it.
 */
export async function tradeMe(ctx: Ctx, method: 'GET' | 'POST', path: string, body?: unknown) {
  const { config } = ctx
  // A path under the API root, or a whole URL the SDK's pager built from it.
  const url = /^https?:\/\//.test(path) ? path : `${config.baseUrl.replace(/\/$/, '')}${path}`
  const authorization = oauth1Header(
    {
      consumerKey: config.consumerKey,
      consumerSecret: config.consumerSecret,
      token: config.accessToken,
      tokenSecret: config.accessTokenSecret,
    },
    // A JSON body is not signed (RFC 5849 signs form bodies only).
    { method, url },
    { signatureMethod: config.signatureMethod, clock: ctx.clock },
  )
  return ctx.http.request(url, {
    method,
    timeoutMs: config.timeoutMs,
    headers: {
      authorization,
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
}

/** A TradeMe answer read as JSON (the SDK's `jsonResponse`: text that is not JSON names the call). */
export const readJson = <T>(response: HttpResponse, what: string): T =>
  jsonResponse(response, { what: `TradeMe ${what}` }) as T

/** Enumerations come as numbers in JSON; accept the name too, as the XML flavour writes it. */
export const isCode = (value: unknown, code: number, name: string): boolean =>
  value === code || value === name

/** A write call TradeMe answered 200 with `Success: false`: refused for good, with its reason. */
export function refused(what: string, result: TradeMeResult): PermanentError {
  return new PermanentError(
    `TradeMe refused ${what}: ${result.Description ?? 'no reason given'} (code ${String(result.Code ?? result.StatusCode ?? '-')})`,
    { details: { code: result.Code ?? result.StatusCode } },
  )
}
