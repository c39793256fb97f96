import { existsSync, rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { waitFor } from '../peers/http-peer'
import { type RestChannelPeer, sampleOrder } from '../peers/rest-channel-peer'
import type { RestWmsPeer } from '../peers/rest-wms-peer'
import { createTestDb, type DbKind, type TestDb } from '../support/databases'
import { type RestHub, startRestHub } from '../support/rest-hub'
import { startTestHub, type TestHub } from '../support/test-hub'
import { seedWorld } from '../support/world'
import { crashMarker } from './delivery-thread-crashing-wms'

/** A counter's value in Prometheus text, for the series whose labels are exactly `labels`. */
function counter(text: string, name: string, labels: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${name}{${labels}} `))
  return line ? Number(line.split(' ')[1]) : 0
}

/**
 * Deliveries on their own thread (SWITCHYARD_DELIVERY_THREAD=1; `auto`, the default, on any
 * machine with two cores): the thread's own core on the same database delivers what intake wrote,
 * retries what failed, records outcomes in the orders, and its counts reach the hub's /metrics.
 */
describe.each<DbKind>(['sqlite', 'postgresql'])('the delivery thread on %s', (kind) => {
  let db: TestDb
  let channel: RestChannelPeer
  let wms: RestWmsPeer
  let hub: TestHub
  let stopped = false

  beforeAll(async () => {
    db = await createTestDb(kind)
    ;({ channel, wms, hub } = await startRestHub(db, { env: { SWITCHYARD_DELIVERY_THREAD: '1' } }))
    await seedWorld(hub.api, {
      wms: 'dc',
      stock: [
        { sku: 'SKU-A', locationId: 'akl', onHand: 1_000 },
        { sku: 'SKU-B', locationId: 'wlg', onHand: 1_000 },
      ],
    })
  }, 120_000)

  afterAll(async () => {
    if (!stopped) await hub?.stop()
    await channel?.close()
    await wms?.close()
    await db?.drop()
  })

  it('delivers every order once, retries failures, and counts them in /metrics', async () => {
    const N = 40
    wms.failNext(3, { status: 503 })
    const posted = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        channel.postOrder(
          hub.url,
          'web',
          sampleOrder({ externalId: `THREAD-${kind}-${i}` }, [
            { sku: i % 2 ? 'SKU-A' : 'SKU-B', quantity: 1 },
          ]),
        ),
      ),
    )
    expect(posted.map((p) => p.status)).toEqual(posted.map(() => 201))

    await waitFor(
      () => (new Set(wms.fulfilments().map((f) => f.idempotencyKey)).size >= N ? true : undefined),
      60_000,
      `${N} fulfilment requests`,
    )
    // The WMS's answers are recorded in the orders by the thread's own writes.
    await waitFor(
      async () => {
        const res = await hub.api(`/api/v1/fulfilments?status=accepted&limit=100`)
        return res.body.items.length >= N ? true : undefined
      },
      30_000,
      `${N} accepted fulfilments`,
    )
    await waitFor(() => (channel.callbacks().length >= N ? true : undefined), 30_000, `${N} status callbacks`)
    const keys = wms.fulfilments().map((f) => f.idempotencyKey)
    expect(new Set(keys).size).toBe(N)
    // The user agent names the delivering worker: the hub's delivery thread, not its event loop.
    const agents = new Set(wms.http.requests.map((r) => r.headers['user-agent']))
    expect([...agents].every((a) => String(a).endsWith(':deliveries)'))).toBe(true)
    expect(wms.failed).toBe(3)

    const metrics = await (await fetch(`${hub.url}/metrics`)).text()
    const delivered = 'instance="dc",topic="fulfilment.request",outcome="delivered"'
    expect(counter(metrics, 'switchyard_outbox_deliveries_total', delivered)).toBe(N)
    expect(
      counter(
        metrics,
        'switchyard_outbox_deliveries_total',
        'instance="dc",topic="fulfilment.request",outcome="retry"',
      ),
    ).toBe(3)
    expect(
      counter(
        metrics,
        'switchyard_plugin_calls_total',
        'instance="dc",operation="fulfilment.request",outcome="ok"',
      ),
    ).toBe(N)
  })

  it('stops with the hub and leaves nothing claimed', async () => {
    const before = wms.fulfilments().length
    stopped = true
    await hub.stop()
    const late = await channel
      .postOrder(
        hub.url,
        'web',
        sampleOrder({ externalId: `THREAD-${kind}-late` }, [{ sku: 'SKU-A', quantity: 1 }]),
      )
      .catch(() => undefined)
    expect(late).toBeUndefined() // the port is closed
    await new Promise((r) => setTimeout(r, 300))
    expect(wms.fulfilments().length).toBe(before)
    // A hub without workers on the same database reads the outbox as the thread left it.
    const reader = await startTestHub(db, [], { SWITCHYARD_WORKERS: '0' }, hub.adminKey)
    try {
      const metrics = await (await fetch(`${reader.url}/metrics`)).text()
      expect(metrics).toContain('switchyard_outbox_messages{status="in_flight"} 0')
      expect(metrics).toContain('switchyard_outbox_messages{status="pending"} 0')
    } finally {
      await reader.stop()
    }
  })
})

describe('a delivery thread that dies', () => {
  let db: TestDb
  let rest: RestHub | undefined

  beforeAll(async () => {
    rmSync(crashMarker(), { force: true })
    db = await createTestDb('sqlite')
  })

  afterAll(async () => {
    await rest?.stop()
    await db?.drop()
    rmSync(crashMarker(), { force: true })
  })

  it('is started again and delivers what it held at once, not after the lease', async () => {
    rest = await startRestHub(db, {
      plugins: [
        {
          id: 'crashy',
          use: fileURLToPath(new URL('./delivery-thread-crashing-wms.ts', import.meta.url)),
          config: {},
        },
      ],
      // The lease is a minute: a delivery within seconds shows the claim was given back.
      env: { SWITCHYARD_DELIVERY_THREAD: '1', SWITCHYARD_OUTBOX_LEASE_MS: '60000' },
    })
    const { hub, channel } = rest
    await seedWorld(hub.api, { wms: 'crashy', stock: [{ sku: 'SKU-A', locationId: 'akl', onHand: 10 }] })
    const posted = await channel.postOrder(
      hub.url,
      'web',
      sampleOrder({ externalId: 'CRASH-1' }, [{ sku: 'SKU-A', quantity: 1 }]),
    )
    expect(posted.status).toBe(201)
    const started = Date.now()
    await waitFor(
      async () => {
        const res = await hub.api('/api/v1/fulfilments?status=accepted')
        return res.body.items.length === 1 ? res.body.items[0] : undefined
      },
      20_000,
      'the fulfilment accepted after the restart',
    )
    expect(existsSync(crashMarker())).toBe(true) // the first thread did die on it
    expect(Date.now() - started).toBeLessThan(20_000)
    // The hub itself stayed up throughout.
    expect((await fetch(`${hub.url}/health`)).status).toBe(200)
  })
})
