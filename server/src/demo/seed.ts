import type { Core } from '@switchyard/core'
import { seedDemoPricing } from './pricing'
import { demoCalendars, demoLanes, demoSourcingRules } from './sourcing-rules'
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
  await seedDemoSourcing(core)
  await seedDemoPricing(core)
  return true
}

/** Carrier lanes and calendars, and a published default sourcing rule set the editor can change. */
export async function seedDemoSourcing(core: Core): Promise<void> {
  await core.carrierNetwork.upsertCalendars(demoCalendars)
  await core.carrierNetwork.upsertLanes(demoLanes)
  await core.ruleSets.create({
    id: 'default-sourcing',
    kind: 'sourcing',
    name: 'Default sourcing',
    description:
      'Dangerous and high-value goods from the right sites; express fastest, standard cheapest; a fallback that backorders.',
  })
  const { version } = await core.ruleSets.createVersion('default-sourcing', {
    rules: demoSourcingRules,
    settings: { timezone: 'Pacific/Auckland' },
    author: 'demo seed',
    comment: 'Initial demo rules',
  })
  await core.ruleSets.publish('default-sourcing', version.version, {
    author: 'demo seed',
    comment: 'Initial demo rules',
  })
  core.routingConfig.invalidate()
}
