import { EntitySchema } from '@mikro-orm/core'
import { EpochMsType } from '../db/epoch-ms-type'

/**
 * One Idempotency-Key a caller sent: the request it stood for (a hash of method, path and body)
 * and, once answered, the answer, replayed to every retry until `expiresAt`. Written only by
 * `idempotency-store.ts`.
 */
export class IdempotencyRecord {
  /** The API key that sent it: two callers' keys never meet. */
  callerId!: string
  key!: string
  requestHash!: string
  status!: 'in_progress' | 'done'
  /** While in progress, the hub answering holds it until then; a crashed hub's claim runs out. */
  lockedUntil!: Date
  responseStatus?: number | null
  responseContentType?: string | null
  responseBody?: string | null
  createdAt!: Date
  expiresAt!: Date
}

export const IdempotencyRecordSchema = new EntitySchema<IdempotencyRecord>({
  class: IdempotencyRecord,
  tableName: 'idempotency_record',
  // The purge walks records past their time.
  indexes: [{ properties: ['expiresAt'] }],
  properties: {
    callerId: { type: 'string', length: 64, primary: true },
    key: { type: 'string', length: 255, primary: true },
    requestHash: { type: 'string', length: 64 },
    status: { type: 'string', length: 16 },
    lockedUntil: { type: EpochMsType },
    responseStatus: { type: 'integer', nullable: true },
    responseContentType: { type: 'string', length: 200, nullable: true },
    responseBody: { type: 'text', nullable: true },
    createdAt: { type: EpochMsType },
    expiresAt: { type: EpochMsType },
  },
})
