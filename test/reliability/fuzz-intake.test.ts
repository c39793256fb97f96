import { isUtf8 } from 'node:buffer'
import { unacceptableText } from '@switchyard/plugin-sdk'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RestChannelPeer } from '../peers/rest-channel-peer'
import { createTestDb, type TestDb } from '../support/databases'
import { badUtf8, bytesOf, hostileText, spliceBytes } from '../support/hostile-text'
import { checkOrderInvariants } from '../support/invariants'
import { startTestHub, type TestHub } from '../support/test-hub'
import { seedWorld } from '../support/world'

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000)

/** Orders that are usually valid, so the fuzzer reaches deep into intake, not just the validator. */
const validOrder = fc.record({
  externalId: fc.oneof(fc.uuid(), fc.string({ minLength: 1, maxLength: 40 })),
  currency: fc.constantFrom('NZD', 'AUD', 'USD', 'JPY', 'KWD'),
  shipTo: fc.record({
    line1: fc.string({ minLength: 1, maxLength: 60 }),
    country: fc.constantFrom('NZ', 'AU', 'US', 'GB'),
    lat: fc.option(fc.double({ min: -90, max: 90, noNaN: true }), { nil: undefined }),
    lon: fc.option(fc.double({ min: -180, max: 180, noNaN: true }), { nil: undefined }),
  }),
  serviceLevel: fc.constantFrom('standard', 'express', 'overnight'),
  lines: fc.array(
    fc.record({
      sku: fc.constantFrom('SKU-A', 'SKU-B', 'SKU-C', 'SKU-D'),
      quantity: fc.integer({ min: 1, max: 5 }),
      unitPrice: fc.option(fc.constantFrom('0.00', '9.99', '1234.5', '0.125'), { nil: undefined }),
    }),
    { minLength: 1, maxLength: 4 },
  ),
})

/** Ways a real client gets it wrong: a field removed, replaced by junk, or junk added. */
const junk = fc.oneof(
  fc.constant(null),
  fc.constant(''),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.string({ maxLength: 30 }),
  fc.constant(-1),
  fc.constant(1.5),
  fc.constant('1e309'),
  fc.constant(Number.MAX_SAFE_INTEGER),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }),
  hostileText,
)

function mutate(order: Record<string, unknown>, how: { path: number; op: number; value: unknown }): unknown {
  const copy = JSON.parse(JSON.stringify(order)) as Record<string, unknown>
  const targets: [Record<string, unknown>, string][] = [
    ...Object.keys(copy).map((k) => [copy, k] as [Record<string, unknown>, string]),
    ...Object.keys(copy.shipTo as object).map(
      (k) => [copy.shipTo as Record<string, unknown>, k] as [Record<string, unknown>, string],
    ),
    ...(copy.lines as Record<string, unknown>[]).flatMap((l) =>
      Object.keys(l).map((k) => [l, k] as [Record<string, unknown>, string]),
    ),
  ]
  const [obj, key] = targets[how.path % targets.length]!
  if (how.op % 3 === 0) delete obj[key]
  else if (how.op % 3 === 1) obj[key] = how.value
  else obj[`x${key}`] = how.value
  return copy
}

const input = fc.oneof(
  { weight: 3, arbitrary: validOrder.map((o) => ({ kind: 'valid', body: o as unknown })) },
  {
    weight: 5,
    arbitrary: fc
      .tuple(validOrder, fc.record({ path: fc.nat(), op: fc.nat(), value: junk }))
      .map(([o, how]) => ({ kind: 'mutated', body: mutate(o as Record<string, unknown>, how) })),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => ({ kind: 'json', body: v })) },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }).map((s) => ({ kind: 'text', body: s as unknown })) },
  // Text no database can store, in any field (a field replaced, or one added beside the others).
  {
    weight: 2,
    arbitrary: fc
      .tuple(validOrder, fc.record({ path: fc.nat(), op: fc.constantFrom(1, 2), value: hostileText }))
      .map(([o, how]) => ({ kind: 'hostile', body: mutate(o as Record<string, unknown>, how) })),
  },
  // Bytes that are not UTF-8, anywhere in an otherwise valid order.
  {
    weight: 1,
    arbitrary: fc
      .tuple(validOrder, fc.nat(), badUtf8)
      .map(([o, at, bytes]) => ({ kind: 'bytes', body: { order: o, at, bytes } as unknown })),
  },
)

type Input = { kind: string; body: unknown }

/** What a surface must answer for text the hub refuses: 400 for bytes that are not UTF-8, 422 for characters. */
function expectedRefusal(
  raw: Uint8Array | string,
  parsed: unknown,
): { status: number; code: string } | undefined {
  if (typeof raw !== 'string' && !isUtf8(raw)) return { status: 400, code: 'INVALID_UTF8' }
  if (parsed !== undefined && unacceptableText(parsed).length > 0)
    return { status: 422, code: 'INVALID_TEXT' }
  return undefined
}

/**
 * Property-based fuzzing of the intake surfaces with fast-check: at least 10,000 generated and
 * mutated inputs each. Never a 5xx; every rejection is problem+json naming a field; afterwards no
 * order is half-written and the ledger matches the allocations.
 */
describe('fuzzing intake', () => {
  let db: TestDb
  let hub: TestHub
  let web: RestChannelPeer
  const stats: Record<
    string,
    { inputs: number; accepted: number; rejected: number; fiveHundreds: number; refusedAsText: number }
  > = {}

  beforeAll(async () => {
    db = await createTestDb('sqlite')
    web = await RestChannelPeer.start('fuzz-web-secret')
    hub = await startTestHub(
      db,
      [{ id: 'web', use: '@switchyard/rest-channel', config: { secret: { $env: 'WEB' } } }],
      {
        WEB: web.secret,
        SWITCHYARD_RATE_LIMIT_KEY: 'off',
        SWITCHYARD_RATE_LIMIT_WEBHOOK: 'off',
      },
    )
    await seedWorld(hub.api, {
      stock: [
        { sku: 'SKU-A', locationId: 'akl', onHand: 2000 },
        { sku: 'SKU-B', locationId: 'wlg', onHand: 500 },
        { sku: 'SKU-C', locationId: 'akl', onHand: 300 },
      ],
    })
  }, 60_000)

  afterAll(async () => {
    process.stdout.write(`fuzz figures: ${JSON.stringify(stats)}\n`)
    await hub?.stop()
    await web?.close()
    await db?.drop()
  })

  const check = (
    surface: string,
    status: number,
    contentType: string,
    body: Record<string, unknown>,
    refusal?: { status: number; code: string },
  ) => {
    stats[surface] ??= { inputs: 0, accepted: 0, rejected: 0, fiveHundreds: 0, refusedAsText: 0 }
    const s = stats[surface]
    s.inputs++
    if (status >= 500) s.fiveHundreds++
    expect(status, JSON.stringify(body)).toBeLessThan(500)
    if (refusal) {
      s.refusedAsText++
      expect(status, JSON.stringify(body)).toBe(refusal.status)
      if (refusal.code === 'KEPT_AS_EXCEPTION') expect(typeof body.exceptionId).toBe('string')
      else expect(body.code).toBe(refusal.code)
    }
    if (status < 300) {
      s.accepted++
      return
    }
    s.rejected++
    expect(contentType).toContain('application/problem+json')
    expect(typeof body.code).toBe('string')
    expect((body.errors as { field: string }[] | undefined)?.[0]?.field, JSON.stringify(body)).toMatch(/\S/)
  }

  /** The bytes to send for an input (wrapped for its surface), and the JSON value they stand for. */
  const encode = (
    inp: Input,
    wrap: (order: unknown) => unknown,
  ): { raw: string | Buffer; parsed: unknown } => {
    if (inp.kind === 'text') return { raw: inp.body as string, parsed: undefined }
    if (inp.kind === 'bytes') {
      const { order, at, bytes } = inp.body as { order: unknown; at: number; bytes: number[] }
      return { raw: spliceBytes(JSON.stringify(wrap(order)), at, bytes), parsed: undefined }
    }
    return { raw: JSON.stringify(wrap(inp.body)), parsed: wrap(inp.body) }
  }

  it(`rest-channel webhook: ${RUNS} inputs`, async () => {
    await fc.assert(
      fc.asyncProperty(input, async (inp) => {
        const { raw, parsed } = encode(inp, (o) => o)
        const res = await web.postOrder(hub.url, 'web', raw)
        // An authentic order whose text no database stores is kept as an intake exception (202).
        const refusal = expectedRefusal(raw, parsed)
        check(
          'rest-channel webhook',
          res.status,
          res.contentType,
          res.body,
          refusal?.code === 'INVALID_TEXT' ? { status: 202, code: 'KEPT_AS_EXCEPTION' } : refusal,
        )
      }),
      { numRuns: RUNS },
    )
  }, 600_000)

  it(`canonical order API: ${RUNS} inputs`, async () => {
    await fc.assert(
      fc.asyncProperty(input, async (inp) => {
        const { raw, parsed } = encode(inp, (o) => ({ channel: 'web', order: o }))
        const res = await fetch(`${hub.url}/api/v1/orders`, {
          method: 'POST',
          headers: { authorization: `Bearer ${hub.adminKey}`, 'content-type': 'application/json' },
          body: typeof raw === 'string' ? raw : new Uint8Array(raw),
        })
        const text = await res.text()
        let body: Record<string, unknown> = {}
        try {
          body = JSON.parse(text)
        } catch {}
        check(
          'order API',
          res.status,
          res.headers.get('content-type') ?? '',
          body,
          expectedRefusal(raw, parsed),
        )
      }),
      { numRuns: RUNS },
    )
  }, 600_000)

  it(`query parameters: ${RUNS} inputs`, async () => {
    const value = fc.oneof(
      fc.string({ maxLength: 30 }).map((s) => Buffer.from(s)),
      hostileText.map(bytesOf),
      fc
        .tuple(fc.string({ maxLength: 10 }), fc.nat(), badUtf8)
        .map(([s, at, bytes]) => spliceBytes(s, at, bytes)),
    )
    const where = fc.constantFrom(['/api/v1/orders', 'externalId'], ['/api/v1/inventory', 'sku'])
    await fc.assert(
      fc.asyncProperty(value, where, async (bytes, [path, name]) => {
        const encoded = [...bytes].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('')
        const res = await hub.api(`${path}?${name}=${encoded}`)
        const text = isUtf8(bytes) ? bytes.toString('utf8') : undefined
        const refusal =
          text === undefined
            ? { status: 400, code: 'INVALID_UTF8' }
            : unacceptableText(text).length > 0
              ? { status: 422, code: 'INVALID_TEXT' }
              : undefined
        check('query parameters', res.status, res.contentType, res.body, refusal)
        if (refusal) expect(res.body.errors[0].field).toBe(name)
      }),
      { numRuns: RUNS },
    )
  }, 600_000)

  it('left no half-written order and a ledger that matches', async () => {
    expect(await checkOrderInvariants(hub.api)).toEqual([])
  }, 300_000)
})
