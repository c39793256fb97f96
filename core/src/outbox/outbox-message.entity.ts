import { EntitySchema } from '@mikro-orm/core'
import { EpochMsType } from '../db/epoch-ms-type'
import { foreignKey } from '../db/foreign-key'
import type { OutboxTopic } from './topics'

export type OutboxStatus = 'pending' | 'in_flight' | 'delivered' | 'dead'

/**
 * A message to a plugin instance, written in the same transaction as the change that caused it,
 * and delivered at least once by the dispatcher.
 */
export class OutboxMessage {
  id!: string
  topic!: OutboxTopic
  instanceId!: string
  orderId?: string | null
  idempotencyKey!: string
  payload!: unknown
  status: OutboxStatus = 'pending'
  attempts = 0
  maxAttempts = 12
  nextAttemptAt!: Date
  lockedBy?: string | null
  lockedUntil?: Date | null
  lastError?: string | null
  createdAt!: Date
  deliveredAt?: Date | null
}

export const OutboxMessageSchema = new EntitySchema<OutboxMessage>({
  class: OutboxMessage,
  tableName: 'outbox_message',
  indexes: [
    { properties: ['status', 'id'] },
    { properties: ['orderId', 'instanceId'] },
    // The claim's walk: only what it can take (Migration20261207010000).
    {
      name: 'outbox_message_pending_idx',
      expression: `create index outbox_message_pending_idx on outbox_message (id) where status = 'pending'`,
    },
  ],
  uniques: [{ properties: ['idempotencyKey'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    topic: { type: 'string', length: 40 },
    instanceId: { type: 'string', length: 64 },
    orderId: { type: 'uuid', nullable: true },
    idempotencyKey: { type: 'string', length: 200 },
    payload: { type: 'json' },
    status: { type: 'string', length: 16, default: 'pending' },
    attempts: { type: 'integer', default: 0 },
    maxAttempts: { type: 'integer', default: 12 },
    nextAttemptAt: { type: EpochMsType },
    lockedBy: { type: 'string', length: 100, nullable: true },
    lockedUntil: { type: EpochMsType, nullable: true },
    lastError: { type: 'text', nullable: true },
    createdAt: { type: EpochMsType },
    deliveredAt: { type: EpochMsType, nullable: true },
  },
})

export class OutboxAttempt {
  id!: string
  messageId!: string
  attempt!: number
  worker!: string
  startedAt!: Date
  durationMs!: number
  outcome!: 'delivered' | 'retry' | 'dead'
  error?: string | null
}

export const OutboxAttemptSchema = new EntitySchema<OutboxAttempt>({
  class: OutboxAttempt,
  tableName: 'outbox_attempt',
  indexes: [{ properties: ['messageId'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    messageId: foreignKey('OutboxMessage'),
    attempt: { type: 'integer' },
    worker: { type: 'string', length: 100 },
    startedAt: { type: EpochMsType },
    durationMs: { type: 'integer' },
    outcome: { type: 'string', length: 16 },
    error: { type: 'text', nullable: true },
  },
})
