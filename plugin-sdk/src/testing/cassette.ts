import { readFileSync, writeFileSync } from 'node:fs'
import {
  type FixtureHandler,
  type FixtureRequest,
  type FixtureServer,
  startFixtureServer,
} from './fixture-server'

/** One recorded request and the partner's answer to it. */
export interface RecordedExchange {
  request: { method: string; path: string; query: string; body: string }
  response: { status: number; headers: Record<string, string>; body: string }
}

/** A partner exchange recorded once (`recordCassette`) and replayed in tests (`replayCassette`). */
export interface Cassette {
  /** Where it was recorded from, for the reader; replay never calls it. */
  recordedFrom: string
  recordedAt: string
  exchanges: RecordedExchange[]
}

export interface RecordOptions {
  /** The partner's base URL (its sandbox): every request to the recorder is sent on to it. */
  target: string
  /** The cassette file written when the recorder closes. */
  file: string
  /**
   * Values never written to the cassette (tokens, keys, account ids), wherever they appear in a
   * path, query, body or header: each becomes `[redacted]`. Authorization and cookie headers are
   * never recorded at all.
   */
  redact?: readonly string[]
}

/** Request headers a cassette keeps none of: credentials, and what the transport sets. */
const DROPPED_HEADERS = new Set([
  'authorization',
  'cookie',
  'set-cookie',
  'proxy-authorization',
  'date',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
])

/**
 * A recording proxy on 127.0.0.1: point the plugin at its `url` instead of the partner's, run the
 * exchange once against the partner's sandbox, close it, and the cassette file holds every request
 * with its answer, secrets removed. Commit the cassette; tests replay it with `replayCassette`.
 */
export async function recordCassette(options: RecordOptions): Promise<FixtureServer> {
  const exchanges: RecordedExchange[] = []
  const redact = (text: string) =>
    (options.redact ?? []).reduce((t, secret) => (secret ? t.split(secret).join('[redacted]') : t), text)
  const server = await startFixtureServer(async (req) => {
    const answer = await fetch(new URL(req.url, options.target), {
      method: req.method,
      headers: forwardedHeaders(req),
      ...(req.method === 'GET' || req.method === 'HEAD' ? {} : { body: req.body }),
    })
    const body = await answer.text()
    const headers: Record<string, string> = {}
    answer.headers.forEach((value, name) => {
      if (!DROPPED_HEADERS.has(name)) headers[name] = redact(value)
    })
    exchanges.push({
      request: {
        method: req.method,
        path: redact(req.path),
        query: redact(req.query.toString()),
        body: redact(req.body),
      },
      response: { status: answer.status, headers, body: redact(body) },
    })
    return { status: answer.status, headers, body }
  })
  return {
    ...server,
    async close() {
      await server.close()
      const cassette: Cassette = {
        recordedFrom: options.target,
        recordedAt: new Date().toISOString(),
        exchanges,
      }
      writeFileSync(options.file, `${JSON.stringify(cassette, null, 2)}\n`)
    },
  }
}

function forwardedHeaders(req: FixtureRequest): Record<string, string> {
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(req.headers))
    if (name !== 'host' && name !== 'content-length' && name !== 'connection') headers[name] = value
  return headers
}

/**
 * A fixture handler that answers from a cassette: each request gets the answer recorded for the
 * first not yet used exchange with the same method, path and query (and body, when the recording
 * has one), so a sequence of pages or retries replays in order. A request the cassette does not
 * hold is answered 404 naming it, so a test fails on the plugin's new call instead of hanging.
 */
export function replayCassette(cassette: Cassette | string): FixtureHandler {
  const loaded: Cassette =
    typeof cassette === 'string' ? JSON.parse(readFileSync(cassette, 'utf8')) : cassette
  const used = new Set<number>()
  return (req) => {
    const query = req.query.toString()
    const at = loaded.exchanges.findIndex(
      (e, i) =>
        !used.has(i) &&
        e.request.method === req.method &&
        e.request.path === req.path &&
        e.request.query === query &&
        (e.request.body === '' || e.request.body === req.body),
    )
    if (at < 0)
      return {
        status: 404,
        body: {
          error: `the cassette holds no answer for ${req.method} ${req.path}${query ? `?${query}` : ''}`,
        },
      }
    used.add(at)
    const { status, headers, body } = loaded.exchanges[at]!.response
    return { status, headers, body }
  }
}
