import type { Server } from 'node:http'
import { hostname } from 'node:os'
import { serve } from '@hono/node-server'
import { analyzeStaleTables, type Core, openCore } from '@switchyard/core'
import { createApp } from './app'
import { DEMO_CHANNEL, DEMO_EDI, DEMO_MARKET, DEMO_WMS } from './demo/demo-config'
import { seedDemoOrders } from './demo/demo-orders'
import { demoPeerRoutes } from './demo/demo-peers'
import { seedDemo } from './demo/seed'
import { answerClientErrors } from './http/client-error'
import { openSharedLimits } from './http/shared-rate-limit'
import type { HubContext } from './hub-context'
import { createLogger, type Logger } from './logger'
import { errorWithoutValues } from './observability/error-serializer'
import { watchIntakeExceptions } from './observability/intake-exceptions'
import { createMetrics, intakeMetrics } from './observability/metrics'
import { recordSpan, startTracing, tracedIntake } from './observability/tracing'
import { contextFactory } from './plugins/host-context'
import { loadHubPlugins } from './plugins/hub-plugins'
import { PluginRegistry } from './plugins/registry'
import type { HubSettings } from './settings'
import { deliveriesThreaded, startDeliveryThread } from './workers/delivery-thread'
import { IntakeLoadMeter } from './workers/intake-load'
import { createOutboxWorker, deliveryMetrics } from './workers/outbox-worker'
import { periodic } from './workers/periodic'
import { pickupExpiry } from './workers/pickup-expiry'
import { createPollers, type Pollers } from './workers/pollers'

export interface RunningHub {
  url: string
  core: Core
  context: HubContext
  /** The admin key created on this start, when the database had none. */
  bootstrapKey: string | undefined
  /** The channel and inventory pollers, when this process runs workers. */
  pollers: Pollers | undefined
  stop(): Promise<void>
}

export interface StartOptions {
  env?: NodeJS.ProcessEnv
  logger?: Logger
  /** Where a first-start admin key is announced (default: stdout). */
  announce?: (text: string) => void
}

export { demoDecision } from './plugins/hub-plugins'

/**
 * Starts one hub process: plugins, database (migrated), workers and the HTTP server. Anything
 * wrong in the configuration throws before the port opens.
 */
export async function startHub(settings: HubSettings, options: StartOptions = {}): Promise<RunningHub> {
  const env = options.env ?? process.env
  const announce = options.announce ?? ((text: string) => process.stdout.write(`${text}\n`))
  let registry: PluginRegistry | undefined
  // Whatever logger is given, errors are logged without the values a database error may quote.
  const logger = (
    options.logger ??
    createLogger(settings.logLevel, () => registry?.secretValues() ?? [], settings.logFormat)
  ).child({}, { serializers: { err: errorWithoutValues } })

  const { instances, origins, demo, demoWms } = await loadHubPlugins(settings, env)
  logger.info({ demo: demo.demo, why: demo.why }, demo.demo ? 'demo world on' : 'no demo world')
  for (const i of instances)
    logger.info(
      { instance: i.id, plugin: i.definition.id, from: origins.get(i.id) },
      'plugin instance loaded',
    )
  registry = new PluginRegistry(instances)

  const workerId = `${hostname()}:${process.pid}`
  const metrics = createMetrics()
  const stopTracing = startTracing(settings.otlpEndpoint)
  // On PostgreSQL several hubs share the database: they share the API key and webhook limits
  // through it too.
  const sharedLimits = openSharedLimits(settings.database, settings.rateLimits)
  if (settings.otlpEndpoint) logger.info({ endpoint: settings.otlpEndpoint }, 'tracing to OTLP')
  // How hard intake works, for the outbox pacing.
  const intakeLoad = new IntakeLoadMeter()
  const core = await openCore({
    settings: settings.database,
    directory: registry,
    workerId,
    intakeObserver: intakeLoad.observe(tracedIntake(intakeMetrics(metrics))),
  })
  const shutdown = new AbortController()
  try {
    await core.pluginInstances.sync(
      instances.map((i) => ({
        id: i.id,
        plugin: i.definition.id,
        kind: i.definition.kind,
        version: i.definition.version,
      })),
    )
    let bootstrapKey: string | undefined
    if ((await core.apiKeys.count()) === 0) {
      bootstrapKey = (await core.apiKeys.create({ name: 'bootstrap admin', role: 'admin' })).token
    }
    const demoWorld = demo.demo && (await seedDemo(core, registry.get(DEMO_WMS) ? DEMO_WMS : null))
    // Recent orders for the rule editor's impact preview, routed by the demo rules like any other.
    if (demoWorld && registry.get(DEMO_CHANNEL))
      await seedDemoOrders(core, {
        web: DEMO_CHANNEL,
        market: registry.get(DEMO_MARKET) ? DEMO_MARKET : null,
        edi: registry.get(DEMO_EDI)
          ? { id: DEMO_EDI, mailbox: String(registry.get(DEMO_EDI)!.config.mailbox) }
          : null,
      })

    const context: HubContext = {
      settings,
      core,
      registry,
      contexts: contextFactory(core.db, logger, shutdown.signal, workerId),
      logger,
      dispatcher: undefined,
      metrics,
      lifecycle: { draining: false },
      ...(sharedLimits?.key ? { keyLimiter: sharedLimits.key } : {}),
      ...(sharedLimits?.webhook ? { webhookLimiter: sharedLimits.webhook } : {}),
      observePluginCall: (instance, operation, outcome, seconds) => {
        const call = metrics.pluginCall(instance, operation, outcome)
        call.calls.inc()
        call.seconds.observe(seconds)
        recordSpan(
          `plugin ${operation}`,
          seconds,
          { 'switchyard.instance': instance, outcome },
          outcome !== 'ok',
        )
      },
    }
    // A warn line and a count for every order kept as an intake exception.
    watchIntakeExceptions(context)
    if (settings.workers) {
      context.dispatcher = deliveriesThreaded(settings.deliveryThread)
        ? await startDeliveryThread(
            context,
            {
              settings,
              logLevel: logger.level,
              env: { ...env },
              workerId: `${workerId}:deliveries`,
            },
            intakeLoad,
          )
        : startInline(context, intakeLoad)
      // Every commit that wrote outbox messages wakes the dispatcher (core's outbox writer announces it).
      core.db.onCommitted('outbox', () => context.dispatcher?.wake())
    }
    const pollInterval = settings.pollIntervalMs
    const pollers = settings.workers
      ? createPollers(context, { owner: workerId, ...(pollInterval ? { intervalMs: pollInterval } : {}) })
      : undefined

    const app = createApp(context, {
      mount: demoWms
        ? (a) =>
            a.route(
              '/demo',
              demoPeerRoutes({
                publicUrl: settings.publicUrl,
                wmsInstanceId: DEMO_WMS,
                wmsWebhookSecret: String(demoWms.config.webhookSecret),
                shipDelayMs: settings.demoShipDelayMs,
                logger,
              }),
            )
        : undefined,
    })
    const server = serve({ fetch: app.fetch, port: settings.port, hostname: settings.host })
    answerClientErrors(server as Server)
    await new Promise<void>((resolve, reject) => {
      server.once('listening', () => resolve())
      server.once('error', reject)
    })
    // Only once the port is open: a start-up that fails after this point has nothing to poll or
    // deliver for, and the demo warehouse answers on this port.
    pollers?.start()
    context.dispatcher?.start()
    // Expired cart and POS holds go back to stock; channels hear what they may still sell.
    const jobs = settings.workers
      ? [
          periodic('reservation-sweep', 1_000, () => core.reservations.sweep(), logger),
          // Idempotency-Key records live 24 h; forgetting them hourly keeps the table small.
          periodic('idempotency-purge', 3_600_000, () => core.idempotency.purge(), logger),
          // Click and collect: orders left at the counter too long are cancelled.
          pickupExpiry(core, settings, logger),
          periodic(
            'channel-stock-sync',
            settings.stockSyncMs,
            async () => {
              const channels = registry
                .all()
                .filter((i) => registry.accepts(i.id, 'inventory.push'))
                .map((i) => i.id)
              await core.stockSync.run(channels)
            },
            logger,
          ),
        ]
      : []
    // Planner statistics where autovacuum is off or has not come round yet (table-statistics.ts).
    if (core.db.dialect === 'postgresql')
      jobs.push(periodic('table-statistics', 15_000, () => analyzeStaleTables(core.db), logger))
    for (const j of jobs) j.start()
    const address = server.address()
    const port = typeof address === 'object' && address ? address.port : settings.port
    const url = `http://${settings.host}:${port}`
    logger.info(
      { url, database: settings.database.dialect, plugins: instances.map((i) => i.id), workerId },
      'switchyard hub listening',
    )
    announce(`Switchyard listening on ${url}`)
    if (bootstrapKey) {
      announce(
        [
          '',
          '  First start: an admin API key was created. It is shown only this once:',
          '',
          `    ${bootstrapKey}`,
          '',
          `  API docs: ${url}/docs    Try: curl -H "Authorization: Bearer <key>" ${url}/api/v1/orders`,
          demoWorld
            ? `  Demo world seeded; post orders to ${url}/webhooks/${DEMO_CHANNEL}/orders (see README).`
            : '',
          '',
        ].join('\n'),
      )
    }

    let stopped = false
    return {
      url,
      core,
      context,
      bootstrapKey,
      pollers,
      async stop() {
        if (stopped) return
        stopped = true
        // 1. Not ready: balancers stop sending while the port is still open.
        context.lifecycle.draining = true
        logger.info({ delayMs: settings.drainDelayMs, timeoutMs: settings.drainTimeoutMs }, 'draining')
        if (settings.drainDelayMs > 0) await new Promise((r) => setTimeout(r, settings.drainDelayMs))
        // 2. The port closes; requests in flight finish, or are cut at the drain timeout.
        await closeServer(server, settings.drainTimeoutMs)
        // 3. Pollers give back their leases, deliveries finish or are given back to other hubs.
        await pollers?.stop()
        for (const j of jobs) await j.stop()
        await context.dispatcher?.stop(settings.drainTimeoutMs)
        shutdown.abort()
        await core.close()
        await sharedLimits?.close()
        await stopTracing()
      },
    }
  } catch (error) {
    await core.close()
    await sharedLimits?.close()
    throw error
  }
}

/** Deliveries on this event loop, giving way to intake while it is saturated (`pacing.ts`). */
function startInline(context: HubContext, intakeLoad: IntakeLoadMeter) {
  return createOutboxWorker({ ...context, recordDelivery: deliveryMetrics(context) }, intakeLoad)
}

/** Closes the HTTP server: in-flight requests may finish within `timeoutMs`, then every socket is cut. */
async function closeServer(server: ReturnType<typeof serve>, timeoutMs: number): Promise<void> {
  const http = server as unknown as { closeIdleConnections?: () => void; closeAllConnections?: () => void }
  const cut = setTimeout(() => http.closeAllConnections?.(), timeoutMs)
  await new Promise<void>((resolve) => {
    server.close(() => resolve())
    // Idle keep-alive sockets would hold close() open.
    http.closeIdleConnections?.()
  })
  clearTimeout(cut)
}
