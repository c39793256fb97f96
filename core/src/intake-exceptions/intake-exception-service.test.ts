import { PayloadError } from '@switchyard/plugin-sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../core'
import { readJson } from '../db/sql/sql-db'
import { ConflictError, ServiceUnavailableError } from '../errors'
import { openTestCore } from '../testing/test-core'
import { IntakeExceptions } from './intake-exception-service'

const order = (externalId: string, sku: string) => ({
  externalId,
  currency: 'NZD',
  shipTo: { name: 'Ana', line1: '1 Queen St', city: 'Auckland', postcode: '1010', country: 'NZ' },
  lines: [{ sku, quantity: 1, unitPrice: '10.00' }],
})
const received = (body: string) => ({ source: '/orders', contentType: 'application/json', body })

describe.each(['sqlite', 'postgresql'] as const)('intake exceptions on %s', (dialect) => {
  let core: Core
  let close: () => Promise<void>
  beforeAll(async () => {
    ;({ core, close } = await openTestCore(dialect, 'exceptions', {
      products: [{ sku: 'SKU-A', name: 'Merino tee' }],
      warehouses: [{ id: 'akl', name: 'Auckland DC' }],
      stock: [{ sku: 'SKU-A', locationId: 'akl', onHand: 50 }],
    }))
  }, 60_000)
  afterAll(() => close())

  it('keeps an unknown sku as one open exception per channel order, then replays it once the product exists', async () => {
    const seen: string[] = []
    core.intakeExceptions.onCaptured((e) => seen.push(`${e.externalOrderId}:${e.occurrences}`))
    const first = await core.intakeExceptions.take('web', order('E-1', 'SKU-NEW'), received('{"a":1}'))
    expect(first.type).toBe('exception')
    if (first.type !== 'exception') return
    expect(first.exception.reasons).toEqual([
      { field: 'lines[0].sku', code: 'UNKNOWN_SKU', message: "unknown sku 'SKU-NEW'" },
    ])
    const again = await core.intakeExceptions.take('web', order('E-1', 'SKU-NEW'), received('{"a":2}'))
    expect(again.type === 'exception' && again.exception.id).toBe(first.exception.id)
    expect(seen).toEqual(['E-1:1', 'E-1:2'])
    const stored = await core.intakeExceptions.get(first.exception.id)
    expect(stored).toMatchObject({ status: 'open', occurrences: 2, externalOrderId: 'E-1' })
    expect(stored.payload).toEqual({ text: '{"a":2}', encoding: 'utf8', truncated: false })
    expect((stored.parsed as { externalId: string }).externalId).toBe('E-1')

    // Still unknown: stays open with this attempt's reasons.
    const stillOpen = await core.intakeExceptions.replay(first.exception.id)
    expect(stillOpen).toMatchObject({ outcome: 'open', reasons: [{ code: 'UNKNOWN_SKU' }] })

    await core.catalog.upsertProducts([{ sku: 'SKU-NEW', name: 'New tee' }])
    const replayed = await core.intakeExceptions.replay(first.exception.id)
    expect(replayed).toMatchObject({ outcome: 'replayed', created: true })
    const twice = await core.intakeExceptions.replay(first.exception.id)
    expect(twice).toMatchObject({ outcome: 'replayed', created: false })
    expect(twice.outcome === 'replayed' && replayed.outcome === 'replayed' && twice.orderId).toBe(
      replayed.outcome === 'replayed' ? replayed.orderId : 'x',
    )
    // Closed exceptions free the key: the same channel order failing later opens a new one.
    const later = await core.intakeExceptions.take('web', order('E-1', 'SKU-GONE'), received('{}'))
    expect(later.type === 'exception' && later.exception.id).not.toBe(first.exception.id)
  })

  it('enforces one open exception per (instance, external id) in the database, even when racing', async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, () =>
        core.intakeExceptions.take('web', order('E-race', 'SKU-NOPE'), received('{}')),
      ),
    )
    const ids = new Set(outcomes.map((o) => (o.type === 'exception' ? o.exception.id : o.type)))
    expect(ids.size).toBe(1)
    const page = await core.intakeExceptions.list({ channelInstanceId: 'web', status: 'open' })
    const row = page.items.find((e) => e.externalOrderId === 'E-race')
    expect(row?.occurrences).toBe(8)
    // The same external id on another channel is another order.
    const other = await core.intakeExceptions.take('shop', order('E-race', 'SKU-NOPE'), received('{}'))
    expect(other.type === 'exception' && other.exception.id).not.toBe([...ids][0])
  })

  it('takes good orders, keeps bad text and schema failures, and throws what is not the input’s fault', async () => {
    const good = await core.intakeExceptions.take('web', order('E-good', 'SKU-A'), received('{}'))
    expect(good).toMatchObject({ type: 'order', result: { created: true } })
    const nul = await core.intakeExceptions.take(
      'web',
      { ...order('E-nul', 'SKU-A'), notes: 'a\u0000b' },
      received('{"notes":"a\\u0000b"}'),
    )
    expect(nul).toMatchObject({
      type: 'exception',
      exception: { reasons: [{ field: 'notes', code: 'INVALID_TEXT' }] },
    })
    const bad = await core.intakeExceptions.take('web', { externalId: 'E-bad', lines: [] }, received('{}'))
    expect(bad.type === 'exception' && bad.exception.reasons.map((r) => r.code)).toContain('INVALID_ORDER')
    // A raw NUL in a non-JSON body is kept as base64, never cleaned.
    const raw = await core.intakeExceptions.capture('web', {
      candidate: undefined,
      received: { source: '/orders', contentType: 'text/plain', body: 'x\u0000y' },
      reasons: [{ field: '(body)', code: 'INVALID_PAYLOAD', message: 'no' }],
    })
    const rawStored = await core.intakeExceptions.get(raw.id)
    expect(rawStored.payload).toEqual({
      text: Buffer.from('x\u0000y').toString('base64'),
      encoding: 'base64',
      truncated: false,
    })
    expect(rawStored.externalOrderId).toBeNull()

    const down = new ServiceUnavailableError('database down', 'DATABASE_UNAVAILABLE')
    const broken = new IntakeExceptions(core.db, { submit: async () => Promise.reject(down) })
    await expect(broken.take('web', order('E-down', 'SKU-A'), received('{}'))).rejects.toBe(down)
    // A plugin that refuses the stored payload on replay leaves the exception open with its reasons.
    const refused = await core.intakeExceptions.replay(raw.id, async () => {
      throw new PayloadError('still bad', [{ field: 'line_items[0].sku', message: 'missing' }])
    })
    expect(refused).toMatchObject({
      outcome: 'open',
      reasons: [{ field: 'line_items[0].sku', code: 'INVALID_PAYLOAD' }],
    })
  })

  it('lists by instance, status, reason code and time; discards with a reason; counts what is open', async () => {
    const unknown = await core.intakeExceptions.list({ reasonCode: 'UNKNOWN_SKU', status: 'open' })
    expect(unknown.items.length).toBeGreaterThan(0)
    expect(unknown.items.every((e) => e.reasons.some((r) => r.code === 'UNKNOWN_SKU'))).toBe(true)
    expect((await core.intakeExceptions.list({ since: Date.now() + 60_000 })).items).toEqual([])
    const first = await core.intakeExceptions.list({ limit: 1 })
    const second = await core.intakeExceptions.list({ limit: 1, cursor: first.nextCursor! })
    expect(second.items[0]!.id < first.items[0]!.id).toBe(true)

    const counts = await core.intakeExceptions.openCountsByReason()
    const shopUnknown = counts.find((c) => c.channelInstanceId === 'shop' && c.code === 'UNKNOWN_SKU')
    expect(shopUnknown?.count).toBe(1)
    const target = unknown.items.find((e) => e.channelInstanceId === 'shop')!
    await expect(core.intakeExceptions.discard(target.id, 'key:ops', ' ')).rejects.toMatchObject({
      issues: [{ field: 'reason' }],
    })
    await expect(core.intakeExceptions.get(target.id, 'web')).rejects.toMatchObject({
      code: 'EXCEPTION_NOT_FOUND',
    })
    const discarded = await core.intakeExceptions.discard(target.id, 'key:ops', 'test order, never real')
    expect(discarded).toMatchObject({
      status: 'discarded',
      discardedBy: 'key:ops',
      discardReason: 'test order, never real',
    })
    await expect(core.intakeExceptions.replay(target.id)).rejects.toMatchObject({ code: 'EXCEPTION_CLOSED' })
    expect((await core.intakeExceptions.openCountsByInstance()).get('shop') ?? 0).toBe(0)
    // The channel hears of it through the outbox, once (a second discard changes nothing).
    await core.intakeExceptions.discard(target.id, 'key:ops', 'again')
    const told = await core.db.all<{ topic: string; instance_id: string; payload: unknown }>(
      'select topic, instance_id, payload from outbox_message where idempotency_key = ?',
      [`exception-discarded:${target.id}`],
    )
    expect(told).toHaveLength(1)
    expect(told[0]).toMatchObject({ topic: 'exception.discarded', instance_id: 'shop' })
    expect(readJson(told[0]!.payload)).toMatchObject({
      exceptionId: target.id,
      externalOrderId: target.externalOrderId,
      reason: 'test order, never real',
    })
    // A channel that takes no such message is told nothing.
    const deaf = new IntakeExceptions(core.db, core.intake as never, { accepts: () => false })
    const quiet = await core.intakeExceptions.take('shop', order('Q-1', 'SKU-NOPE'), received('{}'))
    if (quiet.type !== 'exception') throw new Error('expected an exception')
    await deaf.discard(quiet.exception.id, 'key:ops', 'not for this channel')
    expect(
      await core.db.all('select id from outbox_message where idempotency_key = ?', [
        `exception-discarded:${quiet.exception.id}`,
      ]),
    ).toEqual([])
  })

  it('keeps only the routing headers, and closes the open exception when the channel’s order later goes in', async () => {
    const kept = await core.intakeExceptions.take('shop', order('H-1', 'SKU-LATER'), {
      ...received('{}'),
      headers: {
        'x-shopify-topic': 'orders/create',
        'x-shopify-hmac-sha256': 'c2lnbmF0dXJl',
        authorization: 'Bearer secret-token',
        'x-wc-webhook-signature': 'c2ln',
        'content-type': 'application/json',
      },
    })
    expect(kept.type).toBe('exception')
    if (kept.type !== 'exception') return
    const stored = await core.intakeExceptions.get(kept.exception.id)
    expect(stored.headers).toEqual({ 'x-shopify-topic': 'orders/create' })

    await core.catalog.upsertProducts([{ sku: 'SKU-LATER', name: 'Later tee' }])
    const arrived = await core.intakeExceptions.take('shop', order('H-1', 'SKU-LATER'), received('{}'))
    expect(arrived).toMatchObject({ type: 'order', result: { created: true } })
    const closed = await core.intakeExceptions.get(kept.exception.id)
    expect(closed).toMatchObject({
      status: 'replayed',
      orderId: arrived.type === 'order' ? arrived.result.orderId : 'x',
    })
    // A replay of it now answers the same order.
    expect(await core.intakeExceptions.replay(kept.exception.id)).toMatchObject({
      outcome: 'replayed',
      created: false,
    })
  })

  it('closes each open exception with its own order when a batch of orders goes in together', async () => {
    const skus = ['SKU-BATCH-1', 'SKU-BATCH-2']
    const kept = await Promise.all(
      ['B-1', 'B-2'].map((id, i) => core.intakeExceptions.take('shop', order(id, skus[i]!), received('{}'))),
    )
    await core.catalog.upsertProducts(skus.map((sku) => ({ sku, name: sku })))
    // Taken at once, so intake commits them together and the closer asks about them in one read.
    const ids = ['B-1', 'B-2', 'B-3', 'B-4']
    const arrived = await Promise.all(
      ids.map((id, i) => core.intakeExceptions.take('shop', order(id, skus[i % 2]!), received('{}'))),
    )
    for (const [i, exception] of kept.entries()) {
      if (exception.type !== 'exception' || arrived[i]!.type !== 'order') throw new Error('unexpected')
      const result = arrived[i]!
      expect(await core.intakeExceptions.get(exception.exception.id)).toMatchObject({
        status: 'replayed',
        orderId: result.type === 'order' ? result.result.orderId : 'x',
      })
    }
    const open = await core.intakeExceptions.list({ status: 'open', channelInstanceId: 'shop' })
    expect(open.items.filter((e) => e.externalOrderId?.startsWith('B-'))).toEqual([])
  })

  it('replays in bulk by filter and reports each outcome', async () => {
    await core.intakeExceptions.take('bulk', order('B-1', 'SKU-BULK'), received('{}'))
    await core.intakeExceptions.take('bulk', order('B-2', 'SKU-BULK'), received('{}'))
    await core.intakeExceptions.take('bulk', order('B-3', 'SKU-OTHER'), received('{}'))
    await core.catalog.upsertProducts([{ sku: 'SKU-BULK', name: 'Bulk tee' }])
    const result = await core.intakeExceptions.replayMatching({
      channelInstanceId: 'bulk',
      reasonCode: 'UNKNOWN_SKU',
    })
    expect(result).toMatchObject({ replayed: 2, stillOpen: 1 })
    expect(result.results).toHaveLength(3)
  })

  it('skips in a bulk replay what cannot be replayed at all, and replays the others', async () => {
    await core.intakeExceptions.take('skip', order('S-1', 'SKU-SKIP'), received('{}'))
    await core.intakeExceptions.take('skip', order('S-2', 'SKU-SKIP'), received('{}'))
    await core.catalog.upsertProducts([{ sku: 'SKU-SKIP', name: 'Skip tee' }])
    const result = await core.intakeExceptions.replayMatching({ channelInstanceId: 'skip' }, async (e) => {
      if (e.externalOrderId === 'S-1') throw new ConflictError('no mapRecord', 'EXCEPTION_NOT_REPLAYABLE')
      return undefined
    })
    expect(result).toMatchObject({ replayed: 1, stillOpen: 0, skipped: 1 })
    expect(result.results).toContainEqual(
      expect.objectContaining({ outcome: 'skipped', detail: 'no mapRecord' }),
    )
    const left = await core.intakeExceptions.list({ channelInstanceId: 'skip', status: 'open' })
    expect(left.items.map((e) => e.externalOrderId)).toEqual(['S-1'])
    // Alone, it is a conflict the route answers 409.
    await expect(
      core.intakeExceptions.replay(left.items[0]!.id, async () => {
        throw new ConflictError('no mapRecord', 'EXCEPTION_NOT_REPLAYABLE')
      }),
    ).rejects.toMatchObject({ code: 'EXCEPTION_NOT_REPLAYABLE' })
  })
})
