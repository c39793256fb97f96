import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

/**
 * Checkpoints a WAL database from a thread of its own. SQLite's automatic checkpoint runs inside the
 * COMMIT of whichever connection pushes the WAL past its limit: on the intake connection that meant
 * the event loop stood still while ~1,000 pages were copied into the database file and both files
 * fsynced, every few dozen commits (about a tenth of the hub's time under load, more on slow disks).
 *
 * Here a second connection copies committed pages in small passive steps, which never block a
 * writer. Passive steps alone cannot make the WAL start over while commits keep coming, so once it
 * holds `restartPages` pages this thread also asks for a RESTART checkpoint: it waits for the
 * writer's current transaction, copies the few pages left, and the next transaction writes the WAL
 * from its start again.
 *
 * Durability is unchanged: commits are durable exactly as `synchronous` says, and this connection
 * uses the same setting, so it fsyncs what a checkpoint on the writer would have.
 */
export interface WalCheckpointer {
  close(): Promise<void>
}

// Plain JavaScript, run with `eval`: no loader or transpiler is needed in the thread.
const SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
const db = new Database(workerData.path)
db.pragma('busy_timeout = 0')
db.pragma('synchronous = ' + workerData.synchronous)
db.pragma('wal_autocheckpoint = 0')
let timer
let delay = workerData.intervalMs
let last = -1
const tick = () => {
  try {
    const [r] = db.pragma('wal_checkpoint(PASSIVE)')
    if (r.log >= workerData.restartPages) {
      db.pragma('busy_timeout = 200')
      db.pragma('wal_checkpoint(RESTART)')
      db.pragma('busy_timeout = 0')
    }
    // Nothing written since the last look: look less often until something is.
    delay = r.log === last ? Math.min(delay * 2, workerData.idleMs) : workerData.intervalMs
    last = r.log
  } catch {}
  timer = setTimeout(tick, delay)
}
timer = setTimeout(tick, delay)
parentPort.on('message', () => {
  clearTimeout(timer)
  try { db.close() } catch {}
  parentPort.close()
})
`

const driver = createRequire(import.meta.url).resolve('better-sqlite3')

export function startWalCheckpointer(
  path: string,
  synchronous: 'NORMAL' | 'FULL',
  options: { intervalMs?: number; idleMs?: number; restartPages?: number } = {},
): WalCheckpointer {
  const worker = new Worker(SOURCE, {
    eval: true,
    workerData: {
      driver,
      path,
      synchronous,
      // A page written by several commits between two looks is copied once: at 100 ms rather than
      // 25 ms the thread spent about 40 % less CPU per order and the hub wrote about 15 % fewer
      // bytes (docs/benchmarks.md, 2026-12-07 third session), the writer's CPU unchanged.
      intervalMs: options.intervalMs ?? 100,
      idleMs: options.idleMs ?? 400,
      restartPages: options.restartPages ?? 4_000,
    },
    // The hub's own loaders (tsx) are not needed to run plain JavaScript.
    execArgv: [],
    stdout: false,
    stderr: false,
  })
  // A hub that forgets to close its database must still be able to exit.
  worker.unref()
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()))
  // Should the thread fail, the writer's own (distant) automatic checkpoint still bounds the WAL.
  worker.on('error', () => {})
  return {
    async close() {
      worker.ref() // held open until the thread has closed its connection
      worker.postMessage('close')
      let timer: NodeJS.Timeout | undefined
      await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 2_000)))])
      clearTimeout(timer)
      await worker.terminate()
    },
  }
}
