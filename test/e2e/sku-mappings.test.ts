import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { OrderStatusUpdate } from '@switchyard/plugin-sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HttpPeer, waitFor } from '../peers/http-peer'
import { type RestChannelPeer, sampleOrder } from '../peers/rest-channel-peer'
import type { RestWmsPeer } from '../peers/rest-wms-peer'
import { createTestDb, dbKinds, type TestDb } from '../support/databases'
import { type RestHub, startRestHub } from '../support/rest-hub'
import type { TestHub } from '../support/test-hub'
import { seedWorld } from '../support/world'

const MAIN = fileURLToPath(new URL('../../server/src/main.ts', import.meta.url))

/**
 * Runs the CLI without blocking this process: the hub under test serves from this event loop, and
 * a blocked loop lets its idle keep-alive connections expire under the next request.
 */
function cli(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], {
      env: { ...process.env, SWITCHYARD_DEMO: '0', LOG_LEVEL: 'error', ...env },
      timeout: 60_000,
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d
    })
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d
    })
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

/**
 * Channel sku mappings end to end, through the REST channel: the storefront `shop` sells SKU-A as
 * "TEE-6PK" (6 units). Its orders become the hub sku in hub units, the warehouse is asked for hub
 * units, and the storefront hears its own sku and quantity back, in its status updates and in the
 * stock it is told it may sell. `shop` is signed by the usual channel peer's secret; its callbacks
 * and stock feed go to a peer of its own.
 */
describe.each(dbKinds)('channel sku mappings on %s', (kind) => {
  let db: TestDb
  let rest: RestHub
  let hub: TestHub
  let channel: RestChannelPeer
  let wms: RestWmsPeer
  let shop: HttpPeer
  const dir = mkdtempSync(join(tmpdir(), 'switchyard-sku-csv-'))

  const callbacks = () =>
    shop.requests
      .filter((r) => r.path === '/switchyard/callback')
      .map((r) => JSON.parse(r.body) as OrderStatusUpdate)
  const toldStock = (sku: string) =>
    shop.requests
      .filter((r) => r.path === '/stock')
      .flatMap((r) => (JSON.parse(r.body) as { levels: { sku: string; available: number }[] }).levels)
      .filter((l) => l.sku === sku)
      .at(-1)?.available

  beforeAll(async () => {
    db = await createTestDb(kind)
    shop = await HttpPeer.start((_req, res) => {
      res.statusCode = 204
      res.end()
    })
    rest = await startRestHub(db, {
      plugins: [
        {
          id: 'shop',
          use: '@switchyard/rest-channel',
          config: {
            secret: { $env: 'WEB_SECRET' },
            callbackUrl: `${shop.url}/switchyard/callback`,
            inventoryUrl: `${shop.url}/stock`,
          },
        },
      ],
      env: { SWITCHYARD_STOCK_SYNC_MS: '200' },
    })
    ;({ hub, channel, wms } = rest)
    await seedWorld(hub.api, { wms: 'dc', stock: [{ sku: 'SKU-A', locationId: 'akl', onHand: 40 }] })
  }, 60_000)

  afterAll(async () => {
    await rest?.stop()
    await shop?.close()
    await db?.drop()
    rmSync(dir, { recursive: true, force: true })
  })

  it('writes mappings in bulk and lists them in pages', async () => {
    const put = await hub.api('/api/v1/channels/shop/sku-mappings', {
      method: 'PUT',
      body: {
        mappings: [
          { channelSku: 'TEE-6PK', hubSku: 'SKU-A', multiplier: 6 },
          { channelSku: 'SHELL', hubSku: 'SKU-B' },
          { channelSku: 'OLD', hubSku: 'SKU-C', multiplier: 2 },
        ],
      },
    })
    expect(put).toMatchObject({ status: 200, body: { upserted: 3, removed: 0 } })
    const removed = await hub.api('/api/v1/channels/shop/sku-mappings', {
      method: 'PUT',
      body: { mappings: [{ channelSku: 'OLD', hubSku: null }] },
    })
    expect(removed.body).toEqual({ upserted: 0, removed: 1 })

    const first = await hub.api('/api/v1/channels/shop/sku-mappings?limit=1')
    expect(first.status).toBe(200)
    expect(first.body.items).toEqual([
      {
        channelSku: 'SHELL',
        hubSku: 'SKU-B',
        multiplier: 1,
        updatedAt: expect.any(String),
        // The one mapping's ETag (if-match-admin.test.ts checks they are the same).
        etag: expect.stringMatching(/^"[A-Za-z0-9_-]{27}"$/),
      },
    ])
    const second = await hub.api(`/api/v1/channels/shop/sku-mappings?limit=1&cursor=${first.body.nextCursor}`)
    expect(second.body.items.map((m: { channelSku: string }) => m.channelSku)).toEqual(['TEE-6PK'])
    expect(second.body.nextCursor).toBeNull()
  })

  it('refuses bad input naming the field: 400 for a bad multiplier, 422 for an unknown hub sku', async () => {
    const put = (mappings: unknown[], instance = 'shop') =>
      hub.api(`/api/v1/channels/${instance}/sku-mappings`, { method: 'PUT', body: { mappings } })
    const bad = await put([
      { channelSku: 'A', hubSku: 'SKU-A' },
      { channelSku: 'B', hubSku: 'SKU-A', multiplier: 0 },
    ])
    expect(bad.status).toBe(400)
    expect(bad.body.errors).toEqual([{ field: 'mappings[1].multiplier', message: expect.any(String) }])
    const unknown = await put([
      { channelSku: 'A', hubSku: 'SKU-A' },
      { channelSku: 'B', hubSku: 'SKU-B' },
      { channelSku: 'C', hubSku: 'SKU-C' },
      { channelSku: 'D', hubSku: 'NO-SUCH-SKU' },
    ])
    expect(unknown.status).toBe(422)
    expect(unknown.body).toMatchObject({
      code: 'UNKNOWN_REFERENCE',
      errors: [{ field: 'mappings[3].hubSku', message: "unknown hub sku 'NO-SUCH-SKU'" }],
    })
    expect((await put([{ channelSku: 'A', hubSku: 'SKU-A' }], 'dc')).status).toBe(404)
    const listed = await hub.api('/api/v1/channels/shop/sku-mappings')
    expect(listed.body.items.map((m: { channelSku: string }) => m.channelSku)).toEqual(['SHELL', 'TEE-6PK'])
  })

  it('lets admins and integrators write, others read, a channel key only its own channel', async () => {
    const key = async (role: string, channel?: string) =>
      (
        await hub.api('/api/v1/keys', {
          body: { name: `${role} ${channel ?? ''}`, role, ...(channel ? { channel } : {}) },
        })
      ).body.token as string
    const viewer = await key('viewer')
    const integrator = await key('integrator')
    const webOnly = await key('integrator', 'web')
    const body = { mappings: [{ channelSku: 'SHELL', hubSku: 'SKU-B' }] }
    const put = (k: string, instance = 'shop') =>
      hub.api(`/api/v1/channels/${instance}/sku-mappings`, { method: 'PUT', body, key: k })
    const get = (k: string, instance = 'shop') =>
      hub.api(`/api/v1/channels/${instance}/sku-mappings`, { key: k })
    expect((await get(viewer)).status).toBe(200)
    expect((await put(viewer)).body.code).toBe('FORBIDDEN_ROLE')
    expect((await put(integrator)).status).toBe(200)
    expect((await get(webOnly, 'web')).status).toBe(200)
    expect((await get(webOnly, 'shop')).body.code).toBe('FORBIDDEN_SCOPE')
    expect((await put(webOnly, 'web')).status).toBe(403)
  })

  it('takes a 6-pack as 6 hub units and tells the channel its own sku and quantity', async () => {
    const order = sampleOrder({}, [{ sku: 'TEE-6PK', quantity: 1 }])
    const posted = await channel.postOrder(hub.url, 'shop', order)
    expect(posted.status).toBe(201)
    const result = (posted.body.results as { orderId: string; status: string }[])[0]!
    expect(result.status).toBe('released')

    const detail = await hub.api(`/api/v1/orders/${result.orderId}`)
    expect(detail.body.lines).toEqual([
      expect.objectContaining({
        sku: 'SKU-A',
        quantity: 6,
        allocated: 6,
        unitPrice: '1.67',
        discount: '0.02',
      }),
    ])
    const allocated = detail.body.allocations.reduce(
      (n: number, a: { quantity: number }) => n + a.quantity,
      0,
    )
    expect(allocated).toBe(6)

    // The warehouse is asked for hub units of the hub sku.
    const request = await waitFor(
      () => wms.fulfilments().find((f) => f.request.orderId === result.orderId),
      10_000,
      'fulfilment request',
    )
    expect(request.request.lines).toEqual([expect.objectContaining({ sku: 'SKU-A', quantity: 6 })])

    const released = await waitFor(
      () => callbacks().find((u) => u.orderId === result.orderId && u.status === 'released'),
      10_000,
      'released callback',
    )
    expect(released.lines).toEqual([
      {
        externalLineId: 'L1',
        sku: 'TEE-6PK',
        quantity: 1,
        allocated: 1,
        backordered: 0,
        shipped: 0,
        cancelled: 0,
        unitPrice: '10.00',
      },
    ])

    const shipped = await wms.ship(hub.url, 'dc', request.request.fulfilmentId, {
      carrier: 'NZ Post',
      trackingNumber: 'NZ600000006',
    })
    expect(shipped.status).toBe(200)
    const told = await waitFor(
      () => callbacks().find((u) => u.orderId === result.orderId && u.status === 'shipped'),
      10_000,
      'shipped callback',
    )
    expect(told.lines).toEqual([expect.objectContaining({ sku: 'TEE-6PK', quantity: 1, shipped: 1 })])
    expect(told.shipments[0]!.lines).toEqual([{ externalLineId: 'L1', sku: 'TEE-6PK', quantity: 1 }])
  })

  it('tells the channel floor(available ÷ 6) under its own sku', async () => {
    const atp = async () =>
      (await hub.api('/api/v1/availability?sku=SKU-A&channel=shop')).body.items[0].channel.total as number
    const now = await atp()
    expect(now).toBe(34)
    await waitFor(
      () => (toldStock('TEE-6PK') === Math.floor(now / 6) ? true : undefined),
      10_000,
      'pack stock',
    )
    expect(toldStock('TEE-6PK')).toBe(5)
    // A change in hub stock reaches the channel in its units.
    await hub.api('/api/v1/inventory/adjustments', {
      body: { events: [{ eventId: 'grn-a-1', sku: 'SKU-A', locationId: 'akl', delta: 2 }] },
    })
    expect(await atp()).toBe(36)
    await waitFor(
      () => (toldStock('TEE-6PK') === 6 ? true : undefined),
      10_000,
      'pack stock after the receipt',
    )
    expect(toldStock('SKU-A')).toBe(36)
  })

  it('imports a CSV through the CLI, naming the line of each bad row', async () => {
    const good = join(dir, `good-${kind}.csv`)
    writeFileSync(good, 'channel_sku,hub_sku,multiplier\nTEE-12PK,SKU-A,12\n"SHELL, EACH",SKU-B,\nSHELL,,\n')
    const ok = await cli(['sku-mappings', 'import', 'shop', good], db.env)
    expect(ok).toMatchObject({ code: 0, stdout: "2 mapped, 1 removed on 'shop'\n" })

    const bad = join(dir, `bad-${kind}.csv`)
    writeFileSync(bad, 'channel_sku,hub_sku,multiplier\nA,SKU-A,2\nB,SKU-A,0\nC,NOPE,1\n')
    const refused = await cli(['sku-mappings', 'import', 'shop', bad], db.env)
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('line 3: multiplier: must be a whole number')
    const unknown = join(dir, `unknown-${kind}.csv`)
    writeFileSync(unknown, 'channel_sku,hub_sku,multiplier\nA,SKU-A,2\nC,NOPE,1\n')
    expect((await cli(['sku-mappings', 'import', 'shop', unknown], db.env)).stderr).toContain(
      "line 3: hub_sku: unknown hub sku 'NOPE'",
    )
  }, 120_000)

  it('shows the imported mappings through the API', async () => {
    const listed = await hub.api('/api/v1/channels/shop/sku-mappings')
    expect(
      listed.body.items.map((m: { channelSku: string; hubSku: string; multiplier: number }) => [
        m.channelSku,
        m.hubSku,
        m.multiplier,
      ]),
    ).toEqual([
      ['SHELL, EACH', 'SKU-B', 1],
      ['TEE-12PK', 'SKU-A', 12],
      ['TEE-6PK', 'SKU-A', 6],
    ])
  })
})
