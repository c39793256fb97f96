import { performance } from 'node:perf_hooks'
import type { IntakeObserver } from '@switchyard/core'

/** Recent intake commits are weighed over this window. */
const WINDOW_MS = 500

/** How busy this process's event loop was (0–1) since the previous call's window began. */
export type EventLoopBusy = () => number

/**
 * The event loop's utilisation over the last half second to a second: the share of time it ran
 * JavaScript or native calls instead of waiting for I/O. Intake's own work (parsing, signatures,
 * routing, the commit) and deliveries' share one loop, so this is what a delivery round takes
 * from intake; the commit share alone misses the half of intake's work outside the transaction.
 */
export function eventLoopBusy(): EventLoopBusy {
  let mark = performance.eventLoopUtilization()
  let markedAt = performance.now()
  let last = 0
  return () => {
    const now = performance.now()
    const current = performance.eventLoopUtilization()
    if (now - markedAt >= WINDOW_MS) {
      last = performance.eventLoopUtilization(current, mark).utilization
      mark = current
      markedAt = now
    }
    return last
  }
}

/**
 * Watches how hard order intake works, for the outbox pacing: how busy the process is (the
 * larger of the event loop's utilisation and the share of the last half second intake spent
 * committing), and how many orders its latest batch carried (how many callers were queueing).
 */
export class IntakeLoadMeter {
  /** End time (performance.now) and duration (ms) of the commits inside the window. */
  private commits: { end: number; ms: number; orders: number }[] = []

  constructor(
    private readonly clock: () => number = () => performance.now(),
    private readonly loopBusy: EventLoopBusy = eventLoopBusy(),
  ) {}

  /** The observer to hand core, passing every call on to `inner`. */
  observe(inner: IntakeObserver): IntakeObserver {
    return {
      ...inner,
      batchCommitted: (seconds, orders, way) => {
        inner.batchCommitted?.(seconds, orders, way)
        this.committed(seconds * 1000, orders)
      },
    }
  }

  committed(ms: number, orders: number): void {
    const now = this.clock()
    this.commits.push({ end: now, ms, orders })
    this.forget(now)
  }

  load(): { utilisation: number; queued: number } {
    const now = this.clock()
    this.forget(now)
    const from = now - WINDOW_MS
    let busy = 0
    for (const c of this.commits) busy += Math.max(0, c.end - Math.max(from, c.end - c.ms))
    const last = this.commits[this.commits.length - 1]
    return {
      utilisation: Math.min(1, Math.max(busy / WINDOW_MS, this.loopBusy())),
      // A batch from a while ago says nothing about who is waiting now.
      queued: last && now - last.end < WINDOW_MS / 2 ? last.orders : 0,
    }
  }

  private forget(now: number): void {
    let drop = 0
    while (drop < this.commits.length && this.commits[drop]!.end < now - WINDOW_MS) drop++
    if (drop > 0) this.commits.splice(0, drop)
  }
}
