import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PermanentError } from '@switchyard/plugin-sdk'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type Core, openCore } from '../core'
import { resolveDatabaseSettings } from '../db/database-settings'
import { uuidv7 } from '../ids'
import { type DeadLetter, OutboxDispatcher } from './dispatcher'
import type { ClaimedMessage } from './outbox-store'
import { writeOutbox } from './outbox-writer'
import type { IntakeLoad } from './pacing'

/** Which of the test's messages this is (its idempotency key is `k-<n>`). */
const n = (m: ClaimedMessage) => Number(m.idempotencyKey.slice(2))

/** The dispatcher against a real, migrated SQLite database: pacing while intake is saturated. */
describe('OutboxDispatcher', () => {
  let dir: string
  let core: Core

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'switchyard-dispatcher-'))
    core = await openCore({
      settings: resolveDatabaseSettings({ SWITCHYARD_DATA_DIR: dir }),
      directory: { accepts: () => true },
      workerId: 'test-worker',
    })
    const now = Date.now()
    await core.db.transaction((tx) =>
      writeOutbox(
        tx,
        Array.from({ length: 200 }, (_, i) => ({
          id: uuidv7(),
          topic: 'inventory.push' as const,
          instanceId: 'web',
          orderId: null,
          idempotencyKey: `k-${i}`,
          payload: [],
          createdAt: now,
        })),
      ),
    )
  })

  afterEach(async () => {
    await core.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const run = async (intake: IntakeLoad, ms: number) => {
    const delivered: number[] = []
    let inFlight = 0
    let mostInFlight = 0
    const dispatcher = new OutboxDispatcher({
      store: core.outbox,
      batchSize: 8,
      concurrency: 2,
      intakeLoad: () => intake,
      // A tenth of the time, and pauses of at most 100 ms: at most one round per ~100 ms.
      pacing: { minShare: 0.1, maxShare: 0.1, maxPauseMs: 100 },
      deliver: async (m) => {
        inFlight++
        mostInFlight = Math.max(mostInFlight, inFlight)
        await new Promise((r) => setTimeout(r, 1))
        inFlight--
        delivered.push(n(m))
        return { status: 'accepted' as const }
      },
    })
    dispatcher.start()
    // Wakes as intake commits would: a saturated intake must not turn them into extra rounds.
    const waker = setInterval(() => dispatcher.wake(), 5)
    await new Promise((r) => setTimeout(r, ms))
    clearInterval(waker)
    await dispatcher.stop()
    return { delivered: delivered.length, mostInFlight }
  }

  it('delivers everything due back to back while intake has room to spare', async () => {
    // Busy, with a few callers queueing, but not saturated: deliveries keep up.
    const { delivered } = await run({ utilisation: 0.4, queued: 20 }, 1_500)
    expect(delivered).toBe(200)
  })

  it('gives way to a saturated intake by its share of the time, but never stops', async () => {
    const { delivered, mostInFlight } = await run({ utilisation: 1, queued: 50 }, 600)
    // 8 per round, a pause of nine times the round (at most 100 ms) after each: a handful of rounds.
    expect(delivered).toBeGreaterThanOrEqual(8)
    expect(delivered).toBeLessThan(200)
    expect(mostInFlight).toBeLessThanOrEqual(2)
  })

  it("writes a dead message's effects in the transaction that marks it dead, or neither", async () => {
    const deaths: DeadLetter[] = []
    const crashes: unknown[] = []
    const dispatcher = new OutboxDispatcher({
      store: core.outbox,
      deliver: async () => {
        throw new PermanentError('HTTP 422: the warehouse refused it')
      },
      observer: { crashed: (e) => crashes.push(e) },
      effects: {
        async onDead(message, death) {
          deaths.push(death)
          const k = n(message)
          return async (tx) => {
            await tx.run('update outbox_message set last_error = ? where id = ?', [
              'effect written',
              message.id,
            ])
            if (k === 0) throw new Error('the effect failed')
          }
        },
      },
    })
    await dispatcher.drain()
    const rows = await core.db.all<{ status: string; last_error: string | null; n: number }>(
      'select status, last_error, count(*) as n from outbox_message group by status, last_error order by status',
    )
    // The one whose effect failed is neither dead nor changed: its lease runs out and it is tried again.
    expect(rows.map((r) => ({ ...r, n: Number(r.n) }))).toEqual([
      { status: 'dead', last_error: 'effect written', n: 199 },
      { status: 'in_flight', last_error: null, n: 1 },
    ])
    expect(crashes).toHaveLength(1)
    expect(new Set(deaths.map((d) => d.failure))).toEqual(new Set(['permanent']))
    expect(deaths[0]!.error).toMatch(/422/)
  })

  describe('stopping', () => {
    const statuses = async () =>
      Object.fromEntries(
        (
          await core.db.all<{ status: string; n: number; attempts: number }>(
            'select status, count(*) as n, sum(attempts) as attempts from outbox_message group by status',
          )
        ).map((r) => [r.status, { n: Number(r.n), attempts: Number(r.attempts) }]),
      )

    it('gives back what it holds when a delivery hangs past the grace: pending at once, the cut attempt not counted', async () => {
      let started = 0
      const dispatcher = new OutboxDispatcher({
        store: core.outbox,
        batchSize: 10,
        concurrency: 4,
        deliver: (_m, signal) => {
          started++
          // A partner that never answers: only the shutdown ends the call.
          return new Promise((_, reject) =>
            signal.addEventListener('abort', () => reject(new Error('aborted'))),
          )
        },
      })
      dispatcher.start()
      while (started < 4) await new Promise((r) => setTimeout(r, 5))
      await dispatcher.stop(50)
      expect(await statuses()).toEqual({ pending: { n: 200, attempts: 0 } })
    })

    it('lets deliveries under way finish within the grace', async () => {
      let started = 0
      const dispatcher = new OutboxDispatcher({
        store: core.outbox,
        batchSize: 10,
        concurrency: 10,
        deliver: async () => {
          started++
          await new Promise((r) => setTimeout(r, 100))
          return { status: 'accepted' as const }
        },
      })
      dispatcher.start()
      while (started < 10) await new Promise((r) => setTimeout(r, 5))
      await dispatcher.stop(5_000)
      const after = await statuses()
      // The round it was in finished and was recorded; nothing is left claimed.
      expect(after.delivered?.n).toBe(10)
      expect(after.in_flight).toBeUndefined()
      expect(after.pending?.n).toBe(190)
    })
  })
})
