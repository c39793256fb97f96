import { readFileSync } from 'node:fs'
import { verifyOAuth1Signature } from '@switchyard/plugin-sdk'
import {
  createTestContext,
  describePluginConformance,
  type FixtureRequest,
  startFixtureServer,
} from '@switchyard/plugin-sdk/testing'
import { describe, expect, it } from 'vitest'
import { toTradeMeDate, tradeMeTime } from './dates'
import plugin from './index'
import type { TradeMeSoldItem } from './types'

const recorded = JSON.parse(
  readFileSync(new URL('../fixtures/sold-items.json', import.meta.url), 'utf8'),
) as {
  recordedAt: string
  answer: { List: TradeMeSoldItem[] }
}
const consumerSecret = 'C0NF0RMANCE-CONSUMER-SECRET'
const accessTokenSecret = 'C0NF0RMANCE-TOKEN-SECRET'
const config = {
  consumerKey: 'C0NF0RMANCE-CONSUMER-KEY',
  consumerSecret,
  accessToken: 'C0NF0RMANCE-ACCESS-TOKEN',
  accessTokenSecret,
  reconcileFrom: new Date(Date.now() - 2 * 24 * 3600_000).toISOString(),
}

/** The recorded sales, moved so they were sold as long before now as before the recording. */
function salesNow(list: TradeMeSoldItem[]): TradeMeSoldItem[] {
  const shift = Date.now() - tradeMeTime(recorded.recordedAt)!
  return list.map((s) => ({
    ...structuredClone(s),
    SoldDate: toTradeMeDate(tradeMeTime(s.SoldDate)! + shift),
  }))
}

const REACH: Record<string, number> = {
  LastHour: 3600_000,
  Last24Hours: 24 * 3600_000,
  Last3Days: 3 * 24 * 3600_000,
  Last7Days: 7 * 24 * 3600_000,
  Last30Days: 30 * 24 * 3600_000,
  Last45Days: 45 * 24 * 3600_000,
}

/** TradeMe's SoldItems as the documentation shows it: a fixed window, newest first, paged. */
function soldItems(sales: TradeMeSoldItem[]) {
  return (req: FixtureRequest) => {
    const url = `http://${req.headers.host}${req.url}`
    const signed = verifyOAuth1Signature(
      { method: req.method, url, authorization: req.headers.authorization },
      { consumerSecret, tokenSecret: accessTokenSecret },
    )
    if (!signed) return { status: 401, body: { ErrorDescription: 'Invalid OAuth signature' } }
    const match = /^\/v1\/MyTradeMe\/SoldItems\/(\w+)\.json$/.exec(req.path)
    if (!match || !REACH[match[1]!]) return { status: 404, body: { ErrorDescription: 'Not found' } }
    const after = Date.now() - REACH[match[1]!]!
    const all = sales
      .filter((s) => tradeMeTime(s.SoldDate)! >= after)
      .sort((a, b) => tradeMeTime(b.SoldDate)! - tradeMeTime(a.SoldDate)!)
    const page = Number(req.query.get('page') ?? 1)
    const rows = Number(req.query.get('rows') ?? 50)
    const list = all.slice((page - 1) * rows, page * rows)
    return { status: 200, body: { TotalCount: all.length, Page: page, PageSize: list.length, List: list } }
  }
}

const sales = salesNow(recorded.answer.List)
const withAddress = sales.filter((s) => s.DeliveryAddress)
const withId = (s: TradeMeSoldItem, id: number) => ({ ...structuredClone(s), PurchaseId: id })
const broken = withId(withAddress[0]!, 61000002)
broken.DeliveryAddress!.Country = 'Narnia'

describePluginConformance(plugin, {
  config,
  invalidConfig: { config: { ...config, signatureMethod: 'RSA-SHA1' }, field: 'signatureMethod' },
  withBaseUrl: (c, url) => ({ ...c, baseUrl: url }),
  http: soldItems(sales),
  poll: {
    futureCursor: JSON.stringify({ since: '2999-01-01T00:00:00Z', seen: [], waiting: [] }),
    minOrders: 2,
    malformedPage: {
      http: soldItems([withId(withAddress[0]!, 61000001), broken, withId(withAddress[1]!, 61000003)]),
      goodOrders: 2,
      badExternalId: '61000002',
    },
  },
})

describe('TradeMe sold items poll', () => {
  const run = async (list: TradeMeSoldItem[], options: { rows?: number; cursor?: string | null } = {}) => {
    const server = await startFixtureServer(soldItems(list))
    try {
      const t = createTestContext(plugin, { ...config, baseUrl: server.url, rows: options.rows ?? 100 })
      const poll = plugin.capabilities.ordersPoll!.poll
      const results = []
      let cursor = options.cursor ?? null
      for (let i = 0; i < 20; i++) {
        const r = await poll(cursor, t.ctx)
        results.push(r)
        cursor = r.cursor
        if (!r.more) break
      }
      return { results, cursor, requests: server.requests }
    } finally {
      await server.close()
    }
  }

  it('maps a sale to a canonical order: address, price, shipping, sku, buyer', async () => {
    const { results, requests } = await run(sales)
    expect(requests[0]!.path).toBe('/v1/MyTradeMe/SoldItems/Last3Days.json')
    expect(requests[0]!.headers.authorization).toMatch(/^OAuth .*oauth_signature_method="HMAC-SHA1"/)
    const orders = results.flatMap((r) => r.events).flatMap((e) => (e.type === 'order' ? [e.order] : []))
    expect(orders.map((o) => o.externalId)).toEqual(['51234567', '51234890'])
    expect(orders[0]).toMatchObject({
      orderNumber: 'P51234567',
      currency: 'NZD',
      customer: { externalId: '4005383', email: 'kiwi.buyer@example.co.nz', name: 'Aroha Ngata' },
      shipTo: {
        name: 'Aroha Ngata',
        line1: '12 Karangahape Road',
        line2: 'Flat 3, Newton',
        city: 'Auckland',
        postcode: '1010',
        country: 'NZ',
        phone: '021 555 0101',
      },
      lines: [{ externalLineId: '51234567', sku: 'SKU-A', quantity: 2, unitPrice: '49.90' }],
      shippingTotal: '6.50',
      total: '106.30',
      notes: 'Please leave at the back door',
    })
    expect(orders[0]!.placedAt).toBe(new Date(tradeMeTime(sales[0]!.SoldDate)!).toISOString())
    // A listing without a SKU is sold under its listing id, for the hub's sku mappings.
    expect(orders[1]!.lines[0]!.sku).toBe('4980005678')
  })

  it('pages through a window, then takes nothing twice from the overlap', async () => {
    const many = Array.from({ length: 5 }, (_, i) => withId(withAddress[i % 2]!, 70000000 + i))
    const first = await run(many, { rows: 2 })
    expect(first.results.map((r) => r.more ?? false)).toEqual([true, true, false])
    const ids = first.results
      .flatMap((r) => r.events)
      .map((e) => (e.type === 'order' ? e.order.externalId : ''))
    expect(new Set(ids).size).toBe(5)
    const again = await run(many, { rows: 2, cursor: first.cursor })
    expect(again.results.flatMap((r) => r.events)).toEqual([])
  })

  it('reads a sale again until the buyer gives an address, then takes it once', async () => {
    const waiting = sales.find((s) => !s.DeliveryAddress)!
    const first = await run([waiting])
    expect(first.results[0]!.events).toEqual([])
    expect(JSON.parse(first.cursor!).waiting).toHaveLength(1)
    const addressed = { ...waiting, DeliveryAddress: structuredClone(withAddress[0]!.DeliveryAddress) }
    const second = await run([addressed], { cursor: first.cursor })
    expect(second.results[0]!.events.map((e) => e.type)).toEqual(['order'])
    const third = await run([addressed], { cursor: second.cursor })
    expect(third.results[0]!.events).toEqual([])
  })

  it('reports a sale still without an address once its wait is over', async () => {
    const waiting = sales.find((s) => !s.DeliveryAddress)!
    const server = await startFixtureServer(soldItems([waiting]))
    try {
      const t = createTestContext(plugin, { ...config, baseUrl: server.url, addressWaitSec: 60 })
      const result = await plugin.capabilities.ordersPoll!.poll(null, t.ctx)
      expect(result.events).toEqual([])
      expect(result.unmapped?.[0]).toMatchObject({
        externalId: String(waiting.PurchaseId),
        reasons: [{ field: 'DeliveryAddress.Address1', code: 'INVALID_PAYLOAD' }],
      })
    } finally {
      await server.close()
    }
  })

  it("maps a stored sale again for a replay, naming TradeMe's field while it still cannot be taken", async () => {
    const mapRecord = plugin.capabilities.ordersPoll!.mapRecord!
    const t = createTestContext(plugin, config)
    expect(await mapRecord(JSON.stringify(withAddress[0]), t.ctx)).toMatchObject({
      type: 'order',
      order: { externalId: String(withAddress[0]!.PurchaseId) },
    })
    await expect(
      Promise.resolve().then(() => mapRecord(JSON.stringify(broken), t.ctx)),
    ).rejects.toMatchObject({
      issues: [{ field: 'DeliveryAddress.Country' }],
    })
  })

  it('turns a refused signature into a config error without echoing a secret', async () => {
    const server = await startFixtureServer(soldItems(sales))
    try {
      const t = createTestContext(plugin, {
        ...config,
        baseUrl: server.url,
        accessTokenSecret: 'revoked-secret',
      })
      const error = await plugin.capabilities.ordersPoll!.poll(null, t.ctx).catch((e: unknown) => e)
      expect(error).toMatchObject({ failure: 'config' })
      expect(JSON.stringify({ m: (error as Error).message, s: (error as Error).stack })).not.toContain(
        'revoked-secret',
      )
    } finally {
      await server.close()
    }
  })
})
