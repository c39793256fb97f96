import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RestChannelPeer } from '../peers/rest-channel-peer'
import { createTestDb, type TestDb } from '../support/databases'
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
)

/**
 * Property-based fuzzing of the intake surfaces with fast-check: at least 10,000 generated and
 * mutated inputs each. Never a 5xx; every rejection is problem+json naming a field; afterwards no
 * order is half-written and the ledger matches the allocations.
 */
describe('fuzzing intake', () => {
  let db: TestDb
  let hub: TestHub
  let web: RestChannelPeer
  const stats: Record<string, { inputs: number; accepted: number; rejected: number; fiveHundreds: number }> =
    {}

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

  const check = (surface: string, status: number, contentType: string, body: Record<string, unknown>) => {
    stats[surface] ??= { inputs: 0, accepted: 0, rejected: 0, fiveHundreds: 0 }
    const s = stats[surface]
    s.inputs++
    if (status >= 500) s.fiveHundreds++
    expect(status, JSON.stringify(body)).toBeLessThan(500)
    if (status < 300) {
      s.accepted++
      return
    }
    s.rejected++
    expect(contentType).toContain('application/problem+json')
    expect(typeof body.code).toBe('string')
    expect((body.errors as { field: string }[] | undefined)?.[0]?.field, JSON.stringify(body)).toMatch(/\S/)
  }

  it(`rest-channel webhook: ${RUNS} inputs`, async () => {
    await fc.assert(
      fc.asyncProperty(input, async ({ body }) => {
        const res = await web.postOrder(hub.url, 'web', typeof body === 'string' ? body : body)
        check('rest-channel webhook', res.status, res.contentType, res.body)
      }),
      { numRuns: RUNS },
    )
  }, 600_000)

  it(`canonical order API: ${RUNS} inputs`, async () => {
    await fc.assert(
      fc.asyncProperty(input, async ({ kind, body }) => {
        const payload = kind === 'text' ? (body as string) : { channel: 'web', order: body }
        const res = await hub.api('/api/v1/orders', { body: payload })
        check('order API', res.status, res.contentType, res.body)
      }),
      { numRuns: RUNS },
    )
  }, 600_000)

  it('left no half-written order and a ledger that matches', async () => {
    expect(await checkOrderInvariants(hub.api)).toEqual([])
  }, 300_000)
})
