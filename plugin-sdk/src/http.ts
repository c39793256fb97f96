import type { HttpClient, HttpRequestOptions, HttpResponse } from './context'
import { ConfigError, PermanentError, RateLimitedError, TimeoutError, TransientError } from './errors'

export interface HttpClientOptions {
  defaultTimeoutMs?: number
  userAgent?: string
  /** Aborts every call (e.g. on shutdown). */
  signal?: AbortSignal
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
      const timeoutMs = req.timeoutMs ?? defaultTimeoutMs
      const signals = [AbortSignal.timeout(timeoutMs)]
      if (options.signal) signals.push(options.signal)
      let res: Response
      try {
        res = await fetch(url, {
          method: req.method ?? 'GET',
          headers: { 'user-agent': options.userAgent ?? 'switchyard', ...req.headers },
          body: req.body as BodyInit | undefined,
          signal: AbortSignal.any(signals),
        })
      } catch (error) {
        const name = (error as { name?: string }).name
        if (name === 'TimeoutError' || name === 'AbortError')
          throw new TimeoutError(`${req.method ?? 'GET'} ${redactUrl(url)} timed out after ${timeoutMs} ms`, {
            cause: error,
          })
        throw new TransientError(
          `${req.method ?? 'GET'} ${redactUrl(url)} failed: ${(error as Error).message}`,
          { cause: error },
        )
      }
      const text = await res.text()
      const headers: Record<string, string> = {}
      res.headers.forEach((value, key) => {
        headers[key] = value
      })
      const response: HttpResponse = {
        status: res.status,
        headers,
        text,
        json<T>() {
          return JSON.parse(text) as T
        },
      }
      if ((res.status >= 200 && res.status < 300) || req.acceptStatus?.(res.status)) return response
      throw statusError(
        res.status,
        `${req.method ?? 'GET'} ${redactUrl(url)} answered ${res.status}`,
        headers,
        text,
      )
    },
  }
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
