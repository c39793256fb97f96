import { createHash } from 'node:crypto'
import type { IdempotencyStore, StoredResponse } from '@switchyard/core'
import type { MiddlewareHandler } from 'hono'
import { ProblemError } from './problem'

export const IDEMPOTENCY_HEADER = 'idempotency-key'

/** Printable ASCII, as Stripe and the IETF draft take it; long enough for a UUID or a ULID with a prefix. */
const KEY = /^[\x21-\x7e]{1,255}$/

/** How long a retry waits for the first request with its key to be answered. */
const WAIT_MS = 10_000

/**
 * Answers that are not the work's outcome and must not be replayed: the caller was refused before
 * the work (401, 403, 429), or the hub failed (5xx) and a retry should do the work again.
 */
const keep = (status: number) => status < 500 && ![401, 403, 429].includes(status)

/**
 * `Idempotency-Key` on writes (POST, PATCH): the first answer is kept with the key, the caller and a
 * hash of the request for 24 h; a retry with the same key and request gets that answer again
 * (`Idempotent-Replayed: true`) without the work being done twice; the same key with another
 * request is 422 `IDEMPOTENCY_KEY_REUSED`; a retry while the first is still being answered waits for
 * it (on any hub sharing the database), or is 409 `IDEMPOTENCY_KEY_IN_USE` after 10 s. Runs after
 * authentication: each API key has its own keys.
 */
export function idempotency(store: IdempotencyStore): MiddlewareHandler {
  return async function idempotency(c, next) {
    const key = c.req.header(IDEMPOTENCY_HEADER)
    if (key === undefined || (c.req.method !== 'POST' && c.req.method !== 'PATCH')) return next()
    if (!KEY.test(key))
      throw new ProblemError(400, 'VALIDATION_FAILED', 'the Idempotency-Key header is invalid', [
        { field: 'Idempotency-Key', message: 'give 1 to 255 printable ASCII characters, no spaces' },
      ])
    const caller = c.get('principal').keyId
    const hash = createHash('sha256')
      .update(`${c.req.method} ${c.req.path}\n`)
      .update(await c.req.text())
      .digest('hex')
    const claim = await waitForClaim(store, caller, key, hash)
    if (claim.kind === 'replay') return replay(claim.response)
    if (claim.kind === 'mismatch')
      throw new ProblemError(
        422,
        'IDEMPOTENCY_KEY_REUSED',
        'this Idempotency-Key was used for another request',
        [
          {
            field: 'Idempotency-Key',
            message: 'use a new key for a new request; a key stands for one request for 24 h',
          },
        ],
      )
    if (claim.kind === 'busy')
      throw new ProblemError(
        409,
        'IDEMPOTENCY_KEY_IN_USE',
        'a request with this Idempotency-Key is still being answered',
        [{ field: 'Idempotency-Key', message: 'retry in a moment to get its answer' }],
        { 'retry-after': '1' },
      )
    try {
      await next()
    } catch (error) {
      await store.release(caller, key)
      throw error
    }
    if (!keep(c.res.status)) return store.release(caller, key)
    const body = await c.res.clone().text()
    await store.complete(caller, key, {
      status: c.res.status,
      contentType: c.res.headers.get('content-type'),
      body,
    })
  }
}

async function waitForClaim(store: IdempotencyStore, caller: string, key: string, hash: string) {
  const deadline = Date.now() + WAIT_MS
  for (;;) {
    const claim = await store.claim(caller, key, hash)
    if (claim.kind !== 'busy' || Date.now() >= deadline) return claim
    await new Promise((r) => setTimeout(r, 50))
  }
}

function replay(r: StoredResponse): Response {
  const headers = new Headers({ 'idempotent-replayed': 'true' })
  if (r.contentType) headers.set('content-type', r.contentType)
  return new Response(r.status === 204 ? null : r.body, { status: r.status, headers })
}
