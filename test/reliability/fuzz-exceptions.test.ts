import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ConnectorHub, startConnectorHub } from '../e2e/connectors-hub'
import { AmazonPeer } from '../peers/amazon-peer'
import { EdiPartner } from '../peers/edi-partner'
import { waitFor } from '../peers/http-peer'
import { RestChannelPeer, sampleOrder } from '../peers/rest-channel-peer'
import { ShopifyPeer } from '../peers/shopify-peer'
import { WoocommercePeer } from '../peers/woocommerce-peer'
import { amazonEntry, ediEntry } from '../support/connector-entries'
import { createTestDb, type TestDb } from '../support/databases'
import { checkOrderInvariants } from '../support/invariants'
import { seedWorld } from '../support/world'

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000)
/** Webhook deliveries in flight at once: enough to keep the hub busy on two cores. */
const PARALLEL = 8

/**
 * What an input is: a good order, one with an unknown sku, one missing a field the channel must
 * send, one holding text no database can store, one whose JSON is well formed but whose content is
 * malformed (a line that is a string, a quantity that is a word). Webhooks also get a few bodies
 * that are not JSON at all: unreadable, answered 400 and not kept (as the issue says), so they are
 * counted apart and are not authentic order inputs.
 */
const KINDS = ['good', 'unknown-sku', 'missing-field', 'bad-text', 'malformed', 'unreadable'] as const
type Kind = (typeof KINDS)[number]
const kindOf = fc.constantFrom<Kind>(
  'good',
  'good',
  'good',
  'good',
  'unknown-sku',
  'unknown-sku',
  'missing-field',
  'missing-field',
  'bad-text',
  'malformed',
  'malformed',
  'unreadable',
)
const input = fc.record({
  kind: kindOf,
  pick: fc.nat(),
  bad: fc.constantFrom('\u0000', '\u0007', '\u009b', '\ud800'),
})
type Input = typeof input extends fc.Arbitrary<infer T> ? T : never

const clone = <T>(v: T): any =>
  JSON.parse(JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x)))

/** The JSON order of a webhook channel changed as `m` says; `paths` name its fields per kind. */
function shaped(
  order: unknown,
  m: Input,
  paths: { missing: string[][]; text: string[][]; malformed: [string[], unknown][] },
  setSku: (o: any) => void,
): unknown {
  const o = clone(order)
  const at = (path: string[]) => {
    let parent = o
    for (const k of path.slice(0, -1)) parent = parent[k]
    return [parent, path.at(-1)!] as const
  }
  switch (m.kind) {
    case 'unknown-sku':
      setSku(o)
      return o
    case 'missing-field': {
      const [parent, key] = at(paths.missing[m.pick % paths.missing.length]!)
      delete parent[key]
      return o
    }
    case 'bad-text': {
      const [parent, key] = at(paths.text[m.pick % paths.text.length]!)
      parent[key] = `${parent[key] ?? ''}${m.bad}x`
      return o
    }
    case 'malformed': {
      const [path, value] = paths.malformed[m.pick % paths.malformed.length]!
      const [parent, key] = at(path)
      parent[key] = value
      return o
    }
    default:
      return o
  }
}

interface Figures {
  inputs: number
  authentic: number
  unreadable: number
  orders: number
  exceptions: number
  lost: number
  fiveHundreds: number
  seconds: number
}

/**
 * Issue 14's promise, fuzzed: every authentic input (signed correctly, or polled with valid
 * credentials) to every channel surface ends as exactly one order or one intake exception, never
 * neither, and never a 5xx. Per surface, ≥ 10,000 inputs; the figures go to docs/reliability.md.
 */
describe('fuzzing the exception inbox: nothing authentic is lost at any door', () => {
  let db: TestDb
  let hub: ConnectorHub
  let rest: RestChannelPeer
  let shop: ShopifyPeer
  let woo: WoocommercePeer
  let amazon: AmazonPeer
  let partner: EdiPartner
  const mailbox = mkdtempSync(join(tmpdir(), 'switchyard-exc-fuzz-'))
  const figures: Record<string, Figures> = {}

  beforeAll(async () => {
    db = await createTestDb('sqlite')
    rest = await RestChannelPeer.start('fuzz-exc-rest-secret')
    shop = await ShopifyPeer.start()
    woo = await WoocommercePeer.start()
    amazon = await AmazonPeer.start()
    partner = new EdiPartner(mailbox)
    const future = new Date(Date.now() + 86_400_000).toISOString()
    hub = await startConnectorHub(
      db,
      [
        { id: 'web', use: '@switchyard/rest-channel', config: { secret: { $env: 'WEB_SECRET' } } },
        {
          id: 'shop',
          use: '@switchyard/shopify',
          config: {
            shop: shop.shop,
            baseUrl: shop.http.url,
            accessToken: { $env: 'SHOP_TOKEN' },
            webhookSecret: { $env: 'SHOP_SECRET' },
            reconcileFrom: future,
            lookbackSec: 0,
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
            reconcileFrom: future,
            lookbackSec: 0,
          },
        },
        amazonEntry(amazon, { acknowledge: false }),
        ediEntry(mailbox),
      ],
      {
        WEB_SECRET: rest.secret,
        SHOP_TOKEN: shop.accessToken,
        SHOP_SECRET: shop.clientSecret,
        WOO_CK: woo.consumerKey,
        WOO_CS: woo.consumerSecret,
        WOO_HOOK: woo.webhookSecret,
        AMZN_CLIENT_SECRET: amazon.clientSecret,
        AMZN_REFRESH_TOKEN: amazon.refreshToken,
        SWITCHYARD_RATE_LIMIT_WEBHOOK: 'off',
        SWITCHYARD_RATE_LIMIT_KEY: 'off',
        // The statuses the orders cause are not what this test is about.
        SWITCHYARD_OUTBOX_POLL_MS: '60000',
      },
      { pollMs: 100 },
    )
    await seedWorld(hub.api, {
      stock: [
        { sku: 'SKU-A', locationId: 'akl', onHand: 10_000_000 },
        { sku: 'SKU-B', locationId: 'akl', onHand: 10_000_000 },
      ],
    })
  }, 120_000)

  afterAll(async () => {
    process.stdout.write(`fuzz figures: ${JSON.stringify({ 'exception inbox': figures })}\n`)
    await hub?.stop()
    await Promise.all([rest?.close(), shop?.close(), woo?.close(), amazon?.close()])
    await db?.drop()
    rmSync(mailbox, { recursive: true, force: true })
  })

  const count = async (table: 'orders' | 'intake_exception', instance: string) =>
    Number(
      (await hub.hub.core.db.one<{ n: number | string }>(
        `select count(*) as n from ${table} where channel_instance_id = ?`,
        [instance],
      ))!.n,
    )

  /** The surface's figures from the database: what it holds is what was not lost. */
  async function settle(surface: string, instance: string, f: Figures, started: number): Promise<void> {
    f.orders = await count('orders', instance)
    f.exceptions = await count('intake_exception', instance)
    f.lost = f.authentic - f.orders - f.exceptions
    f.seconds = Math.round((Date.now() - started) / 100) / 10
    figures[surface] = f
    expect(f.fiveHundreds).toBe(0)
    expect(f.orders + f.exceptions, JSON.stringify(f)).toBe(f.authentic)
    // Every exception is one input: kept once, never counted twice.
    const occurrences = Number(
      (await hub.hub.core.db.one<{ n: number | string }>(
        'select coalesce(sum(occurrences), 0) as n from intake_exception where channel_instance_id = ?',
        [instance],
      ))!.n,
    )
    if (instance === 'web' || instance === 'shop' || instance === 'woo')
      expect(occurrences).toBe(f.exceptions)
  }

  /** External ids whose outcome is certain: a good order must be an order, an unknown sku or bad text never. */
  const expected: Record<string, { taken: string[]; kept: string[] }> = {}
  const expect1 = (instance: string, kind: Kind, externalId: string) => {
    expected[instance] ??= { taken: [], kept: [] }
    if (kind === 'good') expected[instance].taken.push(externalId)
    if (kind === 'unknown-sku' || kind === 'bad-text') expected[instance].kept.push(externalId)
  }
  async function checkOutcomes(instance: string): Promise<void> {
    const { taken, kept } = expected[instance] ?? { taken: [], kept: [] }
    const orders = new Set<string>()
    const rows = await hub.hub.core.db.all<{ id: string }>(
      'select external_order_id as id from orders where channel_instance_id = ?',
      [instance],
    )
    for (const r of rows) orders.add(r.id)
    expect(
      taken.filter((id) => !orders.has(id)),
      'good orders not taken',
    ).toEqual([])
    expect(
      kept.filter((id) => orders.has(id)),
      'untakeable orders taken',
    ).toEqual([])
  }

  const blank = (): Figures => ({
    inputs: 0,
    authentic: 0,
    unreadable: 0,
    orders: 0,
    exceptions: 0,
    lost: 0,
    fiveHundreds: 0,
    seconds: 0,
  })

  /** Sends every input as a webhook, PARALLEL at a time; `send` builds and signs one delivery. */
  async function webhookSurface(
    surface: string,
    instance: string,
    send: (m: Input, i: number) => Promise<{ status: number; body: any }>,
    seed: number,
  ): Promise<void> {
    const started = Date.now()
    const f = blank()
    // RUNS authentic inputs, with the unreadable ones drawn among them on top.
    const samples: Input[] = []
    let authentic = 0
    for (const m of fc.sample(input, { numRuns: Math.ceil(RUNS * 1.3) + 20, seed })) {
      if (authentic === RUNS) break
      samples.push(m)
      if (m.kind !== 'unreadable') authentic++
    }
    for (let start = 0; start < samples.length; start += PARALLEL) {
      await Promise.all(
        samples.slice(start, start + PARALLEL).map(async (m, n) => {
          const res = await send(m, start + n)
          f.inputs++
          if (res.status >= 500) f.fiveHundreds++
          if (m.kind === 'unreadable') {
            f.unreadable++
            expect(res.status, JSON.stringify(res.body)).toBe(400)
            return
          }
          f.authentic++
          // Taken (201) or kept (202): the partner is told to stop sending either way.
          expect([201, 202], `${m.kind}: ${JSON.stringify(res.body)}`).toContain(res.status)
        }),
      )
    }
    await settle(surface, instance, f, started)
    await checkOutcomes(instance)
  }

  it(`REST channel webhook: ${RUNS} inputs`, async () => {
    await webhookSurface(
      'rest webhook',
      'web',
      (m, i) => {
        const order = sampleOrder({ externalId: `FZX-REST-${i}` }, [
          { sku: i % 2 ? 'SKU-A' : 'SKU-B', quantity: 1 },
        ])
        expect1('web', m.kind, `FZX-REST-${i}`)
        if (m.kind === 'unreadable') return rest.postOrder(hub.url, 'web', `{"externalId":"FZX-REST-${i}",`)
        const body = shaped(
          order,
          m,
          {
            missing: [['shipTo'], ['currency'], ['lines', '0', 'sku'], ['shipTo', 'country']],
            text: [
              ['customer', 'name'],
              ['shipTo', 'line1'],
              ['shipTo', 'city'],
            ],
            malformed: [
              [['lines'], 'one tee please'],
              [['lines', '0', 'quantity'], 'two'],
              [['shipTo'], 42],
              [['lines', '0'], ['SKU-A']],
            ],
          },
          (o) => {
            o.lines[0].sku = `SKU-NEW-${i}`
          },
        )
        return rest.postOrder(hub.url, 'web', body)
      },
      1401,
    )
  }, 900_000)

  it(`Shopify orders/create webhook: ${RUNS} inputs`, async () => {
    await webhookSurface(
      'shopify webhook',
      'shop',
      (m, i) => {
        const order = shop.createOrder([{ sku: i % 2 ? 'SKU-A' : 'SKU-B', quantity: 1 }])
        shop.orders.delete(String(order.id))
        expect1('shop', m.kind, String(order.id))
        if (m.kind === 'unreadable')
          return shop.sendWebhook(hub.url, 'shop', 'orders/create', Buffer.from(`{"id":${order.id},`))
        const body = shaped(
          order.body,
          m,
          {
            missing: [['shipping_address'], ['line_items', '0', 'sku'], ['currency']],
            text: [['shipping_address', 'address1'], ['customer', 'first_name'], ['note']],
            malformed: [
              [['line_items', '0', 'quantity'], 'two'],
              [['shipping_address'], 'round the back'],
              [['total_price'], { amount: 'lots' }],
              [['line_items', '0', 'price'], -5],
            ],
          },
          (o) => {
            o.line_items[0].sku = `SKU-NEW-${i}`
          },
        )
        return shop.sendWebhook(hub.url, 'shop', 'orders/create', body)
      },
      1402,
    )
  }, 900_000)

  it(`WooCommerce order.created webhook: ${RUNS} inputs`, async () => {
    await webhookSurface(
      'woocommerce webhook',
      'woo',
      (m, i) => {
        const order = woo.createOrder([{ sku: i % 2 ? 'SKU-A' : 'SKU-B', quantity: 1 }])
        expect1('woo', m.kind, String(order.id))
        if (m.kind === 'unreadable')
          return woo.sendWebhook(hub.url, 'woo', 'order.created', Buffer.from(`{"id":${order.id},`))
        const body = shaped(
          order,
          m,
          {
            missing: [['shipping'], ['line_items', '0', 'sku'], ['currency']],
            text: [['shipping', 'address_1'], ['billing', 'first_name'], ['customer_note']],
            malformed: [
              [['line_items', '0', 'quantity'], 'two'],
              [['shipping'], 'round the back'],
              [['total'], { amount: 'lots' }],
              [['line_items', '0', 'price'], 'free'],
            ],
          },
          (o) => {
            o.line_items[0].sku = `SKU-NEW-${i}`
          },
        )
        return woo.sendWebhook(hub.url, 'woo', 'order.created', body)
      },
      1403,
    )
  }, 900_000)

  it(`Amazon poll: ${RUNS} orders on pages of 100`, async () => {
    const started = Date.now()
    const f = blank()
    const samples = fc.sample(input, { numRuns: RUNS, seed: 1404 })
    for (const [i, m] of samples.entries()) {
      const order = amazon.createOrder([{ sku: i % 2 ? 'SKU-A' : 'SKU-B', quantity: 1 }])
      const o = order as any
      expect1('amzn', m.kind, order.orderId)
      switch (m.kind) {
        case 'unknown-sku':
          o.orderItems[0].product.sellerSku = `SKU-NEW-${i}`
          break
        case 'missing-field':
          if (m.pick % 3 === 0) delete o.recipient.deliveryAddress
          else if (m.pick % 3 === 1) delete o.orderItems[0].product.sellerSku
          else delete o.recipient.deliveryAddress.countryCode
          break
        case 'bad-text':
          o.buyer.buyerName = `Mere${m.bad}`
          break
        // A record in a page the SP-API sent whole (the page's JSON is valid), its content malformed.
        case 'malformed':
        case 'unreadable':
          if (m.pick % 3 === 0) o.orderItems[0].quantityOrdered = 'two'
          else if (m.pick % 3 === 1) o.recipient.deliveryAddress = 'round the back'
          else o.proceeds.grandTotal = { amount: 'lots', currencyCode: 'NZD' }
          break
      }
      f.inputs++
      f.authentic++
    }
    const total = async () => (await count('orders', 'amzn')) + (await count('intake_exception', 'amzn'))
    await waitFor(async () => ((await total()) >= RUNS ? true : undefined), 600_000, `${RUNS} Amazon orders`)
    const h = (await hub.api('/api/v1/plugins')).body.items.find((p: { id: string }) => p.id === 'amzn')
    // Bad data never marks the instance: only failing calls do.
    expect(h).toMatchObject({ status: 'active', consecutiveFailures: 0 })
    await settle('amazon poll', 'amzn', f, started)
    await checkOutcomes('amzn')
  }, 900_000)

  it(`EDI 850 files: ${RUNS} purchase orders, 50 to a file`, async () => {
    const started = Date.now()
    const f = blank()
    const samples = fc.sample(input, { numRuns: RUNS, seed: 1405 })
    const perFile = 50
    let files = 0
    for (let start = 0; start < samples.length; start += perFile) {
      const batch = samples.slice(start, start + perFile)
      for (const [n, m] of batch.entries()) expect1('acme-edi', m.kind, `FZX-PO-${start + n}`)
      const { text } = partner.purchaseOrders(
        batch.map((m, n) => ({
          poNumber: `FZX-PO-${start + n}`,
          lines: [
            {
              sku: m.kind === 'unknown-sku' ? `SKU-NEW-${start + n}` : n % 2 ? 'SKU-A' : 'SKU-B',
              quantity: 1,
              price: '12.50',
            },
          ],
        })),
        // Each PO's own fault, written into its own set: the envelope stays sound.
        (t) => {
          const sets = t.split(/(?=ST\*850\*)/)
          return sets
            .map((set, k) => {
              const m = batch[k - 1]
              if (!m) return set
              switch (m.kind) {
                case 'missing-field':
                  return set.replace(/N3\*[^~]*~\n/, '')
                case 'bad-text':
                  return set.replace('PID*F****', `PID*F****${m.bad === '\ud800' ? '\u0001' : m.bad}`)
                case 'malformed':
                case 'unreadable':
                  return m.pick % 2
                    ? set.replace(/PO1\*1\*1\*/, 'PO1*1*one*')
                    : set.replace(/\*20250115~/, '*2025-01-15~')
                default:
                  return set
              }
            })
            .join('')
        },
      )
      partner.drop(`fzx-${String(files).padStart(4, '0')}.edi`, text)
      files++
      f.inputs += batch.length
      f.authentic += batch.length
    }
    const handled = () =>
      ['processed', 'failed'].reduce((n, dir) => {
        try {
          return (
            n + readdirSync(join(mailbox, 'inbound', dir)).filter((x) => !x.endsWith('.reason.txt')).length
          )
        } catch {
          return n
        }
      }, 0)
    await waitFor(() => (handled() >= files ? true : undefined), 600_000, `${files} EDI files`)
    await settle('edi 850', 'acme-edi', f, started)
    await checkOutcomes('acme-edi')
  }, 900_000)

  it('left no half-written order and a ledger that matches', async () => {
    expect(await checkOrderInvariants(hub.api)).toEqual([])
  }, 600_000)
})
