import type { SqlRunner } from '../db/sql/sql-db'
import type { NewOutboxMessage } from './topics'

const INSERT = `insert into outbox_message
  (id, topic, instance_id, order_id, idempotency_key, payload, status, attempts, max_attempts, next_attempt_at, created_at)
  values (?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?, ?)`

export const DEFAULT_MAX_ATTEMPTS = 12

/** Writes messages inside the caller's transaction: they exist exactly when the change that caused them does. */
export async function writeOutbox(tx: SqlRunner, messages: readonly NewOutboxMessage[]): Promise<void> {
  for (const m of messages) {
    await tx.run(INSERT, [
      m.id,
      m.topic,
      m.instanceId,
      m.orderId,
      m.idempotencyKey,
      JSON.stringify(m.payload),
      DEFAULT_MAX_ATTEMPTS,
      m.createdAt,
      m.createdAt,
    ])
  }
}
