import type { SqlDb } from '../db/sql/sql-db'
import { readJson, writeJson } from '../db/sql/sql-db'
import { uuidv7 } from '../ids'
import { decodeCursor, encodeCursor, type Page } from '../pagination'

export interface NewAuditEntry {
  at: number
  keyId: string
  keyName: string
  role: string
  channelScope: string | null
  method: string
  path: string
  route: string
  status: number
  requestId: string | null
  request: unknown
  before: unknown
  after: unknown
}

export interface AuditView extends Omit<NewAuditEntry, 'at'> {
  id: string
  at: string
}

export interface AuditFilter {
  keyId?: string
  method?: string
  /** Entries whose path starts with this (`/api/v1/rules`). */
  path?: string
  since?: number
  until?: number
  limit?: number
  cursor?: string
}

interface AuditRow {
  id: string
  at: number
  key_id: string
  key_name: string
  role: string
  channel_scope: string | null
  method: string
  path: string
  route: string
  status: number
  request_id: string | null
  request: unknown
  before: unknown
  after: unknown
}

/** The audit trail's one writer: entries are appended, never changed or removed. */
export class AuditStore {
  constructor(private readonly db: SqlDb) {}

  async append(e: NewAuditEntry): Promise<string> {
    const id = uuidv7(e.at)
    await this.db.run(
      `insert into audit_entry (id, at, key_id, key_name, role, channel_scope, method, path, route, status, request_id, request, before, after)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        id,
        e.at,
        e.keyId,
        e.keyName,
        e.role,
        e.channelScope,
        e.method,
        e.path,
        e.route,
        e.status,
        e.requestId,
        writeJson(e.request),
        writeJson(e.before),
        writeJson(e.after),
      ],
    )
    return id
  }

  async list(filter: AuditFilter): Promise<Page<AuditView>> {
    const where: string[] = []
    const params: (string | number)[] = []
    const add = (sql: string, value: string | number) => {
      where.push(sql)
      params.push(value)
    }
    if (filter.keyId) add('key_id = ?', filter.keyId)
    if (filter.method) add('method = ?', filter.method.toUpperCase())
    // A prefix match on the path, its wildcards escaped.
    if (filter.path) add(`path like ? escape '\\'`, `${filter.path.replace(/[\\%_]/g, (m) => `\\${m}`)}%`)
    if (filter.since !== undefined) add('at >= ?', filter.since)
    if (filter.until !== undefined) add('at < ?', filter.until)
    const after = decodeCursor(filter.cursor)
    if (after) add('id < ?', after)
    const limit = Math.min(Math.max(filter.limit ?? 50, 1), 200)
    const rows = await this.db.all<AuditRow>(
      `select * from audit_entry ${where.length ? `where ${where.join(' and ')}` : ''} order by id desc limit ${limit + 1}`,
      params,
    )
    const items = rows.slice(0, limit).map(view)
    return { items, nextCursor: rows.length > limit ? encodeCursor(items[items.length - 1]!.id) : null }
  }
}

function view(r: AuditRow): AuditView {
  return {
    id: r.id,
    at: new Date(Number(r.at)).toISOString(),
    keyId: r.key_id,
    keyName: r.key_name,
    role: r.role,
    channelScope: r.channel_scope,
    method: r.method,
    path: r.path,
    route: r.route,
    status: Number(r.status),
    requestId: r.request_id,
    request: readJson(r.request) ?? null,
    before: readJson(r.before) ?? null,
    after: readJson(r.after) ?? null,
  }
}
