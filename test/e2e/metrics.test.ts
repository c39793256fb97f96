import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { waitFor } from '../peers/http-peer'
import { RestChannelPeer, sampleOrder } from '../peers/rest-channel-peer'
import { RestWmsPeer } from '../peers/rest-wms-peer'
import { createTestDb, type TestDb } from '../support/databases'
import { startTestHub, type TestHub } from '../support/test-hub'
import { seedWorld } from '../support/world'

/** What operators graph: intake by channel, routing outcome, outbox deliveries, plugin calls, HTTP. */
describe('metrics', () => {
  let db: TestDb
  let hub: TestHub
  let channel: RestChannelPeer
  let wms: RestWmsPeer

  const scrape = async () => (await fetch(`${hub.url}/metrics`)).text()
  const value = (text: string, series: string) => {
    const line = text.split('\n').find((l) => l.startsWith(`${series} `))
    return line ? Number(line.slice(series.length + 1)) : undefined
  }

  beforeAll(async () => {
    db = await createTestDb('sqlite')
    channel = await RestChannelPeer.start('metrics-channel-secret')
    wms = await RestWmsPeer.start('metrics-wms-key', 'metrics-wms-hook')
    hub = await startTestHub(
      db,
      [
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
      ],
      { S1: channel.secret, S2: wms.apiKey, S3: wms.webhookSecret },
    )
    await seedWorld(hub.api, { wms: 'dc' })
  })
  afterAll(async () => {
    await hub?.stop()
    await channel?.close()
    await wms?.close()
    await db?.drop()
  })

  it('counts orders, routing outcomes, deliveries, plugin calls and requests', async () => {
    const order = sampleOrder({}, [{ sku: 'SKU-A', quantity: 1 }])
    await channel.postOrder(hub.url, 'web', order)
    await channel.postOrder(hub.url, 'web', order)
    await channel.postOrder(hub.url, 'web', sampleOrder({}, [{ sku: 'SKU-D', quantity: 1 }]))
    await waitFor(() => (wms.fulfilments().length >= 1 && channel.callbacks().length >= 2 ? true : undefined))

    const text = await waitFor(async () => {
      const t = await scrape()
      return (value(
        t,
        'switchyard_outbox_deliveries_total{instance="dc",topic="fulfilment.request",outcome="delivered"}',
      ) ?? 0) >= 1
        ? t
        : undefined
    })
    expect(value(text, 'switchyard_orders_received_total{channel="web",outcome="created"}')).toBe(2)
    expect(value(text, 'switchyard_orders_received_total{channel="web",outcome="duplicate"}')).toBe(1)
    expect(value(text, 'switchyard_orders_routed_total{channel="web",status="released"}')).toBe(1)
    expect(value(text, 'switchyard_orders_backordered_total{channel="web"}')).toBe(1)
    expect(
      value(text, 'switchyard_plugin_calls_total{instance="web",operation="webhook verify",outcome="ok"}'),
    ).toBe(3)
    expect(
      value(text, 'switchyard_http_requests_total{method="POST",route="/webhooks/:instance/*",status="201"}'),
    ).toBe(2)
    // Two new orders routed (the duplicate writes nothing), in one or two intake commits.
    expect(value(text, 'switchyard_routing_decision_seconds_count')).toBe(2)
    expect(value(text, 'switchyard_routing_decision_seconds_sum')).toBeGreaterThan(0)
    const batches = value(text, 'switchyard_intake_batch_seconds_count') ?? 0
    expect(batches).toBeGreaterThanOrEqual(2)
    expect(value(text, 'switchyard_intake_batch_orders_sum')).toBe(3)
    expect(text).toContain('switchyard_outbox_messages{status="dead"} 0')
    expect(text).toContain('switchyard_process_resident_memory_bytes')
    expect(text).toContain('switchyard_nodejs_eventloop_lag_p99_seconds')
  })
})
