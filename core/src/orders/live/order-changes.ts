import type { SqlRunner } from '../../db/sql/sql-db'

/** One order that changed: what a live view needs to refresh its row. */
export interface OrderChange {
  id: string
  status: string
  channelInstanceId: string
  /** Epoch milliseconds of the order row's last change. */
  updatedAt: number
}

export type OrderChangeListener = (changes: readonly OrderChange[]) => void

/** How long a late commit can lag behind its event's id (a transaction that began earlier). */
const LOOKBACK_MS = 5_000
const BATCH = 500

/**
 * Tells listeners which orders changed, on every hub of the database. Every change of an order
 * appends to `order_event` (the order store's history), and its ids are UUIDv7, so "what changed
 * since" is a range walk of that table's primary key: no new write, no new index, and it sees
 * other hubs' commits as well as this one's. A transaction that began earlier may commit an older
 * id after a newer one was read, so each poll looks back a few seconds and skips event ids it
 * has already told. It polls only while someone listens; `wake()` polls at once (this hub just
 * committed something).
 */
export class OrderChangeWatcher {
  private readonly listeners = new Set<OrderChangeListener>()
  private readonly told = new Map<string, number>()
  private sinceMs = Date.now()
  private timer: NodeJS.Timeout | undefined
  private polling: Promise<void> | undefined
  private again = false
  private closed = false

  constructor(
    private readonly db: SqlRunner,
    private readonly intervalMs = 500,
  ) {}

  /** Starts polling with the first listener; returns the unsubscribe. */
  subscribe(listener: OrderChangeListener): () => void {
    const first = this.listeners.size === 0
    this.listeners.add(listener)
    if (first && !this.closed) {
      // Changes from before anyone listened are not news: start from now.
      this.sinceMs = Date.now()
      this.told.clear()
      this.schedule()
    }
    return () => {
      this.listeners.delete(listener)
      if (this.listeners.size === 0 && this.timer) {
        clearTimeout(this.timer)
        this.timer = undefined
      }
    }
  }

  get listening(): number {
    return this.listeners.size
  }

  /** Polls now rather than at the next tick. */
  wake(): void {
    if (this.listeners.size === 0 || this.closed) return
    if (this.polling) {
      this.again = true
      return
    }
    if (this.timer) clearTimeout(this.timer)
    this.timer = undefined
    this.polling = this.poll().finally(() => {
      this.polling = undefined
      if (this.again) {
        this.again = false
        this.wake()
      } else this.schedule()
    })
  }

  async close(): Promise<void> {
    this.closed = true
    if (this.timer) clearTimeout(this.timer)
    this.timer = undefined
    this.listeners.clear()
    await this.polling
  }

  private schedule(): void {
    if (this.closed || this.listeners.size === 0 || this.timer || this.polling) return
    this.timer = setTimeout(() => {
      this.timer = undefined
      this.wake()
    }, this.intervalMs)
    this.timer.unref()
  }

  /** One walk of the events since the look-back floor; each order told once per poll, in order. */
  async poll(): Promise<void> {
    const byOrder = new Map<string, OrderChange>()
    let from = uuidFloor(this.sinceMs - LOOKBACK_MS)
    for (;;) {
      let rows: EventRow[]
      try {
        rows = await this.db.all<EventRow>(
          `select e.id as event_id, e.created_at as event_at, o.id, o.status, o.channel_instance_id, o.updated_at
           from order_event e join orders o on o.id = e.order_id
           where e.id > ? order by e.id limit ${BATCH}`,
          [from],
        )
      } catch {
        // The database is away for a moment (a restart, a failover): the next tick tries again.
        break
      }
      for (const r of rows) {
        const at = Number(r.event_at)
        if (at > this.sinceMs) this.sinceMs = at
        if (this.told.has(r.event_id)) continue
        this.told.set(r.event_id, at)
        // The order's state now: several events of one order in a poll are one change to show,
        // placed where its latest event is.
        byOrder.delete(r.id)
        byOrder.set(r.id, {
          id: r.id,
          status: r.status,
          channelInstanceId: r.channel_instance_id,
          updatedAt: Number(r.updated_at),
        })
      }
      if (rows.length < BATCH) break
      from = rows[rows.length - 1]!.event_id
    }
    for (const [id, at] of this.told) if (at < this.sinceMs - 2 * LOOKBACK_MS) this.told.delete(id)
    if (byOrder.size === 0) return
    const changes = [...byOrder.values()]
    for (const l of this.listeners) {
      try {
        l(changes)
      } catch {
        // One listener's failure (a closed stream) must not keep the news from the others.
      }
    }
  }
}

interface EventRow {
  event_id: string
  event_at: number | string
  id: string
  status: string
  channel_instance_id: string
  updated_at: number | string
}

/** The smallest UUIDv7 of a millisecond: ids compare (as text and as PostgreSQL uuids) by time first. */
export function uuidFloor(ms: number): string {
  const hex = Math.max(0, Math.floor(ms)).toString(16).padStart(12, '0')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-0000-0000-000000000000`
}
