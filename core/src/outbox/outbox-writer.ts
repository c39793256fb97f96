import { insertRows } from '../db/sql/insert-rows'
import type { SqlRunner } from '../db/sql/sql-db'
import type { NewOutboxMessage } from './topics'

export const DEFAULT_MAX_ATTEMPTS = 12

const COLUMNS = [
  'id',
  'topic',
  'instance_id',
  'order_id',
  'idempotency_key',
  'payload',
  'status',
  'attempts',
  'max_attempts',
  'next_attempt_at',
  'created_at',
]

/**
 * Writes messages inside the caller's transaction: they exist exactly when the change that caused
 * them does. The commit then wakes the dispatcher (`SqlDb.onCommitted('outbox')`): no caller does.
 */
export async function writeOutbox(tx: SqlRunner, messages: readonly NewOutboxMessage[]): Promise<void> {
  if (messages.length === 0) return
  tx.announce('outbox')
  await insertRows(
    tx,
    'outbox_message',
    COLUMNS,
    messages.map((m) => [
      m.id,
      m.topic,
      m.instanceId,
      m.orderId,
      m.idempotencyKey,
      JSON.stringify(m.payload),
      'pending',
      0,
      DEFAULT_MAX_ATTEMPTS,
      m.createdAt,
      m.createdAt,
    ]),
  )
}
