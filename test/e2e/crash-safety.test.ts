import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RestChannelPeer, sampleOrder } from '../peers/rest-channel-peer'
import { createTestDb, dbKinds, type TestDb } from '../support/databases'
import { spawnHub } from '../support/hub-process'
import { apiClient, hubEnv, writeConfig } from '../support/test-hub'
import { seedWorld } from '../support/world'

/**
 * Every order acknowledged with a 2xx survives a crash: the hub is killed with SIGKILL while
 * orders stream in, restarted on the same database, and each acknowledged order is there exactly
 * once, with its allocation; the stock ledger agrees with the allocations.
 */
describe.each(dbKinds)('crash safety on %s', (kind) => {
  let db: TestDb
  let channel: RestChannelPeer
  let config: ReturnType<typeof writeConfig>

  beforeAll(async () => {
    db = await createTestDb(kind)
    channel = await RestChannelPeer.start('crash-secret-4242')
    config = writeConfig([
      { id: 'web', use: '@switchyard/rest-channel', config: { secret: { $env: 'WEB_SECRET' } } },
    ])
  })

  afterAll(async () => {
    await channel?.close()
    config?.cleanup()
    await db?.drop()
  })

  it('keeps every acknowledged order exactly once, with its allocation', async () => {
    // The check below reads every order back as fast as the hub answers: the per-key limit
    // (200/s) would answer part of it with 429, which is not what this test is about.
    const env = hubEnv(db, config.path, {
      WEB_SECRET: channel.secret,
      SWITCHYARD_RATE_LIMIT_KEY: 'off',
    })
    const first = await spawnHub(env)
    const key = first.bootstrapKey!
    expect(key).toBeTruthy()
    await seedWorld(apiClient(first.url, key), {
      stock: [
        { sku: 'SKU-A', locationId: 'akl', onHand: 100_000 },
        { sku: 'SKU-B', locationId: 'wlg', onHand: 100_000 },
      ],
    })

    const acked = new Map<string, { orderId: string; lines: { sku: string; quantity: number }[] }>()
    let _failed = 0
    let stop = false
    const sender = async (n: number) => {
      for (let i = 0; !stop; i++) {
        const lines = [
          { sku: 'SKU-A', quantity: 1 + (i % 3) },
          ...(i % 2 ? [{ sku: 'SKU-B', quantity: 1 }] : []),
        ]
        const order = sampleOrder({ externalId: `CRASH-${n}-${i}` }, lines)
        try {
          const res = await channel.postOrder(first.url, 'web', order)
          if (res.status === 201)
            acked.set(order.externalId, {
              orderId: (res.body.results as { orderId: string }[])[0]!.orderId,
              lines,
            })
        } catch {
          _failed++ // the connection died with the hub: not acknowledged, so not promised
        }
      }
    }
    const senders = Array.from({ length: 12 }, (_, n) => sender(n))
    while (acked.size < 300) await new Promise((r) => setTimeout(r, 20))
    await first.kill()
    stop = true
    await Promise.all(senders)
    expect(acked.size).toBeGreaterThanOrEqual(300)

    const second = await spawnHub(env)
    try {
      const api = apiClient(second.url, key)
      const seen = new Map<string, number>()
      let cursor: string | null = null
      const allocatedBySku = new Map<string, number>()
      do {
        const page: {
          body: { items: { id: string; externalOrderId: string }[]; nextCursor: string | null }
        } = await api(`/api/v1/orders?limit=500${cursor ? `&cursor=${cursor}` : ''}`)
        for (const o of page.body.items) seen.set(o.externalOrderId, (seen.get(o.externalOrderId) ?? 0) + 1)
        cursor = page.body.nextCursor
      } while (cursor)

      for (const [externalId, { orderId, lines }] of acked) {
        expect(seen.get(externalId), `${externalId} present once`).toBe(1)
        const detail = await api(`/api/v1/orders/${orderId}`)
        expect(detail.status).toBe(200)
        expect(detail.body.status).toBe('allocated')
        for (const l of lines) {
          const allocated = (detail.body.allocations as { sku: string; quantity: number }[])
            .filter((a) => a.sku === l.sku)
            .reduce((s, a) => s + a.quantity, 0)
          expect(allocated).toBe(l.quantity)
        }
      }
      // The ledger agrees with the allocations of every order present (acknowledged or not).
      for (const externalId of seen.keys()) {
        const list = await api(`/api/v1/orders?externalId=${externalId}`)
        expect(list.status, `${externalId} listed`).toBe(200)
        const detail = await api(`/api/v1/orders/${list.body.items[0].id}`)
        expect(detail.status, `${externalId} read`).toBe(200)
        for (const a of detail.body.allocations as { sku: string; quantity: number }[]) {
          allocatedBySku.set(a.sku, (allocatedBySku.get(a.sku) ?? 0) + a.quantity)
        }
      }
      const levels = (await api('/api/v1/inventory')).body.items as { sku: string; allocated: number }[]
      for (const sku of ['SKU-A', 'SKU-B']) {
        expect(levels.filter((l) => l.sku === sku).reduce((s, l) => s + l.allocated, 0)).toBe(
          allocatedBySku.get(sku) ?? 0,
        )
      }
    } finally {
      await second.stop()
    }
  })
})
