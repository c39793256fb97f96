import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { waitFor } from '../peers/http-peer'
import { RestChannelPeer, sampleOrder } from '../peers/rest-channel-peer'
import { RestWmsPeer } from '../peers/rest-wms-peer'
import { ShopifyPeer } from '../peers/shopify-peer'
import { WoocommercePeer } from '../peers/woocommerce-peer'
import { createTestDb, dbKinds, type TestDb } from '../support/databases'
import { spawnHub } from '../support/hub-process'
import { apiClient, hubEnv, writeConfig } from '../support/test-hub'
import { seedWorld } from '../support/world'
import { type ConnectorHub, startConnectorHub } from './connectors-hub'

/**
 * The intake exception inbox end to end (issue 14), through the simulated peers: an authentic order
 * the hub cannot take is acknowledged 2xx and kept; the same order again updates it; once the cause
 * is fixed a replay makes the order, routed, and the channel hears of it; a second replay is the
 * same order. Forged stays 401, unreadable 400. And a crash between storing and answering loses nothing.
 */
describe.each(dbKinds)('intake exceptions on %s', (kind) => {
  let db: TestDb
  let hub: ConnectorHub
  let web: RestChannelPeer
  let wms: RestWmsPeer
  let shop: ShopifyPeer
  let woo: WoocommercePeer
  // The reconciliation polls look only after this, so the webhooks alone bring the orders in.
  const future = new Date(Date.now() + 86_400_000).toISOString()

  beforeAll(async () => {
    db = await createTestDb(kind)
    web = await RestChannelPeer.start('exc-web-secret-1')
    wms = await RestWmsPeer.start('wms-api-key-456', 'wms-hook-secret-789')
    shop = await ShopifyPeer.start()
    woo = await WoocommercePeer.start()
    hub = await startConnectorHub(
      db,
      [
        {
          id: 'web',
          use: '@switchyard/rest-channel',
          config: { secret: { $env: 'WEB_SECRET' }, callbackUrl: web.callbackUrl },
        },
        {
          id: 'dc',
          use: '@switchyard/rest-wms',
          config: { baseUrl: wms.http.url, apiKey: { $env: 'DC_KEY' }, webhookSecret: { $env: 'DC_HOOK' } },
        },
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
      ],
      {
        WEB_SECRET: web.secret,
        DC_KEY: wms.apiKey,
        DC_HOOK: wms.webhookSecret,
        SHOP_TOKEN: shop.accessToken,
        SHOP_SECRET: shop.clientSecret,
        WOO_CK: woo.consumerKey,
        WOO_CS: woo.consumerSecret,
        WOO_HOOK: woo.webhookSecret,
      },
    )
    await seedWorld(hub.api, { wms: 'dc' })
  }, 60_000)

  afterAll(async () => {
    await hub?.stop()
    await Promise.all([web?.close(), wms?.close(), shop?.close(), woo?.close()])
    await db?.drop()
  })

  const exceptionsOf = async (instance: string, status = 'open') =>
    (await hub.api(`/api/v1/exceptions?instance=${instance}&status=${status}`)).body.items as {
      id: string
      externalOrderId: string | null
      occurrences: number
      reasons: { field: string; code: string }[]
    }[]
  const addProduct = async (sku: string) =>
    expect(
      (await hub.api('/api/v1/products', { method: 'PUT', body: { items: [{ sku, name: sku }] } })).status,
    ).toBe(200)
  const stock = (sku: string) =>
    hub.api('/api/v1/inventory', { method: 'PUT', body: { items: [{ sku, locationId: 'akl', onHand: 50 }] } })

  /** The walk every channel must pass: kept, updated, replayed into a routed order, replayed again. */
  async function walk(
    instance: string,
    sku: string,
    send: (attempt: number) => Promise<{ status: number; body: any }>,
  ) {
    const first = await send(1)
    expect(first.status, JSON.stringify(first.body)).toBe(202)
    expect(first.body.exceptionId).toEqual(expect.any(String))
    const open = await exceptionsOf(instance)
    expect(open).toHaveLength(1)
    expect(open[0]!.reasons).toContainEqual(
      expect.objectContaining({ field: 'lines[0].sku', code: 'UNKNOWN_SKU' }),
    )

    const again = await send(2)
    expect(again.status).toBe(202)
    expect(again.body.exceptionId).toBe(first.body.exceptionId)
    const updated = await exceptionsOf(instance)
    expect(updated).toHaveLength(1)
    expect(updated[0]!.occurrences).toBe(2)

    const detail = await hub.api(`/api/v1/exceptions/${first.body.exceptionId}`)
    expect(detail.status).toBe(200)
    expect(detail.body.payload).toEqual(expect.any(String))
    expect(detail.body.marks).toContainEqual(
      expect.objectContaining({ field: 'lines[0].sku', path: ['lines', 0, 'sku'], value: sku }),
    )

    await addProduct(sku)
    await stock(sku)
    const replay = await hub.api(`/api/v1/exceptions/${first.body.exceptionId}/replay`, { body: {} })
    expect(replay.status).toBe(200)
    expect(replay.body).toMatchObject({ outcome: 'replayed', created: true })
    const order = await hub.api(`/api/v1/orders/${replay.body.orderId}`)
    expect(order.body.channelInstanceId ?? order.body.channel).toBe(instance)
    expect(['allocated', 'released']).toContain(order.body.status)

    const second = await hub.api(`/api/v1/exceptions/${first.body.exceptionId}/replay`, { body: {} })
    expect(second.body).toMatchObject({ outcome: 'replayed', orderId: replay.body.orderId, created: false })
    expect(await exceptionsOf(instance)).toHaveLength(0)
    return { exceptionId: first.body.exceptionId as string, orderId: replay.body.orderId as string }
  }

  it('REST channel: kept, updated, replayed and routed; the channel hears its status', async () => {
    const order = sampleOrder({ externalId: `REST-${kind}` }, [{ sku: 'SKU-REST-NEW', quantity: 1 }])
    const { orderId } = await walk('web', 'SKU-REST-NEW', () => web.postOrder(hub.url, 'web', order))
    await waitFor(() =>
      web
        .callbacks()
        .some(
          (c) =>
            (c.update as { orderId?: string }).orderId === orderId ||
            JSON.stringify(c.update).includes(`REST-${kind}`),
        ),
    )
    // Forged stays 401, unreadable stays 400: neither is kept.
    expect((await web.postOrder(hub.url, 'web', order, { signature: 'wrong-secret' })).status).toBe(401)
    expect((await web.postOrder(hub.url, 'web', '{"externalId": ')).status).toBe(400)
    expect(await exceptionsOf('web')).toHaveLength(0)
  })

  it('Shopify: an unknown sku is acknowledged, kept and replayed', async () => {
    const order = shop.createOrder([{ sku: 'SKU-SHOP-NEW', quantity: 1 }])
    await walk('shop', 'SKU-SHOP-NEW', () => shop.sendWebhook(hub.url, 'shop', 'orders/create', order.body))
  })

  it('WooCommerce: an unknown sku is acknowledged, kept and replayed', async () => {
    const order = woo.createOrder([{ sku: 'SKU-WOO-NEW', quantity: 1 }])
    // WooCommerce's redelivery of the same state is a duplicate (its dedupe key): the order sent
    // again is the order updated, a new state with the same unknown sku.
    await walk('woo', 'SKU-WOO-NEW', (attempt) =>
      attempt === 1
        ? woo.sendWebhook(hub.url, 'woo', 'order.created', order)
        : woo.sendWebhook(hub.url, 'woo', 'order.updated', {
            ...order,
            date_modified_gmt: new Date(Date.now() + 1000).toISOString().slice(0, 19),
          }),
    )
    // Its redelivery is acknowledged as a duplicate: nothing more to keep.
    expect((await woo.sendWebhook(hub.url, 'woo', 'order.created', order)).status).toBe(200)
  })

  it('an order holding text no database can store is kept, its field named', async () => {
    // Text no database can store, in one order of a REST delivery: kept with its field named, 202.
    const bad = sampleOrder({ externalId: `TEXT-${kind}`, notes: 'a\u0000b' })
    const res = await web.postOrder(hub.url, 'web', bad)
    expect(res.status).toBe(202)
    const kept = await hub.api(`/api/v1/exceptions/${res.body.exceptionId}`)
    expect(kept.body.reasons).toContainEqual(
      expect.objectContaining({ field: 'notes', code: 'INVALID_TEXT' }),
    )
  })

  it('discard needs a reason; viewers cannot replay; another channel’s key sees nothing', async () => {
    const order = sampleOrder({ externalId: `ROLE-${kind}` }, [{ sku: 'SKU-NEVER', quantity: 1 }])
    const kept = await web.postOrder(hub.url, 'web', order)
    const id = kept.body.exceptionId as string
    const viewer = (await hub.api('/api/v1/keys', { body: { name: 'v', role: 'viewer' } })).body.token
    const analyst = (await hub.api('/api/v1/keys', { body: { name: 'a', role: 'analyst' } })).body.token
    const shopKey = (
      await hub.api('/api/v1/keys', { body: { name: 's', role: 'integrator', channel: 'shop' } })
    ).body.token
    const webKey = (
      await hub.api('/api/v1/keys', { body: { name: 'w', role: 'integrator', channel: 'web' } })
    ).body.token

    expect((await hub.api(`/api/v1/exceptions/${id}`, { key: viewer })).status).toBe(200)
    expect((await hub.api(`/api/v1/exceptions/${id}`, { key: analyst })).status).toBe(200)
    expect((await hub.api(`/api/v1/exceptions/${id}/replay`, { body: {}, key: viewer })).status).toBe(403)
    expect((await hub.api(`/api/v1/exceptions/${id}/replay`, { body: {}, key: analyst })).status).toBe(403)
    expect((await hub.api(`/api/v1/exceptions/${id}`, { key: shopKey })).status).toBe(404)
    expect((await hub.api(`/api/v1/exceptions/${id}/replay`, { body: {}, key: shopKey })).status).toBe(404)
    expect((await hub.api(`/api/v1/exceptions?instance=web`, { key: shopKey })).status).toBe(403)
    const shopList = await hub.api('/api/v1/exceptions', { key: shopKey })
    expect(
      shopList.body.items.every((e: { channelInstanceId: string }) => e.channelInstanceId === 'shop'),
    ).toBe(true)
    expect((await hub.api(`/api/v1/exceptions/${id}`, { key: webKey })).status).toBe(200)

    const noReason = await hub.api(`/api/v1/exceptions/${id}/discard`, { body: {} })
    expect(noReason.status).toBe(400)
    expect(JSON.stringify(noReason.body.errors)).toContain('reason')
    const discarded = await hub.api(`/api/v1/exceptions/${id}/discard`, { body: { reason: 'test order' } })
    expect(discarded.body).toMatchObject({ status: 'discarded', discardReason: 'test order' })
    expect((await hub.api(`/api/v1/exceptions/${id}/replay`, { body: {} })).status).toBe(409)
  })

  it('lists by updatedSince (what changed, a discard included) beside since (last seen)', async () => {
    const post = async (ref: string) =>
      (
        await web.postOrder(
          hub.url,
          'web',
          sampleOrder({ externalId: `${ref}-${kind}` }, [{ sku: 'SKU-NEVER', quantity: 1 }]),
        )
      ).body.exceptionId as string
    const older = await post('SYNC-OLD')
    const other = await post('SYNC-OTHER')
    await new Promise((r) => setTimeout(r, 5))
    const mark = encodeURIComponent(new Date().toISOString())
    await new Promise((r) => setTimeout(r, 5))
    await hub.api(`/api/v1/exceptions/${older}/discard`, { body: { reason: 'sync test' } })

    const changed = await hub.api(`/api/v1/exceptions?updatedSince=${mark}`)
    expect(changed.status).toBe(200)
    const ids = changed.body.items.map((e: { id: string }) => e.id)
    expect(ids).toContain(older)
    expect(ids).not.toContain(other)
    expect(
      changed.body.items.find((e: { id: string }) => e.id === older).updatedAt >= decodeURIComponent(mark),
    ).toBe(true)
    const seen = (await hub.api(`/api/v1/exceptions?since=${mark}`)).body.items.map(
      (e: { id: string }) => e.id,
    )
    expect(seen).not.toContain(older)
    expect((await hub.api('/api/v1/exceptions?updatedSince=yesterday')).status).toBe(400)
    // The later tests count the open ones.
    await hub.api(`/api/v1/exceptions/${other}/discard`, { body: { reason: 'sync test' } })
  })

  it('shows open exceptions on the instance health and in /metrics; bulk replay by filter', async () => {
    const openBefore = (await hub.api('/api/v1/plugins')).body.items.find(
      (i: { id: string }) => i.id === 'web',
    ).openExceptions as number
    const a = sampleOrder({ externalId: `BULK-A-${kind}` }, [{ sku: 'SKU-BULK', quantity: 1 }])
    const b = sampleOrder({ externalId: `BULK-B-${kind}` }, [{ sku: 'SKU-BULK', quantity: 1 }])
    await web.postOrder(hub.url, 'web', a)
    await web.postOrder(hub.url, 'web', b)
    const plugins = await hub.api('/api/v1/plugins')
    const webHealth = plugins.body.items.find((i: { id: string }) => i.id === 'web')
    expect(webHealth.openExceptions).toBe(openBefore + 2)
    const metrics = await fetch(`${hub.url}/metrics`).then((r) => r.text())
    expect(metrics).toMatch(/switchyard_intake_exceptions_open\{instance="web",reason="UNKNOWN_SKU"\} 2/)
    expect(metrics).toMatch(
      /switchyard_intake_exceptions_created_total\{instance="web",reason="UNKNOWN_SKU"\} \d+/,
    )
    expect(
      hub.logs.some(
        (l) => l.includes('intake exception') && l.includes(`BULK-A-${kind}`) && l.includes('"level":40'),
      ),
    ).toBe(true)

    await addProduct('SKU-BULK')
    await stock('SKU-BULK')
    const bulk = await hub.api('/api/v1/exceptions/replay', {
      body: { instance: 'web', reason: 'UNKNOWN_SKU' },
    })
    expect(bulk.status).toBe(200)
    expect(bulk.body).toMatchObject({ replayed: 2, stillOpen: 0 })
    expect(
      (await hub.api('/api/v1/plugins')).body.items.find((i: { id: string }) => i.id === 'web')
        .openExceptions,
    ).toBe(openBefore)
  })
})

describe.each(dbKinds)('a crash between keeping an exception and answering, on %s', (kind) => {
  let db: TestDb
  let channel: RestChannelPeer
  let config: ReturnType<typeof writeConfig>

  beforeAll(async () => {
    db = await createTestDb(kind)
    channel = await RestChannelPeer.start('crash-exc-secret-1')
    config = writeConfig([
      { id: 'web', use: '@switchyard/rest-channel', config: { secret: { $env: 'WEB_SECRET' } } },
    ])
  })
  afterAll(async () => {
    await channel?.close()
    config?.cleanup()
    await db?.drop()
  })

  it('loses nothing: the partner’s retry finds the same single exception', async () => {
    const env = hubEnv(db, config.path, {
      WEB_SECRET: channel.secret,
      SWITCHYARD_TEST_EXCEPTION_ANSWER_DELAY_MS: '5000',
    })
    const first = await spawnHub(env)
    const key = first.bootstrapKey!
    const api = apiClient(first.url, key)
    const order = sampleOrder({ externalId: `CRASH-EXC-${kind}` }, [{ sku: 'SKU-GHOST', quantity: 1 }])
    const pending = channel.postOrder(first.url, 'web', order).catch((error: unknown) => error)
    // Stored, not yet answered: kill the hub in that window.
    await waitFor(async () => ((await api('/api/v1/exceptions')).body.items ?? []).length === 1)
    await first.kill()
    expect(await pending).toBeInstanceOf(Error)

    const second = await spawnHub({ ...env, SWITCHYARD_TEST_EXCEPTION_ANSWER_DELAY_MS: '0' })
    try {
      const retry = await channel.postOrder(second.url, 'web', order)
      expect(retry.status).toBe(202)
      const items = (await apiClient(second.url, key)('/api/v1/exceptions')).body.items
      expect(items).toHaveLength(1)
      expect(items[0]).toMatchObject({
        id: retry.body.exceptionId,
        occurrences: 2,
        externalOrderId: `CRASH-EXC-${kind}`,
      })
    } finally {
      await second.stop()
    }
  }, 60_000)
})
