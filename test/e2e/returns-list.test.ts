import { SIGNATURE_HEADER, signTimestamped } from '@switchyard/plugin-sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HttpPeer, waitFor } from '../peers/http-peer'
import { sampleOrder } from '../peers/rest-channel-peer'
import { RestWmsPeer } from '../peers/rest-wms-peer'
import { createTestDb, dbKinds, type TestDb } from '../support/databases'
import { startTestHub, type TestHub } from '../support/test-hub'
import { seedWorld } from '../support/world'

type Listed = {
  id: string
  orderId: string
  rmaNumber: string
  channel: string
  status: string
  updatedAt: string
}

/**
 * `GET /api/v1/returns`: every order's returns in one list, paged as every list is, filtered by
 * status, channel and order, and by `updatedSince` for an incremental sync (a receipt and a refund
 * the channel confirms later both count as changes). A channel-scoped key sees its channel only.
 */
describe.each(dbKinds)('the returns list on %s', (kind) => {
  let db: TestDb
  let hub: TestHub
  let wms: RestWmsPeer
  let portal: HttpPeer
  /** The web channel's refund portal refuses (503) until a test opens it. */
  let portalOpen = false
  const returns: { web1: Listed; web2: Listed; pos: Listed } = {} as never
  let scopedKey = ''

  beforeAll(async () => {
    db = await createTestDb(kind)
    wms = await RestWmsPeer.start('returns-list-wms-key', 'returns-list-wms-hook')
    portal = await HttpPeer.start((_req, res) => {
      res.statusCode = portalOpen ? 204 : 503
      res.end()
    })
    hub = await startTestHub(
      db,
      [
        {
          id: 'web',
          use: '@switchyard/rest-channel',
          config: { secret: { $env: 'WEB' }, refundsUrl: `${portal.url}/refunds` },
        },
        { id: 'pos', use: '@switchyard/rest-channel', config: { secret: { $env: 'POS' } } },
        {
          id: 'dc',
          use: '@switchyard/rest-wms',
          config: { baseUrl: wms.http.url, apiKey: { $env: 'K' }, webhookSecret: { $env: 'H' } },
        },
      ],
      {
        WEB: 'returns-list-web-secret',
        POS: 'returns-list-pos-secret',
        K: wms.apiKey,
        H: wms.webhookSecret,
      },
    )
    await seedWorld(hub.api, { wms: 'dc' })
    scopedKey = (
      await hub.api('/api/v1/keys', { body: { name: 'web only', role: 'integrator', channel: 'web' } })
    ).body.token
    returns.web1 = await shippedAndReturned('web')
    returns.web2 = await shippedAndReturned('web')
    returns.pos = await shippedAndReturned('pos')
  }, 60_000)

  afterAll(async () => {
    await hub?.stop()
    await wms?.close()
    await portal?.close()
    await db?.drop()
  })

  async function shippedAndReturned(channel: string): Promise<Listed> {
    const posted = await hub.api('/api/v1/orders', { body: { channel, order: sampleOrder() } })
    expect(posted.status).toBe(201)
    const orderId = posted.body.orderId as string
    const f = await waitFor(
      () => wms.fulfilments().find((x) => x.request.orderId === orderId),
      10_000,
      'fulfilment request',
    )
    await wms.ship(hub.url, 'dc', f.request.fulfilmentId, {
      carrier: 'NZ Post',
      trackingNumber: `NZ${orderId}`,
    })
    await waitFor(async () =>
      (await hub.api(`/api/v1/orders/${orderId}`)).body.status === 'shipped' ? true : undefined,
    )
    const lineId = (await hub.api(`/api/v1/orders/${orderId}`)).body.lines[0].id
    const created = await hub.api(`/api/v1/orders/${orderId}/returns`, {
      body: { lines: [{ lineId, quantity: 1 }], reason: 'changed-mind' },
    })
    expect(created.status).toBe(201)
    return created.body
  }

  const list = async (query = '', key?: string) => {
    const res = await hub.api(`/api/v1/returns${query ? `?${query}` : ''}`, key ? { key } : {})
    return {
      status: res.status,
      body: res.body,
      ids: (res.body.items as Listed[] | undefined)?.map((r) => r.id),
    }
  }
  const since = (iso: string) => `updatedSince=${encodeURIComponent(iso)}`
  const tick = () => new Promise((r) => setTimeout(r, 5))

  it('lists every order’s returns in the order they were authorised, a page at a time', async () => {
    const all = await list()
    expect(all.status).toBe(200)
    expect(all.ids).toEqual([returns.web1.id, returns.web2.id, returns.pos.id])
    expect(all.body.nextCursor).toBeNull()
    expect(all.body.items[2]).toMatchObject({
      orderId: returns.pos.orderId,
      channel: 'pos',
      status: 'authorised',
      lines: [{ quantity: 1, receivedResellable: 0 }],
      refunds: [],
    })
    expect(Date.parse(all.body.items[0].updatedAt)).toBeGreaterThan(0)

    const first = await list('limit=2')
    expect(first.ids).toEqual([returns.web1.id, returns.web2.id])
    const second = await list(`limit=2&cursor=${first.body.nextCursor}`)
    expect(second.ids).toEqual([returns.pos.id])
    expect(second.body.nextCursor).toBeNull()
  })

  it('filters by channel, status and order', async () => {
    expect((await list('channel=pos')).ids).toEqual([returns.pos.id])
    expect((await list('channel=web,pos&limit=1')).ids).toEqual([returns.web1.id])
    expect((await list(`orderId=${returns.web2.orderId}`)).ids).toEqual([returns.web2.id])
    expect((await list('status=authorised,received')).ids).toHaveLength(3)
    expect((await list('status=cancelled')).ids).toEqual([])
  })

  it('refuses a bad filter, cursor or page size naming the parameter', async () => {
    for (const [query, field] of [
      ['status=lost', 'status'],
      ['orderId=nope', 'orderId'],
      ['limit=501', 'limit'],
      [`${since('yesterday')}`, 'updatedSince'],
    ] as const) {
      const res = await list(query)
      expect(res.status).toBe(400)
      expect(JSON.stringify(res.body.errors)).toContain(field)
    }
    const cursor = await list('cursor=bm90IG91cnM')
    expect(cursor).toMatchObject({ status: 400, body: { code: 'INVALID_CURSOR' } })
  })

  it('gives an incremental sync what changed: a receipt, then the refund the channel confirms', async () => {
    await tick()
    const beforeReceipt = new Date().toISOString()
    await tick()
    expect((await list(since(beforeReceipt))).ids).toEqual([])
    const raw = JSON.stringify({
      returnId: returns.web2.rmaNumber,
      lines: [{ sku: 'SKU-A', quantity: 1, condition: 'resellable' }],
    })
    const receipt = await fetch(`${hub.url}/webhooks/dc/returns`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [SIGNATURE_HEADER]: signTimestamped(wms.webhookSecret, raw),
      },
      body: raw,
    })
    expect(receipt.status).toBeLessThan(300)
    const changed = await list(since(beforeReceipt))
    expect(changed.ids).toEqual([returns.web2.id])
    expect(changed.body.items[0]).toMatchObject({ status: 'received', refunds: [{ status: 'requested' }] })
    expect((await list('status=received')).ids).toEqual([returns.web2.id])

    // The portal refuses for now, so the refund waits; then it takes it, and the hub confirms it:
    // the return shows the confirmed refund, so it has changed again.
    await tick()
    const beforeConfirm = new Date().toISOString()
    await tick()
    expect((await list(since(beforeConfirm))).ids).toEqual([])
    portalOpen = true
    const confirmed = await waitFor(
      async () => {
        const r = await list(since(beforeConfirm))
        return r.body.items[0]?.refunds[0]?.status === 'confirmed' ? r : undefined
      },
      10_000,
      'the refund confirmed',
    )
    expect(confirmed.ids).toEqual([returns.web2.id])
    expect(confirmed.body.items[0].updatedAt >= beforeConfirm).toBe(true)
  })

  it('shows a channel-scoped key its own channel only', async () => {
    expect((await list('', scopedKey)).ids).toEqual([returns.web1.id, returns.web2.id])
    expect((await list(`orderId=${returns.pos.orderId}`, scopedKey)).ids).toEqual([])
    expect(await list('channel=pos', scopedKey)).toMatchObject({
      status: 403,
      body: { code: 'FORBIDDEN_SCOPE' },
    })
  })
})
