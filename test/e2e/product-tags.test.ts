import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RestChannelPeer, sampleOrder } from '../peers/rest-channel-peer'
import { createTestDb, dbKinds, type TestDb } from '../support/databases'
import { aucklander } from '../support/pickup-world'
import { startTestHub, type TestHub } from '../support/test-hub'
import { seedWorld } from '../support/world'

/**
 * Products carry tags (issue 16): kept through the products API, offered by the rule editor's
 * fact catalogues as the values products have, and tested by rules as `line.tags` (per line) and
 * `order.productTags` (once per order), in routing and in pricing, on both databases.
 */
describe.each(dbKinds)('product tags on %s', (kind) => {
  let db: TestDb
  let hub: TestHub
  let channel: RestChannelPeer

  const putProducts = (items: Record<string, unknown>[]) =>
    hub.api('/api/v1/products', { method: 'PUT', body: { items } })

  beforeAll(async () => {
    db = await createTestDb(kind)
    channel = await RestChannelPeer.start('product-tags-secret')
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
    await seedWorld(hub.api, {
      stock: [
        { sku: 'SKU-A', locationId: 'akl', onHand: 100 },
        { sku: 'SKU-A', locationId: 'wlg', onHand: 100 },
        { sku: 'SKU-B', locationId: 'akl', onHand: 100 },
        { sku: 'SKU-B', locationId: 'wlg', onHand: 100 },
      ],
    })
  })

  afterAll(async () => {
    await hub?.stop()
    await channel?.close()
    await db?.drop()
  })

  it('keeps a product’s tags, each once, and keeps them when a later write leaves them out', async () => {
    expect(
      (
        await putProducts([
          { sku: 'SKU-A', name: 'Merino tee', tags: ['gift', 'made-in-nz', 'gift'] },
          { sku: 'SKU-B', name: 'Rain shell', tags: ['fragile'] },
        ])
      ).status,
    ).toBe(200)
    expect((await hub.api('/api/v1/products/SKU-A')).body.tags).toEqual(['gift', 'made-in-nz'])
    expect((await putProducts([{ sku: 'SKU-A', name: 'Merino tee, black' }])).status).toBe(200)
    const a = await hub.api('/api/v1/products/SKU-A')
    expect(a.body).toMatchObject({ name: 'Merino tee, black', tags: ['gift', 'made-in-nz'] })
    const list = await hub.api('/api/v1/products?limit=10')
    const bySku = new Map(list.body.items.map((p: { sku: string; tags: string[] }) => [p.sku, p.tags]))
    expect(bySku.get('SKU-B')).toEqual(['fragile'])
    expect(bySku.get('SKU-C')).toEqual([])
  })

  it('refuses an empty tag or too many, naming the field', async () => {
    const empty = await putProducts([{ sku: 'SKU-A', name: 'Merino tee', tags: [' '] }])
    expect(empty.status).toBe(422)
    expect((empty.body.errors as { field: string }[]).map((e) => e.field)).toContain('items[0].tags[0]')
    const many = await putProducts([
      { sku: 'SKU-A', name: 'Merino tee', tags: Array.from({ length: 51 }, (_, i) => `t${i}`) },
    ])
    expect(many.status).toBe(422)
    expect((many.body.errors as { field: string }[]).map((e) => e.field)).toContain('items[0].tags')
    expect((await hub.api('/api/v1/products/SKU-A')).body.tags).toEqual(['gift', 'made-in-nz'])
  })

  it('offers the tags products carry to the rule editor, for sourcing and pricing', async () => {
    const facts = await hub.api('/api/v1/rules/facts')
    expect(facts.body.values.productTags).toEqual(['fragile', 'gift', 'made-in-nz'])
    const ids = facts.body.facts.map((f: { id: string }) => f.id)
    expect(ids).toEqual(expect.arrayContaining(['line.tags', 'order.productTags']))
    const pricing = await hub.api('/api/v1/pricing/facts')
    expect(pricing.body.values.productTags).toEqual(['fragile', 'gift', 'made-in-nz'])
    expect(pricing.body.facts.map((f: { id: string }) => f.id)).toEqual(
      expect.arrayContaining(['line.tags', 'order.productTags']),
    )
  })

  it('routes by a line’s product tags and holds by the order’s', async () => {
    await hub.api('/api/v1/rules/sets', { body: { id: 'tagged', kind: 'sourcing', name: 'Tagged' } })
    const v = await hub.api('/api/v1/rules/sets/tagged/versions', {
      body: {
        rules: [
          {
            name: 'fragile-from-wlg',
            conditions: { all: [{ fact: 'line.tags', operator: 'contains', value: 'fragile' }] },
            event: { type: 'restrict', params: { locations: ['wlg'] } },
          },
          {
            name: 'hold-made-here',
            conditions: {
              all: [
                { fact: 'order.productTags', operator: 'contains', value: 'made-in-nz' },
                { fact: 'order.unitCount', operator: 'greaterThan', value: 5 },
              ],
            },
            event: { type: 'hold', params: { reason: 'Large made-in-NZ orders are checked' } },
          },
          {
            name: 'anywhere',
            conditions: { all: [] },
            event: { type: 'strategy', params: { id: 'anywhere', fallback: true } },
          },
        ],
      },
    })
    expect(v.status).toBe(201)
    expect(v.body.validation.errors).toEqual([])
    const version = v.body.version.version
    const simulate = async (lines: { sku: string; quantity: number }[]) => {
      const res = await hub.api(`/api/v1/rules/sets/tagged/versions/${version}/simulate`, {
        body: { channel: 'web', order: sampleOrder({ shipTo: aucklandAddress }, lines) },
      })
      expect(res.status).toBe(200)
      return res.body.plan
    }
    // Shipped to Auckland, the nearest is akl; the fragile rain shell may only go from wlg.
    const shell = await simulate([{ sku: 'SKU-B', quantity: 1 }])
    expect(shell.hold ?? null).toBeNull()
    expect(shell.shipments.map((s: { locationId: string }) => s.locationId)).toEqual(['wlg'])
    const tee = await simulate([{ sku: 'SKU-A', quantity: 1 }])
    expect(tee.shipments.map((s: { locationId: string }) => s.locationId)).toEqual(['akl'])
    const many = await simulate([{ sku: 'SKU-A', quantity: 6 }])
    expect(many.hold).toMatchObject({ rule: 'hold-made-here' })
  })
})

const aucklandAddress = { ...aucklander, name: 'Kiri Tane' }
