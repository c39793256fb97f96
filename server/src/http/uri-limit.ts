import type { MiddlewareHandler } from 'hono'
import { problemResponse } from './problem'

/**
 * Refuses a request URI (path and query) longer than `maxBytes` with 414. Longer still than Node's
 * header limit, the parser refuses it before the app sees it (see client-error.ts).
 */
export function uriLimit(maxBytes: number): MiddlewareHandler {
  return async function uriLimit(c, next) {
    const url = c.req.url
    // From the first slash after the authority: the request target as the client sent it.
    const target = url.length - url.indexOf('/', url.indexOf('//') + 2)
    if (target > maxBytes) {
      return problemResponse(c, {
        status: 414,
        code: 'URI_TOO_LONG',
        detail: `request URIs are limited to ${maxBytes} bytes`,
        errors: [{ field: '(uri)', message: `is ${target} bytes long` }],
      })
    }
    await next()
  }
}
