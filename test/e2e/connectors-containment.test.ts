import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { waitFor } from '../peers/http-peer'
import { createTestDb, type TestDb } from '../support/databases'
import { seedWorld } from '../support/world'
import { type ConnectorHub, startConnectorHub } from './connectors-hub'

/** A plugin that throws or hangs never takes the hub down; its instance shows as degraded. */
describe('a misbehaving plugin', () => {
  let db: TestDb
  let hub: ConnectorHub

  beforeAll(async () => {
    db = await createTestDb('sqlite')
    hub = await startConnectorHub(
      db,
      [
        {
          id: 'broken',
          use: fileURLToPath(new URL('./connectors-broken-plugin.ts', import.meta.url)),
          config: {},
        },
        {
          id: 'hooks',
          use: fileURLToPath(new URL('./connectors-broken-webhook-plugin.ts', import.meta.url)),
          config: {},
        },
      ],
      {},
      { pollMs: 100 },
    )
    await seedWorld(hub.api)
  })

  afterAll(async () => {
    await hub?.stop()
    await db?.drop()
  })

  it('is degraded at /api/v1/plugins when its poll keeps throwing, and the hub keeps serving', async () => {
    const broken = await waitFor(
      async () => {
        const items = (await hub.api('/api/v1/plugins')).body.items as {
          id: string
          status: string
          lastError: string
          consecutiveFailures: number
        }[]
        const b = items.find((i) => i.id === 'broken')
        return b?.status === 'degraded' ? b : undefined
      },
      10_000,
      'degraded instance',
    )
    expect(broken.lastError).toMatch(/orders poll: unclassified plugin failure: boom/)
    expect(broken.consecutiveFailures).toBeGreaterThanOrEqual(3)
    expect((await hub.api('/api/v1/orders')).status).toBe(200)
  })

  it('answers a webhook whose verify hangs or whose parse throws with 503, and shows the instance degraded', async () => {
    const started = Date.now()
    const hung = await fetch(`${hub.url}/webhooks/hooks/hang`, { method: 'POST', body: '{}' })
    expect(hung.status).toBe(503)
    expect(Date.now() - started).toBeLessThan(5_000)
    for (let i = 0; i < 2; i++) {
      const thrown = await fetch(`${hub.url}/webhooks/hooks/throw`, { method: 'POST', body: '{}' })
      expect(thrown.status).toBe(503)
      expect(await thrown.json()).toMatchObject({ code: 'SWITCHYARD_PLUGIN_TRANSIENT' })
    }
    expect((await hub.api('/api/v1/orders')).status).toBe(200)
    const hooks = (
      (await hub.api('/api/v1/plugins')).body.items as { id: string; status: string; lastError: string }[]
    ).find((i) => i.id === 'hooks')
    expect(hooks).toMatchObject({
      status: 'degraded',
      lastError: expect.stringMatching(/^webhook parse: unclassified plugin failure/),
    })
    // A delivery that works again makes it active.
    expect((await fetch(`${hub.url}/webhooks/hooks/ok`, { method: 'POST', body: '{}' })).status).toBe(200)
    const after = ((await hub.api('/api/v1/plugins')).body.items as { id: string; status: string }[]).find(
      (i) => i.id === 'hooks',
    )
    expect(after?.status).toBe('active')
  })
})
