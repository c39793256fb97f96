import type { MiddlewareHandler } from 'hono'
import { jsonTooDeep, MAX_JSON_DEPTH } from './json-depth'
import { ProblemError } from './problem'

/** Refuses JSON bodies nested deeper than MAX_JSON_DEPTH (400) before any handler parses them. */
export function jsonDepthGuard(): MiddlewareHandler {
  return async function jsonDepthGuard(c, next) {
    if (
      c.req.method !== 'GET' &&
      c.req.method !== 'HEAD' &&
      (c.req.header('content-type') ?? '').includes('json')
    ) {
      // Hono caches the text; the route's own JSON parsing reuses it.
      if (jsonTooDeep(await c.req.text(), MAX_JSON_DEPTH)) {
        throw new ProblemError(400, 'JSON_TOO_DEEP', `JSON may nest at most ${MAX_JSON_DEPTH} levels`, [
          { field: '(body)', message: `nests deeper than ${MAX_JSON_DEPTH} levels` },
        ])
      }
    }
    await next()
  }
}
