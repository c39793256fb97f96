import type { MiddlewareHandler } from 'hono'
import { bodyLimit as streamingBodyLimit } from 'hono/body-limit'
import { problemResponse } from './problem'

/**
 * Refuses bodies over `maxSize` with 413. A declared Content-Length is checked from the header alone;
 * Hono's own middleware (which streams the body through a WHATWG reader, costly per request) is kept
 * for chunked bodies that declare no length.
 */
export function bodyLimit(maxSize: number): MiddlewareHandler {
  const tooLarge = (c: Parameters<MiddlewareHandler>[0]) =>
    problemResponse(c, {
      status: 413,
      code: 'BODY_TOO_LARGE',
      detail: `bodies are limited to ${maxSize} bytes`,
    })
  const streaming = streamingBodyLimit({ maxSize, onError: tooLarge })
  return async function bodyLimit(c, next) {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next()
    const length = c.req.header('content-length')
    if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
      return Number(length) > maxSize ? tooLarge(c) : next()
    }
    return streaming(c, next)
  }
}
