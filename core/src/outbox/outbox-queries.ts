import type { RowOf } from '../db/row-of'
import type { SqlDb } from '../db/sql/sql-db'
import { readJson } from '../db/sql/sql-db'
import { NotFoundError } from '../errors'
import { decodeCursor, encodeCursor, type Page } from '../pagination'
import type { OutboxAttemptSchema, OutboxMessageSchema, OutboxStatus } from './outbox-message.entity'

export interface OutboxMessageView {
  id: string
  topic: string
  instanceId: string
  orderId: string | null
  idempotencyKey: string
  status: OutboxStatus
  attempts: number
  maxAttempts: number
  nextAttemptAt: string
  lastError: string | null
  createdAt: string
  deliveredAt: string | null
}

type Row = Omit<RowOf<typeof OutboxMessageSchema>, 'payload' | 'locked_by' | 'locked_until'>

const iso = (v: number | null) => (v === null ? null : new Date(Number(v)).toISOString())
const view = (r: Row): OutboxMessageView => ({
  id: r.id,
  topic: r.topic,
  instanceId: r.instance_id,
  orderId: r.order_id,
  idempotencyKey: r.idempotency_key,
  status: r.status,
  attempts: r.attempts,
  maxAttempts: r.max_attempts,
  nextAttemptAt: iso(r.next_attempt_at)!,
  lastError: r.last_error,
  createdAt: iso(r.created_at)!,
  deliveredAt: iso(r.delivered_at),
})

const COLUMNS =
  'id, topic, instance_id, order_id, idempotency_key, status, attempts, max_attempts, next_attempt_at, last_error, created_at, delivered_at'

/** The operator's view of the outbox: what is waiting, what failed and why, attempt by attempt. */
export class OutboxQueries {
  constructor(private readonly db: SqlDb) {}

  async list(filter: {
    status?: OutboxStatus
    instanceId?: string
    orderId?: string
    limit?: number
    cursor?: string
  }): Promise<Page<OutboxMessageView>> {
    const where: string[] = []
    const params: string[] = []
    if (filter.status) {
      where.push('status = ?')
      params.push(filter.status)
    }
    if (filter.instanceId) {
      where.push('instance_id = ?')
      params.push(filter.instanceId)
    }
    if (filter.orderId) {
      where.push('order_id = ?')
      params.push(filter.orderId)
    }
    const after = decodeCursor(filter.cursor)
    if (after) {
      where.push('id < ?')
      params.push(after)
    }
    const limit = Math.min(Math.max(filter.limit ?? 50, 1), 500)
    const rows = await this.db.all<Row>(
      `select ${COLUMNS} from outbox_message ${where.length ? `where ${where.join(' and ')}` : ''} order by id desc limit ${limit + 1}`,
      params,
    )
    const items = rows.slice(0, limit).map(view)
    return { items, nextCursor: rows.length > limit ? encodeCursor(items[items.length - 1]!.id) : null }
  }

  async get(id: string) {
    const row = await this.db.one<Row & { payload: unknown }>(
      `select ${COLUMNS}, payload from outbox_message where id = ?`,
      [id],
    )
    if (!row) throw new NotFoundError('outbox message', id, 'OUTBOX_MESSAGE_NOT_FOUND')
    const attempts = await this.db.all<Omit<RowOf<typeof OutboxAttemptSchema>, 'id' | 'message_id'>>(
      'select attempt, worker, started_at, duration_ms, outcome, error from outbox_attempt where message_id = ? order by attempt, started_at',
      [id],
    )
    return {
      ...view(row),
      payload: readJson(row.payload),
      history: attempts.map((a) => ({
        attempt: a.attempt,
        worker: a.worker,
        at: iso(a.started_at),
        durationMs: a.duration_ms,
        outcome: a.outcome,
        error: a.error,
      })),
    }
  }
}
