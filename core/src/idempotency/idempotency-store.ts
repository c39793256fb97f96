import type { SqlDb } from '../db/sql/sql-db'

/** A stored answer, replayed as it was first given. */
export interface StoredResponse {
  status: number
  contentType: string | null
  body: string
}

/** What a request carrying a key may do now. */
export type Claim =
  | { kind: 'new' }
  | { kind: 'replay'; response: StoredResponse }
  /** The same key with another request: a caller's bug, never served from the record. */
  | { kind: 'mismatch' }
  /** Another request with this key is being answered (here or on another hub). */
  | { kind: 'busy' }

interface RecordRow {
  request_hash: string
  status: 'in_progress' | 'done'
  locked_until: number
  response_status: number | null
  response_content_type: string | null
  response_body: string | null
}

/**
 * The one writer of `idempotency_record`. A claim is one conditional insert (or a takeover of a
 * claim whose hub died), so concurrent requests with one key, on one hub or several on one
 * PostgreSQL database, let exactly one do the work.
 */
export class IdempotencyStore {
  constructor(
    private readonly db: SqlDb,
    private readonly options: { ttlMs: number; lockMs: number } = { ttlMs: 24 * 3600_000, lockMs: 60_000 },
  ) {}

  async claim(callerId: string, key: string, requestHash: string, now = Date.now()): Promise<Claim> {
    const inserted = await this.db.run(
      `insert into idempotency_record (caller_id, key, request_hash, status, locked_until, created_at, expires_at)
       values (?, ?, ?, 'in_progress', ?, ?, ?) on conflict (caller_id, key) do nothing`,
      [callerId, key, requestHash, now + this.options.lockMs, now, now + this.options.ttlMs],
    )
    if (inserted === 1) return { kind: 'new' }
    const row = await this.db.one<RecordRow>(
      `select request_hash, status, locked_until, response_status, response_content_type, response_body
         from idempotency_record where caller_id = ? and key = ?`,
      [callerId, key],
    )
    // Purged between the insert and the read: try once more.
    if (!row) return this.claim(callerId, key, requestHash, now)
    if (row.request_hash !== requestHash) return { kind: 'mismatch' }
    if (row.status === 'done')
      return {
        kind: 'replay',
        response: {
          status: Number(row.response_status),
          contentType: row.response_content_type,
          body: row.response_body ?? '',
        },
      }
    if (Number(row.locked_until) >= now) return { kind: 'busy' }
    // The hub that claimed it died before answering: take the claim over.
    const taken = await this.db.run(
      `update idempotency_record set locked_until = ? where caller_id = ? and key = ? and status = 'in_progress' and locked_until < ?`,
      [now + this.options.lockMs, callerId, key, now],
    )
    return taken === 1 ? { kind: 'new' } : { kind: 'busy' }
  }

  /** The answer to keep for every retry. */
  async complete(callerId: string, key: string, response: StoredResponse): Promise<void> {
    await this.db.run(
      `update idempotency_record set status = 'done', response_status = ?, response_content_type = ?, response_body = ?
        where caller_id = ? and key = ?`,
      [response.status, response.contentType, response.body, callerId, key],
    )
  }

  /** The request was not answered in a way worth keeping (a server error): a retry does the work. */
  async release(callerId: string, key: string): Promise<void> {
    await this.db.run(
      `delete from idempotency_record where caller_id = ? and key = ? and status = 'in_progress'`,
      [callerId, key],
    )
  }

  /** Forgets records past their time. */
  async purge(now = Date.now()): Promise<number> {
    return this.db.run('delete from idempotency_record where expires_at < ?', [now])
  }
}
