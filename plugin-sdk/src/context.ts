/**
 * What the host hands a plugin on every call. Plugins never see the database, the HTTP server or
 * other plugins: only this, so they stay testable and could later run out of process.
 */
export interface PluginLogger {
  debug(obj: object | string, msg?: string): void
  info(obj: object | string, msg?: string): void
  warn(obj: object | string, msg?: string): void
  error(obj: object | string, msg?: string): void
}

export interface HttpRequestOptions {
  method?: string
  headers?: Record<string, string>
  body?: string | Uint8Array
  /** Per-call deadline; the host's default applies when absent. */
  timeoutMs?: number
  /** Overrides the mapping of non-2xx statuses to classified errors (the response is returned as is). */
  acceptStatus?: (status: number) => boolean
}

export interface HttpResponse {
  status: number
  headers: Record<string, string>
  text: string
  json<T = unknown>(): T
}

/**
 * An HTTP client with a deadline on every call. Non-2xx answers become classified errors:
 * 429 → RateLimitedError with Retry-After, 408/5xx/network → TransientError,
 * 401/403 → ConfigError, other 4xx → PermanentError.
 */
export interface HttpClient {
  request(url: string, options?: HttpRequestOptions): Promise<HttpResponse>
}

/** A small per-instance key-value store for cursors, tokens and watermarks. Values are JSON. */
export interface StateStore {
  get<T = unknown>(key: string): Promise<T | undefined>
  set(key: string, value: unknown): Promise<void>
  delete(key: string): Promise<void>
  /**
   * Adds `by` (default 1) to the number under `key` (0 when absent) and returns the new value, in
   * one atomic step even with several hub processes: for sequence numbers such as X12 control numbers.
   */
  increment(key: string, by?: number): Promise<number>
}

export interface Clock {
  now(): Date
}

export interface PluginContext<Config = unknown> {
  readonly instanceId: string
  readonly config: Config
  readonly logger: PluginLogger
  readonly http: HttpClient
  readonly state: StateStore
  readonly clock: Clock
  /** Aborted when the call's deadline passes or the hub shuts down. */
  readonly signal: AbortSignal
  /** Set for outbound deliveries: the same key on every retry of one message. */
  readonly idempotencyKey?: string
}
