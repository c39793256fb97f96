import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Core, openCore } from '../core'
import { freshDatabase } from '../db/fresh-database'
import { availability } from './availability'
import { readStockForUpdate } from './stock-writer'

const HOUR = 3_600_000

/**
 * Feed age (issue 20): at a location with `feedMaxAgeHours`, a row whose newest snapshot is older
 * is read as holding nothing, by routing's read and by availability, and the levels show it stale;
 * a location without it never ages, and a row without a snapshot counts as stale where age matters.
 */
describe.each(['sqlite', 'postgresql'] as const)('feed age on %s', (dialect) => {
  let core: Core
  let drop: () => Promise<void>
  const now = Date.now()

  beforeAll(async () => {
    const db = await freshDatabase(dialect, 'feed-age')
    drop = db.drop
    core = await openCore({ settings: db.settings, directory: { accepts: () => true }, workerId: 'test' })
    await core.catalog.upsertProducts([
      { sku: 'FRESH', name: 'fresh' },
      { sku: 'OLD', name: 'old' },
      { sku: 'SET', name: 'set by hand' },
    ])
    const place = {
      type: 'dropship' as const,
      country: 'NZ',
      lat: -41,
      lon: 174,
      timezone: 'Pacific/Auckland',
    }
    await core.catalog.upsertLocation({ id: 'sup', name: 'supplier', feedMaxAgeHours: 24, ...place })
    await core.catalog.upsertLocation({ id: 'dc', name: 'dc', ...place, type: 'warehouse' })
    const at = (ms: number) => new Date(ms).toISOString()
    await core.inventory.applySnapshots([
      { locationId: 'sup', sku: 'FRESH', onHand: 5, asOf: at(now - 2 * HOUR) },
      { locationId: 'sup', sku: 'OLD', onHand: 7, asOf: at(now - 30 * HOUR) },
      { locationId: 'dc', sku: 'OLD', onHand: 4, asOf: at(now - 300 * HOUR) },
    ])
    await core.inventory.upsert([{ sku: 'SET', locationId: 'sup', onHand: 9 }])
  }, 60_000)
  afterAll(async () => {
    await core.close()
    await drop()
  })

  it('reads a stale row as holding nothing, only where the location ages its stock', async () => {
    const rows = await core.db.transaction((tx) => readStockForUpdate(tx, ['FRESH', 'OLD', 'SET'], now))
    const onHand = Object.fromEntries(rows.map((r) => [`${r.sku}@${r.location_id}`, Number(r.on_hand)]))
    expect(onHand).toEqual({ 'FRESH@sup': 5, 'OLD@sup': 0, 'OLD@dc': 4, 'SET@sup': 0 })
    // Forty hours on, the fresh row has aged out too.
    const later = await core.db.transaction((tx) => readStockForUpdate(tx, ['FRESH'], now + 40 * HOUR))
    expect(Number(later[0]!.on_hand)).toBe(0)
  })

  it('leaves stale rows out of what channels may sell', async () => {
    const [old] = await availability(core.db, ['OLD'])
    expect(old!.total).toBe(4)
  })

  it('shows each level with its feed date and whether it is stale', async () => {
    const page = await core.inventory.levels({ locationId: 'sup' })
    const bySku = Object.fromEntries(page.items.map((l) => [l.sku, l]))
    expect(bySku.FRESH).toMatchObject({ available: 5, feedStale: false, feedAsOf: expect.any(String) })
    expect(bySku.OLD).toMatchObject({ onHand: 7, available: 0, feedStale: true })
    expect(bySku.SET).toMatchObject({ onHand: 9, available: 0, feedStale: true, feedAsOf: null })
  })
})
