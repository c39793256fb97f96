import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { waitFor } from '../peers/http-peer'
import { RestChannelPeer, sampleOrder } from '../peers/rest-channel-peer'
import { RestWmsPeer } from '../peers/rest-wms-peer'
import { createTestDb, type TestDb } from '../support/databases'
import { type HubProcess, spawnHub } from '../support/hub-process'
import { apiClient, hubEnv, writeConfig } from '../support/test-hub'
import { seedWorld } from '../support/world'

type Line = Record<string, unknown> & { msg?: string }

/**
 * What an operator greps for: a hub process at debug level, one order in and out. Its request line
 * carries the request id, the plugin instance and the order id; its delivery line the order id and
 * instance; no secret of any plugin config appears anywhere in the output.
 */
describe('structured logs', () => {
  let db: TestDb
  let channel: RestChannelPeer
  let wms: RestWmsPeer
  let config: ReturnType<typeof writeConfig>
  let hub: HubProcess

  const lines = (): Line[] =>
    hub
      .output()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Line)

  beforeAll(async () => {
    db = await createTestDb('sqlite')
    channel = await RestChannelPeer.start('logs-channel-secret-4f1c')
    wms = await RestWmsPeer.start('logs-wms-api-key-77aa', 'logs-wms-hook-secret-19bd')
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
    hub = await spawnHub(
      hubEnv(db, config.path, {
        S1: channel.secret,
        S2: wms.apiKey,
        S3: wms.webhookSecret,
        LOG_LEVEL: 'debug',
      }),
    )
    await seedWorld(apiClient(hub.url, hub.bootstrapKey!), { wms: 'dc' })
  }, 60_000)

  afterAll(async () => {
    await hub?.stop()
    await channel?.close()
    await wms?.close()
    config?.cleanup()
    await db?.drop()
  })

  it('names the request, instance and order on every line about an order, and never a secret', async () => {
    const res = await channel.postOrder(hub.url, 'web', sampleOrder({}, [{ sku: 'SKU-A', quantity: 1 }]))
    expect(res.status).toBe(201)
    const orderId = (res.body.results as { orderId: string }[])[0]!.orderId
    await waitFor(() => (wms.fulfilments().length >= 1 ? true : undefined), 10_000, 'fulfilment request')
    const delivered = await waitFor(
      () => lines().find((l) => l.msg === 'outbox delivered' && l.topic === 'fulfilment.request'),
      10_000,
      'delivery log line',
    )
    expect(delivered).toMatchObject({ orderId, instance: 'dc' })

    const intake = lines().find((l) => l.msg === 'request' && String(l.path).startsWith('/webhooks/web'))
    expect(intake).toMatchObject({ method: 'POST', status: 201, instance: 'web', orderId })
    expect(intake?.requestId).toEqual(expect.any(String))

    const api = apiClient(hub.url, hub.bootstrapKey!)
    await api(`/api/v1/orders/${orderId}`)
    const read = await waitFor(
      () => lines().find((l) => l.msg === 'request' && l.path === `/api/v1/orders/${orderId}`),
      5_000,
      'order read log line',
    )
    expect(read).toMatchObject({ orderId, status: 200 })

    const output = hub.output()
    for (const secret of [channel.secret, wms.apiKey, wms.webhookSecret]) expect(output).not.toContain(secret)
  })
})
