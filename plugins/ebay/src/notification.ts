import { createHash, createPublicKey, verify } from 'node:crypto'
import {
  jsonResponse,
  PayloadError,
  parseJsonBody,
  type RawRequest,
  type VerifyResult,
  type WebhookResult,
} from '@switchyard/plugin-sdk'
import { apiRoot, applicationAuth, type Ctx, NOTIFICATION_CALL_MS } from './api'

/**
 * eBay's Marketplace Account Deletion notifications, which every eBay application must answer:
 * - `GET ?challenge_code=…` when the endpoint is registered: the answer is
 *   `{"challengeResponse": hex(SHA-256(challengeCode + verificationToken + endpoint))}`;
 * - `POST` of a JSON notification, signed in `X-EBAY-SIGNATURE` (base64 JSON of `alg`, `kid`,
 *   `signature`, `digest`): an ECDSA signature with SHA-1 over the body, checked with the public key
 *   the Notification API gives for `kid` (`GET /commerce/notification/v1/public_key/{kid}`).
 */
export const SIGNATURE_HEADER = 'x-ebay-signature'
const KEY_PREFIX = 'notification-key:'

interface SignatureHeader {
  alg?: string
  kid?: string
  signature?: string
  digest?: string
}

/** The challenge answer eBay expects for `challengeCode` at `endpoint` registered with `token`. */
export function challengeResponse(challengeCode: string, token: string, endpoint: string): string {
  return createHash('sha256').update(challengeCode).update(token).update(endpoint).digest('hex')
}

export function readSignatureHeader(value: string | undefined): SignatureHeader | undefined {
  if (!value) return undefined
  try {
    const parsed = JSON.parse(Buffer.from(value, 'base64').toString('utf8')) as unknown
    return parsed && typeof parsed === 'object' ? (parsed as SignatureHeader) : undefined
  } catch {
    return undefined
  }
}

/** eBay answers the key as one line (`-----BEGIN PUBLIC KEY-----MFkw…-----END PUBLIC KEY-----`). */
export function pemOf(key: string): string {
  return key
    .replace(/-----BEGIN PUBLIC KEY-----\s*/, '-----BEGIN PUBLIC KEY-----\n')
    .replace(/\s*-----END PUBLIC KEY-----/, '\n-----END PUBLIC KEY-----')
}

/**
 * Whether `signature` (base64 DER ECDSA) signs `body` under `key` with SHA-1. eBay's own SDKs verify
 * the notification re-serialised as compact JSON, so that is tried when the bytes as sent are not it.
 */
export function verifyNotification(body: Uint8Array, key: string, signature: string): boolean {
  const publicKey = createPublicKey(pemOf(key))
  const sig = Buffer.from(signature, 'base64')
  if (verify('sha1', body, publicKey, sig)) return true
  let compact: string
  try {
    compact = JSON.stringify(JSON.parse(Buffer.from(body).toString('utf8')))
  } catch {
    return false
  }
  return (
    compact !== Buffer.from(body).toString('utf8') && verify('sha1', Buffer.from(compact), publicKey, sig)
  )
}

/** The public key for `kid`, from state once fetched (eBay's keys do not change under a kid). */
async function publicKey(kid: string, ctx: Ctx): Promise<string | undefined> {
  const cached = await ctx.state.get<string>(`${KEY_PREFIX}${kid}`)
  if (cached) return cached
  const res = await applicationAuth.request(
    ctx,
    `${apiRoot(ctx.config)}/commerce/notification/v1/public_key/${encodeURIComponent(kid)}`,
    { timeoutMs: NOTIFICATION_CALL_MS, headers: { accept: 'application/json' } },
  )
  const answer = jsonResponse<{ key?: string; algorithm?: string; digest?: string }>(res, {
    what: 'eBay getPublicKey',
  })
  if (!answer.key || (answer.algorithm && answer.algorithm.toUpperCase() !== 'ECDSA')) return undefined
  await ctx.state.set(`${KEY_PREFIX}${kid}`, answer.key)
  return answer.key
}

const configured = (ctx: Ctx) => Boolean(ctx.config.deletionEndpoint && ctx.config.deletionVerificationToken)

/**
 * Never throws. The challenge GET carries no signature: what proves the endpoint is ours is the
 * answer, a hash only the holder of the verification token can make, so it is let through to parse.
 * A POST's signing key is fetched once per key id and kept; that one call is the only network use
 * in any `verify` (a quick one, under the verify deadline), since eBay publishes keys only that way.
 */
export async function verifyRequest(request: RawRequest, ctx: Ctx): Promise<VerifyResult> {
  try {
    if (!configured(ctx)) return { ok: false, reason: 'account deletion notifications are not configured' }
    if (request.method === 'GET')
      return request.query.challenge_code
        ? { ok: true }
        : { ok: false, reason: 'a GET must carry challenge_code' }
    if (request.method !== 'POST') return { ok: false, reason: `${request.method} is not a notification` }
    const header = readSignatureHeader(request.headers[SIGNATURE_HEADER])
    if (!header?.kid || !header.signature)
      return { ok: false, reason: 'X-EBAY-SIGNATURE is missing or unreadable' }
    if ((header.alg ?? '').toUpperCase() !== 'ECDSA' || (header.digest ?? '').toUpperCase() !== 'SHA1')
      return { ok: false, reason: `unsupported signature ${header.alg}/${header.digest}` }
    if (!/^[A-Za-z0-9-]{1,100}$/.test(header.kid))
      return { ok: false, reason: 'the signature names no valid key id' }
    const key = await publicKey(header.kid, ctx)
    if (!key) return { ok: false, reason: `no public key for ${header.kid}` }
    return verifyNotification(request.rawBody, key, header.signature)
      ? { ok: true }
      : { ok: false, reason: 'the signature does not match the body' }
  } catch (error) {
    return { ok: false, reason: `the signature could not be checked: ${(error as Error).message}` }
  }
}

interface DeletionNotification {
  metadata?: { topic?: string; schemaVersion?: string }
  notification?: {
    notificationId?: string
    eventDate?: string
    data?: { username?: string; userId?: string; eiasToken?: string }
  }
}

/**
 * The challenge is answered as eBay requires (200, JSON). A deletion notification changes no order:
 * it is acknowledged and logged for a person to erase that buyer's data (the hub has no automatic
 * erasure yet; docs/known-gaps.md), keyed by its notification id so a resend is acknowledged once.
 */
export function parseRequest(request: RawRequest, ctx: Ctx): WebhookResult {
  if (request.method === 'GET') {
    const code = request.query.challenge_code ?? ''
    const body = JSON.stringify({
      challengeResponse: challengeResponse(
        code,
        ctx.config.deletionVerificationToken ?? '',
        ctx.config.deletionEndpoint ?? '',
      ),
    })
    return { events: [], reply: { status: 200, contentType: 'application/json', body } }
  }
  const message = parseJsonBody(request) as DeletionNotification
  const id = message?.notification?.notificationId
  if (typeof id !== 'string' || id === '')
    throw new PayloadError('not an eBay notification', [
      { field: 'notification.notificationId', message: 'is missing' },
    ])
  const topic = message.metadata?.topic
  if (topic !== 'MARKETPLACE_ACCOUNT_DELETION')
    return {
      dedupeKey: id,
      events: [{ type: 'ignored', reason: `eBay notification topic ${String(topic)}` }],
    }
  const user = message.notification?.data ?? {}
  ctx.logger.warn(
    {
      notificationId: id,
      ebayUserId: user.userId,
      ebayUsername: user.username,
      eventDate: message.notification?.eventDate,
    },
    "eBay account deletion: erase this buyer's personal data (their orders carry the username as customer.externalId)",
  )
  return {
    dedupeKey: id,
    events: [
      {
        type: 'ignored',
        reason: `eBay account deletion for user ${user.userId ?? '(unknown)'} acknowledged`,
      },
    ],
  }
}
