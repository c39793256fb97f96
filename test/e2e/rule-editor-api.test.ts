import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDemoOrders } from '../../server/src/demo/demo-orders'
import { RestChannelPeer } from '../peers/rest-channel-peer'
import { createTestDb, type TestDb } from '../support/databases'
import { startTestHub, type TestHub } from '../support/test-hub'

/**
 * What the hub adds for the rule editor: `GET /api/v1/me` (who the key is and whether it may edit
 * rules), and demo orders seeded on the first demo start so the impact preview has real decisions
 * to compare with.
 */
describe('hub support for the rule editor', () => {
  let db: TestDb
  let hub: TestHub
  let channel: RestChannelPeer

  beforeAll(async () => {
    db = await createTestDb('sqlite')
    channel = await RestChannelPeer.start('demo-secret-for-tests')
    const plugins = [
      {
        id: 'demo-web',
        use: '@switchyard/rest-channel',
        config: { secret: { $env: 'DEMO_SECRET' }, callbackUrl: channel.callbackUrl },
      },
    ]
    hub = await startTestHub(db, plugins, { SWITCHYARD_DEMO: '1', DEMO_SECRET: channel.secret })
  })

  afterAll(async () => {
    await hub?.stop()
    await channel?.close()
    await db?.drop()
  })

  it('tells each key its role and whether it may edit rules', async () => {
    const make = async (role: string, extra: Record<string, unknown> = {}) =>
      (await hub.api('/api/v1/keys', { body: { name: `${role} key`, role, ...extra } })).body.token as string
    const expectations: [string, Record<string, unknown>, boolean][] = [
      ['admin', {}, true],
      ['analyst', {}, true],
      ['viewer', {}, false],
      ['integrator', {}, false],
      ['integrator', { channel: 'demo-web' }, false],
    ]
    for (const [role, extra, canEdit] of expectations) {
      const key = await make(role, extra)
      const me = await hub.api('/api/v1/me', { key })
      expect(me.status).toBe(200)
      expect(me.body).toMatchObject({ role, name: `${role} key`, canEdit })
      expect(me.body.permissions.includes('rules:write')).toBe(canEdit)
      expect(me.body.permissions).toContain('rules:read')
      if (extra.channel) {
        expect(me.body.channelInstanceId).toBe('demo-web')
        expect(me.body.permissions).not.toContain('catalog:write')
      }
    }
    const anonymous = await hub.api('/api/v1/me', { key: null })
    expect(anonymous.status).toBe(401)
    const wrong = await hub.api('/api/v1/me', { key: 'sy_nope_nope' })
    expect(wrong.status).toBe(401)
  })

  it('seeds demo orders on the first demo start, routed by the demo rules', async () => {
    const page = await hub.api('/api/v1/orders?limit=100')
    const items = page.body.items as { externalOrderId: string; status: string; channelInstanceId: string }[]
    // The config file's demo-web runs beside the demo's marketplace and EDI partner (SWITCHYARD_DEMO=1):
    // the storefront's and the marketplace's eight each go in at start; the partner's 850s by its poll.
    const seeded = items.filter((o) => o.externalOrderId.startsWith('DEMO-SEED-'))
    expect(seeded).toHaveLength(8)
    expect(items.filter((o) => o.channelInstanceId === 'demo-market')).toHaveLength(8)
    // The big order trips the demo's hold rule; the rest were allocated somewhere.
    expect(seeded.filter((o) => o.status === 'held').map((o) => o.externalOrderId)).toEqual(['DEMO-SEED-024'])
    const sets = await hub.api('/api/v1/rules/sets')
    const demo = sets.body.items.find((s: { id: string }) => s.id === 'default-sourcing')
    expect(demo.liveVersion).toBe(1)
    const live = await hub.api('/api/v1/rules/sets/default-sourcing/versions/1')
    const decision = await hub.api(`/api/v1/orders/${page.body.items[0].id}/decision`)
    expect(decision.body.ruleSetVersionId).toBe(live.body.id)
    // The impact preview has them to compare against.
    const backtest = await hub.api('/api/v1/rules/sets/default-sourcing/versions/1/backtest', {
      body: { limit: 50 },
    })
    expect(backtest.status).toBe(200)
    expect(backtest.body.orders).toBeGreaterThanOrEqual(16)
    expect(backtest.body.changed).toBe(0)
  })

  it('seeding again adds nothing: the demo orders are idempotent on their external ids', async () => {
    const mailbox = String(hub.hub.context.registry.get('demo-edi')!.config.mailbox)
    const channels = { web: 'demo-web', market: 'demo-market', edi: { id: 'demo-edi', mailbox } }
    expect(await seedDemoOrders(hub.hub.core, channels)).toBe(0)
    const page = await hub.api('/api/v1/orders?limit=100')
    expect(
      page.body.items.filter((o: { externalOrderId: string }) => o.externalOrderId.startsWith('DEMO-SEED-')),
    ).toHaveLength(8)
  })
})
