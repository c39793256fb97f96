import { pluginStateStore, type SqlDb } from '@switchyard/core'
import {
  createHttpClient,
  type HttpClient,
  type PluginContext,
  type PluginLogger,
} from '@switchyard/plugin-sdk'
import type { Logger } from '../logger'
import { scrub } from '../logger'
import { traceHeaders } from '../observability/tracing'
import type { LoadedInstance } from './loader'

/** A logger for one plugin instance: every argument is scrubbed of the instance's secret values. */
function pluginLogger(base: Logger, instance: LoadedInstance, bindings: object = {}): PluginLogger {
  const child = base.child({ plugin: instance.definition.id, instance: instance.id, ...bindings })
  const wrap =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (obj: object | string, msg?: string): void => {
      const clean = scrub(obj, instance.secretValues)
      if (typeof clean === 'string') child[level](clean)
      else
        child[level](
          clean as object,
          msg === undefined ? undefined : (scrub(msg, instance.secretValues) as string),
        )
    }
  return { debug: wrap('debug'), info: wrap('info'), warn: wrap('warn'), error: wrap('error') }
}

export type ContextFactory = (
  instance: LoadedInstance,
  options?: { signal?: AbortSignal; idempotencyKey?: string; orderId?: string },
) => PluginContext<Record<string, unknown>>

/** Builds the context each plugin call receives. Loggers and state stores are made once per instance. */
export function contextFactory(
  db: SqlDb,
  logger: Logger,
  shutdown: AbortSignal,
  workerId: string,
): ContextFactory {
  const perInstance = new Map<string, { logger: PluginLogger; state: ReturnType<typeof pluginStateStore> }>()
  // A call with no options of its own (every webhook verify and parse) gets the same context each
  // time: nothing in it belongs to one call, and building one costs more than the signature check.
  const plain = new Map<string, PluginContext<Record<string, unknown>>>()
  const clock = { now: () => new Date() }
  return (instance, options) => {
    if (!options) {
      const cached = plain.get(instance.id)
      if (cached?.config === instance.config) return cached
    }
    let shared = perInstance.get(instance.id)
    if (!shared) {
      shared = { logger: pluginLogger(logger, instance), state: pluginStateStore(db, instance.id) }
      perInstance.set(instance.id, shared)
    }
    const context = build(instance, shared, options ?? {})
    if (!options) plain.set(instance.id, context)
    return context
  }

  function build(
    instance: LoadedInstance,
    shared: { logger: PluginLogger; state: ReturnType<typeof pluginStateStore> },
    options: { signal?: AbortSignal; idempotencyKey?: string; orderId?: string },
  ): PluginContext<Record<string, unknown>> {
    // AbortSignal.any is costly in Node 20: only combine when the caller brings a signal of its own.
    const signal = options.signal ? AbortSignal.any([options.signal, shutdown]) : shutdown
    let http: HttpClient | undefined
    let orderLogger: PluginLogger | undefined
    const { orderId } = options
    return {
      instanceId: instance.id,
      config: instance.config,
      // A call made for one order logs with its id; the child is made only if the plugin logs.
      get logger() {
        if (!orderId) return shared.logger
        orderLogger ??= pluginLogger(logger, instance, { orderId })
        return orderLogger
      },
      // Made on first use: webhook verification and parsing never call out.
      get http() {
        http ??= createHttpClient({
          signal,
          // The trace of whatever made the call (a request, a delivery) continues at the partner.
          headers: traceHeaders,
          userAgent: `switchyard-hub (${instance.definition.id}/${instance.definition.version}; ${workerId})`,
        })
        return http
      },
      state: shared.state,
      clock,
      signal,
      ...(options.idempotencyKey ? { idempotencyKey: options.idempotencyKey } : {}),
    }
  }
}
