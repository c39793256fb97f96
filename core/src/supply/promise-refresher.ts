import type { SqlDb } from '../db/sql/sql-db'
import type { IntegrationDirectory } from '../outbox/topics'
import { refreshPromises } from './supply-promises'

/**
 * Promise refreshes asked for by intake, which does not wait for them: one run at a time, and the
 * skus asked for while it runs are taken together by the next one, so a peak of backordered orders
 * costs a few refreshes rather than one per batch. A failure is a warning; the next supply change
 * or backorder run promises those orders again.
 */
export class PromiseRefresher {
  private readonly queued = new Set<string>()
  private running: Promise<void> | undefined

  constructor(
    private readonly db: SqlDb,
    private readonly directory: IntegrationDirectory,
    private readonly clock: () => number = Date.now,
  ) {}

  request(skus: readonly string[]): void {
    for (const s of skus) this.queued.add(s)
    this.running ??= this.drain().finally(() => {
      this.running = undefined
    })
  }

  /** Resolves once nothing is queued or running (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.running) await this.running
  }

  private async drain(): Promise<void> {
    while (this.queued.size > 0) {
      const skus = [...this.queued]
      this.queued.clear()
      try {
        await refreshPromises(this.db, this.directory, skus, this.clock(), 'backordered when placed', {
          onlyWithSupply: true,
        })
      } catch (error) {
        process.emitWarning(
          `promising new backorders from inbound supply failed: ${(error as Error).message}`,
        )
      }
    }
  }
}
