import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { waitFor } from '../peers/http-peer'
import { RestChannelPeer, sampleOrder } from '../peers/rest-channel-peer'
import { RestWmsPeer } from '../peers/rest-wms-peer'
import { createTestDb, dbKinds, type TestDb } from '../support/databases'
import { type HubProcess, spawnHub } from '../support/hub-process'
import { allOrders, checkOrderInvariants } from '../support/invariants'
import { apiClient, hubEnv, writeConfig } from '../support/test-hub'
import { seedWorld } from '../support/world'

const CRASHES = 5

/**
 * SIGKILL under sustained intake, five times in a row, restarting each time. Afterwards every
 * acknowledged order is present exactly once, allocations agree with the ledger, and the outbox
 * drains with no message lost: every released order's fulfilment request reaches the warehouse.
 */
describe.each(dbKinds)('repeated crashes on %s', (kind) => {
  let db: TestDb
  let channel: RestChannelPeer
  let wms: RestWmsPeer
  let config: ReturnType<typeof writeConfig>
  let hub: HubProcess | undefined

  beforeAll(async () => {
    db = await createTestDb(kind)
    channel = await RestChannelPeer.start('crash5-channel')
    wms = await RestWmsPeer.start('crash5-wms-key', 'crash5-wms-hook')
    config = writeConfig([
      {
        id: 'web',
        use: '@switchyard/rest-channel',
        config: { secret: { $env: 'S1' }, callbackUrl: channel.callbackUrl },
      },
      {
        id: 'dc',
        use: '@switchyard/rest-wms',
        config: { baseUrl: wms.http.url, apiKey: { $env: 'S2' }, webhookSecret: { $env: 'S3' } },
      },
    ])
  })

  afterAll(async () => {
    await hub?.stop()
    await channel?.close()
    await wms?.close()
    config?.cleanup()
    await db?.drop()
  })

  it(`keeps every acknowledged order and message through ${CRASHES} SIGKILLs`, async () => {
    // A short lease, so messages a killed worker held are retried soon after the restart.
    const env = hubEnv(db, config.path, {
      S1: channel.secret,
      S2: wms.apiKey,
      S3: wms.webhookSecret,
      SWITCHYARD_RATE_LIMIT_WEBHOOK: 'off',
      SWITCHYARD_RATE_LIMIT_KEY: 'off',
      SWITCHYARD_OUTBOX_LEASE_MS: '3000',
    })
    hub = await spawnHub(env)
    const key = hub.bootstrapKey!
    await seedWorld(apiClient(hub.url, key), {
      wms: 'dc',
      stock: [
        { sku: 'SKU-A', locationId: 'akl', onHand: 1_000_000 },
        { sku: 'SKU-B', locationId: 'wlg', onHand: 1_000_000 },
      ],
    })
    const acked = new Map<string, string>()
    let sent = 0
    for (let round = 0; round < CRASHES; round++) {
      let stop = false
      const url = hub.url
      const sender = async (n: number) => {
        for (let i = 0; !stop; i++) {
          const order = sampleOrder({ externalId: `C5-${round}-${n}-${i}` }, [
            { sku: 'SKU-A', quantity: 1 + (i % 2) },
            ...(i % 3 === 0 ? [{ sku: 'SKU-B', quantity: 1 }] : []),
          ])
          sent++
          try {
            const res = await channel.postOrder(url, 'web', order)
            if (res.status === 201)
              acked.set(order.externalId, (res.body.results as { orderId: string }[])[0]!.orderId)
          } catch {
            // connection died with the hub: not acknowledged
          }
        }
      }
      const senders = Array.from({ length: 10 }, (_, n) => sender(n))
      const target = acked.size + 150
      await waitFor(() => (acked.size >= target ? true : undefined), 30_000, 'orders acknowledged')
      await hub.kill()
      stop = true
      await Promise.all(senders)
      hub = await spawnHub(env)
    }

    const api = apiClient(hub.url, key)
    // The outbox drains after the last restart (expired leases of killed workers included).
    await waitFor(
      async () => {
        const pending = await api('/api/v1/outbox?status=pending&limit=1')
        const inFlight = await api('/api/v1/outbox?status=in_flight&limit=1')
        return pending.body.items.length === 0 && inFlight.body.items.length === 0 ? true : undefined
      },
      120_000,
      'the outbox to drain',
    )
    const orders = await allOrders(api)
    const byExternal = new Map<string, number>()
    for (const o of orders) byExternal.set(o.externalOrderId, (byExternal.get(o.externalOrderId) ?? 0) + 1)
    for (const [externalId, orderId] of acked) {
      expect(byExternal.get(externalId), externalId).toBe(1)
      expect(orders.find((o) => o.externalOrderId === externalId)!.id).toBe(orderId)
    }
    expect(await checkOrderInvariants(api, orders)).toEqual([])

    // No message lost: every order that was released has its fulfilment request at the warehouse.
    const delivered = new Set(wms.fulfilments().map((f) => f.request.orderId))
    const released = orders.filter((o) => o.status === 'released')
    const lost = released.filter((o) => !delivered.has(o.id))
    expect(lost.map((o) => o.externalOrderId)).toEqual([])
    const dead = await api('/api/v1/outbox?status=dead&limit=1')
    expect(dead.body.items).toEqual([])
    const keys = wms.fulfilments().map((f) => f.idempotencyKey)
    process.stdout.write(
      `crash figures (${kind}): ${JSON.stringify({
        crashes: CRASHES,
        ordersSent: sent,
        acknowledged: acked.size,
        acknowledgedPresentOnce: [...acked.keys()].filter((k) => byExternal.get(k) === 1).length,
        ordersPresent: orders.length,
        releasedOrders: released.length,
        fulfilmentRequestsDelivered: new Set(keys).size,
        messagesLost: lost.length,
        duplicateDeliveries: keys.length - new Set(keys).size,
      })}\n`,
    )
  })
})
