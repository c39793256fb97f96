import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Core, openCore } from '../core'
import { freshDatabase } from '../db/fresh-database'
import { receiveAllocatedStock } from './stock-writer'

/** Ship to store: units a store receives for an order join its on-hand and allocated together. */
describe.each(['sqlite', 'postgresql'] as const)('receiveAllocatedStock on %s', (dialect) => {
  let core: Core
  let drop: () => Promise<void>
  beforeAll(async () => {
    const db = await freshDatabase(dialect, 'receive-allocated')
    drop = db.drop
    core = await openCore({ settings: db.settings, directory: { accepts: () => true }, workerId: 'test' })
    await core.catalog.upsertProducts([
      { sku: 'SKU-A', name: 'A' },
      { sku: 'SKU-B', name: 'B' },
      { sku: 'PACK', name: 'Two A and one B' },
    ])
    await core.catalog.upsertLocation({
      id: 'wlg',
      name: 'Wellington store',
      type: 'store',
      country: 'NZ',
      lat: -41,
      lon: 174,
      timezone: 'Pacific/Auckland',
    })
    await core.inventory.upsert([{ sku: 'SKU-A', locationId: 'wlg', onHand: 3 }])
    await core.kits.define('PACK', [
      { sku: 'SKU-A', quantity: 2 },
      { sku: 'SKU-B', quantity: 1 },
    ])
  }, 60_000)
  afterAll(async () => {
    await core.close()
    await drop()
  })

  const level = async (sku: string) => {
    const row = await core.db.one<{ on_hand: number; allocated: number }>(
      'select on_hand, allocated from inventory_level where sku = ? and location_id = ?',
      [sku, 'wlg'],
    )
    return row ? { onHand: Number(row.on_hand), allocated: Number(row.allocated) } : null
  }

  it('adds to a row the store has, leaving its ATP where it was', async () => {
    await core.db.transaction((tx) => receiveAllocatedStock(tx, 'SKU-A', 'wlg', 2, Date.now()))
    expect(await level('SKU-A')).toEqual({ onHand: 5, allocated: 2 })
  })

  it('makes the row of a sku the store never held', async () => {
    expect(await level('SKU-B')).toBeNull()
    await core.db.transaction((tx) => receiveAllocatedStock(tx, 'SKU-B', 'wlg', 4, Date.now()))
    expect(await level('SKU-B')).toEqual({ onHand: 4, allocated: 4 })
  })

  it('takes a kit in as its components', async () => {
    await core.db.transaction((tx) => receiveAllocatedStock(tx, 'PACK', 'wlg', 1, Date.now()))
    expect(await level('SKU-A')).toEqual({ onHand: 7, allocated: 4 })
    expect(await level('SKU-B')).toEqual({ onHand: 5, allocated: 5 })
    expect(await level('PACK')).toBeNull()
  })
})
