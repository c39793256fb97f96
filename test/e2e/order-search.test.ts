import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { searchOrders } from '../../core/src/orders/search/order-search'
import { waitFor } from '../peers/http-peer'
import { type RestChannelPeer, sampleOrder } from '../peers/rest-channel-peer'
import type { RestWmsPeer } from '../peers/rest-wms-peer'
import { createTestDb, dbKinds, type TestDb } from '../support/databases'
import { startRestHub } from '../support/rest-hub'
import type { TestHub } from '../support/test-hub'
import { seedWorld } from '../support/world'

/**
 * The orders list of the console (issue 15) on both databases: every filter returns exactly the
 * orders it describes, paging under each sort returns every order once and in order, counts
 * agree with the list, a channel-scoped key sees its channel only, and bad input is 400 naming
 * the parameter. The orders come in through the API and are routed, held, backordered, shipped
 * and returned for real; the expected sets are worked out from each order's detail.
 */
const RULES = [
  {
    name: 'node-review',
    conditions: { all: [{ name: 'cond-review', fact: 'order.tags', operator: 'contains', value: 'review' }] },
    event: { type: 'hold', params: { reason: 'Tagged for REVIEW by the fraud desk' } },
  },
  {
    name: 'node-primary',
    conditions: { all: [] },
    event: {
      type: 'strategy',
      params: { id: 'nearest-cheapest', split: { policy: 'allowed', maxShipments: 2 } },
    },
  },
]

interface Detail {
  id: string
  channelInstanceId: string
  externalOrderId: string
  orderNumber: string | null
  status: string
  placedAt: string
  updatedAt: string
  promiseDate: string | null
  holdReason: string | null
  lines: { sku: string }[]
  allocations: { locationId: string }[]
  fulfilments: { locationId: string }[]
}

describe.each(dbKinds)('orders list on %s', (kind) => {
  let db: TestDb
  let hub: TestHub
  let channel: RestChannelPeer
  let wms: RestWmsPeer
  const ids: Record<string, string> = {}
  let details: Detail[] = []
  let updatedMark = ''

  const list = async (query: string, key?: string) => {
    const res = await hub.api(`/api/v1/orders?limit=500&${query}`, key ? { key } : {})
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    return res.body.items as { id: string; status: string; placedAt: string; promiseDate: string | null }[]
  }
  const idsOf = async (query: string) => new Set((await list(query)).map((o) => o.id))
  const expected = (pick: (d: Detail) => boolean) => new Set(details.filter(pick).map((d) => d.id))

  const submit = async (
    name: string,
    channelId: string,
    overrides: Record<string, unknown>,
    lines?: { sku: string; quantity: number }[],
  ) => {
    const res = await hub.api('/api/v1/orders', {
      body: {
        channel: channelId,
        order: sampleOrder({ externalId: `${name}-${kind}`, ...overrides }, lines),
      },
    })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    ids[name] = res.body.orderId
    return res.body.orderId as string
  }

  beforeAll(async () => {
    db = await createTestDb(kind)
    ;({ hub, channel, wms } = await startRestHub(db, {
      plugins: [
        { id: 'pos', use: '@switchyard/rest-channel', config: { secret: { $env: 'POS_SECRET' } } },
        { id: 'edi', use: '@switchyard/rest-channel', config: { secret: { $env: 'EDI_SECRET' } } },
      ],
      env: { POS_SECRET: 'pos-secret-123456', EDI_SECRET: 'edi-secret-123456' },
    }))
    await seedWorld(hub.api, { wms: 'dc' })
    await hub.api('/api/v1/rules/sets', { body: { id: 'sourcing', kind: 'sourcing', name: 'Sourcing' } })
    const draft = await hub.api('/api/v1/rules/sets/sourcing/versions', { body: { rules: RULES } })
    expect(draft.status, JSON.stringify(draft.body)).toBe(201)
    const v = draft.body.version.version
    expect((await hub.api(`/api/v1/rules/sets/sourcing/versions/${v}/publish`, { body: {} })).status).toBe(
      200,
    )

    const aroha = { customer: { email: 'Aroha.Smith@example.nz', name: 'Aroha Smith' } }
    const ben = { customer: { email: 'ben@example.nz', name: 'Ben Ngata' } }
    await submit('a', 'web', { ...aroha, orderNumber: '#1001', placedAt: '2026-11-01T10:00:00Z' })
    await submit('b', 'pos', { ...ben, placedAt: '2026-11-02T10:00:00Z' }, [{ sku: 'SKU-B', quantity: 1 }])
    await submit('c', 'edi', { placedAt: '2026-11-03T10:00:00Z' }, [{ sku: 'SKU-D', quantity: 1 }])
    await submit('d', 'web', { ...ben, tags: ['review'], placedAt: '2026-11-04T10:00:00Z' })
    // Two orders placed at the same instant as `a`: paging must break the tie, not skip or repeat.
    await submit('e', 'web', { placedAt: '2026-11-01T10:00:00Z' }, [{ sku: 'SKU-B', quantity: 1 }])
    await submit('f', 'pos', { ...aroha, placedAt: '2026-11-01T10:00:00Z' }, [{ sku: 'SKU-C', quantity: 1 }])
    const shipped = await submit('g', 'web', { placedAt: '2026-11-06T10:00:00Z' })
    updatedMark = new Date().toISOString()
    // `g` ships and a return is opened for it: it changes after the mark, as `b`'s cancellation does.
    const request = await waitFor(
      () => wms.fulfilments().find((x) => x.request.orderId === shipped),
      10_000,
      'fulfilment',
    )
    await wms.ship(hub.url, 'dc', request.request.fulfilmentId, { carrier: 'NZ Post', trackingNumber: 'NZ1' })
    await waitFor(async () =>
      (await hub.api(`/api/v1/orders/${shipped}`)).body.status === 'shipped' ? true : undefined,
    )
    const shippedDetail = (await hub.api(`/api/v1/orders/${shipped}`)).body
    const ret = await hub.api(`/api/v1/orders/${shipped}/returns`, {
      body: { lines: [{ lineId: shippedDetail.lines[0].id, quantity: 1 }], reason: 'changed-mind' },
    })
    expect(ret.status, JSON.stringify(ret.body)).toBe(201)
    const cancelled = await hub.api(`/api/v1/orders/${ids.b}/cancel`, { body: {} })
    expect([200, 202]).toContain(cancelled.status)
    await waitFor(async () =>
      (await hub.api(`/api/v1/orders/${ids.b}`)).body.status === 'cancelled' ? true : undefined,
    )
    details = await Promise.all(
      Object.values(ids).map(async (id) => (await hub.api(`/api/v1/orders/${id}`)).body as Detail),
    )
  })

  afterAll(async () => {
    await hub?.stop()
    await channel?.close()
    await wms?.close()
    await db?.drop()
  })

  it('holds the world the filters are checked against', () => {
    const status = Object.fromEntries(details.map((d) => [d.externalOrderId.split('-')[0], d.status]))
    expect(status).toMatchObject({ b: 'cancelled', c: 'backordered', d: 'held', g: 'shipped' })
    // The router promised a delivery day to every routed order, and none to the held one.
    expect(details.find((d) => d.id === ids.a)!.promiseDate).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(details.find((d) => d.id === ids.d)!.promiseDate).toBeNull()
  })

  it('filters by channel, status, location, dates, hold reason and returns, exactly', async () => {
    expect(await idsOf('')).toEqual(expected(() => true))
    expect(await idsOf('channel=web')).toEqual(expected((d) => d.channelInstanceId === 'web'))
    expect(await idsOf('channel=pos,edi')).toEqual(expected((d) => d.channelInstanceId !== 'web'))
    expect(await idsOf('status=held')).toEqual(new Set([ids.d]))
    expect(await idsOf('status=backordered,cancelled')).toEqual(new Set([ids.c, ids.b]))
    expect(await idsOf('channel=web&status=held')).toEqual(new Set([ids.d]))
    for (const location of ['akl', 'wlg', 'chc']) {
      const at = expected(
        (d) =>
          d.allocations.some((a) => a.locationId === location) ||
          d.fulfilments.some((f) => f.locationId === location),
      )
      expect(await idsOf(`location=${location}`), location).toEqual(at)
    }
    expect(expected((d) => d.allocations.length > 0).size).toBeGreaterThan(3)
    expect(await idsOf('placedFrom=2026-11-02T00:00:00Z&placedTo=2026-11-04T10:00:00Z')).toEqual(
      new Set([ids.b, ids.c]),
    )
    expect(await idsOf('placedTo=2026-11-01T10:00:00.001Z')).toEqual(new Set([ids.a, ids.e, ids.f]))
    expect(await idsOf(`updatedSince=${updatedMark}`)).toEqual(expected((d) => d.updatedAt >= updatedMark))
    for (const changed of [ids.b, ids.g])
      expect(await idsOf(`updatedSince=${updatedMark}`)).toContain(changed)
    expect(await idsOf(`updatedSince=${updatedMark}`)).not.toContain(ids.d)
    expect(await idsOf('holdReason=review%20by')).toEqual(new Set([ids.d]))
    expect(await idsOf('holdReason=100%25')).toEqual(new Set())
    expect(await idsOf('returnsOpen=true')).toEqual(new Set([ids.g]))
    expect(await idsOf('cancelRequested=true')).toEqual(new Set())
    expect(await idsOf('hasExceptions=true')).toEqual(new Set())
  })

  it('filters by promise day and lateness', async () => {
    const promised = details
      .filter((d) => d.promiseDate)
      .map((d) => d.promiseDate!)
      .sort()
    const cut = promised[promised.length - 1]!
    expect(await idsOf(`promiseBefore=${cut}`)).toEqual(
      expected((d) => d.promiseDate !== null && d.promiseDate < cut),
    )
    const dayAfter = new Date(Date.parse(cut) + 86_400_000).toISOString().slice(0, 10)
    const promisedIds = expected((d) => d.promiseDate !== null)
    expect(promisedIds.size).toBeGreaterThan(2)
    expect(await idsOf(`promiseBefore=${dayAfter}`)).toEqual(promisedIds)
    expect(await idsOf('promiseBefore=2000-01-01')).toEqual(new Set())
    // Promises are days after today: nothing is late yet, whatever its status.
    expect(await idsOf('late=true')).toEqual(new Set())
    expect(await idsOf('late=false')).toEqual(expected(() => true))
  })

  it('searches external order id, order number, customer name and email, and sku', async () => {
    expect(await idsOf(`q=a-${kind}`)).toEqual(new Set([ids.a]))
    expect(await idsOf(`q=${encodeURIComponent('#1001')}`)).toEqual(new Set([ids.a]))
    expect(await idsOf('q=aroha')).toEqual(new Set([ids.a, ids.f]))
    expect(await idsOf('q=ARoha%20Sm')).toEqual(new Set([ids.a, ids.f]))
    expect(await idsOf('q=ben%40exam')).toEqual(new Set([ids.b, ids.d]))
    expect(await idsOf('q=SKU-B')).toEqual(expected((d) => d.lines.some((l) => l.sku === 'SKU-B')))
    expect(await idsOf('q=SKU-B&channel=pos')).toEqual(new Set([ids.b]))
    expect(await idsOf('q=smith')).toEqual(new Set())
    expect(await idsOf('q=%25')).toEqual(new Set())
  })

  it('answers a search the same way when it walks the sort index (many customers match)', async () => {
    for (const q of ['aroha', 'ben@exam', 'SKU-B', `a-${kind}`, '#1001', 'kiri t', 'nobody'])
      for (const sort of ['-placed', 'promise'] as const) {
        const api = await hub.api(`/api/v1/orders?limit=500&sort=${sort}&q=${encodeURIComponent(q)}`)
        // A threshold of 0 customers: every search is taken as dense.
        const dense = await searchOrders(hub.hub.core.db, { q, sort, limit: 500 }, { denseCustomers: 0 })
        expect(
          dense.items.map((o) => o.id),
          `${q} ${sort}`,
        ).toEqual(api.body.items.map((o: { id: string }) => o.id))
      }
    expect((await searchOrders(hub.hub.core.db, { q: 'aroha' }, { denseCustomers: 0 })).items).toHaveLength(2)
  })

  it.each(['placed', '-placed', 'promise', '-promise'])(
    'pages under sort %s: every order once, in order',
    async (sort) => {
      const seen: { id: string; placedAt: string; promiseDate: string | null }[] = []
      let cursor: string | null = null
      let pages = 0
      do {
        const res: { status: number; body: { items: typeof seen; nextCursor: string | null } } =
          await hub.api(`/api/v1/orders?limit=2&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`)
        expect(res.status).toBe(200)
        seen.push(...res.body.items)
        cursor = res.body.nextCursor
        pages++
      } while (cursor && pages < 20)
      expect(seen.map((o) => o.id).sort()).toEqual(Object.values(ids).sort())
      const desc = sort.startsWith('-')
      const key = (o: (typeof seen)[number]) => (sort.endsWith('placed') ? o.placedAt : o.promiseDate)
      for (let i = 1; i < seen.length; i++) {
        const [a, b] = [key(seen[i - 1]!), key(seen[i]!)]
        if (a === null) expect(b, 'orders without a promise come last').toBeNull()
        else if (b !== null) expect(desc ? a >= b : a <= b, `${a} then ${b}`).toBe(true)
      }
    },
  )

  it('counts per status for the same filters', async () => {
    for (const query of ['', 'channel=web', 'q=aroha', 'placedTo=2026-11-03T00:00:00Z']) {
      const res = await hub.api(`/api/v1/orders/counts?${query}`)
      expect(res.status).toBe(200)
      const byStatus: Record<string, number> = {}
      for (const o of await list(query)) byStatus[o.status] = (byStatus[o.status] ?? 0) + 1
      for (const [status, n] of Object.entries(res.body.byStatus))
        expect(n, `${query} ${status}`).toBe(byStatus[status] ?? 0)
      expect(res.body.total).toBe((await list(query)).length)
    }
  })

  it('shows a channel-scoped key its own channel only', async () => {
    const key = (
      await hub.api('/api/v1/keys', { body: { name: `pos-${kind}`, role: 'integrator', channel: 'pos' } })
    ).body.token
    expect(key).toBeTruthy()
    expect(new Set((await list('', key)).map((o) => o.id))).toEqual(
      expected((d) => d.channelInstanceId === 'pos'),
    )
    expect(new Set((await list('q=aroha', key)).map((o) => o.id))).toEqual(new Set([ids.f]))
    expect((await hub.api('/api/v1/orders?channel=web', { key })).status).toBe(403)
    const counts = await hub.api('/api/v1/orders/counts', { key })
    expect(counts.body.total).toBe(2)
  })

  it('refuses bad input with 400 naming the parameter', async () => {
    const placedCursor = (await hub.api('/api/v1/orders?limit=1&sort=placed')).body.nextCursor
    for (const [query, field] of [
      ['status=lost', 'status'],
      ['placedFrom=yesterday', 'placedFrom'],
      ['updatedSince=2026-11-01', 'updatedSince'],
      ['promiseBefore=2026-13-01', 'promiseBefore'],
      ['late=yes', 'late'],
      ['sort=price', 'sort'],
      ['limit=0', 'limit'],
      ['q=', 'q'],
      ['channel=web,,pos', 'channel'],
      ['cursor=not-a-cursor', 'cursor'],
      [`sort=promise&cursor=${placedCursor}`, 'cursor'],
      ['colour=red', 'colour'],
    ] as const) {
      const res = await hub.api(`/api/v1/orders?${query}`)
      expect(res.status, query).toBe(400)
      expect(res.contentType).toContain('application/problem+json')
      expect(JSON.stringify(res.body.errors), query).toContain(field)
    }
    const counts = await hub.api('/api/v1/orders/counts?late=maybe')
    expect(counts.status).toBe(400)
    expect(JSON.stringify(counts.body.errors)).toContain('late')
  })
})
