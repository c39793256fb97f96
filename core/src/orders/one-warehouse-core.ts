import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Core, openCore } from '../core'
import { resolveDatabaseSettings } from '../db/database-settings'

/**
 * For the order side's unit tests: a migrated SQLite core in a temp folder with one product
 * (SKU-A) and one warehouse (akl, 5 units), optionally served by a WMS instance. Not exported from
 * the package: tests only.
 */
export async function openOneWarehouseCore(
  name: string,
  options: { wmsInstanceId?: string } = {},
): Promise<{ core: Core; close: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), `switchyard-${name}-`))
  const core = await openCore({
    settings: resolveDatabaseSettings({ SWITCHYARD_DATA_DIR: dir }),
    directory: { accepts: () => true },
    workerId: 'test-worker',
  })
  await core.catalog.upsertProducts([{ sku: 'SKU-A', name: 'Merino tee' }])
  await core.catalog.upsertLocation({
    id: 'akl',
    name: 'Auckland DC',
    type: 'warehouse',
    country: 'NZ',
    lat: -36.9069,
    lon: 174.8447,
    timezone: 'Pacific/Auckland',
    ...(options.wmsInstanceId ? { wmsInstanceId: options.wmsInstanceId } : {}),
  })
  await core.inventory.upsert([{ sku: 'SKU-A', locationId: 'akl', onHand: 5 }])
  return {
    core,
    async close() {
      await core.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
