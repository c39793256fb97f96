import type { DeliveryResult, FailureClass } from '@switchyard/plugin-sdk'
import { classifyError } from '@switchyard/plugin-sdk'
import type { SqlRunner } from '../db/sql/sql-db'
import { type BackoffPolicy, defaultBackoff, nextDelayMs } from './backoff'
import type { ClaimedMessage, OutboxStore } from './outbox-store'

interface Delivered {
  message: ClaimedMessage
  write: OutcomeWrite | undefined
  startedAt: number
  ms: number
}

/** Calls the plugin for one message; throws a classified error when it fails. */
export type Deliver = (message: ClaimedMessage, signal: AbortSignal) => Promise<DeliveryResult>

/** A database change that follows a delivery's outcome, made in the transaction that records it. */
export type OutcomeWrite = (tx: SqlRunner) => Promise<void>

/** Why a message went to `dead`: its last error, and whether the partner refused it outright. */
export interface DeadLetter {
  error: string
  /** `permanent`: refused (e.g. the WMS answered 422); anything else: its attempts ran out. */
  failure: FailureClass
}

/**
 * Database changes that follow a delivery's outcome. Each is asked for before the transaction that
 * records the outcome opens, so it can read what its write needs (a re-route's locations and rules;
 * on SQLite nothing may be read outside an open transaction); the write it returns runs inside that
 * transaction, with the message's new status, all or nothing.
 */
export interface DeliveryEffects {
  onDelivered?(message: ClaimedMessage, result: DeliveryResult): Promise<OutcomeWrite | undefined>
  onDead?(message: ClaimedMessage, death: DeadLetter): Promise<OutcomeWrite | undefined>
}

export interface DispatcherObserver {
  delivered?(message: ClaimedMessage, ms: number): void
  failed?(message: ClaimedMessage, failure: FailureClass, error: string, outcome: 'retry' | 'dead'): void
  crashed?(error: unknown): void
}

export interface DispatcherOptions {
  store: OutboxStore
  deliver: Deliver
  effects?: DeliveryEffects
  observer?: DispatcherObserver
  backoff?: BackoffPolicy
  /** Messages claimed per round. */
  batchSize?: number
  /** Deliveries in flight at once. */
  concurrency?: number
  /** How long a claim is held before another worker may take the message. */
  leaseMs?: number
  /** How often to look for due messages when nobody wakes us. */
  pollMs?: number
  /**
   * True while work that somebody is waiting on (order intake at saturation) wants the CPU. Rounds
   * then shrink to `busyRound` and pause between them: deliveries are asynchronous by design and
   * catch up after the peak, while a channel waiting for its webhook answer may time out and resend.
   */
  busy?: () => boolean
  busyRound?: { batchSize: number; concurrency: number; pauseMs: number }
}

/** While intake is saturated: at most 16 messages per 50 ms, so deliveries never stop. */
const BUSY_ROUND = { batchSize: 16, concurrency: 4, pauseMs: 50 }

/**
 * The background worker that empties the outbox: at least once, in order per order and instance,
 * with exponential backoff, a maximum number of attempts and then the dead state.
 */
export class OutboxDispatcher {
  private timer: NodeJS.Timeout | undefined
  private running = false
  private stopped = true
  private wakeRequested = false
  private readonly controller = new AbortController()
  private readonly opts: Required<Omit<DispatcherOptions, 'effects' | 'observer' | 'busy'>> &
    Pick<DispatcherOptions, 'effects' | 'observer' | 'busy'>
  /** When the scheduled round runs (ms since epoch), while one is scheduled. */
  private dueAt: number | undefined

  constructor(options: DispatcherOptions) {
    this.opts = {
      backoff: defaultBackoff,
      batchSize: 64,
      concurrency: 16,
      leaseMs: 60_000,
      pollMs: 500,
      busyRound: BUSY_ROUND,
      ...options,
    }
  }

  start(): void {
    this.stopped = false
    this.schedule(0)
  }

  /**
   * Stops claiming; deliveries under way get `graceMs` to finish, then are cut. Whatever this worker
   * still holds is given back, so another hub delivers it without waiting out the lease.
   */
  async stop(graceMs = 0): Promise<void> {
    this.stopped = true
    if (this.timer) clearTimeout(this.timer)
    const deadline = Date.now() + graceMs
    while (this.running && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10))
    this.controller.abort()
    while (this.running) await new Promise((r) => setTimeout(r, 10))
    await this.opts.store.releaseClaims().catch((error: unknown) => this.opts.observer?.crashed?.(error))
  }

  /** Something was just written: look now rather than at the next poll. */
  wake(): void {
    if (this.stopped) return
    if (this.running) {
      this.wakeRequested = true
      return
    }
    // A paused dispatcher keeps its pause while intake is saturated: every commit wakes it.
    if (this.dueAt !== undefined && this.opts.busy?.()) return
    this.schedule(0)
  }

  /** Runs rounds until nothing is due. Exposed for tests and the CLI. */
  async drain(): Promise<number> {
    let total = 0
    for (;;) {
      const n = await this.round(this.opts.batchSize, this.opts.concurrency)
      total += n
      if (n === 0) return total
    }
  }

  private schedule(ms: number): void {
    if (this.stopped) return
    if (this.timer) clearTimeout(this.timer)
    this.dueAt = Date.now() + ms
    this.timer = setTimeout(() => void this.tick(), ms)
  }

  private async tick(): Promise<void> {
    this.dueAt = undefined
    if (this.running || this.stopped) return
    this.running = true
    const busy = this.opts.busy?.() ?? false
    const size = busy ? this.opts.busyRound : this.opts
    let delivered = 0
    try {
      delivered = await this.round(size.batchSize, size.concurrency)
    } catch (error) {
      this.opts.observer?.crashed?.(error)
    } finally {
      this.running = false
    }
    const again = delivered >= size.batchSize || this.wakeRequested
    this.wakeRequested = false
    this.schedule(!again ? this.opts.pollMs : busy ? this.opts.busyRound.pauseMs : 0)
  }

  private lastReclaim = 0

  private async round(batchSize: number, concurrency: number): Promise<number> {
    if (Date.now() - this.lastReclaim > Math.min(this.opts.leaseMs / 2, 5_000)) {
      this.lastReclaim = Date.now()
      await this.opts.store.reclaimExpired()
    }
    const messages = await this.opts.store.claim(batchSize, this.opts.leaseMs)
    if (messages.length === 0) return 0
    let next = 0
    const done: Delivered[] = []
    const worker = async () => {
      while (next < messages.length && !this.controller.signal.aborted) {
        const message = messages[next++]!
        const ok = await this.deliverOne(message)
        if (ok) done.push(ok)
      }
    }
    await Promise.all(Array.from({ length: Math.min(concurrency, messages.length) }, worker))
    const { observer } = this.opts
    await this.opts.store.delivered(
      done.map(({ message, write, startedAt }) => ({
        message,
        startedAt,
        ...(write ? { effects: write } : {}),
      })),
    )
    for (const d of done) observer?.delivered?.(d.message, d.ms)
    return messages.length
  }

  /** Calls the plugin; a success is returned to be recorded with the round, a failure is recorded now. */
  private async deliverOne(message: ClaimedMessage): Promise<Delivered | undefined> {
    const { store, effects, observer } = this.opts
    const startedAt = Date.now()
    let result: DeliveryResult
    try {
      result = await this.opts.deliver(message, this.controller.signal)
    } catch (raw) {
      if (this.controller.signal.aborted) return undefined // shutting down; the lease expires and someone retries
      const error = classifyError(raw)
      const text = `${error.code}: ${error.message}`
      const exhausted = message.attempt >= message.maxAttempts
      const retryAt =
        error.failure === 'permanent' || exhausted
          ? null
          : Date.now() + nextDelayMs(message.attempt, this.opts.backoff, error.retryAfterMs)
      try {
        const write =
          retryAt === null
            ? await effects?.onDead?.(message, { error: text, failure: error.failure })
            : undefined
        const outcome = await store.failed(message, startedAt, text, retryAt, write)
        observer?.failed?.(message, error.failure, text, outcome)
      } catch (crash) {
        // Nothing was recorded: the message stays claimed until its lease runs out and is tried again.
        observer?.crashed?.(crash)
      }
      return undefined
    }
    const ms = Date.now() - startedAt
    try {
      return { message, write: await effects?.onDelivered?.(message, result), startedAt, ms }
    } catch (crash) {
      observer?.crashed?.(crash)
      return undefined
    }
  }
}
