import type { RowOf } from '../db/row-of'
import { keyIn } from '../db/sql/key-in'
import { PLAN_EACH_CALL, readJson, type SqlRunner } from '../db/sql/sql-db'
import { decodeCursor, encodeCursor, type Page } from '../pagination'
import type { ExceptionReason, ExceptionStatus, IntakeExceptionSchema } from './intake-exception.entity'

/**
 * The only module that writes `intake_exception`. Every write is one statement, so each is atomic on
 * its own; the caller decides whether it runs inside a transaction.
 */

type Row = RowOf<typeof IntakeExceptionSchema>

export interface StoredPayload {
  text: string
  encoding: 'utf8' | 'base64'
  truncated: boolean
}

export interface OpenExceptionInput {
  channelInstanceId: string
  externalOrderId: string | null
  /** Unique per instance while open: the same key updates the open exception. */
  openKey: string
  source: string
  contentType: string | null
  headers: Record<string, string> | null
  payload: StoredPayload | null
  parsed: unknown
  reasons: ExceptionReason[]
}

/**
 * Opens an exception, or updates the open one with the same key: one more occurrence, the newest
 * payload and reasons. One statement (`on conflict … do update`), so two deliveries of the same
 * order racing each other, in one process or several, still leave one row.
 */
export async function upsertOpenException(
  db: SqlRunner,
  id: string,
  input: OpenExceptionInput,
  now: number,
): Promise<{ id: string; occurrences: number }> {
  const row = await db.one<{ id: string; occurrences: number }>(
    `insert into intake_exception (id, channel_instance_id, external_order_id, open_key, status, source, content_type,
       headers, payload, payload_encoding, payload_truncated, parsed, reasons, occurrences, first_seen_at, last_seen_at,
       updated_at)
     values (?, ?, ?, ?, 'open', ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)
     on conflict (channel_instance_id, open_key) do update set
       occurrences = intake_exception.occurrences + 1, external_order_id = excluded.external_order_id,
       source = excluded.source, content_type = excluded.content_type, headers = excluded.headers,
       payload = excluded.payload,
       payload_encoding = excluded.payload_encoding, payload_truncated = excluded.payload_truncated,
       parsed = excluded.parsed, reasons = excluded.reasons, last_seen_at = excluded.last_seen_at,
       updated_at = excluded.updated_at
     returning id, occurrences`,
    [
      id,
      input.channelInstanceId,
      input.externalOrderId,
      input.openKey,
      input.source,
      input.contentType,
      input.headers === null ? null : JSON.stringify(input.headers),
      input.payload?.text ?? null,
      input.payload?.encoding ?? 'utf8',
      input.payload?.truncated ? 1 : 0,
      input.parsed === null || input.parsed === undefined ? null : JSON.stringify(input.parsed),
      JSON.stringify(input.reasons),
      now,
      now,
      now,
    ],
  )
  return { id: row!.id, occurrences: Number(row!.occurrences) }
}

/** A replay that failed again: the exception stays open with the reasons of this attempt. */
export async function setOpenReasons(
  db: SqlRunner,
  id: string,
  reasons: ExceptionReason[],
  now: number,
): Promise<boolean> {
  const n = await db.run(
    `update intake_exception set reasons = ?, updated_at = ? where id = ? and status = 'open'`,
    [JSON.stringify(reasons), now, id],
  )
  return n > 0
}

/**
 * The open exceptions among `openKeys` of one channel instance: what `ExceptionCloser` closes when
 * the channel's order later went in. One read on the unique (instance, key) index; almost always
 * empty.
 */
export async function openIdsByKey(
  db: SqlRunner,
  channelInstanceId: string,
  openKeys: readonly string[],
): Promise<{ id: string; openKey: string }[]> {
  if (openKeys.length === 0) return []
  const keys = keyIn(db.dialect, 'open_key', openKeys)
  const rows = await db.all<{ id: string; open_key: string }>(
    `${PLAN_EACH_CALL}select id, open_key from intake_exception where channel_instance_id = ? and ${keys.sql} and status = 'open'`,
    [channelInstanceId, ...keys.params],
  )
  return rows.map((r) => ({ id: r.id, openKey: r.open_key }))
}

/** Closes an open exception as the order it became; frees its key for a later, different failure. */
export async function markReplayed(
  db: SqlRunner,
  id: string,
  orderId: string,
  now: number,
): Promise<boolean> {
  const n = await db.run(
    `update intake_exception set status = 'replayed', open_key = null, order_id = ?, replayed_at = ?, updated_at = ?
     where id = ? and status = 'open'`,
    [orderId, now, now, id],
  )
  return n > 0
}

export async function markDiscarded(
  db: SqlRunner,
  id: string,
  by: string,
  reason: string,
  now: number,
): Promise<boolean> {
  const n = await db.run(
    `update intake_exception set status = 'discarded', open_key = null, discarded_by = ?, discard_reason = ?,
       discarded_at = ?, updated_at = ? where id = ? and status = 'open'`,
    [by, reason, now, now, id],
  )
  return n > 0
}

export interface ExceptionRecord {
  id: string
  channelInstanceId: string
  externalOrderId: string | null
  status: ExceptionStatus
  source: string
  contentType: string | null
  headers: Record<string, string> | null
  payload: StoredPayload | null
  parsed: unknown
  reasons: ExceptionReason[]
  occurrences: number
  firstSeenAt: number
  lastSeenAt: number
  orderId: string | null
  replayedAt: number | null
  discardedBy: string | null
  discardReason: string | null
  discardedAt: number | null
  /** When it last changed (seen again, re-checked, replayed, discarded). */
  updatedAt: number
}

const num = (v: number | null) => (v === null ? null : Number(v))

function record(r: Row): ExceptionRecord {
  return {
    id: r.id,
    channelInstanceId: r.channel_instance_id,
    externalOrderId: r.external_order_id,
    status: r.status,
    source: r.source,
    contentType: r.content_type,
    headers:
      r.headers === null || r.headers === undefined ? null : readJson<Record<string, string>>(r.headers),
    payload:
      r.payload === null
        ? null
        : { text: r.payload, encoding: r.payload_encoding, truncated: Boolean(r.payload_truncated) },
    parsed: r.parsed === null ? null : readJson(r.parsed),
    reasons: readJson<ExceptionReason[]>(r.reasons),
    occurrences: Number(r.occurrences),
    firstSeenAt: Number(r.first_seen_at),
    lastSeenAt: Number(r.last_seen_at),
    orderId: r.order_id,
    replayedAt: num(r.replayed_at),
    discardedBy: r.discarded_by,
    discardReason: r.discard_reason,
    discardedAt: num(r.discarded_at),
    updatedAt: Number(r.updated_at),
  }
}

export async function findException(db: SqlRunner, id: string): Promise<ExceptionRecord | undefined> {
  const row = await db.one<Row>('select * from intake_exception where id = ?', [id])
  return row ? record(row) : undefined
}

export interface ExceptionFilter {
  channelInstanceId?: string | undefined
  status?: ExceptionStatus | undefined
  /** Exceptions with at least one reason of this code. */
  reasonCode?: string | undefined
  /** Last seen at or after this instant (epoch ms). */
  since?: number | undefined
  /** Changed at or after this instant (epoch ms): seen again, re-checked, replayed or discarded. */
  updatedSince?: number | undefined
}

function whereOf(db: SqlRunner, filter: ExceptionFilter): { sql: string[]; params: (string | number)[] } {
  const sql: string[] = []
  const params: (string | number)[] = []
  if (filter.channelInstanceId !== undefined) {
    sql.push('channel_instance_id = ?')
    params.push(filter.channelInstanceId)
  }
  if (filter.status) {
    sql.push('status = ?')
    params.push(filter.status)
  }
  if (filter.reasonCode) {
    sql.push(
      db.dialect === 'postgresql'
        ? `reasons @> ?::jsonb`
        : `exists (select 1 from json_each(intake_exception.reasons) r where json_extract(r.value, '$.code') = ?)`,
    )
    params.push(
      db.dialect === 'postgresql' ? JSON.stringify([{ code: filter.reasonCode }]) : filter.reasonCode,
    )
  }
  if (filter.since !== undefined) {
    sql.push('last_seen_at >= ?')
    params.push(filter.since)
  }
  if (filter.updatedSince !== undefined) {
    sql.push('updated_at >= ?')
    params.push(filter.updatedSince)
  }
  return { sql, params }
}

/** Newest first; the cursor is the last id seen (ids are time-ordered). */
export async function listExceptions(
  db: SqlRunner,
  filter: ExceptionFilter & { limit?: number | undefined; cursor?: string | undefined },
): Promise<Page<ExceptionRecord>> {
  const { sql, params } = whereOf(db, filter)
  const after = decodeCursor(filter.cursor)
  if (after) {
    sql.push('id < ?')
    params.push(after)
  }
  const limit = Math.min(Math.max(filter.limit ?? 50, 1), 500)
  const rows = await db.all<Row>(
    `select * from intake_exception ${sql.length ? `where ${sql.join(' and ')}` : ''} order by id desc limit ${limit + 1}`,
    params,
  )
  const items = rows.slice(0, limit).map(record)
  return { items, nextCursor: rows.length > limit ? encodeCursor(items[items.length - 1]!.id) : null }
}

/** The ids of open exceptions matching a filter, oldest first (bulk replay), at most `limit`. */
export async function openExceptionIds(
  db: SqlRunner,
  filter: ExceptionFilter,
  limit: number,
): Promise<string[]> {
  const { sql, params } = whereOf(db, { ...filter, status: 'open' })
  const rows = await db.all<{ id: string }>(
    `select id from intake_exception where ${sql.join(' and ')} order by id limit ${Math.max(1, Math.floor(limit))}`,
    params,
  )
  return rows.map((r) => r.id)
}

/** Open exceptions by instance and reason code (an exception with two codes counts under each). */
export async function openCountsByReason(
  db: SqlRunner,
): Promise<{ channelInstanceId: string; code: string; count: number }[]> {
  const rows = await db.all<{ instance: string; code: string; n: number | string }>(
    db.dialect === 'postgresql'
      ? `select e.channel_instance_id as instance, r.value->>'code' as code, count(distinct e.id) as n
         from intake_exception e cross join lateral jsonb_array_elements(e.reasons) r(value)
         where e.status = 'open' group by 1, 2`
      : `select e.channel_instance_id as instance, json_extract(r.value, '$.code') as code, count(distinct e.id) as n
         from intake_exception e, json_each(e.reasons) r where e.status = 'open' group by 1, 2`,
  )
  return rows.map((r) => ({ channelInstanceId: r.instance, code: String(r.code), count: Number(r.n) }))
}

/**
 * Per channel instance, when its intake exceptions last changed (one opened, replayed, discarded or
 * its reasons updated), in epoch ms: the open count a plugin instance shows can only change then.
 */
export async function exceptionsChangedByInstance(db: SqlRunner): Promise<Map<string, number>> {
  const rows = await db.all<{ instance: string; at: number | string }>(
    'select channel_instance_id as instance, max(updated_at) as at from intake_exception group by channel_instance_id',
  )
  return new Map(rows.map((r) => [r.instance, Number(r.at)]))
}

/** Open exceptions per channel instance. */
export async function openCountsByInstance(db: SqlRunner): Promise<Map<string, number>> {
  const rows = await db.all<{ instance: string; n: number | string }>(
    `select channel_instance_id as instance, count(*) as n from intake_exception where status = 'open' group by channel_instance_id`,
  )
  return new Map(rows.map((r) => [r.instance, Number(r.n)]))
}
