import type { IntakeObserver } from '@switchyard/core'

/** Recent intake commits are weighed over this window. */
const WINDOW_MS = 500

/**
 * Watches order intake's commits (through its observer) for the outbox pacing: the share of the
 * last half second intake spent committing, and how many orders its latest batch carried (how
 * many callers were queueing). Intake commits one batch at a time per process, so the share is
 * between 0 and 1; near 1 intake is saturated.
 */
export class IntakeLoadMeter {
  /** End time (performance.now) and duration (ms) of the commits inside the window. */
  private commits: { end: number; ms: number; orders: number }[] = []

  constructor(private readonly clock: () => number = () => performance.now()) {}

  /** The observer to hand core, passing every call on to `inner`. */
  observe(inner: IntakeObserver): IntakeObserver {
    return {
      ...inner,
      batchCommitted: (seconds, orders) => {
        inner.batchCommitted?.(seconds, orders)
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
      utilisation: Math.min(1, busy / WINDOW_MS),
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
