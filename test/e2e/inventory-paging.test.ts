import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDb, dbKinds, type TestDb } from '../support/databases'
import { startTestHub, type TestHub } from '../support/test-hub'
import { seedWorld } from '../support/world'

/** Stock levels a page at a time, and only what changed since a sync. */
describe.each(dbKinds)('inventory paging on %s', (kind) => {
  let db: TestDb
  let hub: TestHub

  beforeAll(async () => {
    db = await createTestDb(kind)
    hub = await startTestHub(db, [])
    await seedWorld(hub.api)
  })

  afterAll(async () => {
    await hub?.stop()
    await db?.drop()
  })

  const pageThrough = async (query: string) => {
    const seen: string[] = []
    let cursor: string | null = null
    for (let pages = 0; pages < 50; pages++) {
      const res = await hub.api(`/api/v1/inventory?limit=2${query}${cursor ? `&cursor=${cursor}` : ''}`)
      expect(res.status).toBe(200)
      seen.push(...res.body.items.map((l: { sku: string; locationId: string }) => `${l.sku}@${l.locationId}`))
      cursor = res.body.nextCursor
      if (!cursor) return seen
    }
    throw new Error('paging did not end')
  }

  it('pages every level once, in sku and location order', async () => {
    const all = (await hub.api('/api/v1/inventory?limit=5000')).body.items.map(
      (l: { sku: string; locationId: string }) => `${l.sku}@${l.locationId}`,
    )
    expect(all.length).toBeGreaterThan(3)
    expect(await pageThrough('')).toEqual(all)
  })

  it('keeps only what changed since an instant', async () => {
    const since = new Date(Date.now() + 1).toISOString()
    await new Promise((r) => setTimeout(r, 5))
    await hub.api('/api/v1/inventory/adjustments', {
      body: { events: [{ eventId: `paging-${kind}`, sku: 'SKU-A', locationId: 'akl', delta: 1 }] },
    })
    expect(await pageThrough(`&updatedSince=${encodeURIComponent(since)}`)).toEqual(['SKU-A@akl'])
  })

  it('refuses a cursor it did not issue, naming it', async () => {
    const res = await hub.api('/api/v1/inventory?cursor=bm90LWEtY3Vyc29y')
    // As every list answers a cursor it did not issue: 400 INVALID_CURSOR naming the parameter.
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({ code: 'INVALID_CURSOR', errors: [{ field: 'cursor' }] })
  })
})
