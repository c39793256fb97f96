import { type DatabaseSettings, resolveDatabaseSettings } from '@switchyard/core'
import type { RateLimit } from './http/rate-limit'

/** Everything the hub reads from its environment, checked once at start-up. */
export interface HubSettings {
  port: number
  host: string
  database: DatabaseSettings
  /** Path of switchyard.config.json / .ts; absent means none (the demo provides its own). */
  configPath: string | undefined
  /**
   * The demo world (plugins, warehouses, products, a live rule set, sample orders). `auto`: only on a
   * quick start, with no config file and no DATABASE_URL, so a production database is never seeded
   * unless SWITCHYARD_DEMO=1 says so.
   */
  demo: 'on' | 'off' | 'auto'
  /**
   * With a config file and the demo world on: whether the demo's own plugin instances (storefront,
   * marketplace, EDI partner, warehouse) run beside the file's (SWITCHYARD_DEMO_PLUGINS, default
   * yes). `0` seeds the demo's data only, for a config that brings its own channels.
   */
  demoPlugins: boolean
  /** Shutdown: /ready answers 503 this long before the port closes, so balancers stop sending. */
  drainDelayMs: number
  /** Shutdown: how long in-flight requests and deliveries may take before they are cut. */
  drainTimeoutMs: number
  logLevel: string
  /** `json` forces JSON logs even on a terminal (pretty otherwise when a person watches). */
  logFormat: 'json' | 'auto'
  /** Bearer token the scraper must send to /metrics; undefined leaves /metrics open. */
  metricsToken: string | undefined
  /** Run the outbox dispatcher and pollers in this process. */
  workers: boolean
  /**
   * Deliveries on a thread of their own (`SWITCHYARD_DELIVERY_THREAD`: `auto`, the default, when
   * the machine has a second core; `1` always; `0` never, on the event loop that takes orders).
   */
  deliveryThread: 'on' | 'off' | 'auto'
  outbox: {
    baseMs: number
    maxMs: number
    pollMs: number
    leaseMs: number
    /**
     * The share of time deliveries keep while order intake is saturated (they grow it as their
     * backlog lags); 1 never slows them down.
     */
    share: number
  }
  /** Public base URL used in printed links (defaults to http://host:port). */
  publicUrl: string
  rateLimits: { key: RateLimit; webhook: RateLimit }
  /** How often channels are told their available stock (debounce window). */
  stockSyncMs: number
  /** How often channels are polled; undefined leaves each poller's own default. */
  pollIntervalMs: number | undefined
  /** The demo warehouse confirms a shipment this long after the request. */
  demoShipDelayMs: number
  /**
   * Click and collect: how long an order may wait at the counter (`ready_for_pickup`) before it is
   * cancelled and its units go back to the store's stock (`SWITCHYARD_PICKUP_EXPIRY_HOURS`, default
   * 72; fractions allowed, e.g. 0.001 in tests).
   */
  pickupExpiryMs: number
  /** How often the pickup expiry runs (`SWITCHYARD_PICKUP_EXPIRY_CHECK_MS`, default a minute). */
  pickupExpiryCheckMs: number
  /** Take the client address from X-Forwarded-For (behind a proxy you control). */
  trustProxy: boolean
  /**
   * For the crash test only (`SWITCHYARD_TEST_EXCEPTION_ANSWER_DELAY_MS`): how long a webhook waits
   * between storing an intake exception and answering, so a test can kill the hub in that window.
   * 0, no wait, unless set; never set it in production.
   */
  testExceptionAnswerDelayMs: number
  /** OpenTelemetry: where spans go (OTLP over HTTP); unset, tracing is off. */
  otlpEndpoint: string | undefined
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 0): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const n = Number(raw)
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer ≥ ${min}, got '${raw}'`)
  return n
}

/** A share between 0.05 and 1 (`off` is 1: deliveries never give way). */
function deliveryShare(env: NodeJS.ProcessEnv): number {
  // The fixed rate it replaced starved deliveries; a start with it set should say what to use now.
  if (env.SWITCHYARD_OUTBOX_AT_PEAK)
    throw new Error(
      'SWITCHYARD_OUTBOX_AT_PEAK is gone: deliveries now keep a share of the time while intake is saturated (SWITCHYARD_OUTBOX_SHARE, 0.05–1, default 0.25)',
    )
  const name = 'SWITCHYARD_OUTBOX_SHARE'
  const raw = env[name]
  if (raw === undefined || raw === '') return 0.25
  if (raw === 'off') return 1
  const n = Number(raw)
  if (!/^\d*\.?\d+$/.test(raw) || n < 0.05 || n > 1)
    throw new Error(`${name} must be a share between 0.05 and 1, or 'off', got '${raw}'`)
  return n
}

/** `<per second>` or `<per second>:<burst>`; `0` or `off` turns the limit off. */
function rate(env: NodeJS.ProcessEnv, name: string, fallback: RateLimit): RateLimit {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  if (raw === 'off' || raw === '0') return { perSecond: 0, burst: 0 }
  const m = /^(\d+(?:\.\d+)?)(?::(\d+))?$/.exec(raw)
  if (!m) throw new Error(`${name} must be '<per second>[:<burst>]' or 'off', got '${raw}'`)
  const perSecond = Number(m[1])
  return { perSecond, burst: m[2] ? Number(m[2]) : Math.max(1, Math.ceil(perSecond * 2)) }
}

function hours(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback * 3_600_000
  const n = Number(raw)
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a number of hours > 0, got '${raw}'`)
  return Math.round(n * 3_600_000)
}

function deliveryThread(raw: string | undefined): HubSettings['deliveryThread'] {
  if (raw === undefined || raw === '' || raw === 'auto') return 'auto'
  if (raw === '1') return 'on'
  if (raw === '0') return 'off'
  throw new Error(`SWITCHYARD_DELIVERY_THREAD must be 'auto', '1' or '0', got '${raw}'`)
}

function demoSetting(raw: string | undefined): HubSettings['demo'] {
  if (raw === undefined || raw === '') return 'auto'
  if (raw === '1') return 'on'
  if (raw === '0') return 'off'
  throw new Error(`SWITCHYARD_DEMO must be '1' or '0', got '${raw}'`)
}

export function readSettings(env: NodeJS.ProcessEnv = process.env): HubSettings {
  const port = int(env, 'PORT', 3000)
  const host = env.HOST || '127.0.0.1'
  return {
    port,
    host,
    database: resolveDatabaseSettings(env),
    configPath: env.SWITCHYARD_CONFIG || undefined,
    demo: demoSetting(env.SWITCHYARD_DEMO),
    demoPlugins: env.SWITCHYARD_DEMO_PLUGINS !== '0',
    drainDelayMs: int(env, 'SWITCHYARD_DRAIN_DELAY_MS', 0, 0),
    drainTimeoutMs: int(env, 'SWITCHYARD_DRAIN_TIMEOUT_MS', 10_000, 0),
    logLevel: env.LOG_LEVEL || 'info',
    logFormat: env.SWITCHYARD_LOG_FORMAT === 'json' ? 'json' : 'auto',
    metricsToken: env.SWITCHYARD_METRICS_TOKEN || undefined,
    workers: env.SWITCHYARD_WORKERS !== '0',
    deliveryThread: deliveryThread(env.SWITCHYARD_DELIVERY_THREAD),
    outbox: {
      baseMs: int(env, 'SWITCHYARD_OUTBOX_BASE_MS', 1000, 1),
      maxMs: int(env, 'SWITCHYARD_OUTBOX_MAX_MS', 600_000, 1),
      pollMs: int(env, 'SWITCHYARD_OUTBOX_POLL_MS', 500, 10),
      leaseMs: int(env, 'SWITCHYARD_OUTBOX_LEASE_MS', 60_000, 1000),
      share: deliveryShare(env),
    },
    publicUrl: env.SWITCHYARD_PUBLIC_URL || `http://${host}:${port}`,
    rateLimits: {
      key: rate(env, 'SWITCHYARD_RATE_LIMIT_KEY', { perSecond: 200, burst: 400 }),
      webhook: rate(env, 'SWITCHYARD_RATE_LIMIT_WEBHOOK', { perSecond: 5000, burst: 10000 }),
    },
    trustProxy: env.SWITCHYARD_TRUST_PROXY === '1',
    stockSyncMs: int(env, 'SWITCHYARD_STOCK_SYNC_MS', 5_000, 100),
    pollIntervalMs: env.SWITCHYARD_POLL_INTERVAL_MS
      ? int(env, 'SWITCHYARD_POLL_INTERVAL_MS', 0, 10)
      : undefined,
    demoShipDelayMs: int(env, 'SWITCHYARD_DEMO_SHIP_DELAY_MS', 5000),
    pickupExpiryMs: hours(env, 'SWITCHYARD_PICKUP_EXPIRY_HOURS', 72),
    pickupExpiryCheckMs: int(env, 'SWITCHYARD_PICKUP_EXPIRY_CHECK_MS', 60_000, 100),
    testExceptionAnswerDelayMs: int(env, 'SWITCHYARD_TEST_EXCEPTION_ANSWER_DELAY_MS', 0),
    // The standard OpenTelemetry variables: the traces endpoint wins over the general one.
    otlpEndpoint: env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT
      ? env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT.replace(/\/v1\/traces\/?$/, '')
      : env.OTEL_EXPORTER_OTLP_ENDPOINT || undefined,
  }
}
