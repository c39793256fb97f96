import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { waitFor } from '../peers/http-peer'
import { RestChannelPeer, sampleOrder } from '../peers/rest-channel-peer'
import { RestWmsPeer } from '../peers/rest-wms-peer'
import { createTestDb, type TestDb } from '../support/databases'
import { startTestHub, type TestHub } from '../support/test-hub'
import { seedWorld } from '../support/world'

/**
 * A warehouse that hangs, answers 500 or 429: intake never waits for it, deliveries retry with
 * backoff and land once it recovers; a request it refuses for good is a rejection (the order moves
 * on and a retry does not resend it); one that runs out of attempts goes dead, an operator sees why
 * and retries it, and it is delivered.
 */
describe('slow and failing partners', () => {
  let db: TestDb
  let hub: TestHub
  let channel: RestChannelPeer
  let wms: RestWmsPeer
  const figures: Record<string, unknown> = {}

  beforeAll(async () => {
    db = await createTestDb('sqlite')
    channel = await RestChannelPeer.start('partners-channel')
    wms = await RestWmsPeer.start('partners-wms-key', 'partners-wms-hook')
    hub = await startTestHub(
      db,
      [
        { id: 'web', use: '@switchyard/rest-channel', config: { secret: { $env: 'S1' } } },
        {
          id: 'dc',
          use: '@switchyard/rest-wms',
          config: {
            baseUrl: wms.http.url,
            apiKey: { $env: 'S2' },
            webhookSecret: { $env: 'S3' },
            timeoutMs: 300,
          },
        },
      ],
      {
        S1: channel.secret,
        S2: wms.apiKey,
        S3: wms.webhookSecret,
        SWITCHYARD_OUTBOX_BASE_MS: '100',
        SWITCHYARD_OUTBOX_MAX_MS: '1000',
      },
    )
    await seedWorld(hub.api, { wms: 'dc', stock: [{ sku: 'SKU-A', locationId: 'akl', onHand: 10_000 }] })
  })

  afterAll(async () => {
    process.stdout.write(`partner figures: ${JSON.stringify(figures)}\n`)
    await hub?.stop()
    await channel?.close()
    await wms?.close()
    await db?.drop()
  })

  async function postOrders(n: number, prefix: string): Promise<number[]> {
    const latencies: number[] = []
    for (let i = 0; i < n; i++) {
      const started = performance.now()
      const res = await channel.postOrder(
        hub.url,
        'web',
        sampleOrder({ externalId: `${prefix}-${i}` }, [{ sku: 'SKU-A', quantity: 1 }]),
      )
      latencies.push(performance.now() - started)
      expect(res.status).toBe(201)
    }
    return latencies.sort((a, b) => a - b)
  }

  it.each([
    ['hangs', { hangMs: 2_000 }],
    ['answers 500', { status: 500 }],
    ['answers 429 with Retry-After', { status: 429, retryAfter: '1' }],
  ] as const)(
    'keeps taking orders while the warehouse %s, and delivers once it recovers',
    async (name, failure) => {
      const before = wms.fulfilments().length
      const failedBefore = wms.failed
      wms.failFor(60_000, failure)
      const latencies = await postOrders(40, `P-${name.replace(/\W/g, '')}`)
      const p99 = latencies[Math.floor(latencies.length * 0.99)]!
      expect(p99).toBeLessThan(500) // intake does not wait for the warehouse
      await waitFor(() => (wms.failed > failedBefore ? true : undefined), 10_000, 'a failed delivery')
      const pending = await hub.api('/api/v1/outbox?status=pending&instance=dc&limit=500')
      expect(pending.body.items.length).toBeGreaterThan(0)
      wms.recover()
      const delivered = () =>
        new Set(
          wms
            .fulfilments()
            .slice(before)
            .map((f) => f.idempotencyKey),
        ).size
      await waitFor(() => (delivered() >= 40 ? true : undefined), 30_000, 'all deliveries after recovery')
      // At least once: a delivery the warehouse took but whose answer came after the client's
      // deadline is sent again with the same idempotency key. Each order reaches the warehouse as
      // one fulfilment (one key); repeats of a key are counted, never a second key.
      const keys = wms
        .fulfilments()
        .slice(before)
        .map((f) => f.idempotencyKey)
      const unique = new Set(keys).size
      expect(unique).toBe(40)
      figures[name] = {
        ordersTaken: 40,
        intakeP99Ms: Math.round(p99),
        failedCalls: wms.failed - failedBefore,
        deliveredAfterRecovery: unique,
        repeatedKeys: keys.length - unique,
      }
    },
  )

  async function deadMessageFor(prefix: string, timeoutMs: number) {
    await postOrders(1, prefix)
    return waitFor(
      async () => {
        const page = await hub.api('/api/v1/outbox?status=dead&instance=dc&limit=500')
        const items = page.body.items as { orderId: string; id: string; lastError: string }[]
        for (const m of items) {
          const order = await hub.api(`/api/v1/orders/${m.orderId}`)
          if (order.body.externalOrderId === `${prefix}-0`) return m
        }
        return undefined
      },
      timeoutMs,
      `a dead message for ${prefix}`,
    )
  }

  it('takes a request the warehouse refuses for good as a rejection; a retry does not resend it', async () => {
    wms.failFor(60_000, { status: 400 })
    const dead = await deadMessageFor('REFUSED', 10_000)
    wms.recover()
    expect(dead.lastError).toContain('answered 400')
    const detail = await hub.api(`/api/v1/outbox/${dead.id}`)
    expect(detail.body.history).toEqual([expect.objectContaining({ attempt: 1, outcome: 'dead' })])
    // As if the warehouse had sent a rejection: the fulfilment is rejected, its stock freed, and
    // with no other site holding the sku the order waits as a backorder.
    const order = await hub.api(`/api/v1/orders/${dead.orderId}`)
    expect(order.body.fulfilments[0].status).toBe('rejected')
    expect(order.body.status).toBe('backordered')
    const before = wms.fulfilments().length
    const retried = await hub.api('/api/v1/outbox/retry', { body: { ids: [dead.id] } })
    expect(retried.body).toEqual({ requeued: 0, settled: 1 })
    await new Promise((r) => setTimeout(r, 1_500))
    expect(wms.fulfilments().length).toBe(before)
    expect((await hub.api(`/api/v1/outbox/${dead.id}`)).body.status).toBe('dead')
    figures.refusedForGood = { rejected: 1, resentOnRetry: 0 }
  })

  it('sends a request that ran out of attempts to dead, where an operator retries it', async () => {
    const before = wms.fulfilments().length
    wms.failFor(120_000, { status: 500 })
    const dead = await deadMessageFor('DEAD', 60_000)
    expect(dead.lastError).toContain('500')
    const order = await hub.api(`/api/v1/orders/${dead.orderId}`)
    expect(order.body.fulfilments[0].status).toBe('failed')

    wms.recover()
    const retried = await hub.api('/api/v1/outbox/retry', { body: { ids: [dead.id] } })
    expect(retried.body).toEqual({ requeued: 1, settled: 0 })
    await waitFor(
      () => (wms.fulfilments().length > before ? true : undefined),
      10_000,
      'the retried delivery',
    )
    // The warehouse has it; the hub records the delivery right after (marks are batched).
    const after = await waitFor(
      async () => {
        const m = await hub.api(`/api/v1/outbox/${dead.id}`)
        return m.body.status === 'pending' || m.body.status === 'in_flight' ? undefined : m
      },
      10_000,
      'the delivery recorded',
    )
    expect(after.body.status).toBe('delivered')
    const outcomes = after.body.history.map((h: { outcome: string }) => h.outcome)
    expect(outcomes.at(-2)).toBe('dead')
    expect(outcomes.at(-1)).toBe('delivered')
    const accepted = await hub.api(`/api/v1/orders/${dead.orderId}`)
    expect(accepted.body.fulfilments[0]).toMatchObject({
      status: 'accepted',
      externalRef: expect.stringMatching(/^WMS-/),
    })
    figures.deadLetter = { attemptsBeforeDead: outcomes.length - 1, delivered: true }
  })
})
