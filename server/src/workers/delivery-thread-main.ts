import { parentPort, workerData } from 'node:worker_threads'
import { openCore } from '@switchyard/core'
import { createLogger } from '../logger'
import { errorWithoutValues } from '../observability/error-serializer'
import { recordSpan, startTracing } from '../observability/tracing'
import { contextFactory } from '../plugins/host-context'
import { loadHubPlugins } from '../plugins/hub-plugins'
import { PluginRegistry } from '../plugins/registry'
import type {
  DeliveryCount,
  DeliveryThreadData,
  FromDeliveryThread,
  ToDeliveryThread,
} from './delivery-thread-protocol'
import { createOutboxWorker } from './outbox-worker'

/**
 * The delivery thread's entry (`delivery-thread.ts` starts it): the hub's plugins and a core of
 * its own on the same database, running the outbox dispatcher. Counts go to the hub's /metrics in
 * one message per turn of this thread's event loop.
 */
async function run(port: NonNullable<typeof parentPort>, data: DeliveryThreadData): Promise<void> {
  const { settings, env, workerId } = data
  const send = (message: FromDeliveryThread) => port.postMessage(message)
  let registry: PluginRegistry | undefined
  // JSON lines to the hub's own log stream, whatever logger the hub was given.
  const lines = { write: (line: string) => send({ type: 'log', line }) }
  const logger = createLogger(data.logLevel, () => registry?.secretValues() ?? [], 'json', lines).child(
    { thread: 'deliveries' },
    { serializers: { err: errorWithoutValues } },
  )
  registry = new PluginRegistry((await loadHubPlugins(settings, env)).instances)
  const stopTracing = startTracing(settings.otlpEndpoint)
  // A few connections are plenty: one round at a time, each a handful of statements.
  const database = { ...settings.database, poolSize: Math.min(settings.database.poolSize, 4) }
  const core = await openCore({ settings: database, directory: registry, workerId, secondary: true })
  const shutdown = new AbortController()

  const counts: DeliveryCount[] = []
  const count = (c: DeliveryCount) => {
    if (counts.push(c) === 1) setImmediate(() => send({ type: 'counts', counts: counts.splice(0) }))
  }
  // The hub's latest reading of intake's load: deliveries give way while intake is saturated, as
  // on one event loop, because on a busy machine the two still share the cores.
  let intake = { utilisation: 0, queued: 0 }
  const dispatcher = createOutboxWorker(
    {
      settings,
      core,
      registry,
      logger,
      contexts: contextFactory(core.db, logger, shutdown.signal, workerId),
      observePluginCall(instance, operation, outcome, seconds) {
        count({ kind: 'call', instance, operation, outcome, seconds })
        recordSpan(
          `plugin ${operation}`,
          seconds,
          { 'switchyard.instance': instance, outcome },
          outcome !== 'ok',
        )
      },
      recordDelivery: (instance, topic, outcome, ms) =>
        count({ kind: 'delivery', instance, topic, outcome, ...(ms === undefined ? {} : { ms }) }),
    },
    { load: () => intake },
  )
  core.db.onCommitted('outbox', () => dispatcher.wake())
  port.on('message', (message: ToDeliveryThread) => {
    if (message.type === 'load') {
      intake = { utilisation: message.utilisation, queued: message.queued }
      return
    }
    if (message.type === 'start') return dispatcher.start()
    if (message.type === 'wake') return dispatcher.wake()
    void (async () => {
      await dispatcher.stop(message.graceMs)
      shutdown.abort()
      await core.close()
      await stopTracing()
      if (counts.length > 0) send({ type: 'counts', counts: counts.splice(0) })
      send({ type: 'stopped' })
      port.close()
    })()
  })
  // A thread of this hub that died left its claims: they go back now, not when their leases end.
  await core.outbox.releaseClaims()
  send({ type: 'ready' })
}

if (!parentPort) throw new Error('delivery-thread-main runs only as the hub delivery thread')
await run(parentPort, workerData as DeliveryThreadData)
