import { createServer } from 'node:net'
import { join } from 'node:path'
import { type RunningHub, readSettings, startHub } from '@switchyard/server'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { waitFor } from '../peers/http-peer'
import { createTestDb, type TestDb } from '../support/databases'
import { apiClient } from '../support/test-hub'

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const port = (server.address() as { port: number }).port
  await new Promise((r) => server.close(r))
  return port
}

/**
 * The README's quick start: no config file, SQLite, nothing set. The first start shows "one view":
 * orders from a storefront, a marketplace and an EDI trading partner (each through its real plugin,
 * talking to demo peers), some held, one backordered, the rest shipped by the demo warehouse, one
 * open exception and one dead letter, which a retry delivers; and the built-in manual channel.
 */
describe('the demo world on a first start', () => {
  let db: TestDb
  let hub: RunningHub
  let api: ReturnType<typeof apiClient>

  beforeAll(async () => {
    db = await createTestDb('sqlite')
    const port = await freePort()
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...db.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      SWITCHYARD_DEMO_SHIP_DELAY_MS: '300',
      SWITCHYARD_DEMO_EDI_MAILBOX: join(db.env.SWITCHYARD_DATA_DIR!, 'edi-mailbox'),
      SWITCHYARD_OUTBOX_BASE_MS: '50',
      SWITCHYARD_OUTBOX_POLL_MS: '50',
      LOG_LEVEL: 'silent',
    }
    for (const k of ['SWITCHYARD_CONFIG', 'SWITCHYARD_DEMO', 'DATABASE_URL']) delete env[k]
    let announced = ''
    const started = Date.now()
    hub = await startHub(readSettings(env), {
      env,
      logger: pino({ level: 'silent' }),
      announce: (t) => {
        announced += t
      },
    })
    // Seeding is part of the first start, and it must stay quick.
    expect(Date.now() - started).toBeLessThan(10_000)
    const key = hub.bootstrapKey ?? /sy_[A-Za-z0-9_-]+/.exec(announced)?.[0]
    api = apiClient(hub.url, key!)
  })

  afterAll(async () => {
    await hub?.stop()
    await db?.drop()
  })

  it('shows orders of three kinds of channel, held, backordered and shipped, an exception and a dead letter', async () => {
    const byChannel = async () => {
      const items = (await api('/api/v1/orders?limit=100')).body.items as {
        channelInstanceId: string
        status: string
      }[]
      const out: Record<string, Record<string, number>> = {}
      for (const o of items) {
        out[o.channelInstanceId] ??= {}
        out[o.channelInstanceId]![o.status] = (out[o.channelInstanceId]![o.status] ?? 0) + 1
      }
      return out
    }
    // The EDI partner's purchase orders come through the X12 plugin's mailbox poll, a moment after start.
    const seen = await waitFor(
      async () => {
        const c = await byChannel()
        const edi = Object.values(c['demo-edi'] ?? {}).reduce((a, b) => a + b, 0)
        const dead = (await api('/api/v1/outbox?status=dead&limit=10')).body.items
        return edi === 8 && (c['demo-market']?.shipped ?? 0) >= 1 && dead.length > 0 ? c : undefined
      },
      20_000,
      'the demo orders',
    )
    expect(Object.keys(seen).sort()).toEqual(['demo-edi', 'demo-market', 'demo-web'])
    const total = (status: string) => Object.values(seen).reduce((n, s) => n + (s[status] ?? 0), 0)
    expect(total('held')).toBeGreaterThanOrEqual(2)
    expect(total('backordered')).toBeGreaterThanOrEqual(1)
    expect(total('shipped')).toBeGreaterThanOrEqual(1)

    const exceptions = (await api('/api/v1/exceptions?status=open')).body.items
    expect(exceptions).toHaveLength(1)
    expect(exceptions[0]).toMatchObject({ channelInstanceId: 'demo-market' })

    const dead = (await api('/api/v1/outbox?status=dead&limit=10')).body.items as {
      id: string
      instanceId: string
    }[]
    expect(dead).toHaveLength(1)
    expect(dead[0]!.instanceId).toBe('demo-market')
    const retried = await api('/api/v1/outbox/retry', { body: { ids: [dead[0]!.id] } })
    expect(retried.status).toBeLessThan(300)
    await waitFor(
      async () =>
        (await api(`/api/v1/outbox/${dead[0]!.id}`)).body.status === 'delivered' ? true : undefined,
      10_000,
      'the retried message delivered',
    )

    const plugins = (await api('/api/v1/plugins')).body.items as { id: string; kind: string }[]
    expect(plugins.map((p) => p.id).sort()).toEqual([
      'demo-edi',
      'demo-market',
      'demo-web',
      'demo-wms',
      'manual',
    ])
  })
})
