import { canonicalOrderSchema, unacceptableText, zodIssues } from '@switchyard/plugin-sdk'
import type { SqlDb } from '../db/sql/sql-db'
import { ConflictError, NotFoundError, ValidationError } from '../errors'
import { uuidv7 } from '../ids'
import type { IntakeResult } from '../orders/intake/order-intake'
import { writeOutbox } from '../outbox/outbox-writer'
import type { IntegrationDirectory } from '../outbox/topics'
import type { Page } from '../pagination'
import { ExceptionCloser } from './exception-closer'
import { untakeableReasons } from './exception-reasons'
import type { ExceptionReason } from './intake-exception.entity'
import {
  type ExceptionFilter,
  type ExceptionRecord,
  exceptionsChangedByInstance,
  findException,
  listExceptions,
  markDiscarded,
  markReplayed,
  openCountsByInstance,
  openCountsByReason,
  openExceptionIds,
  setOpenReasons,
  upsertOpenException,
} from './intake-exception-store'
import { openKeyOf, storablePayload } from './payload-text'

/** How the input reached the hub: enough to show it and to parse it again, never its secrets. */
export interface ReceivedInput {
  /** The webhook path below the instance (`/orders`), or `poll`. */
  source: string
  contentType: string | null
  /**
   * The request's headers; only the partner's routing headers (`ROUTING_HEADERS`) are kept, so a
   * replay can parse the payload again. Signatures, tokens and credentials are never stored.
   */
  headers?: Readonly<Record<string, string>>
  /** The body as received; null when there was none (a poll's record is its canonical order). */
  body: Uint8Array | string | null
}

/**
 * The headers a plugin's parse reads to know what a delivery is (Shopify's and WooCommerce's
 * topic), kept with an exception. A closed list on purpose: nothing that signs or authorises.
 */
export const ROUTING_HEADERS: readonly string[] = [
  'x-shopify-topic',
  'x-shopify-shop-domain',
  'x-shopify-api-version',
  'x-wc-webhook-topic',
  'x-wc-webhook-resource',
  'x-wc-webhook-event',
  'x-wc-webhook-source',
]

function routingHeaders(
  headers: Readonly<Record<string, string>> | undefined,
): Record<string, string> | null {
  if (!headers) return null
  const kept: Record<string, string> = {}
  for (const name of ROUTING_HEADERS) {
    const value = headers[name]
    // A routing header is a short token; anything else is not kept (and so cannot hold a secret).
    if (typeof value === 'string' && value.length <= 200 && unacceptableText(value).length === 0)
      kept[name] = value
  }
  return Object.keys(kept).length > 0 ? kept : null
}

export interface CapturedException {
  id: string
  channelInstanceId: string
  externalOrderId: string | null
  reasons: ExceptionReason[]
  occurrences: number
}

export type TakeOutcome =
  | { type: 'order'; result: IntakeResult }
  | { type: 'exception'; exception: CapturedException }

/** Told about every exception stored (new, or one more occurrence): the server logs and counts it. */
export type CaptureListener = (exception: CapturedException) => void

/**
 * Gives the canonical order to replay: the plugin's parse run again over the stored payload
 * (undefined when it cannot be: no payload, no parse, nothing order-shaped in it, then the stored
 * canonical order is used). Throws `PayloadError` when the plugin refuses the payload, and a
 * `ConflictError` (`EXCEPTION_NOT_REPLAYABLE`) when the input can never be read again.
 */
export type Reparse = (exception: ExceptionRecord) => Promise<unknown>

export type ReplayOutcome =
  | { id: string; outcome: 'replayed'; orderId: string; created: boolean }
  | { id: string; outcome: 'open'; reasons: ExceptionReason[] }
  /** Bulk replay only: this one cannot be replayed at all (`EXCEPTION_NOT_REPLAYABLE`); `detail` says why. */
  | { id: string; outcome: 'skipped'; detail: string }

interface Intake {
  submit(channelInstanceId: string, order: never, actor?: string): Promise<IntakeResult>
}

const MAX_BULK_REPLAY = 1000

/**
 * The intake exception inbox: an authentic order-shaped input a channel sent that cannot become an
 * order is kept with its payload and reasons (`take`), so the channel can be answered 2xx and the
 * order is not lost; a person fixes the cause and replays it, or discards it with a reason.
 */
export class IntakeExceptions {
  private readonly listeners: CaptureListener[] = []
  private readonly closer: ExceptionCloser

  constructor(
    private readonly db: SqlDb,
    private readonly intake: Intake,
    /** Which channels hear of a discarded exception (`exception.discarded`); none without it. */
    private readonly directory?: IntegrationDirectory,
    private readonly now: () => number = Date.now,
  ) {
    this.closer = new ExceptionCloser(db, now)
  }

  onCaptured(listener: CaptureListener): void {
    this.listeners.push(listener)
  }

  /**
   * Takes an order-shaped input from a channel: the order it became, or the exception stored for it.
   * Only failures that are the input's own become exceptions; any other error is thrown, so the
   * channel hears 5xx and sends again.
   */
  async take(channelInstanceId: string, candidate: unknown, received: ReceivedInput): Promise<TakeOutcome> {
    let result: IntakeResult
    try {
      result = await this.submit(channelInstanceId, candidate)
    } catch (error) {
      const reasons = untakeableReasons(error)
      if (!reasons) throw error
      return {
        type: 'exception',
        exception: await this.capture(channelInstanceId, { candidate, received, reasons }),
      }
    }
    // The channel sent it again and now it went in (a mapping or product was added meanwhile): its
    // open exception, if any, is closed with this order, so nobody replays what already arrived.
    if (result.created) {
      const externalOrderId = readableExternalId(candidate)
      if (externalOrderId !== null)
        await this.closer.close(channelInstanceId, openKeyOf(externalOrderId, null, null), result.orderId)
    }
    return { type: 'order', result }
  }

  /**
   * Stores an exception for an input already known to be untakeable (the plugin refused the body,
   * or its text cannot be stored): one open exception per channel order, updated when it comes again.
   */
  async capture(
    channelInstanceId: string,
    input: {
      candidate: unknown
      received: ReceivedInput
      reasons: ExceptionReason[]
      /** The channel's order id when there is no candidate to read it from (a poll's unmapped record). */
      externalOrderId?: string | undefined
    },
  ): Promise<CapturedException> {
    const externalOrderId = readableExternalId(
      input.externalOrderId !== undefined ? { externalId: input.externalOrderId } : input.candidate,
    )
    const parsed = storableOrder(input.candidate)
    // A poll's record has no body of its own: when its order cannot be kept as JSON either (text no
    // database stores), its JSON text is the payload, escapes and all, so it is kept and keyed by it.
    const body = input.received.body ?? (parsed === null ? jsonText(input.candidate) : null)
    const payload = body === null ? null : storablePayload(body)
    const stored = await upsertOpenException(
      this.db,
      uuidv7(this.now()),
      {
        channelInstanceId,
        externalOrderId,
        openKey: openKeyOf(externalOrderId, payload, parsed),
        source: input.received.source.slice(0, 300),
        contentType: input.received.contentType?.slice(0, 200) ?? null,
        headers: routingHeaders(input.received.headers),
        payload,
        parsed,
        reasons: input.reasons,
      },
      this.now(),
    )
    const captured = { ...stored, channelInstanceId, externalOrderId, reasons: input.reasons }
    for (const listener of this.listeners) listener(captured)
    return captured
  }

  async get(id: string, channelScope?: string | null): Promise<ExceptionRecord> {
    const found = await findException(this.db, id)
    // Another channel's exception is as absent as a missing one to a channel-scoped key.
    if (!found || (channelScope && found.channelInstanceId !== channelScope))
      throw new NotFoundError('intake exception', id, 'EXCEPTION_NOT_FOUND')
    return found
  }

  list(
    filter: ExceptionFilter & { limit?: number | undefined; cursor?: string | undefined },
  ): Promise<Page<ExceptionRecord>> {
    return listExceptions(this.db, filter)
  }

  /**
   * Runs the exception through intake again with today's catalogue and mappings: replayed with the
   * order it became, or still open with this attempt's reasons. A replayed exception answers its
   * order again (idempotent); a discarded one is a conflict.
   */
  async replay(id: string, reparse?: Reparse, channelScope?: string | null): Promise<ReplayOutcome> {
    const exception = await this.get(id, channelScope)
    if (exception.status === 'replayed')
      return { id, outcome: 'replayed', orderId: exception.orderId!, created: false }
    if (exception.status === 'discarded')
      throw new ConflictError(`intake exception '${id}' was discarded`, 'EXCEPTION_CLOSED')
    let result: IntakeResult
    try {
      const reparsed = reparse ? await reparse(exception) : undefined
      const candidate = reparsed ?? exception.parsed
      if (candidate === null || candidate === undefined)
        throw new ValidationError(
          'no order could be read from the payload',
          [{ field: '(payload)', message: 'holds no order the plugin could read' }],
          'INVALID_PAYLOAD',
        )
      result = await this.submit(exception.channelInstanceId, candidate)
    } catch (error) {
      const reasons = untakeableReasons(error)
      if (!reasons) throw error
      await setOpenReasons(this.db, id, reasons, this.now())
      return { id, outcome: 'open', reasons }
    }
    if (!(await markReplayed(this.db, id, result.orderId, this.now()))) {
      // Replayed by someone else meanwhile (the order is the same: intake dedupes on the external id).
      const again = await this.get(id)
      if (again.status === 'discarded')
        throw new ConflictError(`intake exception '${id}' was discarded`, 'EXCEPTION_CLOSED')
    }
    return { id, outcome: 'replayed', orderId: result.orderId, created: result.created }
  }

  /**
   * Replays every open exception matching the filter, oldest first, one at a time (at most 1,000).
   * One that cannot be replayed at all (a record its plugin cannot map again) is reported `skipped`
   * and the others still go.
   */
  async replayMatching(
    filter: ExceptionFilter,
    reparse?: Reparse,
  ): Promise<{ replayed: number; stillOpen: number; skipped: number; results: ReplayOutcome[] }> {
    const ids = await openExceptionIds(this.db, filter, MAX_BULK_REPLAY)
    const results: ReplayOutcome[] = []
    for (const id of ids) {
      try {
        results.push(await this.replay(id, reparse))
      } catch (error) {
        if (!(error instanceof ConflictError && error.code === 'EXCEPTION_NOT_REPLAYABLE')) throw error
        results.push({ id, outcome: 'skipped', detail: error.message })
      }
    }
    const count = (outcome: ReplayOutcome['outcome']) => results.filter((r) => r.outcome === outcome).length
    return { replayed: count('replayed'), stillOpen: count('open'), skipped: count('skipped'), results }
  }

  async discard(
    id: string,
    by: string,
    reason: string,
    channelScope?: string | null,
  ): Promise<ExceptionRecord> {
    if (reason.trim() === '')
      throw new ValidationError('a reason is required', [{ field: 'reason', message: 'must not be empty' }])
    const exception = await this.get(id, channelScope)
    if (exception.status === 'discarded') return exception
    const now = this.now()
    const instanceId = exception.channelInstanceId
    const tell = this.directory?.accepts(instanceId, 'exception.discarded') ?? false
    // The channel hears of it exactly when it is discarded: the message is written in the same transaction.
    const discarded = await this.db.transaction(async (tx) => {
      if (!(await markDiscarded(tx, id, by, reason, now))) return false
      if (tell)
        await writeOutbox(tx, [
          {
            id: uuidv7(now),
            topic: 'exception.discarded',
            instanceId,
            orderId: null,
            idempotencyKey: `exception-discarded:${id}`,
            payload: {
              exceptionId: id,
              externalOrderId: exception.externalOrderId,
              reason,
              discardedAt: new Date(now).toISOString(),
            },
            createdAt: now,
          },
        ])
      return true
    })
    if (!discarded)
      throw new ConflictError(
        `intake exception '${id}' is ${exception.status === 'replayed' ? 'replayed' : 'closed'}`,
        'EXCEPTION_CLOSED',
      )
    return this.get(id)
  }

  openCountsByReason() {
    return openCountsByReason(this.db)
  }

  openCountsByInstance() {
    return openCountsByInstance(this.db)
  }

  /** When each instance's exceptions last changed (epoch ms), for the plugins list's `updatedAt`. */
  changedByInstance() {
    return exceptionsChangedByInstance(this.db)
  }

  /**
   * The checks every order gets at the door, then intake: text any database can store, the
   * canonical order schema (the hub never trusts a plugin's output), then intake's own checks.
   */
  private async submit(channelInstanceId: string, candidate: unknown): Promise<IntakeResult> {
    const text = unacceptableText(candidate)
    if (text.length > 0)
      throw new ValidationError('the order holds text the hub cannot accept', text, 'INVALID_TEXT')
    const parsed = canonicalOrderSchema.safeParse(candidate)
    if (!parsed.success)
      throw new ValidationError(
        'the plugin produced an invalid order',
        zodIssues(parsed.error),
        'INVALID_ORDER',
      )
    return this.intake.submit(channelInstanceId, parsed.data as never)
  }
}

/** The channel's order id, when the input has a usable one. */
function readableExternalId(candidate: unknown): string | null {
  const id = (candidate as { externalId?: unknown } | null | undefined)?.externalId
  if (typeof id !== 'string' && typeof id !== 'number') return null
  const text = String(id)
  if (text === '' || text.length > 200 || unacceptableText(text).length > 0) return null
  return text
}

/** The value as JSON text (NUL and lone surrogates escaped), or null when it has none. */
function jsonText(value: unknown): string | null {
  if (value === undefined) return null
  try {
    return JSON.stringify(value) ?? null
  } catch {
    return null
  }
}

/** The canonical order as JSON a database stores, or null (text no database can hold, or not JSON at all). */
function storableOrder(candidate: unknown): unknown {
  if (candidate === null || candidate === undefined || typeof candidate !== 'object') return null
  if (unacceptableText(candidate).length > 0) return null
  try {
    const json = JSON.stringify(candidate)
    return json === undefined ? null : JSON.parse(json)
  } catch {
    return null
  }
}
