import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { waitFor } from '../peers/http-peer'
import { sampleOrder } from '../peers/rest-channel-peer'
import { RestWmsPeer } from '../peers/rest-wms-peer'
import { createTestDb, dbKinds, type TestDb } from '../support/databases'
import { startTestHub, type TestHub } from '../support/test-hub'
import { seedWorld } from '../support/world'

type Listed = {
  id: string
  orderId: string
  channelInstanceId: string
  locationId: string
  status: string
  trackingNumber: string | null
  lines: { sku: string; quantity: number }[]
  updatedAt: string
}

/**
 * `GET /api/v1/fulfilments`: every order's fulfilment requests in one list, paged as every list is,
 * filtered by status, channel, location and order, and by `updatedSince` for a warehouse or ERP's
 * incremental sync (shipping with tracking counts as a change). A channel-scoped key sees its
 * channel only.
 */
describe.each(dbKinds)('the fulfilments list on %s', (kind) => {
  let db: TestDb
  let hub: TestHub
  let wms: RestWmsPeer
  let scopedKey = ''
  const orders: Record<'web1' | 'web2' | 'pos', string> = {} as never

  beforeAll(async () => {
    db = await createTestDb(kind)
    wms = await RestWmsPeer.start('fulfilments-list-wms-key', 'fulfilments-list-wms-hook')
    hub = await startTestHub(
      db,
      [
        { id: 'web', use: '@switchyard/rest-channel', config: { secret: { $env: 'WEB' } } },
        { id: 'pos', use: '@switchyard/rest-channel', config: { secret: { $env: 'POS' } } },
        {
          id: 'dc',
          use: '@switchyard/rest-wms',
          config: { baseUrl: wms.http.url, apiKey: { $env: 'K' }, webhookSecret: { $env: 'H' } },
        },
      ],
      { WEB: 'fl-web-secret', POS: 'fl-pos-secret', K: wms.apiKey, H: wms.webhookSecret },
    )
    await seedWorld(hub.api, { wms: 'dc' })
    scopedKey = (
      await hub.api('/api/v1/keys', { body: { name: 'pos only', role: 'integrator', channel: 'pos' } })
    ).body.token
    for (const [name, channel] of [
      ['web1', 'web'],
      ['web2', 'web'],
      ['pos', 'pos'],
    ] as const) {
      const posted = await hub.api('/api/v1/orders', { body: { channel, order: sampleOrder() } })
      expect(posted.status).toBe(201)
      orders[name] = posted.body.orderId
    }
    await waitFor(
      async () => ((await list('?status=accepted')).items.length >= 3 ? true : undefined),
      15_000,
      'three accepted fulfilments',
    )
  }, 60_000)

  afterAll(async () => {
    await hub?.stop()
    await wms?.close()
    await db?.drop()
  })

  const list = async (query = '', key?: string) => {
    const res = await hub.api(`/api/v1/fulfilments${query}`, key ? { key } : {})
    expect(res.status).toBe(200)
    return res.body as { items: Listed[]; nextCursor: string | null }
  }

  it('lists every order’s requests with their lines, oldest first, page by page', async () => {
    const seen: Listed[] = []
    let cursor: string | null = null
    do {
      const page = await list(`?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
      expect(page.items.length).toBeLessThanOrEqual(1)
      seen.push(...page.items)
      cursor = page.nextCursor
    } while (cursor)
    expect(seen.map((f) => f.orderId)).toEqual([orders.web1, orders.web2, orders.pos])
    const detail = (await hub.api(`/api/v1/orders/${orders.web1}`)).body
    expect(seen[0]).toMatchObject({
      id: detail.fulfilments[0].id,
      channelInstanceId: 'web',
      locationId: detail.fulfilments[0].locationId,
      status: 'accepted',
    })
    expect(seen[0]!.lines.map((l) => [l.sku, l.quantity])).toEqual(
      detail.lines.map((l: { sku: string; quantity: number }) => [l.sku, l.quantity]),
    )
  })

  it('gives an incremental sync what changed since its last run: a shipment with its tracking', async () => {
    const since = new Date().toISOString()
    expect((await list(`?updatedSince=${encodeURIComponent(since)}`)).items).toEqual([])
    const request = wms.fulfilments().find((f) => f.request.orderId === orders.web2)!
    await wms.ship(hub.url, 'dc', request.request.fulfilmentId, {
      carrier: 'NZ Post',
      trackingNumber: 'NZ-FL-1',
    })
    const changed = await waitFor(
      async () => {
        const items = (await list(`?updatedSince=${encodeURIComponent(since)}`)).items
        return items.length > 0 ? items : undefined
      },
      10_000,
      'the shipment in the sync',
    )
    expect(changed.map((f) => [f.orderId, f.status, f.trackingNumber])).toEqual([
      [orders.web2, 'shipped', 'NZ-FL-1'],
    ])
    expect((await list('?status=shipped')).items.map((f) => f.orderId)).toEqual([orders.web2])
    expect((await list(`?orderId=${orders.web1}`)).items.map((f) => f.status)).toEqual(['accepted'])
  })

  it('filters by channel and location, and keeps a scoped key to its channel', async () => {
    expect((await list('?channel=pos')).items.map((f) => f.orderId)).toEqual([orders.pos])
    const location = (await list()).items[0]!.locationId
    expect((await list(`?location=${location}`)).items.every((f) => f.locationId === location)).toBe(true)
    expect((await list('?location=nowhere')).items).toEqual([])
    expect((await list('', scopedKey)).items.map((f) => f.orderId)).toEqual([orders.pos])
    const other = await hub.api('/api/v1/fulfilments?channel=web', { key: scopedKey })
    expect(other.status).toBe(403)
    expect(other.body.code).toBe('FORBIDDEN_SCOPE')
  })

  it('answers a bad filter with a problem naming the parameter', async () => {
    for (const [query, field] of [
      ['?status=lost', 'status'],
      ['?limit=501', 'limit'],
      ['?updatedSince=yesterday', 'updatedSince'],
      ['?cursor=%%%', 'cursor'],
    ]) {
      const res = await hub.api(`/api/v1/fulfilments${query}`)
      expect(res.status, query).toBe(400)
      expect(res.body.status, query).toBe(400)
      expect(JSON.stringify(res.body.errors ?? res.body), query).toContain(field)
    }
  })
})
