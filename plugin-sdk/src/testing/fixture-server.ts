import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface FixtureRequest {
  method: string
  /** Path with query string, as sent. */
  url: string
  path: string
  query: URLSearchParams
  headers: Record<string, string>
  body: string
}

export interface FixtureResponse {
  status?: number
  headers?: Record<string, string>
  /** Objects are sent as JSON. */
  body?: unknown
}

export type FixtureHandler = (req: FixtureRequest) => FixtureResponse | Promise<FixtureResponse>

export interface FixtureServer {
  url: string
  /** Every request received, in order. */
  requests: FixtureRequest[]
  /** The next `count` requests get this answer instead of the handler's. */
  failNext(count: number, response: FixtureResponse): void
  close(): Promise<void>
}

/**
 * Serves a plugin author's recorded API answers on 127.0.0.1, so conformance runs without a network
 * and without mocking the plugin's own HTTP code.
 */
export async function startFixtureServer(
  handler: FixtureHandler = () => ({ status: 404, body: { error: 'no fixture' } }),
): Promise<FixtureServer> {
  const requests: FixtureRequest[] = []
  const failures: FixtureResponse[] = []
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fixture')
      const headers: Record<string, string> = {}
      for (const [k, v] of Object.entries(req.headers))
        headers[k] = Array.isArray(v) ? v.join(', ') : (v ?? '')
      const recorded: FixtureRequest = {
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        path: url.pathname,
        query: url.searchParams,
        headers,
        body: Buffer.concat(chunks).toString('utf8'),
      }
      requests.push(recorded)
      const forced = failures.shift()
      Promise.resolve(forced ?? handler(recorded))
        .then((answer) => {
          const body =
            answer.body === undefined
              ? ''
              : typeof answer.body === 'string'
                ? answer.body
                : JSON.stringify(answer.body)
          res.writeHead(answer.status ?? 200, {
            ...(typeof answer.body === 'object' ? { 'content-type': 'application/json' } : {}),
            ...answer.headers,
          })
          res.end(body)
        })
        .catch((error: unknown) => {
          res.writeHead(500, { 'content-type': 'text/plain' })
          res.end(String(error))
        })
    })
  })
  server.keepAliveTimeout = 500
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    failNext(count, response) {
      for (let i = 0; i < count; i++) failures.push(response)
    },
    async close() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
