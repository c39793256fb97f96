import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { waitFor } from '../peers/http-peer'
import { sampleOrder } from '../peers/rest-channel-peer'
import { createTestDb, dbKinds, type TestDb } from '../support/databases'
import { type RestHub, startRestHub } from '../support/rest-hub'
import { startTestHub, type TestHub } from '../support/test-hub'
import { seedWorld } from '../support/world'

interface OrderEvent {
  id: string
  status: string
  channel: string
  updatedAt: string
}

/** Reads `GET /api/v1/events` with fetch streaming, as the console does, collecting `order` events. */
async function listen(url: string, key: string) {
  const abort = new AbortController()
  const res = await fetch(`${url}/api/v1/events`, {
    headers: { authorization: `Bearer ${key}` },
    signal: abort.signal,
  })
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/)
  const events: OrderEvent[] = []
  const state = { ended: false }
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader()
  const done = (async () => {
    let buffer = ''
    try {
      for (;;) {
        const { value, done } = await reader.read()
        if (done) break
        buffer += value
        let cut = buffer.indexOf('\n\n')
        while (cut >= 0) {
          const block = buffer.slice(0, cut)
          buffer = buffer.slice(cut + 2)
          const lines = block.split('\n')
          if (lines.includes('event: order')) {
            const data = lines.find((l) => l.startsWith('data: '))!.slice(6)
            events.push(JSON.parse(data))
          }
          cut = buffer.indexOf('\n\n')
        }
      }
    } catch {
      // Aborted by the test.
    }
    state.ended = true
  })()
  return {
    events,
    state,
    of: (orderId: string) => events.filter((e) => e.id === orderId),
    async close() {
      abort.abort()
      await done
    },
  }
}

/**
 * Live order changes: server-sent events from `GET /api/v1/events`, on both databases, filtered by
 * the key's channel, refused without a key, and (on PostgreSQL) heard on a hub other than the one
 * that made the change.
 */
describe.each(dbKinds)('live events on %s', (kind) => {
  let db: TestDb
  let rest: RestHub
  let hub: TestHub

  beforeAll(async () => {
    db = await createTestDb(kind)
    rest = await startRestHub(db, {
      plugins: [
        {
          id: 'shop',
          use: '@switchyard/rest-channel',
          config: { secret: { $env: 'SHOP_SECRET' }, callbackUrl: 'http://127.0.0.1:9/unused' },
        },
      ],
      env: { SHOP_SECRET: 'shop-secret-123' },
    })
    hub = rest.hub
    await seedWorld(hub.api, { wms: 'dc' })
  })

  afterAll(async () => {
    await rest?.stop()
    await db?.drop()
  })

  it('refuses a stream without a key (401)', async () => {
    const res = await hub.api('/api/v1/events', { key: null })
    expect(res.status).toBe(401)
    const bad = await hub.api('/api/v1/events', { key: 'sy_not_a_key' })
    expect(bad.status).toBe(401)
  })

  it('tells an order created and shipped, in order', async () => {
    const live = await listen(hub.url, hub.adminKey)
    try {
      const posted = await rest.channel.postOrder(
        hub.url,
        'web',
        sampleOrder({}, [{ sku: 'SKU-A', quantity: 1 }]),
      )
      expect(posted.status).toBe(201)
      const orderId = (posted.body.results as { orderId: string }[])[0]!.orderId
      await waitFor(() => live.of(orderId).length > 0 || undefined, 10_000, 'the created order')
      const request = await waitFor(
        () => rest.wms.fulfilments().find((f) => f.request.orderId === orderId),
        10_000,
        'fulfilment request',
      )
      const shipped = await rest.wms.ship(hub.url, 'dc', request.request.fulfilmentId, {
        carrier: 'NZ Post',
        trackingNumber: 'NZ1',
      })
      expect(shipped.status).toBe(200)
      await waitFor(
        () => live.of(orderId).some((e) => e.status === 'shipped') || undefined,
        10_000,
        'shipped',
      )
      const mine = live.of(orderId)
      expect(mine[0]).toMatchObject({ id: orderId, channel: 'web' })
      expect(mine[0]!.status).not.toBe('shipped')
      expect(mine.at(-1)!.status).toBe('shipped')
      // In the order they happened: times never go back, and nothing follows "shipped".
      const times = mine.map((e) => Date.parse(e.updatedAt))
      expect(times).toEqual([...times].sort((a, b) => a - b))
      expect(mine.findIndex((e) => e.status === 'shipped')).toBe(mine.length - 1)
    } finally {
      await live.close()
    }
  })

  it("gives a channel-scoped key only its channel's orders", async () => {
    const key = (
      await hub.api('/api/v1/keys', { body: { name: `web-${kind}`, role: 'integrator', channel: 'web' } })
    ).body.token as string
    expect(key).toMatch(/^sy_/)
    const scoped = await listen(hub.url, key)
    const all = await listen(hub.url, hub.adminKey)
    try {
      const other = await hub.api('/api/v1/orders', { body: { channel: 'shop', order: sampleOrder() } })
      expect(other.status).toBe(201)
      const mine = await hub.api('/api/v1/orders', { body: { channel: 'web', order: sampleOrder() } })
      expect(mine.status).toBe(201)
      const otherId = other.body.orderId as string
      const mineId = mine.body.orderId as string
      // The unscoped listener hears both; by then the scoped one has had every chance to hear both.
      await waitFor(
        () => (all.of(otherId).length && all.of(mineId).length) || undefined,
        10_000,
        'both orders',
      )
      await waitFor(() => scoped.of(mineId).length || undefined, 10_000, 'the scoped order')
      expect(scoped.of(otherId)).toEqual([])
      expect(scoped.events.every((e) => e.channel === 'web')).toBe(true)
    } finally {
      await scoped.close()
      await all.close()
    }
  })

  it.runIf(kind === 'postgresql')('tells a listener on one hub what another hub changed', async () => {
    const second = await startTestHub(
      db,
      [
        {
          id: 'web',
          use: '@switchyard/rest-channel',
          config: { secret: { $env: 'WEB_SECRET' }, callbackUrl: rest.channel.callbackUrl },
        },
        {
          id: 'dc',
          use: '@switchyard/rest-wms',
          config: {
            baseUrl: rest.wms.http.url,
            apiKey: { $env: 'DC_KEY' },
            webhookSecret: { $env: 'DC_HOOK' },
          },
        },
        {
          id: 'shop',
          use: '@switchyard/rest-channel',
          config: { secret: { $env: 'SHOP_SECRET' }, callbackUrl: 'http://127.0.0.1:9/unused' },
        },
      ],
      {
        WEB_SECRET: rest.channel.secret,
        DC_KEY: rest.wms.apiKey,
        DC_HOOK: rest.wms.webhookSecret,
        SHOP_SECRET: 'shop-secret-123',
      },
      hub.adminKey,
    )
    const live = await listen(second.url, hub.adminKey)
    try {
      const posted = await hub.api('/api/v1/orders', { body: { channel: 'web', order: sampleOrder() } })
      expect(posted.status).toBe(201)
      const orderId = posted.body.orderId as string
      const heard = await waitFor(() => live.of(orderId)[0], 5_000, 'the other hub’s order')
      expect(heard).toMatchObject({ id: orderId, channel: 'web' })
    } finally {
      await live.close()
      await second.stop()
    }
  })

  it('closes open streams when the hub shuts down', async () => {
    // A hub of its own on a database of its own; its drain would wait 30 s for a request that stays open.
    const ownDb = await createTestDb(kind)
    const own = await startTestHub(ownDb, [], { SWITCHYARD_DRAIN_TIMEOUT_MS: '30000' })
    try {
      const live = await listen(own.url, own.adminKey)
      const started = Date.now()
      await own.stop()
      expect(live.state.ended || (await waitFor(() => live.state.ended || undefined, 2_000, 'the end'))).toBe(
        true,
      )
      expect(Date.now() - started).toBeLessThan(5_000)
      await live.close()
    } finally {
      await ownDb.drop()
    }
  })
})
