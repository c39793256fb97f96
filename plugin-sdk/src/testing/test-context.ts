import type { z } from 'zod'
import type { Clock, PluginContext, PluginLogger, StateStore } from '../context'
import type { PluginDefinition } from '../define'
import { createHttpClient } from '../http'

export interface LogEntry {
  level: 'debug' | 'info' | 'warn' | 'error'
  obj: unknown
  msg?: string
}

export interface TestContext<C> {
  ctx: PluginContext<C>
  /** Every line the plugin logged, unredacted: the leak checks read them. */
  logs: LogEntry[]
  /** The plugin's state, as JSON text per key. */
  state: Map<string, string>
  /** Makes a context for another call (e.g. with an idempotency key) sharing state and logs. */
  derive(options?: { idempotencyKey?: string; signal?: AbortSignal }): PluginContext<C>
}

export interface TestContextOptions {
  instanceId?: string
  now?: () => Date
  idempotencyKey?: string
  signal?: AbortSignal
  defaultTimeoutMs?: number
}

/**
 * A context like the hub's, in memory: state in a Map (stored as JSON, as the hub does, so values
 * that do not survive JSON fail here too), a capturing logger, a real HTTP client with deadlines.
 */
export function createTestContext<S extends z.ZodType>(
  plugin: PluginDefinition<S>,
  rawConfig: unknown,
  options: TestContextOptions = {},
): TestContext<z.output<S>> {
  const parsed = plugin.config.safeParse(rawConfig)
  if (!parsed.success) throw new Error(`test config is invalid: ${parsed.error.message}`)
  const config = parsed.data as z.output<S>
  const logs: LogEntry[] = []
  const state = new Map<string, string>()
  const log =
    (level: LogEntry['level']) =>
    (obj: object | string, msg?: string): void => {
      logs.push({ level, obj, ...(msg === undefined ? {} : { msg }) })
    }
  const logger: PluginLogger = {
    debug: log('debug'),
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
  }
  const store: StateStore = {
    async get<T>(key: string) {
      const v = state.get(key)
      return v === undefined ? undefined : (JSON.parse(v) as T)
    },
    async set(key, value) {
      state.set(key, JSON.stringify(value ?? null))
    },
    async delete(key) {
      state.delete(key)
    },
    async increment(key, by = 1) {
      const next = Number(JSON.parse(state.get(key) ?? '0')) + by
      state.set(key, JSON.stringify(next))
      return next
    },
  }
  const clock: Clock = { now: options.now ?? (() => new Date()) }
  const derive = (o: { idempotencyKey?: string; signal?: AbortSignal } = {}): PluginContext<z.output<S>> => {
    const signal = o.signal ?? options.signal ?? new AbortController().signal
    return {
      instanceId: options.instanceId ?? `${plugin.id}-test`,
      config,
      logger,
      http: createHttpClient({ signal, defaultTimeoutMs: options.defaultTimeoutMs ?? 5_000 }),
      state: store,
      clock,
      signal,
      ...(o.idempotencyKey ? { idempotencyKey: o.idempotencyKey } : {}),
    }
  }
  const ctx = derive(options.idempotencyKey ? { idempotencyKey: options.idempotencyKey } : {})
  return { ctx, logs, state, derive }
}
