import { EntitySchema } from '@mikro-orm/core'
import { EpochMsType } from '../db/epoch-ms-type'

export const exceptionStatuses = ['open', 'replayed', 'discarded'] as const
export type ExceptionStatus = (typeof exceptionStatuses)[number]

/** Why an input could not become an order: the field (as `lines[0].sku`), a stable code, a sentence. */
export interface ExceptionReason {
  field: string
  code: string
  message: string
}

/**
 * An authentic order-shaped input from a channel that could not become an order, kept so that a
 * person can see why, fix the cause and replay it. Written only by `intake-exception-store.ts`.
 */
export class IntakeException {
  id!: string
  channelInstanceId!: string
  /** The channel's order id when it could be read from the input. */
  externalOrderId?: string | null
  /**
   * Set while open, NULL once replayed or discarded: unique per instance, so one channel order has
   * at most one open exception (a hash of the external id, or of the payload when there is none).
   * NULLs never collide in a unique index, on SQLite or PostgreSQL, so closed rows stay as history.
   */
  openKey?: string | null
  status!: ExceptionStatus
  /** The request path below `/webhooks/<instance>` (or `poll`). */
  source!: string
  contentType?: string | null
  /** The partner's routing headers (topic, event), never its signature or credentials: for a re-parse. */
  headers?: Record<string, string> | null
  /** The body as received (capped at `MAX_PAYLOAD_CHARS`), or base64 when it is not storable text. */
  payload?: string | null
  payloadEncoding!: 'utf8' | 'base64'
  payloadTruncated = false
  /** The plugin's canonical order, when its parse produced one. */
  parsed?: unknown
  reasons!: ExceptionReason[]
  occurrences = 1
  firstSeenAt!: Date
  lastSeenAt!: Date
  orderId?: string | null
  replayedAt?: Date | null
  discardedBy?: string | null
  discardReason?: string | null
  discardedAt?: Date | null
  updatedAt!: Date
}

export const IntakeExceptionSchema = new EntitySchema<IntakeException>({
  class: IntakeException,
  tableName: 'intake_exception',
  uniques: [{ properties: ['channelInstanceId', 'openKey'] }],
  indexes: [{ properties: ['status', 'channelInstanceId'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    channelInstanceId: { type: 'string', length: 64 },
    externalOrderId: { type: 'string', length: 200, nullable: true },
    openKey: { type: 'string', length: 64, nullable: true },
    status: { type: 'string', length: 16 },
    source: { type: 'string', length: 300 },
    contentType: { type: 'string', length: 200, nullable: true },
    headers: { type: 'json', nullable: true },
    payload: { type: 'text', nullable: true },
    payloadEncoding: { type: 'string', length: 8 },
    payloadTruncated: { type: 'boolean', default: false },
    parsed: { type: 'json', nullable: true },
    reasons: { type: 'json' },
    occurrences: { type: 'integer', default: 1 },
    firstSeenAt: { type: EpochMsType },
    lastSeenAt: { type: EpochMsType },
    orderId: { type: 'uuid', nullable: true },
    replayedAt: { type: EpochMsType, nullable: true },
    discardedBy: { type: 'string', length: 200, nullable: true },
    discardReason: { type: 'text', nullable: true },
    discardedAt: { type: EpochMsType, nullable: true },
    updatedAt: { type: EpochMsType },
  },
})
