import { createHmac, timingSafeEqual } from 'node:crypto'

export type HmacAlgorithm = 'sha256' | 'sha1' | 'sha512'
export type HmacEncoding = 'hex' | 'base64'

export function hmac(
  secret: string | Uint8Array,
  body: string | Uint8Array,
  algorithm: HmacAlgorithm = 'sha256',
  encoding: HmacEncoding = 'hex',
): string {
  return createHmac(algorithm, secret).update(body).digest(encoding)
}

/** Compares in constant time; different lengths are a mismatch, not an exception. */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  if (left.length !== right.length) return false
  return timingSafeEqual(left, right)
}

/** Verifies `signature` (optionally prefixed, e.g. `sha256=`) against an HMAC of the raw body. */
export function verifyHmac(options: {
  secret: string | Uint8Array
  rawBody: Uint8Array
  signature: string | undefined
  algorithm?: HmacAlgorithm
  encoding?: HmacEncoding
  prefix?: string
}): boolean {
  const { signature, prefix = '' } = options
  if (!signature?.startsWith(prefix)) return false
  const expected = hmac(options.secret, options.rawBody, options.algorithm, options.encoding)
  return safeEqual(signature.slice(prefix.length), expected)
}

/**
 * Switchyard's own signature scheme, used by the first-party REST plugins in both directions:
 * `X-Switchyard-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`.
 * The timestamp inside the signed text makes a captured request useless after `toleranceSec`.
 */
export const SIGNATURE_HEADER = 'x-switchyard-signature'

export function signTimestamped(
  secret: string,
  rawBody: string | Uint8Array,
  nowSec = Math.floor(Date.now() / 1000),
): string {
  // Over the bytes as they are: decoding them first would sign a different body when they are not UTF-8.
  const signed = Buffer.concat([Buffer.from(`${nowSec}.`), Buffer.from(rawBody)])
  return `t=${nowSec},v1=${hmac(secret, signed)}`
}

export type TimestampedVerdict = { ok: true } | { ok: false; reason: string }

export function verifyTimestamped(options: {
  secret: string
  rawBody: Uint8Array
  header: string | undefined
  nowSec?: number
  toleranceSec?: number
}): TimestampedVerdict {
  const { header, toleranceSec = 300 } = options
  if (!header) return { ok: false, reason: 'signature header missing' }
  const parts = new Map<string, string>()
  for (const piece of header.split(',')) {
    const eq = piece.indexOf('=')
    if (eq > 0) parts.set(piece.slice(0, eq).trim(), piece.slice(eq + 1).trim())
  }
  const t = Number(parts.get('t'))
  const v1 = parts.get('v1')
  if (!Number.isInteger(t) || !v1) return { ok: false, reason: 'signature header malformed' }
  const now = options.nowSec ?? Math.floor(Date.now() / 1000)
  if (Math.abs(now - t) > toleranceSec) return { ok: false, reason: 'signature timestamp outside tolerance' }
  const signed = Buffer.concat([Buffer.from(`${t}.`), Buffer.from(options.rawBody)])
  return safeEqual(v1, hmac(options.secret, signed))
    ? { ok: true }
    : { ok: false, reason: 'signature mismatch' }
}

/**
 * The base64 HMAC-SHA256 over the raw body that Shopify (`X-Shopify-Hmac-Sha256`), WooCommerce
 * (`X-WC-Webhook-Signature`) and ShipHero sign with. The header is decoded and compared as bytes in
 * constant time; a missing header or a digest of the wrong length is a mismatch. Several secrets
 * may be given: during a secret rotation deliveries arrive signed with either.
 */
export function verifyBase64Hmac(options: {
  secrets: readonly (string | Uint8Array)[]
  rawBody: Uint8Array
  signature: string | undefined
}): boolean {
  const { signature } = options
  if (!signature || !/^[A-Za-z0-9+/]+={0,2}$/.test(signature.trim())) return false
  const given = Buffer.from(signature.trim(), 'base64')
  if (given.length !== 32) return false
  let ok = false
  for (const secret of options.secrets) {
    const expected = createHmac('sha256', secret).update(options.rawBody).digest()
    // No early exit: every configured secret costs the same whether or not an earlier one matched.
    if (timingSafeEqual(given, expected)) ok = true
  }
  return ok
}

/** The key of a Standard Webhooks secret: the base64 bytes after `whsec_`. */
function standardWebhookKey(secret: string): Buffer {
  return Buffer.from(secret.startsWith('whsec_') ? secret.slice(6) : secret, 'base64')
}

/**
 * Standard Webhooks (used by ShipBob from API 2025-07): `webhook-signature: v1,<base64>` over
 * `{webhook-id}.{webhook-timestamp}.{raw body}`, keyed with the base64-decoded `whsec_…` secret.
 */
export function signStandardWebhook(
  secret: string,
  id: string,
  timestampSec: number,
  rawBody: string | Uint8Array,
): string {
  const signed = Buffer.concat([Buffer.from(`${id}.${timestampSec}.`), Buffer.from(rawBody)])
  return `v1,${createHmac('sha256', standardWebhookKey(secret)).update(signed).digest('base64')}`
}

export function verifyStandardWebhook(options: {
  secret: string
  headers: Record<string, string>
  rawBody: Uint8Array
  nowSec?: number
  toleranceSec?: number
}): TimestampedVerdict {
  const id = options.headers['webhook-id']
  const ts = options.headers['webhook-timestamp']
  const header = options.headers['webhook-signature']
  if (!id || !ts || !header)
    return { ok: false, reason: 'webhook-id, webhook-timestamp or webhook-signature missing' }
  const t = Number(ts)
  if (!Number.isInteger(t)) return { ok: false, reason: 'webhook-timestamp malformed' }
  const now = options.nowSec ?? Math.floor(Date.now() / 1000)
  if (Math.abs(now - t) > (options.toleranceSec ?? 300))
    return { ok: false, reason: 'webhook-timestamp outside tolerance' }
  const expected = signStandardWebhook(options.secret, id, t, options.rawBody).slice(3)
  // The header is a space-separated list (several during a key rotation); any v1 match is enough.
  const match = header
    .split(' ')
    .filter((part) => part.startsWith('v1,'))
    .some((part) => safeEqual(part.slice(3), expected))
  return match ? { ok: true } : { ok: false, reason: 'signature mismatch' }
}

/**
 * How the hub signs what it sends a partner (status callbacks, notifications): Standard Webhooks
 * (`webhook-id`, `webhook-timestamp`, `webhook-signature`) by default, which receivers verify with
 * any Standard Webhooks library; `switchyard-v1` (`X-Switchyard-Signature`) for receivers built
 * before it; `both` while a receiver moves from one to the other.
 */
export const outboundSignatureSchemes = ['standard-webhooks', 'switchyard-v1', 'both'] as const
export type OutboundSignatureScheme = (typeof outboundSignatureSchemes)[number]

/**
 * The signature headers of one outbound webhook. `id` must stay the same on every retry of the
 * same message (the idempotency key does): receivers deduplicate on `webhook-id`. A `whsec_…`
 * secret is used as Standard Webhooks defines it (base64 after the prefix); any other secret is the
 * key as its UTF-8 bytes, which receivers pass as `new Webhook(secret, { format: 'raw' })`.
 */
export function outboundSignatureHeaders(
  scheme: OutboundSignatureScheme,
  secret: string,
  id: string,
  rawBody: string | Uint8Array,
  nowSec = Math.floor(Date.now() / 1000),
): Record<string, string> {
  const headers: Record<string, string> = {}
  if (scheme !== 'switchyard-v1') {
    headers['webhook-id'] = id
    headers['webhook-timestamp'] = String(nowSec)
    headers['webhook-signature'] = signStandardWebhook(outboundKey(secret), id, nowSec, rawBody)
  }
  if (scheme !== 'standard-webhooks') headers[SIGNATURE_HEADER] = signTimestamped(secret, rawBody, nowSec)
  return headers
}

/** The Standard Webhooks secret an outbound secret stands for (see `outboundSignatureHeaders`). */
function outboundKey(secret: string): string {
  return secret.startsWith('whsec_') ? secret : `whsec_${Buffer.from(secret).toString('base64')}`
}

/**
 * What a receiver of the hub's webhooks runs (also the test peers): checks the Standard Webhooks
 * signature when present, else the older `X-Switchyard-Signature`.
 */
export function verifyOutboundSignature(options: {
  secret: string
  headers: Record<string, string | string[] | undefined>
  rawBody: Uint8Array
  nowSec?: number
}): TimestampedVerdict {
  const headers: Record<string, string> = {}
  for (const [k, v] of Object.entries(options.headers)) if (v !== undefined) headers[k] = String(v)
  if (headers['webhook-signature'])
    return verifyStandardWebhook({
      secret: outboundKey(options.secret),
      headers,
      rawBody: options.rawBody,
      ...(options.nowSec !== undefined ? { nowSec: options.nowSec } : {}),
    })
  return verifyTimestamped({
    secret: options.secret,
    rawBody: options.rawBody,
    header: headers[SIGNATURE_HEADER],
    ...(options.nowSec !== undefined ? { nowSec: options.nowSec } : {}),
  })
}
