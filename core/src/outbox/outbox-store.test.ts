import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../core'
import type { SqlDb, SqlRunner } from '../db/sql/sql-db'
import { uuidv7 } from '../ids'
import { openTestCore } from '../testing/test-core'
import { type ClaimedMessage, OutboxStore, type RoundOutcome } from './outbox-store'
import { writeOutbox } from './outbox-writer'
import { grouped } from './outcome-writes'

/** The database with every statement counted (transactions' statements included). */
function counted(db: SqlDb): { db: SqlDb; statements: () => number } {
  let n = 0
  const wrap = <R extends SqlRunner>(r: R): R => ({
    ...r,
    all: ((sql, params) => {
      n++
      return r.all(sql, params)
    }) as R['all'],
    one: ((sql, params) => {
      n++
      return r.one(sql, params)
    }) as R['one'],
    run: ((sql, params) => {
      n++
      return r.run(sql, params)
    }) as R['run'],
  })
  return {
    db: { ...wrap(db), transaction: (fn) => db.transaction((tx) => fn(wrap(tx))) },
    statements: () => n,
  }
}

type Row = {
  idempotency_key: string
  status: string
  attempts: number
  next_attempt_at: number
  last_error: string | null
  delivered_at: number | null
  locked_by: string | null
}

describe.each(['sqlite', 'postgresql'] as const)('OutboxStore rounds on %s', (dialect) => {
  let core: Core
  let close: () => Promise<void>
  beforeAll(async () => {
    ;({ core, close } = await openTestCore(dialect, 'outbox-store'))
  })
  afterAll(() => close())
  beforeEach(async () => {
    await core.db.run('delete from outbox_attempt')
    await core.db.run('delete from outbox_message')
  })

  const write = async (count: number) => {
    const now = Date.now()
    await core.db.transaction((tx) =>
      writeOutbox(
        tx,
        Array.from({ length: count }, (_, i) => ({
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
  }
  const rows = async () =>
    Object.fromEntries(
      (
        await core.db.all<Row>(
          'select idempotency_key, status, attempts, next_attempt_at, last_error, delivered_at, locked_by from outbox_message',
        )
      ).map((r) => [
        r.idempotency_key,
        {
          ...r,
          attempts: Number(r.attempts),
          next_attempt_at: Number(r.next_attempt_at),
          delivered_at: r.delivered_at === null ? null : Number(r.delivered_at),
        },
      ]),
    )
  const history = async () =>
    (
      await core.db.all<{
        key: string
        attempt: number
        outcome: string
        error: string | null
        worker: string
      }>(
        `select m.idempotency_key as key, a.attempt, a.outcome, a.error, a.worker
           from outbox_attempt a join outbox_message m on m.id = a.message_id order by m.idempotency_key, a.attempt`,
      )
    ).map((r) => ({ ...r, attempt: Number(r.attempt) }))
  const byKey = (messages: ClaimedMessage[]) =>
    Object.fromEntries(messages.map((m) => [m.idempotencyKey, m])) as Record<string, ClaimedMessage>

  it('records a round where some deliveries succeed and some fail, each as it went', async () => {
    await write(6)
    const store = new OutboxStore(core.db, 'test-worker')
    const first = await store.claim(10, 60_000)
    expect(first.messages).toHaveLength(6)
    expect(first.lagMs).toBeGreaterThanOrEqual(0)
    const m = byKey(first.messages)
    // k-4's lease ran out and another worker took it: its delivery here no longer counts.
    await core.db.run(`update outbox_message set locked_by = 'other-worker' where id = ?`, [m['k-4']!.id])
    const effects: string[] = []
    const acceptances: string[][] = []
    const accept = async (_tx: SqlRunner, keys: readonly string[]) => {
      acceptances.push([...keys])
    }
    const now = Date.now()
    const outcomes: RoundOutcome[] = [
      { message: m['k-0']!, status: 'delivered', startedAt: now - 5, effects: grouped(accept, 'k-0') },
      { message: m['k-1']!, status: 'delivered', startedAt: now - 5, effects: grouped(accept, 'k-1') },
      { message: m['k-2']!, status: 'retry', startedAt: now - 5, error: 'HTTP 503', retryAt: now + 30_000 },
      {
        message: m['k-3']!,
        status: 'dead',
        startedAt: now - 5,
        error: 'HTTP 422: refused',
        effects: async (tx) => {
          effects.push('dead k-3')
          await tx.run(`update outbox_message set last_error = 'dead effect' where id = ?`, [m['k-3']!.id])
        },
      },
      { message: m['k-4']!, status: 'delivered', startedAt: now - 5, effects: grouped(accept, 'k-4') },
      {
        message: m['k-5']!,
        status: 'delivered',
        startedAt: now - 5,
        effects: async () => {
          effects.push('delivered k-5')
        },
      },
    ]
    expect(await store.record(outcomes, now)).toEqual({ unrecorded: [] })

    const after = await rows()
    expect(after['k-0']).toMatchObject({
      status: 'delivered',
      delivered_at: now,
      locked_by: null,
      attempts: 1,
    })
    expect(after['k-1']).toMatchObject({ status: 'delivered', delivered_at: now })
    expect(after['k-2']).toMatchObject({
      status: 'pending',
      next_attempt_at: now + 30_000,
      last_error: 'HTTP 503',
      delivered_at: null,
      locked_by: null,
    })
    expect(after['k-3']).toMatchObject({ status: 'dead', last_error: 'dead effect', locked_by: null })
    expect(after['k-4']).toMatchObject({ status: 'in_flight', locked_by: 'other-worker', delivered_at: null })
    expect(after['k-5']).toMatchObject({ status: 'delivered' })
    // One grouped call for the round's acceptances, and none for the message this worker lost.
    expect(acceptances).toEqual([['k-0', 'k-1']])
    expect(effects.sort()).toEqual(['dead k-3', 'delivered k-5'])
    // First-try successes leave no history; the failures do.
    expect(await history()).toEqual([
      { key: 'k-2', attempt: 1, outcome: 'retry', error: 'HTTP 503', worker: 'test-worker' },
      { key: 'k-3', attempt: 1, outcome: 'dead', error: 'HTTP 422: refused', worker: 'test-worker' },
    ])

    // The retried message delivered on its second attempt: history shows both attempts.
    await core.db.run(`update outbox_message set next_attempt_at = 0 where status = 'pending'`)
    const second = await store.claim(10, 60_000)
    expect(second.messages.map((x) => [x.idempotencyKey, x.attempt])).toEqual([['k-2', 2]])
    await store.record([{ message: second.messages[0]!, status: 'delivered', startedAt: Date.now() }])
    expect((await rows())['k-2']).toMatchObject({ status: 'delivered', last_error: null })
    expect((await history()).filter((h) => h.key === 'k-2').map((h) => h.outcome)).toEqual([
      'retry',
      'delivered',
    ])
  })

  it('records a round in the same few statements whether it holds 3 messages or 60', async () => {
    const statementsFor = async (count: number) => {
      await core.db.run('delete from outbox_attempt')
      await core.db.run('delete from outbox_message')
      await write(count)
      const { db, statements } = counted(core.db)
      const store = new OutboxStore(db, 'test-worker')
      const { messages } = await store.claim(100, 60_000)
      const accept = async () => {}
      const outcomes: RoundOutcome[] = messages.map((message, i) =>
        i % 3 === 0
          ? { message, status: 'delivered', startedAt: Date.now(), effects: grouped(accept, i) }
          : i % 3 === 1
            ? {
                message,
                status: 'retry',
                startedAt: Date.now(),
                error: 'HTTP 503',
                retryAt: Date.now() + 1_000,
              }
            : { message, status: 'dead', startedAt: Date.now(), error: 'HTTP 422' },
      )
      await store.record(outcomes)
      const states = await core.db.all<{ status: string; n: number }>(
        'select status, count(*) as n from outbox_message group by status order by status',
      )
      expect(states.map((s) => [s.status, Number(s.n)])).toEqual([
        ['dead', count / 3],
        ['delivered', count / 3],
        ['pending', count / 3],
      ])
      return statements()
    }
    const small = await statementsFor(3)
    const large = await statementsFor(60)
    expect(large).toBe(small)
    // The claim, the marks and the attempts: the grouped effect itself is the test's no-op.
    expect(large).toBeLessThanOrEqual(3)
  })

  it('records the rest of a round when one effect refuses its write, leaving only that one claimed', async () => {
    await write(4)
    const store = new OutboxStore(core.db, 'test-worker')
    const { messages } = await store.claim(10, 60_000)
    const m = byKey(messages)
    const outcomes: RoundOutcome[] = messages.map((message) => ({
      message,
      status: 'delivered',
      startedAt: Date.now(),
      ...(message.idempotencyKey === 'k-1'
        ? {
            effects: async () => {
              throw new Error('the effect failed')
            },
          }
        : {}),
    }))
    const { unrecorded } = await store.record(outcomes)
    expect(unrecorded.map((u) => u.outcome.message.id)).toEqual([m['k-1']!.id])
    expect((unrecorded[0]!.error as Error).message).toBe('the effect failed')
    const after = await rows()
    expect(
      Object.entries(after)
        .map(([k, r]) => [k, r.status])
        .sort(),
    ).toEqual([
      ['k-0', 'delivered'],
      ['k-1', 'in_flight'],
      ['k-2', 'delivered'],
      ['k-3', 'delivered'],
    ])
  })
})
