import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RestChannelPeer, sampleOrder } from '../peers/rest-channel-peer'
import { createTestDb, dbKinds, type TestDb } from '../support/databases'
import { startTestHub, type TestHub } from '../support/test-hub'
import { seedWorld } from '../support/world'

/**
 * What the rule editor reads from the hub for issue 16, on both databases: the values rules may
 * test that the hub has seen (customer tiers and segments, the currencies and tags of recent
 * orders), and the impact preview against a chosen version, its shipping cost per currency over
 * orders both versions ship in full, held orders counted apart.
 */
describe.each(dbKinds)('rule editor values and impact on %s', (kind) => {
  let db: TestDb
  let hub: TestHub
  let channel: RestChannelPeer

  const strategy = {
    name: 'anywhere',
    conditions: { all: [] },
    event: { type: 'strategy', params: { id: 'anywhere', fallback: true } },
  }
  const holdVip = {
    name: 'hold-vip',
    conditions: { all: [{ fact: 'order.tags', operator: 'contains', value: 'vip' }] },
    event: { type: 'hold', params: { reason: 'VIP orders are checked' } },
  }

  beforeAll(async () => {
    db = await createTestDb(kind)
    channel = await RestChannelPeer.start('editor-values-secret')
    hub = await startTestHub(
      db,
      [
        {
          id: 'web',
          use: '@switchyard/rest-channel',
          config: { secret: { $env: 'WEB_SECRET' }, callbackUrl: channel.callbackUrl },
        },
      ],
      { WEB_SECRET: channel.secret },
    )
    await seedWorld(hub.api, { stock: [{ sku: 'SKU-A', locationId: 'akl', onHand: 100 }] })
    const post = async (over: Record<string, unknown>) =>
      expect(
        (await hub.api('/api/v1/orders', { body: { channel: 'web', order: sampleOrder(over) } })).status,
      ).toBe(201)
    await post({
      tags: ['vip'],
      customer: { email: 'gold@example.nz', tier: 'gold', segment: 'b2b' },
    })
    await post({ currency: 'AUD', tags: ['gift'], customer: { email: 'aud@example.au' } })
    await hub.api('/api/v1/rules/sets', { body: { id: 'sourcing', kind: 'sourcing', name: 'Sourcing' } })
    const v1 = await hub.api('/api/v1/rules/sets/sourcing/versions', { body: { rules: [strategy] } })
    expect(v1.body.version.version).toBe(1)
    const published = await hub.api('/api/v1/rules/sets/sourcing/versions/1/publish', { body: {} })
    expect(published.status).toBe(200)
    const v2 = await hub.api('/api/v1/rules/sets/sourcing/versions', { body: { rules: [holdVip, strategy] } })
    expect(v2.body.version.version).toBe(2)
  })

  afterAll(async () => {
    await hub?.stop()
    await channel?.close()
    await db?.drop()
  })

  it('lists the tiers, segments, currencies and order tags the hub has seen', async () => {
    const facts = await hub.api('/api/v1/rules/facts')
    expect(facts.status).toBe(200)
    expect(facts.body.values).toMatchObject({
      tiers: ['gold'],
      segments: ['b2b'],
      currencies: ['AUD', 'NZD'],
      orderTags: ['gift', 'vip'],
    })
  })

  it('lets an analyst keep price lists, the data pricing rules choose from; a viewer only reads them', async () => {
    const key = async (role: string) =>
      (await hub.api('/api/v1/keys', { body: { name: `${role} ${kind}`, role } })).body.token as string
    const list = {
      name: 'Trade',
      currency: 'NZD',
      customerGroup: 'b2b',
      prices: [{ sku: 'SKU-A', price: '8.00' }],
    }
    const analyst = await key('analyst')
    const put = await hub.api('/api/v1/pricing/price-lists/trade', {
      method: 'PUT',
      key: analyst,
      body: list,
    })
    expect(put.status).toBe(200)
    expect((await hub.api('/api/v1/me', { key: analyst })).body.permissions).toContain('pricing:write')
    const viewer = await key('viewer')
    const refused = await hub.api('/api/v1/pricing/price-lists/trade', {
      method: 'PUT',
      key: viewer,
      body: list,
    })
    expect(refused.status).toBe(403)
    expect((await hub.api('/api/v1/pricing/price-lists/trade', { key: viewer })).status).toBe(200)
  })

  it('compares a draft with a chosen version; cost per currency leaves out the order it holds', async () => {
    const r = await hub.api('/api/v1/rules/sets/sourcing/versions/2/backtest', { body: { against: 1 } })
    expect(r.status).toBe(200)
    expect(r.body.comparedWith).toMatchObject({ ruleSetId: 'sourcing', version: 1 })
    expect(r.body.orders).toBe(2)
    expect(r.body.holds).toEqual({ published: 0, draft: 1 })
    // The NZD order is held by the draft: not a saving. The AUD one ships the same way in both.
    expect(r.body.costs).toEqual([{ currency: 'AUD', orders: 1, totalDelta: '0.00', direction: 'same' }])
    // Against the version itself nothing changes; an unknown version is a 404.
    const same = await hub.api('/api/v1/rules/sets/sourcing/versions/2/backtest', { body: { against: 2 } })
    expect(same.body.changed).toBe(0)
    const missing = await hub.api('/api/v1/rules/sets/sourcing/versions/2/backtest', { body: { against: 9 } })
    expect(missing.status).toBe(404)
  })
})
