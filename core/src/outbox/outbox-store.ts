import type { RowOf } from '../db/row-of'
import type { SqlDb, SqlRunner } from '../db/sql/sql-db'
import { isConnectionError, isRetryableDbError, readJson } from '../db/sql/sql-db'
import { uuidv7 } from '../ids'
import type { OutboxMessageSchema } from './outbox-message.entity'
import { DEFAULT_MAX_ATTEMPTS } from './outbox-writer'
import { type EffectWrite, runEffects } from './outcome-writes'
import { type AttemptRow, claimSql, insertAttempts, type MarkRow, markRound } from './round-statements'
import type { OutboxTopic, WithPayload } from './topics'

export type ClaimedMessage = WithPayload<{
  id: string
  instanceId: string
  orderId: string | null
  idempotencyKey: string
  /** Including this one. */
  attempt: number
  maxAttempts: number
}>

type ClaimRow = Pick<
  RowOf<typeof OutboxMessageSchema>,
  | 'id'
  | 'topic'
  | 'instance_id'
  | 'order_id'
  | 'idempotency_key'
  | 'payload'
  | 'attempts'
  | 'max_attempts'
  | 'next_attempt_at'
>

/** What one claim took, and how long the oldest of it had been due: how far deliveries lag. */
export interface Claim {
  messages: ClaimedMessage[]
  /** 0 when nothing was due. */
  lagMs: number
}

/** How one delivery went, as the round records it. */
export interface RoundOutcome {
  message: ClaimedMessage
  status: 'delivered' | 'retry' | 'dead'
  startedAt: number
  /** When the delivery ended; the recording time if absent. */
  endedAt?: number
  /** Why it failed (retry and dead). */
  error?: string
  /** When a retry is due. */
  retryAt?: number
  /** Made with the outcome where this worker still held the message (not for a retry). */
  effects?: EffectWrite
}

export interface RoundRecord {
  /** Outcomes that could not be recorded: their messages stay claimed until the lease runs out. */
  unrecorded: { outcome: RoundOutcome; error: unknown }[]
}

/** A dead message as the operator retry sees it. */
export type DeadMessage = WithPayload<{ id: string }>

/**
 * The dead messages whose purpose is settled elsewhere, so a retry would send stale work: a
 * fulfilment request the warehouse refused for good, whose order has since moved on (its
 * fulfilment rejected and the lines routed elsewhere). Their owner (the order side) decides.
 */
export type SettledCheck = (tx: SqlRunner, messages: readonly DeadMessage[]) => Promise<Set<string>>

/**
 * Claiming, completing and failing outbox messages. A claim is a lease: a worker that dies mid-delivery
 * loses it after `leaseMs` and another worker takes the message again (at least once). On PostgreSQL
 * `FOR UPDATE SKIP LOCKED` lets several hub processes claim side by side without taking the same row.
 * A message waits while an earlier message for the same order and instance is undelivered, so each
 * channel hears about its order in order.
 */
export class OutboxStore {
  constructor(
    private readonly db: SqlDb,
    readonly workerId: string,
    private readonly settled: SettledCheck = async () => new Set(),
  ) {}

  async claim(limit: number, leaseMs: number, now = Date.now()): Promise<Claim> {
    const pg = this.db.dialect === 'postgresql'
    // One statement is atomic on its own: on PostgreSQL it runs without BEGIN and COMMIT (two round
    // trips fewer); SQLite takes its write lock up front.
    const claim = (runner: SqlRunner) =>
      runner.all<ClaimRow>(claimSql(this.db.dialect), [this.workerId, now + leaseMs, now, limit])
    const rows = pg ? await claim(this.db) : await this.db.transaction(claim)
    const oldestDue = Math.min(...rows.map((r) => Number(r.next_attempt_at)))
    const messages = rows
      .map(
        (r) =>
          // The row was written from a NewOutboxMessage of this topic (writeOutbox).
          ({
            id: r.id,
            topic: r.topic,
            instanceId: r.instance_id,
            orderId: r.order_id,
            idempotencyKey: r.idempotency_key,
            payload: readJson(r.payload),
            attempt: r.attempts,
            maxAttempts: r.max_attempts,
          }) as ClaimedMessage,
      )
      .sort((a, b) => (a.id < b.id ? -1 : 1))
    return { messages, lagMs: rows.length > 0 ? Math.max(0, now - oldestDue) : 0 }
  }

  /**
   * Records a whole round's outcomes in one transaction with a fixed number of statements (one
   * status update, one insert of attempt history, the effects grouped by kind): the cost of a round
   * does not grow with the messages in it. An outcome only counts, effects and all, where this
   * worker still held the message: one whose lease ran out meanwhile belongs to another worker now,
   * which will complete it. If recording the round fails (an effect refused its write), each outcome
   * is recorded on its own, so one bad write leaves only its own message claimed until its lease
   * runs out; the messages whose outcome could not be recorded are returned.
   */
  async record(outcomes: readonly RoundOutcome[], now = Date.now()): Promise<RoundRecord> {
    if (outcomes.length === 0) return { unrecorded: [] }
    try {
      await this.recordTogether(outcomes, now)
      return { unrecorded: [] }
    } catch (error) {
      // Without a database nothing can be recorded one by one either.
      if (outcomes.length === 1 || isConnectionError(error))
        return { unrecorded: outcomes.map((outcome) => ({ outcome, error })) }
    }
    const unrecorded: RoundRecord['unrecorded'] = []
    for (const outcome of outcomes) {
      try {
        await this.recordTogether([outcome], now)
      } catch (error) {
        unrecorded.push({ outcome, error })
      }
    }
    return { unrecorded }
  }

  private recordTogether(outcomes: readonly RoundOutcome[], now: number): Promise<void> {
    const marks: MarkRow[] = outcomes.map((o) => ({
      id: o.message.id,
      status: o.status === 'retry' ? 'pending' : o.status,
      nextAttemptAt: o.status === 'delivered' ? null : (o.retryAt ?? now),
      error: o.status === 'delivered' ? null : (o.error ?? '').slice(0, 2000),
    }))
    // A first-try success is fully told by the message row; history matters once something failed.
    const attempts: AttemptRow[] = outcomes
      .filter((o) => o.status !== 'delivered' || o.message.attempt > 1)
      .map((o) => ({
        id: uuidv7(now),
        messageId: o.message.id,
        attempt: o.message.attempt,
        startedAt: o.startedAt,
        durationMs: Math.max(0, (o.endedAt ?? now) - o.startedAt),
        outcome: o.status,
        error: o.status === 'delivered' ? null : (o.error ?? null),
      }))
    // The effects of a dead message may re-route an order: a deadlock or serialization failure
    // there rolls everything back, and the whole transaction is simply run again.
    return retryOnDbConflict(() =>
      this.db.transaction(async (tx) => {
        const held = await markRound(tx, this.workerId, marks, now)
        await insertAttempts(tx, this.workerId, attempts)
        const effects = outcomes
          .filter((o) => o.effects && o.status !== 'retry' && held.has(o.message.id))
          .map((o) => o.effects!)
        await runEffects(tx, effects)
      }),
    )
  }

  /**
   * A worker shutting down gives back what it claimed and did not finish: the messages are pending
   * again at once (not after the lease), and the unfinished attempt does not count against them.
   */
  async releaseClaims(): Promise<number> {
    return this.db.run(
      `update outbox_message set status = 'pending', locked_by = null, locked_until = null, attempts = attempts - 1
        where status = 'in_flight' and locked_by = ?`,
      [this.workerId],
    )
  }

  /**
   * Gives back messages whose worker's lease ran out (it crashed or hung): they become pending and
   * are delivered again. Run periodically, not on every claim.
   */
  async reclaimExpired(now = Date.now()): Promise<number> {
    return this.db.run(
      `update outbox_message set status = 'pending', locked_by = null, locked_until = null
        where status = 'in_flight' and locked_until < ?`,
      [now],
    )
  }

  /**
   * Operator action: give dead messages (all, or the given ones) a fresh set of attempts. Attempt
   * numbers keep counting, so the history reads on from where the message died. Messages whose
   * purpose is settled (see `SettledCheck`) stay dead and are counted as `settled`.
   */
  async retryDead(ids?: readonly string[], now = Date.now()): Promise<{ requeued: number; settled: number }> {
    if (ids && ids.length === 0) return { requeued: 0, settled: 0 }
    const filter = ids ? ` and id in (${ids.map(() => '?').join(',')})` : ''
    return this.db.transaction(async (tx) => {
      const dead = await tx.all<{ id: string; topic: OutboxTopic; payload: unknown }>(
        `select id, topic, payload from outbox_message where status = 'dead'${filter}`,
        [...(ids ?? [])],
      )
      const messages = dead.map(
        (r) => ({ id: r.id, topic: r.topic, payload: readJson(r.payload) }) as DeadMessage,
      )
      const settled = await this.settled(tx, messages)
      const wanted = messages.filter((m) => !settled.has(m.id)).map((m) => m.id)
      let requeued = 0
      for (let i = 0; i < wanted.length; i += 500) {
        const chunk = wanted.slice(i, i + 500)
        requeued += await tx.run(
          `update outbox_message set status = 'pending', max_attempts = attempts + ?, next_attempt_at = ?
            where status = 'dead' and id in (${chunk.map(() => '?').join(',')})`,
          [DEFAULT_MAX_ATTEMPTS, now, ...chunk],
        )
      }
      return { requeued, settled: settled.size }
    })
  }

  async backlog(): Promise<{ pending: number; inFlight: number; dead: number }> {
    const rows = await this.db.all<{ status: string; n: number }>(
      `select status, count(*) as n from outbox_message where status in ('pending', 'in_flight', 'dead') group by status`,
    )
    const get = (s: string) => Number(rows.find((r) => r.status === s)?.n ?? 0)
    return { pending: get('pending'), inFlight: get('in_flight'), dead: get('dead') }
  }
}

async function retryOnDbConflict<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn()
    } catch (error) {
      if (!isRetryableDbError(error) || attempt >= 5) throw error
      await new Promise((r) => setTimeout(r, Math.random() * 5 * attempt))
    }
  }
}
