import type { Core } from '@switchyard/core'
import { demoLocations, demoProducts, demoStock } from './world'

/**
 * Seeds the demo world into an empty catalogue. Returns false (and changes nothing) when there are
 * locations already, so it is safe on every start.
 */
export async function seedDemo(core: Core, wmsInstanceId: string | null): Promise<boolean> {
  if ((await core.catalog.listLocations()).length > 0) return false
  await core.catalog.upsertProducts(demoProducts)
  for (const l of demoLocations) await core.catalog.upsertLocation({ ...l, wmsInstanceId })
  await core.inventory.upsert(demoStock())
  return true
}
