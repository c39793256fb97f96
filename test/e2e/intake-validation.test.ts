import { connect } from 'node:net'
import { SIGNATURE_HEADER, signTimestamped } from '@switchyard/plugin-sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RestChannelPeer, sampleOrder } from '../peers/rest-channel-peer'
import { createTestDb, dbKinds, type TestDb } from '../support/databases'
import { startTestHub, type TestHub } from '../support/test-hub'
import { seedWorld } from '../support/world'

/**
 * Bad input never writes anything and always gets a 4xx problem+json naming the field; the same
 * order delivered twice (or ten times at once) is one order; keys, roles and channel scopes hold.
 */
describe.each(dbKinds)('intake validation and access on %s', (kind) => {
  let db: TestDb
  let hub: TestHub
  let web: RestChannelPeer

  const countOrders = async () => {
    let n = 0
    let cursor: string | null = null
    do {
      const page: { status: number; body: { items: unknown[]; nextCursor: string | null } } = await hub.api(
        `/api/v1/orders?limit=500${cursor ? `&cursor=${cursor}` : ''}`,
      )
      n += page.body.items.length
      cursor = page.body.nextCursor
    } while (cursor)
    return n
  }
  const allocatedTotal = async () =>
    ((await hub.api('/api/v1/inventory')).body.items as { allocated: number }[]).reduce(
      (s, l) => s + l.allocated,
      0,
    )

  beforeAll(async () => {
    db = await createTestDb(kind)
    web = await RestChannelPeer.start('web-secret-000111')
    hub = await startTestHub(
      db,
      [
        { id: 'web', use: '@switchyard/rest-channel', config: { secret: { $env: 'WEB_SECRET' } } },
        { id: 'pos', use: '@switchyard/rest-channel', config: { secret: { $env: 'POS_SECRET' } } },
      ],
      { WEB_SECRET: web.secret, POS_SECRET: 'pos-secret-222333' },
    )
    await seedWorld(hub.api)
  })

  afterAll(async () => {
    await hub?.stop()
    await web?.close()
    await db?.drop()
  })

  it('turns a redelivery into the same order, even when the copies arrive together', async () => {
    const order = sampleOrder({}, [{ sku: 'SKU-A', quantity: 1 }])
    const before = await allocatedTotal()
    const first = await web.postOrder(hub.url, 'web', order)
    const again = await web.postOrder(hub.url, 'web', order)
    expect(first.status).toBe(201)
    expect(again.status).toBe(200)
    const id = (first.body.results as { orderId: string }[])[0]!.orderId
    expect((again.body.results as { orderId: string; created: boolean }[])[0]).toMatchObject({
      orderId: id,
      created: false,
    })

    const burst = sampleOrder({}, [{ sku: 'SKU-A', quantity: 1 }])
    const answers = await Promise.all(Array.from({ length: 10 }, () => web.postOrder(hub.url, 'web', burst)))
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201])
    expect(new Set(answers.map((a) => (a.body.results as { orderId: string }[])[0]!.orderId)).size).toBe(1)

    const listed = await hub.api(`/api/v1/orders?externalId=${burst.externalId}`)
    expect(listed.body.items).toHaveLength(1)
    expect(await allocatedTotal()).toBe(before + 2)
  })

  const bad: [string, () => unknown, number, string, string][] = [
    [
      'a missing sku',
      () => sampleOrder({}, [{ quantity: 1 } as never]),
      422,
      'INVALID_PAYLOAD',
      'lines[0].sku',
    ],
    [
      'an unknown sku',
      () =>
        sampleOrder({}, [
          { sku: 'SKU-A', quantity: 1 },
          { sku: 'NO-SUCH-SKU', quantity: 1 },
        ]),
      422,
      'UNKNOWN_SKU',
      'lines[1].sku',
    ],
    [
      'a zero quantity',
      () => sampleOrder({}, [{ sku: 'SKU-A', quantity: 0 }]),
      422,
      'INVALID_PAYLOAD',
      'lines[0].quantity',
    ],
    [
      'a negative quantity',
      () => sampleOrder({}, [{ sku: 'SKU-A', quantity: -2 }]),
      422,
      'INVALID_PAYLOAD',
      'lines[0].quantity',
    ],
    [
      'a fractional quantity',
      () => sampleOrder({}, [{ sku: 'SKU-A', quantity: 1.5 }]),
      422,
      'INVALID_PAYLOAD',
      'lines[0].quantity',
    ],
    [
      'a quantity as text',
      () => sampleOrder({}, [{ sku: 'SKU-A', quantity: '2' as never }]),
      422,
      'INVALID_PAYLOAD',
      'lines[0].quantity',
    ],
    ['a number for the currency', () => sampleOrder({ currency: 554 }), 422, 'INVALID_PAYLOAD', 'currency'],
    ['no lines', () => sampleOrder({ lines: [] }), 422, 'INVALID_PAYLOAD', 'lines'],
    ['no ship-to address', () => sampleOrder({ shipTo: undefined }), 422, 'INVALID_PAYLOAD', 'shipTo'],
    [
      'a float price',
      () => sampleOrder({}, [{ sku: 'SKU-A', quantity: 1, unitPrice: 10.5 } as never]),
      422,
      'INVALID_PAYLOAD',
      'lines[0].unitPrice',
    ],
    ['malformed JSON', () => '{"externalId": "x", "lines": [', 400, 'MALFORMED_JSON', '(body)'],
  ]

  it.each(bad)(
    'keeps %s as an exception naming the field (or refuses it unreadable), writing no order',
    async (_name, body, status, code, field) => {
      const orders = await countOrders()
      const allocated = await allocatedTotal()
      const res = await web.postOrder(hub.url, 'web', body())
      if (status === 400) {
        // Unreadable: refused, nothing kept.
        expect(res.status).toBe(400)
        expect(res.contentType).toContain('application/problem+json')
        expect(res.body).toMatchObject({ status, code })
        expect((res.body.errors as { field: string }[]).map((e) => e.field)).toContain(field)
      } else {
        // Authentic but untakeable: acknowledged 202 and kept as an intake exception naming the field (issue 14).
        expect(res.status).toBe(202)
        const kept = await hub.api(`/api/v1/exceptions/${res.body.exceptionId}`)
        expect(kept.body.reasons).toContainEqual(expect.objectContaining({ field, code }))
      }
      expect(await countOrders()).toBe(orders)
      expect(await allocatedTotal()).toBe(allocated)
    },
  )

  it.each([
    ['a wrong secret', 'wrong-secret'],
    ['no signature', 'none'],
    ['a replayed (stale) signature', 'stale'],
  ] as const)('answers 401 to %s and stores nothing', async (_name, signature) => {
    const orders = await countOrders()
    const res = await web.postOrder(hub.url, 'web', sampleOrder(), { signature })
    expect(res.status).toBe(401)
    expect(res.body).toMatchObject({ code: 'SIGNATURE_INVALID' })
    expect(await countOrders()).toBe(orders)
  })

  it('refuses a body over 1 MiB with 413', async () => {
    const huge = sampleOrder({ notes: 'x'.repeat(1024 * 1024) })
    const res = await web.postOrder(hub.url, 'web', huge)
    expect(res.status).toBe(413)
    expect(res.body).toMatchObject({ code: 'BODY_TOO_LARGE' })
  })

  it('shrugs off a client that hangs up halfway through its body, and keeps serving', async () => {
    const orders = await countOrders()
    const raw = JSON.stringify(sampleOrder())
    const { hostname, port } = new URL(hub.url)
    await new Promise<void>((resolve, reject) => {
      const socket = connect({ host: hostname, port: Number(port) }, () => {
        socket.write(
          `POST /webhooks/web/orders HTTP/1.1\r\nHost: ${hostname}\r\n` +
            `Content-Type: application/json\r\nContent-Length: ${raw.length}\r\n` +
            `${SIGNATURE_HEADER}: ${signTimestamped(web.secret, raw)}\r\n\r\n` +
            raw.slice(0, Math.floor(raw.length / 2)),
        )
        setTimeout(() => socket.destroy(), 100)
      })
      socket.on('close', () => resolve())
      socket.on('error', reject)
    })
    const next = await web.postOrder(hub.url, 'web', sampleOrder())
    expect(next.status).toBe(201)
    expect(await countOrders()).toBe(orders + 1)
  })

  it('names the field through the API too, under `order`', async () => {
    const res = await hub.api('/api/v1/orders', {
      body: { channel: 'web', order: sampleOrder({}, [{ sku: 'NOPE', quantity: 1 }]) },
    })
    expect(res.status).toBe(422)
    expect(res.body.errors).toEqual([{ field: 'order.lines[0].sku', message: "unknown sku 'NOPE'" }])
    const typed = await hub.api('/api/v1/orders', {
      body: { channel: 'web', order: sampleOrder({}, [{ sku: 'SKU-A', quantity: 0 }]) },
    })
    expect(typed.status).toBe(422)
    expect(typed.body.errors[0].field).toBe('order.lines[0].quantity')
    const broken = await hub.api('/api/v1/orders', { body: '{"channel": ' })
    expect(broken.status).toBe(400)
    expect(broken.body.code).toBe('MALFORMED_JSON')
  })

  it('needs a key (401), the right role (403) and the right channel scope (403)', async () => {
    expect((await hub.api('/api/v1/orders', { key: null })).status).toBe(401)
    expect(
      (await hub.api('/api/v1/orders', { key: 'sy_000000000000_notarealkeynotarealkeynotarealkey00' }))
        .status,
    ).toBe(401)

    const viewer = (await hub.api('/api/v1/keys', { body: { name: 'auditor', role: 'viewer' } })).body
      .token as string
    const webKey = (
      await hub.api('/api/v1/keys', { body: { name: 'web portal', role: 'integrator', channel: 'web' } })
    ).body.token as string

    expect((await hub.api('/api/v1/orders', { key: viewer })).status).toBe(200)
    const denied = await hub.api('/api/v1/orders', {
      key: viewer,
      body: { channel: 'web', order: sampleOrder() },
    })
    expect(denied.status).toBe(403)
    expect(denied.body.code).toBe('FORBIDDEN_ROLE')
    expect((await hub.api('/api/v1/keys', { key: viewer })).status).toBe(403)

    const own = await hub.api('/api/v1/orders', {
      key: webKey,
      body: { channel: 'web', order: sampleOrder() },
    })
    expect(own.status).toBe(201)
    const other = await hub.api('/api/v1/orders', {
      key: webKey,
      body: { channel: 'pos', order: sampleOrder() },
    })
    expect(other.status).toBe(403)
    expect(other.body.code).toBe('FORBIDDEN_SCOPE')
    const stock = await hub.api('/api/v1/inventory', {
      key: webKey,
      method: 'PUT',
      body: { items: [{ sku: 'SKU-A', locationId: 'akl', onHand: 1 }] },
    })
    expect(stock.status).toBe(403)

    // A scoped key sees only its channel's orders.
    const posOrder = await hub.api('/api/v1/orders', { body: { channel: 'pos', order: sampleOrder() } })
    expect(posOrder.status).toBe(201)
    const seen = await hub.api('/api/v1/orders?limit=500', { key: webKey })
    expect(seen.body.items.every((o: { channelInstanceId: string }) => o.channelInstanceId === 'web')).toBe(
      true,
    )
    expect((await hub.api(`/api/v1/orders/${posOrder.body.orderId}`, { key: webKey })).status).toBe(404)
    expect((await hub.api('/api/v1/orders?channel=pos', { key: webKey })).status).toBe(403)
  })
})
