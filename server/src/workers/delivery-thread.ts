import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import type { HubContext } from '../hub-context'
import { writeLine } from '../logger'
import type { HubSettings } from '../settings'
import {
  type DeliveryCount,
  type DeliveryThreadData,
  type FromDeliveryThread,
  LOAD_EVERY_MS,
} from './delivery-thread-protocol'
import type { IntakeLoadMeter } from './intake-load'
import { deliveryMetrics } from './outbox-worker'

/** The outbox deliveries a hub process runs: on its own event loop, or on a thread of their own. */
export interface Deliveries {
  /** Starts delivering (once the hub's port is open: the demo warehouse answers on it). */
  start(): void
  /** Something was just written: look now rather than at the next poll. */
  wake(): void
  /** Stops claiming; deliveries under way get `graceMs`, then whatever is held is given back. */
  stop(graceMs?: number): Promise<void>
}

/**
 * Whether deliveries get a thread: `auto` gives them one when the machine has a second core. On
 * one event loop, intake and deliveries take turns (about 1 ms and 0.6 ms of CPU per order on the
 * benchmark mix), so end to end a hub held about half its burst intake rate.
 */
export function deliveriesThreaded(setting: HubSettings['deliveryThread']): boolean {
  return setting === 'on' || (setting === 'auto' && availableParallelism() > 1)
}

const SOURCES = import.meta.url.endsWith('.ts')
const ENTRY = new URL(SOURCES ? './delivery-thread-main.ts' : './delivery-thread-main.js', import.meta.url)
const STOP_MARGIN_MS = 10_000
const RESTART_MAX_MS = 30_000

/** Run from the TypeScript sources, the thread registers tsx's loader before it imports its entry. */
function newWorker(data: DeliveryThreadData): Worker {
  if (!SOURCES) return new Worker(ENTRY, { workerData: data })
  const tsx = import.meta.resolve('tsx/esm/api')
  const code = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(ENTRY.href)}) })`
  return new Worker(code, { eval: true, workerData: data, execArgv: [] })
}

/**
 * Starts the delivery thread (`delivery-thread-main.ts`) and resolves once it is ready to deliver. Its counts
 * land in this hub's metrics; a thread that dies is started again (with backoff) and gives back
 * what it held at once. SQLite: its own connection to the same file, which WAL lets read while
 * intake writes; writes take turns on the file lock (busy_timeout), each a short transaction.
 */
export async function startDeliveryThread(
  hub: HubContext,
  data: DeliveryThreadData,
  intake: Pick<IntakeLoadMeter, 'load'>,
): Promise<Deliveries> {
  const record = deliveryMetrics(hub)
  const apply = (counts: DeliveryCount[]) => {
    for (const c of counts) {
      if (c.kind === 'delivery') record(c.instance, c.topic, c.outcome, c.ms)
      else {
        const call = hub.metrics.pluginCall(c.instance, c.operation, c.outcome)
        call.calls.inc()
        call.seconds.observe(c.seconds)
      }
    }
  }
  let stopping = false
  let started = false
  /** Whether `current` is up (ready and not exited): a dead thread is not waited for on stop. */
  let alive = false
  let failures = 0
  let stopped: (() => void) | undefined

  const start = () =>
    new Promise<Worker>((resolve, reject) => {
      const worker = newWorker(data)
      let readyAt = 0
      worker.on('message', (message: FromDeliveryThread) => {
        if (message.type === 'log') writeLine(hub.logger, message.line)
        else if (message.type === 'counts') apply(message.counts)
        else if (message.type === 'stopped') stopped?.()
        else {
          readyAt = Date.now()
          alive = true
          resolve(worker)
        }
      })
      worker.on('error', (error) => {
        if (!readyAt) reject(error)
        else hub.logger.error({ err: error }, 'delivery thread failed')
      })
      worker.on('exit', (code) => {
        if (!readyAt) return reject(new Error(`delivery thread exited with ${code} while starting`))
        alive = false
        if (stopping) return stopped?.()
        // Backoff grows while the thread keeps dying soon after its start.
        if (Date.now() - readyAt > RESTART_MAX_MS) failures = 0
        later(code)
      })
    })

  let current = await start()
  const later = (reason: unknown) => {
    const delay = Math.min(RESTART_MAX_MS, 1_000 * 2 ** failures++)
    hub.logger.error({ reason, restartInMs: delay }, 'delivery thread down; starting it again')
    setTimeout(() => void restart(), delay).unref()
  }
  const restart = async () => {
    if (stopping) return
    try {
      const next = await start()
      // The hub began to stop while this thread started: it never delivers.
      if (stopping) return void (await next.terminate())
      current = next
      if (started) current.postMessage({ type: 'start' })
      hub.logger.info('delivery thread started again')
    } catch (error) {
      later(error instanceof Error ? error.message : String(error))
    }
  }
  const loadTimer = setInterval(() => current.postMessage({ type: 'load', ...intake.load() }), LOAD_EVERY_MS)
  loadTimer.unref()

  return {
    start() {
      started = true
      current.postMessage({ type: 'start' })
    },
    wake: () => current.postMessage({ type: 'wake' }),
    async stop(graceMs = 0) {
      stopping = true
      clearInterval(loadTimer)
      if (!alive) return
      const done = new Promise<void>((resolve) => {
        stopped = resolve
      })
      current.postMessage({ type: 'stop', graceMs })
      const cut = setTimeout(() => stopped?.(), graceMs + STOP_MARGIN_MS)
      await done
      clearTimeout(cut)
      await current.terminate()
    },
  }
}
