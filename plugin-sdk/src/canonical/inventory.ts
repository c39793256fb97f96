import { z } from 'zod'

/**
 * A WMS's statement of what a location holds. `asOf` orders snapshots so an older one never
 * overwrites a newer one; `eventId` lets the hub apply each snapshot once.
 */
export const inventorySnapshotSchema = z.strictObject({
  locationId: z.string().min(1),
  sku: z.string().min(1),
  onHand: z.number().int().min(0),
  asOf: z.iso.datetime({ offset: true }),
  eventId: z.string().max(200).optional(),
})
export type InventorySnapshot = z.infer<typeof inventorySnapshotSchema>

/** Available-to-promise for one sku on one channel, pushed so storefronts stop selling what is gone. */
export interface ChannelInventoryLevel {
  sku: string
  available: number
  asOf: string
}
