import type { MiddlewareHandler } from 'hono'
import { jsonTooDeep, MAX_JSON_DEPTH } from './json-depth'
import { ProblemError } from './problem'
import { checkJsonTextOf, decodeUtf8Body } from './text-guard'

/**
 * Checks a JSON body before any handler parses it: UTF-8 (else 400), nested at most MAX_JSON_DEPTH
 * levels (else 400), and every string and key acceptable text (else 422 naming each field).
 * Malformed JSON is left to the route's validator, which names it.
 */
export function jsonBodyGuard(): MiddlewareHandler {
  return async function jsonBodyGuard(c, next) {
    if (
      c.req.method !== 'GET' &&
      c.req.method !== 'HEAD' &&
      (c.req.header('content-type') ?? '').includes('json')
    ) {
      const text = decodeUtf8Body(new Uint8Array(await c.req.arrayBuffer()))
      // The route's own JSON parsing reads this text instead of decoding the bytes again.
      // (Hono keeps promises there, whatever its type says.)
      ;(c.req.bodyCache as { text?: Promise<string> }).text = Promise.resolve(text)
      if (jsonTooDeep(text, MAX_JSON_DEPTH)) {
        throw new ProblemError(400, 'JSON_TOO_DEEP', `JSON may nest at most ${MAX_JSON_DEPTH} levels`, [
          { field: '(body)', message: `nests deeper than ${MAX_JSON_DEPTH} levels` },
        ])
      }
      checkJsonTextOf(text)
    }
    await next()
  }
}
