import type { SqlRunner } from '../db/sql/sql-db'
import { markReplayed, openIdsByKey } from './intake-exception-store'

interface Waiting {
  channelInstanceId: string
  openKey: string
  orderId: string
  settle: (error?: unknown) => void
}

/** Keys asked about in one statement; a flush holds at most this many per channel instance. */
const MAX_KEYS = 200

/**
 * Closes the open exception of each channel order that went in on a later delivery. Nearly every
 * order that goes in never had an exception, and intake takes orders in batches, so the orders one
 * batch commits are looked up together, in one read per channel instance, instead of one statement
 * (and, on SQLite, one turn of the shared connection) per order. Only a key that is open is closed.
 */
export class ExceptionCloser {
  private waiting: Waiting[] = []
  private scheduled = false

  constructor(
    private readonly db: SqlRunner,
    private readonly now: () => number,
  ) {}

  /** Resolves once the order's open exception, if it had one, is closed as `replayed`. */
  close(channelInstanceId: string, openKey: string, orderId: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({
        channelInstanceId,
        openKey,
        orderId,
        settle: (error) => (error === undefined ? resolve() : reject(error)),
      })
      if (!this.scheduled) {
        this.scheduled = true
        // After the batch's other orders have been answered by intake and queued here too.
        setImmediate(() => void this.flush())
      }
    })
  }

  private async flush(): Promise<void> {
    const waiting = this.waiting
    this.waiting = []
    this.scheduled = false
    for (const group of groups(waiting)) {
      try {
        await this.closeGroup(group)
        for (const w of group) w.settle()
      } catch (error) {
        for (const w of group) w.settle(error)
      }
    }
  }

  private async closeGroup(group: Waiting[]): Promise<void> {
    const orderByKey = new Map(group.map((w) => [w.openKey, w.orderId]))
    const open = await openIdsByKey(this.db, group[0]!.channelInstanceId, [...orderByKey.keys()])
    for (const { id, openKey } of open) await markReplayed(this.db, id, orderByKey.get(openKey)!, this.now())
  }
}

/** Per channel instance, at most MAX_KEYS each. */
function groups(waiting: Waiting[]): Waiting[][] {
  const byInstance = new Map<string, Waiting[]>()
  for (const w of waiting) {
    const list = byInstance.get(w.channelInstanceId) ?? []
    list.push(w)
    byInstance.set(w.channelInstanceId, list)
  }
  const out: Waiting[][] = []
  for (const list of byInstance.values())
    for (let i = 0; i < list.length; i += MAX_KEYS) out.push(list.slice(i, i + MAX_KEYS))
  return out
}
