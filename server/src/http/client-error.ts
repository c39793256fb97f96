import type { Server } from 'node:http'
import type { Duplex } from 'node:stream'
import { MAX_URI_BYTES } from './limits'
import { problemTitle } from './problem'

interface ClientError extends Error {
  code?: string
  rawPacket?: Buffer
}

/**
 * What to answer when Node's HTTP parser refuses a request before the app sees it. A header block
 * over Node's limit (16 KiB, request line included) is 414 when the request line alone is what
 * ran over (it has no end in the bytes read, or ends past MAX_URI_BYTES), else 431.
 */
export function clientErrorProblem(error: ClientError): { status: number; code: string; detail: string } {
  switch (error.code) {
    case 'HPE_HEADER_OVERFLOW': {
      const raw = error.rawPacket
      const startsRequest = raw !== undefined && /^[A-Z]+ /.test(raw.toString('latin1', 0, 16))
      const lineEnd = raw?.indexOf('\r\n') ?? -1
      if (startsRequest && (lineEnd === -1 || lineEnd > MAX_URI_BYTES))
        return {
          status: 414,
          code: 'URI_TOO_LONG',
          detail: `request URIs are limited to ${MAX_URI_BYTES} bytes`,
        }
      return {
        status: 431,
        code: 'HEADERS_TOO_LARGE',
        detail: 'the request line and headers are limited to 16 KiB together',
      }
    }
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return { status: 413, code: 'BODY_TOO_LARGE', detail: 'chunk extensions are too large' }
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return { status: 408, code: 'REQUEST_TIMEOUT', detail: 'the request did not arrive in time' }
    default:
      return { status: 400, code: 'MALFORMED_REQUEST', detail: 'the request is not valid HTTP/1.1' }
  }
}

/**
 * Refusals by Node's HTTP parser are problem+json like every other refusal: Node's own answer is
 * a bare status line with no body. There is no request object here, so the response is written to
 * the socket as it is, and the connection closed (the parser cannot find the next request).
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: ClientError, socket: Duplex) => {
    const inFlight = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage
    if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
      socket.destroy()
      return
    }
    const p = clientErrorProblem(error)
    const title = problemTitle(p.status)
    const body = JSON.stringify({
      type: `https://switchyard.dev/problems/${p.code.toLowerCase().replace(/_/g, '-')}`,
      title,
      status: p.status,
      code: p.code,
      detail: p.detail,
    })
    socket.end(
      `HTTP/1.1 ${p.status} ${title}\r\ncontent-type: application/problem+json\r\n` +
        `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    )
  })
}
