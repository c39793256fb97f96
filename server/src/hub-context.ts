import type { Core } from '@switchyard/core'
import type { Limiter } from './http/rate-limit'
import type { Logger } from './logger'
import type { Metrics } from './observability/metrics'
import type { ContextFactory } from './plugins/host-context'
import type { PluginCallObserver } from './plugins/invoke'
import type { PluginRegistry } from './plugins/registry'
import type { HubSettings } from './settings'
import type { Deliveries } from './workers/delivery-thread'

/** What routes and workers share: one per hub process. */
export interface HubContext {
  settings: HubSettings
  core: Core
  registry: PluginRegistry
  contexts: ContextFactory
  logger: Logger
  /** The outbox deliveries this process runs, when it runs workers. */
  dispatcher: Deliveries | undefined
  metrics: Metrics
  /** Records plugin call outcomes and durations (pass to invokePlugin). */
  observePluginCall: PluginCallObserver
  /** Set when the hub starts to shut down: /ready then answers 503 while in-flight work finishes. */
  lifecycle: { draining: boolean }
  /** The API key rate limit; shared by hubs on PostgreSQL, per process when absent. */
  keyLimiter?: Limiter
  /** The webhook rate limit; shared by hubs on PostgreSQL, per process when absent. */
  webhookLimiter?: Limiter
}
