import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sampleOrder } from '../peers/rest-channel-peer'
import { createTestDb, dbKinds, type TestDb } from '../support/databases'
import { startTestHub, type TestHub } from '../support/test-hub'
import { seedWorld } from '../support/world'

/** The value lists the rule editor's pickers offer come from what the catalogue and customers hold. */
describe.each(dbKinds)('rule fact values (%s)', (kind) => {
  let db: TestDb
  let hub: TestHub

  beforeAll(async () => {
    db = await createTestDb(kind)
    hub = await startTestHub(
      db,
      [{ id: 'web', use: '@switchyard/rest-channel', config: { secret: { $env: 'WEB' } } }],
      { WEB: 'facts-secret' },
    )
    await seedWorld(hub.api)
  })

  afterAll(async () => {
    await hub?.stop()
    await db?.drop()
  })

  it('lists categories, tiers, locations and their tags as they are stored, each once and sorted', async () => {
    const products = [
      { sku: 'FV-1', name: 'One', category: 'outdoor' },
      { sku: 'FV-2', name: 'Two', category: 'apparel' },
      { sku: 'FV-3', name: 'Three', category: 'outdoor' },
    ]
    expect((await hub.api('/api/v1/products', { method: 'PUT', body: { items: products } })).status).toBe(200)
    for (const [email, tier] of [
      ['gold@example.nz', 'gold'],
      ['bronze@example.nz', 'bronze'],
      ['gold2@example.nz', 'gold'],
    ]) {
      const order = sampleOrder({ customer: { email, name: 'A Customer', tier } })
      expect((await hub.api('/api/v1/orders', { body: { channel: 'web', order } })).status).toBe(201)
    }
    const facts = await hub.api('/api/v1/rules/facts')
    expect(facts.status).toBe(200)
    const values = facts.body.values
    expect(values.categories).toEqual(expect.arrayContaining(['apparel', 'outdoor']))
    expect(values.categories).toEqual([...new Set(values.categories)].sort())
    expect(values.tiers).toEqual(['bronze', 'gold'])
    const locations = (await hub.api('/api/v1/locations')).body.items as {
      id: string
      name: string
      type: string
      tags: string[]
    }[]
    expect(values.locations).toEqual(locations.map(({ id, name, type }) => ({ id, name, type })))
    expect(values.tags).toEqual([...new Set(locations.flatMap((l) => l.tags))].sort())
    expect(values.tags).toContain('hazmat-licensed')
  })
})
