import { PayloadError } from './errors'
import { isValidUtf8, jsonMayHoldUnacceptableText, unacceptableText } from './text'
import type { RawRequest } from './webhook'

/** Bodies a host has already read as UTF-8 text and found acceptable as JSON, with that text. */
const checkedBodies = new WeakMap<Uint8Array, string>()

/**
 * For hosts: `rawBody` has been decoded as UTF-8 to `text`, and `text` read as JSON holds no
 * unacceptable text (the host refused it otherwise, with the same rules). `parseJsonBody` then only
 * parses `text`: the body is scanned once. Keyed by the bytes themselves, so the mark goes with
 * the request (a plugin that reads another buffer is checked as usual).
 */
export function markJsonBodyChecked(rawBody: Uint8Array, text: string): void {
  checkedBodies.set(rawBody, text)
}

/**
 * A webhook body read as JSON, refused the same way by every plugin: bytes that are not UTF-8 and
 * text that is not JSON are 400 naming `(body)`; a string or key no database can store (see
 * `textProblem`) is 422 naming its field as the sender wrote it. `parse` replaces `JSON.parse` for
 * a peer that needs its own reading (Shopify's ids longer than a double holds).
 */
export function parseJsonBody(request: RawRequest, parse: (text: string) => unknown = JSON.parse): unknown {
  const { rawBody } = request
  const checked = checkedBodies.get(rawBody)
  if (checked !== undefined) return parseText(checked, parse)
  if (!isValidUtf8(rawBody))
    throw new PayloadError('body is not UTF-8 text', [{ field: '(body)', message: 'is not valid UTF-8' }], {
      status: 400,
    })
  // A view over the same bytes, not a copy: the body is decoded once, here.
  const text = Buffer.from(rawBody.buffer, rawBody.byteOffset, rawBody.byteLength).toString('utf8')
  const value = parseText(text, parse)
  // Clean text, nearly all of it, is not walked a second time.
  const issues = jsonMayHoldUnacceptableText(text) ? unacceptableText(value) : []
  if (issues.length > 0) throw new PayloadError('body holds text the hub cannot accept', issues)
  return value
}

function parseText(text: string, parse: (text: string) => unknown): unknown {
  try {
    return parse(text)
  } catch (error) {
    throw new PayloadError(
      'body is not valid JSON',
      [{ field: '(body)', message: (error as Error).message }],
      {
        status: 400,
      },
    )
  }
}
