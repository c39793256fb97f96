import { EntitySchema } from '@mikro-orm/core'
import { EpochMsType } from '../db/epoch-ms-type'

/**
 * One write a person or an integration made through the API: who (the key, its name and role at
 * the time), what (method, path, the route, the body sent with secrets masked), the outcome, and for
 * changes of an existing resource the resource before and after. Append-only: `audit-store.ts`
 * inserts and never updates or deletes.
 */
export class AuditEntry {
  id!: string
  at!: Date
  keyId!: string
  keyName!: string
  role!: string
  channelScope?: string | null
  method!: string
  path!: string
  /** The route pattern (`/api/v1/orders/:id/cancel`): what kind of write it was. */
  route!: string
  status!: number
  requestId?: string | null
  request?: unknown
  before?: unknown
  after?: unknown
}

export const AuditEntrySchema = new EntitySchema<AuditEntry>({
  class: AuditEntry,
  tableName: 'audit_entry',
  // The audit list filters by key and by route, newest first (ids are time-ordered).
  indexes: [{ properties: ['keyId', 'id'] }, { properties: ['route', 'id'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    at: { type: EpochMsType },
    keyId: { type: 'string', length: 64 },
    keyName: { type: 'string', length: 200 },
    role: { type: 'string', length: 32 },
    channelScope: { type: 'string', length: 64, nullable: true },
    method: { type: 'string', length: 8 },
    path: { type: 'string', length: 2048 },
    route: { type: 'string', length: 300 },
    status: { type: 'integer' },
    requestId: { type: 'string', length: 100, nullable: true },
    request: { type: 'json', nullable: true },
    before: { type: 'json', nullable: true },
    after: { type: 'json', nullable: true },
  },
})
