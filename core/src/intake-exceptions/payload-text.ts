import { createHash } from 'node:crypto'
import { isValidUtf8, unacceptableText } from '@switchyard/plugin-sdk'
import type { StoredPayload } from './intake-exception-store'

/**
 * The most of a payload an exception keeps. Webhook bodies are limited to 1 MiB at the door, so a
 * webhook's body is kept whole; a larger input is cut here, marked truncated, and then replayed
 * from its stored canonical order only.
 */
export const MAX_PAYLOAD_BYTES = 1024 * 1024

/**
 * The payload as received, in a form any database stores: UTF-8 text when it is acceptable text,
 * else base64 of the bytes (a NUL, say, which PostgreSQL cannot store in text). Nothing is cleaned.
 */
export function storablePayload(body: Uint8Array | string): StoredPayload {
  let bytes =
    typeof body === 'string'
      ? Buffer.from(body, 'utf8')
      : Buffer.from(body.buffer, body.byteOffset, body.byteLength)
  const truncated = bytes.length > MAX_PAYLOAD_BYTES
  if (truncated) bytes = bytes.subarray(0, MAX_PAYLOAD_BYTES)
  if (isValidUtf8(bytes)) {
    const text = bytes.toString('utf8')
    if (unacceptableText(text).length === 0) return { text, encoding: 'utf8', truncated }
  }
  return { text: bytes.toString('base64'), encoding: 'base64', truncated }
}

/** The stored payload's bytes again, for a replay through the plugin's parse. */
export function payloadBytes(payload: StoredPayload): Uint8Array {
  return Buffer.from(payload.text, payload.encoding === 'base64' ? 'base64' : 'utf8')
}

/**
 * The key that makes one open exception per channel order: the external order id when it could be
 * read, else the payload itself (the same bytes sent again are the same exception).
 */
export function openKeyOf(
  externalOrderId: string | null,
  payload: StoredPayload | null,
  parsed: unknown,
): string {
  const basis =
    externalOrderId !== null
      ? `order\u0000${externalOrderId}`
      : `body\u0000${payload?.text ?? JSON.stringify(parsed ?? null)}`
  return createHash('sha256').update(basis).digest('hex')
}
