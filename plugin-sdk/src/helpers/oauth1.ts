import { createHmac, randomBytes } from 'node:crypto'
import { safeEqual } from '../signatures'

/**
 * OAuth 1.0a request signing (RFC 5849), for partners that still authorise with it (TradeMe, the
 * older Twitter and Magento APIs). Only the signing of a request with credentials the operator
 * already holds: the three-legged dance that obtains them happens once, outside the hub.
 */

/** `HMAC-SHA1` signs the request; `PLAINTEXT` sends the secrets themselves (TLS only). */
export type OAuth1SignatureMethod = 'HMAC-SHA1' | 'PLAINTEXT'

export interface OAuth1Credentials {
  /** The client (consumer) key the partner issued to the application. */
  consumerKey: string
  consumerSecret: string
  /** The token credentials (access token) of the member who authorised the application. */
  token?: string
  tokenSecret?: string
}

export interface OAuth1Request {
  method: string
  /** The full URL, query included: query parameters are signed. */
  url: string
  /**
   * The body's parameters when it is `application/x-www-form-urlencoded` (they are signed too).
   * A JSON or other body is not part of the signature.
   */
  form?: string | Record<string, string> | [string, string][]
}

export interface OAuth1Options {
  signatureMethod?: OAuth1SignatureMethod
  /** Seconds since the epoch; from the clock when absent. */
  timestamp?: number
  /** A value never reused with the same timestamp; random when absent. */
  nonce?: string
  /** Sent as `realm` in the header; never signed. */
  realm?: string
  /** Send `oauth_version="1.0"` (optional in RFC 5849; most partners accept both). */
  version?: boolean
  /** The clock for the timestamp, e.g. `ctx.clock`. */
  clock?: { now(): Date }
}

/**
 * Percent-encodes as RFC 5849 §3.6 says: UTF-8, then everything but the RFC 3986 unreserved
 * characters (`A-Z a-z 0-9 - . _ ~`), with upper-case hex. Not `encodeURIComponent`, which leaves
 * `! ' ( ) *` alone.
 */
export function oauth1Encode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  )
}

function formPairs(form: OAuth1Request['form']): [string, string][] {
  if (form === undefined) return []
  if (typeof form === 'string') return [...new URLSearchParams(form)]
  return Array.isArray(form) ? form : Object.entries(form)
}

/**
 * The base string URI (RFC 5849 §3.4.1.2): scheme and host in lower case, no default port, no
 * query. WHATWG `URL` already lower-cases both and drops a default port.
 */
function baseUri(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname || '/'}`
}

/**
 * The signature base string (RFC 5849 §3.4.1): the method, the base URI and the normalised
 * parameters (query, form body and `oauth_*` ones, each encoded, sorted by name then value).
 * `oauthParams` must not hold `oauth_signature` or `realm`.
 */
export function oauth1BaseString(request: OAuth1Request, oauthParams: Record<string, string>): string {
  const url = new URL(request.url)
  // URLSearchParams decodes `+` as a space, as RFC 5849 §3.4.1.3.1 wants (form encoding rules).
  const pairs: [string, string][] = [
    ...url.searchParams,
    ...formPairs(request.form),
    ...Object.entries(oauthParams),
  ].map(([k, v]) => [oauth1Encode(k), oauth1Encode(v)])
  pairs.sort(([ak, av], [bk, bv]) => (ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
  const normalised = pairs.map(([k, v]) => `${k}=${v}`).join('&')
  return [request.method.toUpperCase(), baseUri(url), normalised].map(oauth1Encode).join('&')
}

/** The signature of a base string: HMAC-SHA1 keyed by both secrets, or the key itself for PLAINTEXT. */
export function oauth1Signature(
  method: OAuth1SignatureMethod,
  baseString: string,
  consumerSecret: string,
  tokenSecret = '',
): string {
  const key = `${oauth1Encode(consumerSecret)}&${oauth1Encode(tokenSecret)}`
  return method === 'PLAINTEXT' ? key : createHmac('sha1', key).update(baseString).digest('base64')
}

/** The `oauth_*` protocol parameters of one request, signature included. */
export function oauth1Params(
  credentials: OAuth1Credentials,
  request: OAuth1Request,
  options: OAuth1Options = {},
): Record<string, string> {
  const method = options.signatureMethod ?? 'HMAC-SHA1'
  const now = options.clock?.now().getTime() ?? Date.now()
  const params: Record<string, string> = {
    oauth_consumer_key: credentials.consumerKey,
    oauth_signature_method: method,
    oauth_timestamp: String(options.timestamp ?? Math.floor(now / 1000)),
    oauth_nonce: options.nonce ?? randomBytes(16).toString('hex'),
    ...(credentials.token !== undefined ? { oauth_token: credentials.token } : {}),
    ...(options.version ? { oauth_version: '1.0' } : {}),
  }
  // PLAINTEXT ignores the base string; skip building it.
  const base = method === 'PLAINTEXT' ? '' : oauth1BaseString(request, params)
  params.oauth_signature = oauth1Signature(method, base, credentials.consumerSecret, credentials.tokenSecret)
  return params
}

/**
 * The `Authorization` header value for a request (RFC 5849 §3.5.1), signed with HMAC-SHA1 unless
 * told otherwise. A fresh nonce and timestamp each call: build it per request, retries included.
 *
 * @example
 * const url = `${base}/v1/MyTradeMe/SoldItems/Last24Hours.json?page=1&rows=100`
 * const authorization = oauth1Header(
 *   { consumerKey, consumerSecret, token: accessToken, tokenSecret: accessTokenSecret },
 *   { method: 'GET', url },
 *   { clock: ctx.clock },
 * )
 * await ctx.http.request(url, { headers: { authorization } })
 */
export function oauth1Header(
  credentials: OAuth1Credentials,
  request: OAuth1Request,
  options: OAuth1Options = {},
): string {
  const params = oauth1Params(credentials, request, options)
  const fields = Object.entries(params).map(([k, v]) => `${oauth1Encode(k)}="${oauth1Encode(v)}"`)
  if (options.realm !== undefined) fields.unshift(`realm="${oauth1Encode(options.realm)}"`)
  return `OAuth ${fields.join(', ')}`
}

/** The parameters of an `Authorization: OAuth …` header, decoded; undefined when it is not one. */
export function parseOAuth1Header(header: string | undefined): Record<string, string> | undefined {
  const match = /^\s*OAuth\s+(.*)$/is.exec(header ?? '')
  if (!match) return undefined
  const params: Record<string, string> = {}
  for (const part of match[1]!.split(',')) {
    const field = /^\s*([^=\s]+)\s*=\s*"([^"]*)"\s*$/.exec(part)
    if (!field) return undefined
    try {
      params[decodeURIComponent(field[1]!)] = decodeURIComponent(field[2]!)
    } catch {
      return undefined
    }
  }
  return params
}

/**
 * Checks the signature of a request signed with OAuth 1.0a, for a plugin that receives such
 * requests (or a test standing in for a partner). Timestamp windows and nonce replay are the
 * caller's to check: they need state. Never throws; compares in constant time.
 */
export function verifyOAuth1Signature(
  request: OAuth1Request & { authorization: string | undefined },
  secrets: { consumerSecret: string; tokenSecret?: string },
): boolean {
  const params = parseOAuth1Header(request.authorization)
  if (!params?.oauth_signature) return false
  const method = params.oauth_signature_method
  if (method !== 'HMAC-SHA1' && method !== 'PLAINTEXT') return false
  const { oauth_signature: signature, realm: _realm, ...signed } = params
  try {
    const base = method === 'PLAINTEXT' ? '' : oauth1BaseString(request, signed)
    return safeEqual(signature, oauth1Signature(method, base, secrets.consumerSecret, secrets.tokenSecret))
  } catch {
    return false
  }
}
