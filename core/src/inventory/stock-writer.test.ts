import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Core, openCore } from '../core'
import { freshDatabase } from '../db/fresh-database'
import { ConflictError } from '../errors'
import { allocateStockBatch } from './stock-writer'

describe.each(['sqlite', 'postgresql'] as const)('allocateStockBatch on %s', (dialect) => {
  let core: Core
  let drop: () => Promise<void>
  beforeAll(async () => {
    const db = await freshDatabase(dialect, 'stock-writer')
    drop = db.drop
    core = await openCore({ settings: db.settings, directory: { accepts: () => true }, workerId: 'test' })
    await core.catalog.upsertProducts([
      { sku: 'SKU-A', name: 'A' },
      { sku: 'SKU-B', name: 'B' },
    ])
    for (const id of ['akl', 'wlg'])
      await core.catalog.upsertLocation({
        id,
        name: id,
        type: 'warehouse',
        country: 'NZ',
        lat: -41,
        lon: 174,
        timezone: 'Pacific/Auckland',
      })
    await core.inventory.upsert([
      { sku: 'SKU-A', locationId: 'akl', onHand: 10 },
      { sku: 'SKU-A', locationId: 'wlg', onHand: 3 },
      { sku: 'SKU-B', locationId: 'akl', onHand: 5, safetyStock: 2 },
    ])
  }, 60_000)
  afterAll(async () => {
    await core.close()
    await drop()
  })

  const levels = async () =>
    (
      await core.db.all<{ sku: string; location_id: string; allocated: number }>(
        'select sku, location_id, allocated from inventory_level order by sku, location_id',
      )
    ).map((r) => `${r.sku}@${r.location_id}=${Number(r.allocated)}`)

  it('takes every row of a batch, each up to its own ATP (safety stock kept back)', async () => {
    await core.db.transaction((tx) =>
      allocateStockBatch(
        tx,
        [
          { sku: 'SKU-B', locationId: 'akl', quantity: 3, fromPool: 0 },
          { sku: 'SKU-A', locationId: 'wlg', quantity: 3, fromPool: 0 },
          { sku: 'SKU-A', locationId: 'akl', quantity: 4, fromPool: 0 },
        ],
        Date.now(),
      ),
    )
    expect(await levels()).toEqual(['SKU-A@akl=4', 'SKU-A@wlg=3', 'SKU-B@akl=3'])
  })

  it('fails the whole batch naming the row that is short, and changes nothing', async () => {
    const attempt = core.db.transaction((tx) =>
      allocateStockBatch(
        tx,
        [
          { sku: 'SKU-A', locationId: 'akl', quantity: 6, fromPool: 0 },
          { sku: 'SKU-B', locationId: 'akl', quantity: 1, fromPool: 0 },
        ],
        Date.now(),
      ),
    )
    const error = await attempt.catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ConflictError)
    expect(error).toMatchObject({ code: 'ALLOCATION_CONFLICT', details: { sku: 'SKU-B', locationId: 'akl' } })
    expect(await levels()).toEqual(['SKU-A@akl=4', 'SKU-A@wlg=3', 'SKU-B@akl=3'])
  })

  it('refuses a row that does not exist', async () => {
    const attempt = core.db.transaction((tx) =>
      allocateStockBatch(
        tx,
        [
          { sku: 'SKU-A', locationId: 'akl', quantity: 1, fromPool: 0 },
          { sku: 'SKU-B', locationId: 'wlg', quantity: 1, fromPool: 0 },
        ],
        Date.now(),
      ),
    )
    await expect(attempt).rejects.toMatchObject({
      code: 'ALLOCATION_CONFLICT',
      details: { locationId: 'wlg' },
    })
  })
})
