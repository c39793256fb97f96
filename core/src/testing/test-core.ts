import { type Core, openCore } from '../core'
import type { DatabaseSettings } from '../db/database-settings'
import { freshDatabase } from '../db/fresh-database'

/** What a test's world holds: products, warehouses (in New Zealand unless it says) and stock. */
export interface TestWorld {
  products?: { sku: string; name: string }[]
  warehouses?: { id: string; name?: string; lat?: number; lon?: number }[]
  stock?: { sku: string; locationId: string; onHand: number; safetyStock?: number }[]
}

/**
 * A migrated core on a fresh SQLite file or PostgreSQL schema, its world seeded, and how to close
 * and drop it. Tests only: not exported from the package.
 */
export async function openTestCore(
  dialect: 'sqlite' | 'postgresql',
  name: string,
  world: TestWorld = {},
): Promise<{ core: Core; settings: DatabaseSettings; close(): Promise<void> }> {
  const database = await freshDatabase(dialect, name)
  const core = await openCore({
    settings: database.settings,
    directory: { accepts: () => true },
    workerId: 'test-worker',
  })
  if (world.products) await core.catalog.upsertProducts(world.products)
  for (const w of world.warehouses ?? [])
    await core.catalog.upsertLocation({
      id: w.id,
      name: w.name ?? w.id,
      type: 'warehouse',
      country: 'NZ',
      lat: w.lat ?? -36.9069,
      lon: w.lon ?? 174.8447,
      timezone: 'Pacific/Auckland',
    })
  if (world.stock) await core.inventory.upsert(world.stock)
  return {
    core,
    settings: database.settings,
    async close() {
      await core.close()
      await database.drop()
    },
  }
}

/** The code and the fields of the error a refused call throws; fails when the call succeeds. */
export async function refusal(call: Promise<unknown>): Promise<{ code?: string; fields?: string[] }> {
  try {
    await call
  } catch (e) {
    const err = e as { code?: string; issues?: { field: string }[] }
    return { code: err.code, fields: err.issues?.map((i) => i.field) }
  }
  throw new Error('expected a refusal')
}
