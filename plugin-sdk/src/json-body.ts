import { PayloadError } from './errors'
import { isValidUtf8, jsonMayHoldUnacceptableText, unacceptableText } from './text'
import type { RawRequest } from './webhook'

/**
 * A webhook body read as JSON, refused the same way by every plugin: bytes that are not UTF-8 and
 * text that is not JSON are 400 naming `(body)`; a string or key no database can store (see
 * `textProblem`) is 422 naming its field as the sender wrote it. `parse` replaces `JSON.parse` for
 * a peer that needs its own reading (Shopify's ids longer than a double holds).
 */
export function parseJsonBody(request: RawRequest, parse: (text: string) => unknown = JSON.parse): unknown {
  const { rawBody } = request
  if (!isValidUtf8(rawBody))
    throw new PayloadError('body is not UTF-8 text', [{ field: '(body)', message: 'is not valid UTF-8' }], {
      status: 400,
    })
  // A view over the same bytes, not a copy: the body is decoded once, here.
  const text = Buffer.from(rawBody.buffer, rawBody.byteOffset, rawBody.byteLength).toString('utf8')
  let value: unknown
  try {
    value = parse(text)
  } catch (error) {
    throw new PayloadError(
      'body is not valid JSON',
      [{ field: '(body)', message: (error as Error).message }],
      {
        status: 400,
      },
    )
  }
  // Clean text, nearly all of it, is not walked a second time.
  const issues = jsonMayHoldUnacceptableText(text) ? unacceptableText(value) : []
  if (issues.length > 0) throw new PayloadError('body holds text the hub cannot accept', issues)
  return value
}
