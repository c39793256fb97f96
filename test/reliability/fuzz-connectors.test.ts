import { isUtf8 } from 'node:buffer'
import { unacceptableText } from '@switchyard/plugin-sdk'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ConnectorHub, startConnectorHub } from '../e2e/connectors-hub'
import { ShopifyPeer } from '../peers/shopify-peer'
import { WoocommercePeer } from '../peers/woocommerce-peer'
import { createTestDb, type TestDb } from '../support/databases'
import { badUtf8, hostileText, spliceBytes } from '../support/hostile-text'
import { checkOrderInvariants } from '../support/invariants'
import { seedWorld } from '../support/world'

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000)

/** One change somewhere in a JSON document: a key removed, a value replaced by junk, junk added. */
function mutate(doc: unknown, pick: number, op: number, junk: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(doc, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)))
  const slots: [Record<string, unknown> | unknown[], string | number][] = []
  const walk = (v: unknown) => {
    if (Array.isArray(v)) {
      for (const [i, x] of v.entries()) {
        slots.push([v, i])
        walk(x)
      }
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        slots.push([v as Record<string, unknown>, k])
        walk(x)
      }
    }
  }
  walk(copy)
  if (slots.length === 0) return junk
  const [parent, key] = slots[pick % slots.length]!
  if (op % 3 === 0) {
    if (Array.isArray(parent)) parent.splice(Number(key), 1)
    else delete (parent as Record<string, unknown>)[key as string]
  } else if (op % 3 === 1) (parent as Record<string | number, unknown>)[key] = junk
  else if (!Array.isArray(parent)) (parent as Record<string, unknown>)[`x_${String(key)}`] = junk
  return copy
}

const junk = fc.oneof(
  fc.constant(null),
  fc.constant(''),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.string({ maxLength: 20 }),
  fc.constant('-5'),
  fc.constant('1e400'),
  fc.constant({}),
  fc.constant([]),
  fc.array(fc.integer(), { maxLength: 3 }),
  hostileText,
)

const mutation = fc.record({
  kind: fc.integer({ min: 0, max: 11 }),
  pick: fc.nat(),
  op: fc.nat(),
  junk,
  text: fc.string({ maxLength: 100 }),
  hostile: hostileText,
  bytes: badUtf8,
})

/**
 * The payload for a mutation: kinds 0-2 the order as is, 3-8 mutated, 9 junk text, 10 a field's
 * value replaced by text no database can store, 11 bytes that are not UTF-8 spliced in.
 */
function payloadFor(doc: unknown, m: typeof mutation extends fc.Arbitrary<infer M> ? M : never): unknown {
  if (m.kind < 3) return doc
  if (m.kind < 9) return mutate(doc, m.pick, m.op, m.junk)
  if (m.kind === 9) return m.text
  if (m.kind === 10) return mutate(doc, m.pick, 1, m.hostile)
  return spliceBytes(
    JSON.stringify(doc, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)),
    m.pick,
    m.bytes,
  )
}

/**
 * What the door does with text the hub cannot store: bytes that are not UTF-8 cannot be read (400);
 * an authentic order holding characters no database stores is kept as an intake exception (202).
 */
function expectedRefusal(payload: unknown): { status: number; code: string } | undefined {
  if (payload instanceof Uint8Array)
    return isUtf8(payload) ? undefined : { status: 400, code: 'INVALID_UTF8' }
  return unacceptableText(payload).length > 0 ? { status: 202, code: 'KEPT_AS_EXCEPTION' } : undefined
}

/**
 * Fuzzing the channel connectors' webhooks with fast-check: Shopify and WooCommerce order payloads,
 * correctly signed (so they reach the plugin's parser and the hub's intake), mostly mutated.
 * Never a 5xx; every refusal problem+json naming a field; no half-written order afterwards.
 */
describe('fuzzing connector webhooks', () => {
  let db: TestDb
  let hub: ConnectorHub
  let shop: ShopifyPeer
  let woo: WoocommercePeer
  const stats: Record<
    string,
    { inputs: number; accepted: number; rejected: number; fiveHundreds: number; refusedAsText: number }
  > = {}

  beforeAll(async () => {
    db = await createTestDb('sqlite')
    shop = await ShopifyPeer.start()
    woo = await WoocommercePeer.start()
    hub = await startConnectorHub(
      db,
      [
        {
          id: 'shop',
          use: '@switchyard/shopify',
          config: {
            shop: shop.shop,
            baseUrl: shop.http.url,
            accessToken: { $env: 'SHOP_TOKEN' },
            webhookSecret: { $env: 'SHOP_SECRET' },
          },
        },
        {
          id: 'woo',
          use: '@switchyard/woocommerce',
          config: {
            siteUrl: woo.http.url,
            consumerKey: { $env: 'WOO_CK' },
            consumerSecret: { $env: 'WOO_CS' },
            webhookSecret: { $env: 'WOO_HOOK' },
          },
        },
      ],
      {
        SHOP_TOKEN: shop.accessToken,
        SHOP_SECRET: shop.clientSecret,
        WOO_CK: woo.consumerKey,
        WOO_CS: woo.consumerSecret,
        WOO_HOOK: woo.webhookSecret,
        SWITCHYARD_RATE_LIMIT_WEBHOOK: 'off',
        SWITCHYARD_RATE_LIMIT_KEY: 'off',
      },
      // No reconciliation polls during the fuzz: only what the webhooks bring counts.
      { pollMs: 3_600_000 },
    )
    await seedWorld(hub.api, {
      stock: [
        { sku: 'SKU-A', locationId: 'akl', onHand: 100_000 },
        { sku: 'SKU-B', locationId: 'akl', onHand: 100_000 },
      ],
    })
  }, 60_000)

  afterAll(async () => {
    process.stdout.write(`fuzz figures: ${JSON.stringify(stats)}\n`)
    await hub?.stop()
    await shop?.close()
    await woo?.close()
    await db?.drop()
  })

  const check = (
    surface: string,
    res: { status: number; body: any },
    refusal?: { status: number; code: string },
  ) => {
    stats[surface] ??= { inputs: 0, accepted: 0, rejected: 0, fiveHundreds: 0, refusedAsText: 0 }
    const s = stats[surface]
    s.inputs++
    if (res.status >= 500) s.fiveHundreds++
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(500)
    if (refusal) {
      s.refusedAsText++
      expect(res.status, JSON.stringify(res.body)).toBe(refusal.status)
      if (refusal.code === 'KEPT_AS_EXCEPTION') expect(typeof res.body?.exceptionId).toBe('string')
      else expect(res.body?.code).toBe(refusal.code)
    }
    if (res.status < 300) {
      s.accepted++
      return
    }
    s.rejected++
    expect(typeof res.body?.code, JSON.stringify(res.body)).toBe('string')
    // Bad input names the field; a conflict (409: e.g. cancelling what has shipped) names the state.
    if (res.status === 400 || res.status === 422)
      expect(res.body?.errors?.[0]?.field, JSON.stringify(res.body)).toMatch(/\S/)
    else expect(res.status, JSON.stringify(res.body)).toBe(409)
  }

  it(`Shopify orders/create webhook: ${RUNS} inputs`, async () => {
    await fc.assert(
      fc.asyncProperty(mutation, async (m) => {
        const order = shop.createOrder([{ sku: m.pick % 2 ? 'SKU-A' : 'SKU-B', quantity: 1 + (m.op % 3) }])
        shop.orders.delete(String(order.id))
        const payload = payloadFor(order.body, m)
        check(
          'shopify webhook',
          await shop.sendWebhook(hub.url, 'shop', 'orders/create', payload),
          expectedRefusal(payload),
        )
      }),
      { numRuns: RUNS },
    )
  }, 900_000)

  it(`WooCommerce order.created webhook: ${RUNS} inputs`, async () => {
    await fc.assert(
      fc.asyncProperty(mutation, async (m) => {
        const order = woo.createOrder([{ sku: m.pick % 2 ? 'SKU-A' : 'SKU-B', quantity: 1 + (m.op % 3) }])
        const payload = payloadFor(order, m)
        check(
          'woocommerce webhook',
          await woo.sendWebhook(hub.url, 'woo', 'order.created', payload),
          expectedRefusal(payload),
        )
      }),
      { numRuns: RUNS },
    )
  }, 900_000)

  it('left no half-written order and a ledger that matches', async () => {
    expect(await checkOrderInvariants(hub.api)).toEqual([])
  }, 600_000)
})
