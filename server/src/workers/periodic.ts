import type { Logger } from '../logger'

export interface PeriodicJob {
  start(): void
  stop(): Promise<void>
}

/**
 * Runs `job` every `ms`, never two runs at once in this process; a failing run is logged and the
 * next one still happens. (Across processes, each job guards itself: SKIP LOCKED, advisory locks.)
 */
export function periodic(name: string, ms: number, job: () => Promise<unknown>, logger: Logger): PeriodicJob {
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> | undefined
  let stopped = true
  const tick = () => {
    if (stopped) return
    running = job()
      .then(() => undefined)
      .catch((error: unknown) => logger.warn({ err: error, job: name }, 'periodic job failed'))
      .finally(() => {
        running = undefined
        if (!stopped) timer = setTimeout(tick, ms)
      })
  }
  return {
    start() {
      stopped = false
      timer = setTimeout(tick, ms)
    },
    async stop() {
      stopped = true
      if (timer) clearTimeout(timer)
      await running
    },
  }
}
