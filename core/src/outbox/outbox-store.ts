import type { RowOf } from '../db/row-of'
import type { SqlDb, SqlRunner } from '../db/sql/sql-db'
import { isRetryableDbError, readJson } from '../db/sql/sql-db'
import { uuidv7 } from '../ids'
import type { OutboxMessageSchema } from './outbox-message.entity'
import { DEFAULT_MAX_ATTEMPTS } from './outbox-writer'
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
  'id' | 'topic' | 'instance_id' | 'order_id' | 'idempotency_key' | 'payload' | 'attempts' | 'max_attempts'
>

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

  async claim(limit: number, leaseMs: number, now = Date.now()): Promise<ClaimedMessage[]> {
    const pg = this.db.dialect === 'postgresql'
    // Walks pending messages in id order on the (status, id) index and stops at `limit`: the cost of
    // a claim does not grow with the backlog.
    const rows = await this.db.transaction((tx) =>
      tx.all<ClaimRow>(
        `update outbox_message set status = 'in_flight', locked_by = ?, locked_until = ?, attempts = attempts + 1
          where id in (
            select m.id from outbox_message m
             where m.status = 'pending' and m.next_attempt_at <= ?
               and not exists (
                 select 1 from outbox_message p
                  where p.order_id = m.order_id and p.instance_id = m.instance_id
                    and p.status in ('pending', 'in_flight') and p.id < m.id)
             order by m.id
             limit ?${pg ? ' for update of m skip locked' : ''})
          returning id, topic, instance_id, order_id, idempotency_key, payload, attempts, max_attempts`,
        [this.workerId, now + leaseMs, now, limit],
      ),
    )
    return rows
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
  }

  /**
   * Marks messages delivered, with each one's `effects` (e.g. store the WMS reference), in one
   * transaction: a round's worth of deliveries costs one commit, not one each.
   */
  async delivered(
    items: readonly {
      message: ClaimedMessage
      startedAt: number
      effects?: (tx: SqlRunner) => Promise<void>
    }[],
    now = Date.now(),
  ): Promise<void> {
    if (items.length === 0) return
    await this.db.transaction(async (tx) => {
      for (const { message, startedAt, effects } of items) {
        const changed = await tx.run(
          `update outbox_message set status = 'delivered', delivered_at = ?, locked_by = null, locked_until = null, last_error = null
            where id = ? and locked_by = ? and status = 'in_flight'`,
          [now, message.id, this.workerId],
        )
        // A first-try success is fully told by the message row; history matters once something failed.
        if (message.attempt > 1) await this.recordAttempt(tx, message, startedAt, now, 'delivered', null)
        // Lost the lease meanwhile: another worker owns the message now and will complete it.
        if (changed === 1 && effects) await effects(tx)
      }
    })
  }

  async failed(
    message: ClaimedMessage,
    startedAt: number,
    error: string,
    retryAt: number | null,
    effects?: (tx: SqlRunner) => Promise<void>,
    now = Date.now(),
  ): Promise<'retry' | 'dead'> {
    const outcome = retryAt === null ? 'dead' : 'retry'
    // The effects of a dead message may re-route an order: a deadlock or serialization failure
    // there rolls everything back, and the whole transaction is simply run again.
    await retryOnDbConflict(() =>
      this.db.transaction(async (tx) => {
        const changed = await tx.run(
          `update outbox_message set status = ?, next_attempt_at = ?, locked_by = null, locked_until = null, last_error = ?
          where id = ? and locked_by = ? and status = 'in_flight'`,
          [
            outcome === 'dead' ? 'dead' : 'pending',
            retryAt ?? now,
            error.slice(0, 2000),
            message.id,
            this.workerId,
          ],
        )
        await this.recordAttempt(tx, message, startedAt, now, outcome, error)
        if (changed === 1 && effects && outcome === 'dead') await effects(tx)
      }),
    )
    return outcome
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

  private async recordAttempt(
    tx: SqlRunner,
    message: ClaimedMessage,
    startedAt: number,
    now: number,
    outcome: string,
    error: string | null,
  ): Promise<void> {
    await tx.run(
      `insert into outbox_attempt (id, message_id, attempt, worker, started_at, duration_ms, outcome, error)
        values (?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        uuidv7(now),
        message.id,
        message.attempt,
        this.workerId,
        startedAt,
        Math.max(0, now - startedAt),
        outcome,
        error,
      ],
    )
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
