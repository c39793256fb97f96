import type { DeliveryResult, FailureClass } from '@switchyard/plugin-sdk'
import { classifyError } from '@switchyard/plugin-sdk'
import { type BackoffPolicy, defaultBackoff, nextDelayMs } from './backoff'
import type { ClaimedMessage, OutboxStore, RoundOutcome } from './outbox-store'
import type { EffectWrite } from './outcome-writes'
import { defaultPacing, type IntakeLoad, type PacingOptions, pauseAfterRound } from './pacing'

export type { EffectWrite, GroupedWrite, OutcomeWrite } from './outcome-writes'

/** A delivery's outcome, with what the observer is told once the round is recorded. */
interface Outcome extends RoundOutcome {
  failure?: FailureClass
}

/** Calls the plugin for one message; throws a classified error when it fails. */
export type Deliver = (message: ClaimedMessage, signal: AbortSignal) => Promise<DeliveryResult>

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
 * transaction, with the message's new status, all or nothing. A common outcome should return a
 * `grouped` write, so a round's worth of them is one statement.
 */
export interface DeliveryEffects {
  onDelivered?(message: ClaimedMessage, result: DeliveryResult): Promise<EffectWrite | undefined>
  onDead?(message: ClaimedMessage, death: DeadLetter): Promise<EffectWrite | undefined>
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
   * How hard work that somebody is waiting on (order intake) is working. While it is saturated,
   * rounds are paced to a share of the time (`pacing.ts`): a channel waiting for its webhook answer
   * may time out and resend, while deliveries are asynchronous by design and catch up after the
   * peak. Without it deliveries never pause.
   */
  intakeLoad?: () => IntakeLoad
  /** Defaults from `defaultPacing`. */
  pacing?: Partial<PacingOptions>
}

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
  private readonly opts: Required<Omit<DispatcherOptions, 'effects' | 'observer' | 'intakeLoad' | 'pacing'>> &
    Pick<DispatcherOptions, 'effects' | 'observer' | 'intakeLoad'> & { pacing: PacingOptions }
  /** Whether the scheduled round waits out a pacing pause (a commit's wake-up does not cut it short). */
  private pausing = false

  constructor(options: DispatcherOptions) {
    this.opts = {
      backoff: defaultBackoff,
      batchSize: 64,
      concurrency: 16,
      leaseMs: 60_000,
      pollMs: 500,
      ...options,
      pacing: { ...defaultPacing, ...options.pacing },
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
    if (this.pausing) return
    this.schedule(0)
  }

  /** Runs rounds until nothing is due. Exposed for tests and the CLI. */
  async drain(): Promise<number> {
    let total = 0
    for (;;) {
      const { claimed } = await this.round()
      total += claimed
      if (claimed === 0) return total
    }
  }

  private schedule(ms: number, pausing = false): void {
    if (this.stopped) return
    if (this.timer) clearTimeout(this.timer)
    this.pausing = pausing
    this.timer = setTimeout(() => void this.tick(), ms)
  }

  private async tick(): Promise<void> {
    this.pausing = false
    if (this.running || this.stopped) return
    this.running = true
    const started = performance.now()
    let round = { claimed: 0, lagMs: 0 }
    try {
      round = await this.round()
    } catch (error) {
      this.opts.observer?.crashed?.(error)
    } finally {
      this.running = false
    }
    const again = round.claimed >= this.opts.batchSize || this.wakeRequested
    this.wakeRequested = false
    if (!again) return this.schedule(this.opts.pollMs)
    const load = this.opts.intakeLoad?.()
    const pause = load
      ? pauseAfterRound({ roundMs: performance.now() - started, lagMs: round.lagMs }, load, this.opts.pacing)
      : 0
    this.schedule(pause, pause > 0)
  }

  private lastReclaim = 0

  /** Claims, delivers and records one round: a fixed number of statements, however many messages. */
  private async round(): Promise<{ claimed: number; lagMs: number }> {
    const { store, observer, batchSize, concurrency } = this.opts
    if (Date.now() - this.lastReclaim > Math.min(this.opts.leaseMs / 2, 5_000)) {
      this.lastReclaim = Date.now()
      await store.reclaimExpired()
    }
    const { messages, lagMs } = await store.claim(batchSize, this.opts.leaseMs)
    if (messages.length === 0) return { claimed: 0, lagMs }
    let next = 0
    const outcomes: Outcome[] = []
    const worker = async () => {
      while (next < messages.length && !this.controller.signal.aborted) {
        const outcome = await this.deliverOne(messages[next++]!)
        if (outcome) outcomes.push(outcome)
      }
    }
    await Promise.all(Array.from({ length: Math.min(concurrency, messages.length) }, worker))
    // Nothing recorded for a message leaves it claimed: its lease runs out and it is tried again.
    const { unrecorded } = await store.record(outcomes)
    const lost = new Set(unrecorded.map((u) => u.outcome))
    for (const u of unrecorded) observer?.crashed?.(u.error)
    for (const o of outcomes) {
      if (lost.has(o)) continue
      if (o.status === 'delivered') observer?.delivered?.(o.message, (o.endedAt ?? 0) - o.startedAt)
      else observer?.failed?.(o.message, o.failure ?? 'transient', o.error ?? '', o.status)
    }
    return { claimed: messages.length, lagMs }
  }

  /** Calls the plugin and works out the outcome to record with the round (undefined: none). */
  private async deliverOne(message: ClaimedMessage): Promise<Outcome | undefined> {
    const { effects, observer } = this.opts
    const startedAt = Date.now()
    let result: DeliveryResult
    try {
      result = await this.opts.deliver(message, this.controller.signal)
    } catch (raw) {
      if (this.controller.signal.aborted) return undefined // shutting down; the claim is given back
      const endedAt = Date.now()
      const error = classifyError(raw)
      const text = `${error.code}: ${error.message}`
      const exhausted = message.attempt >= message.maxAttempts
      if (error.failure !== 'permanent' && !exhausted) {
        const retryAt = endedAt + nextDelayMs(message.attempt, this.opts.backoff, error.retryAfterMs)
        return { message, status: 'retry', startedAt, endedAt, error: text, retryAt, failure: error.failure }
      }
      try {
        const write = await effects?.onDead?.(message, { error: text, failure: error.failure })
        return {
          message,
          status: 'dead',
          startedAt,
          endedAt,
          error: text,
          failure: error.failure,
          ...(write ? { effects: write } : {}),
        }
      } catch (crash) {
        observer?.crashed?.(crash)
        return undefined
      }
    }
    const endedAt = Date.now()
    try {
      const write = await effects?.onDelivered?.(message, result)
      return { message, status: 'delivered', startedAt, endedAt, ...(write ? { effects: write } : {}) }
    } catch (crash) {
      observer?.crashed?.(crash)
      return undefined
    }
  }
}
