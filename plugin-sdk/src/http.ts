import http from 'node:http'
import https from 'node:https'
import type { HttpClient, HttpRequestOptions, HttpResponse } from './context'
import { ConfigError, PermanentError, RateLimitedError, TimeoutError, TransientError } from './errors'

export interface HttpClientOptions {
  defaultTimeoutMs?: number
  userAgent?: string
  /** Aborts every call (e.g. on shutdown). */
  signal?: AbortSignal
  /** Headers the host adds to each request as it is sent (e.g. W3C trace context). */
  headers?: () => Record<string, string>
}

/** Retry-After is seconds or an HTTP date; either becomes milliseconds from now. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined
  const seconds = Number(value)
  if (Number.isFinite(seconds)) return Math.max(0, Math.round(seconds * 1000))
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

/**
 * The HTTP client handed to plugins: every call has a deadline, and a non-2xx answer becomes a
 * classified error so the outbox knows whether to retry.
 */
export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const defaultTimeoutMs = options.defaultTimeoutMs ?? 10_000
  return {
    async request(url: string, req: HttpRequestOptions = {}): Promise<HttpResponse> {
      const method = req.method ?? 'GET'
      const timeoutMs = req.timeoutMs ?? defaultTimeoutMs
      let raw: RawResponse
      try {
        raw = await send(
          url,
          method,
          { 'user-agent': options.userAgent ?? 'switchyard', ...options.headers?.(), ...req.headers },
          req.body,
          timeoutMs,
          options.signal,
        )
      } catch (error) {
        if (error instanceof TimeoutError) throw error
        const name = (error as { name?: string }).name
        if (name === 'AbortError')
          throw new TimeoutError(`${method} ${redactUrl(url)} was aborted`, { cause: error })
        throw new TransientError(`${method} ${redactUrl(url)} failed: ${(error as Error).message}`, {
          cause: error,
        })
      }
      const { status, headers, text } = raw
      const response: HttpResponse = {
        status,
        headers,
        text,
        json<T>() {
          return JSON.parse(text) as T
        },
      }
      if ((status >= 200 && status < 300) || req.acceptStatus?.(status)) return response
      throw statusError(status, `${method} ${redactUrl(url)} answered ${status}`, headers, text)
    },
  }
}

interface RawResponse {
  status: number
  headers: Record<string, string>
  text: string
}

// Keep-alive pools shared by every plugin: partners see a few long-lived connections, not a storm.
const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 64, keepAliveMsecs: 10_000 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 64, keepAliveMsecs: 10_000 }),
}

/** node:http rather than fetch: several times less CPU per call, which the outbox pays per message. */
function send(
  url: string,
  method: string,
  headers: Record<string, string>,
  body: string | Uint8Array | undefined,
  timeoutMs: number,
  signal: AbortSignal | undefined,
): Promise<RawResponse> {
  return new Promise<RawResponse>((resolve, reject) => {
    const target = new URL(url)
    const lib = target.protocol === 'https:' ? https : http
    const agent = agents[target.protocol as keyof typeof agents]
    if (!agent) return reject(new TypeError(`unsupported protocol ${target.protocol}`))
    const payload =
      body === undefined ? undefined : typeof body === 'string' ? Buffer.from(body) : Buffer.from(body)
    const request = lib.request(
      target,
      {
        method,
        agent,
        headers: payload ? { ...headers, 'content-length': String(payload.length) } : headers,
        ...(signal ? { signal } : {}),
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('error', reject)
        res.on('end', () => {
          clearTimeout(timer)
          const out: Record<string, string> = {}
          for (const [k, v] of Object.entries(res.headers))
            if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v
          resolve({ status: res.statusCode ?? 0, headers: out, text: Buffer.concat(chunks).toString('utf8') })
        })
      },
    )
    const timer = setTimeout(() => {
      request.destroy(new TimeoutError(`${method} ${redactUrl(url)} timed out after ${timeoutMs} ms`))
    }, timeoutMs)
    request.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    request.end(payload)
  })
}

export function statusError(
  status: number,
  message: string,
  headers: Record<string, string>,
  body: string,
): Error {
  const details = { body: body.slice(0, 500) }
  if (status === 429) {
    return new RateLimitedError(message, {
      status,
      retryAfterMs: parseRetryAfter(headers['retry-after']),
      details,
    })
  }
  if (status === 408 || status >= 500) {
    return new TransientError(message, {
      status,
      retryAfterMs: parseRetryAfter(headers['retry-after']),
      details,
    })
  }
  if (status === 401 || status === 403) return new ConfigError(message, { status, details })
  return new PermanentError(message, { status, details })
}

/** Query strings often carry keys; they never go into an error message. */
function redactUrl(url: string): string {
  const q = url.indexOf('?')
  return q === -1 ? url : `${url.slice(0, q)}?…`
}
