import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { waitFor } from '../peers/http-peer'
import { RestChannelPeer, sampleOrder } from '../peers/rest-channel-peer'
import { type HubProcess, spawnHub } from '../support/hub-process'
import { allOrders, checkOrderInvariants } from '../support/invariants'
import { type PrivatePostgres, startPrivatePostgres } from '../support/private-postgres'
import { apiClient, hubEnv, writeConfig } from '../support/test-hub'
import { seedWorld } from '../support/world'

/**
 * PostgreSQL restarted while orders stream in: the hub refuses orders it cannot store (503, not
 * acknowledged), reconnects by itself when the database is back, and every order it acknowledged
 * is there exactly once with a consistent ledger.
 */
describe('PostgreSQL restart during load', () => {
  let pg: PrivatePostgres
  let channel: RestChannelPeer
  let config: ReturnType<typeof writeConfig>
  let hub: HubProcess | undefined

  beforeAll(async () => {
    pg = startPrivatePostgres(54_000 + Math.floor(Math.random() * 1000))
    config = writeConfig([{ id: 'web', use: '@switchyard/rest-channel', config: { secret: { $env: 'S1' } } }])
    channel = await RestChannelPeer.start('pg-restart-channel')
  })

  afterAll(async () => {
    await hub?.stop()
    await channel?.close()
    config?.cleanup()
    pg?.destroy()
  })

  it('reconnects and loses nothing acknowledged', async () => {
    const env = hubEnv(
      { kind: 'postgresql', env: { DATABASE_URL: pg.url }, drop: async () => {} },
      config.path,
      {
        S1: channel.secret,
        SWITCHYARD_RATE_LIMIT_WEBHOOK: 'off',
      },
    )
    hub = await spawnHub(env)
    const api = apiClient(hub.url, hub.bootstrapKey!)
    await seedWorld(api, { stock: [{ sku: 'SKU-A', locationId: 'akl', onHand: 1_000_000 }] })

    const acked = new Set<string>()
    const statuses = new Map<number, number>()
    let stop = false
    const sender = async (n: number) => {
      for (let i = 0; !stop; i++) {
        const order = sampleOrder({ externalId: `PGR-${n}-${i}` }, [{ sku: 'SKU-A', quantity: 1 }])
        try {
          const res = await channel.postOrder(hub!.url, 'web', order)
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1)
          if (res.status === 201) acked.add(order.externalId)
          else await new Promise((r) => setTimeout(r, 50))
        } catch {
          await new Promise((r) => setTimeout(r, 50))
        }
      }
    }
    const senders = Array.from({ length: 8 }, (_, n) => sender(n))
    await waitFor(() => (acked.size >= 100 ? true : undefined), 30_000, 'orders before the restart')
    pg.stop()
    const ready = await fetch(`${hub.url}/ready`).catch((e) => {
      process.stdout.write(hub!.output().slice(-3000))
      throw e
    })
    expect(ready.status).toBe(503)
    await new Promise((r) => setTimeout(r, 1500))
    pg.start()
    const before = acked.size
    await waitFor(() => (acked.size >= before + 100 ? true : undefined), 60_000, 'orders after the restart')
    stop = true
    await Promise.all(senders)

    expect((await fetch(`${hub.url}/ready`)).status).toBe(200)
    expect([...statuses.keys()].every((s) => s === 201 || s === 503)).toBe(true)
    const orders = await allOrders(api)
    const count = new Map<string, number>()
    for (const o of orders) count.set(o.externalOrderId, (count.get(o.externalOrderId) ?? 0) + 1)
    for (const id of acked) expect(count.get(id), id).toBe(1)
    expect(await checkOrderInvariants(api, orders)).toEqual([])
    process.stdout.write(
      `pg restart figures: ${JSON.stringify({ acknowledged: acked.size, present: orders.length, answers: Object.fromEntries(statuses), lost: [...acked].filter((id) => count.get(id) !== 1).length })}\n`,
    )
  })
})
