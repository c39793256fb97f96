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
  const body = typeof rawBody === 'string' ? rawBody : Buffer.from(rawBody).toString('utf8')
  return `t=${nowSec},v1=${hmac(secret, `${nowSec}.${body}`)}`
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
