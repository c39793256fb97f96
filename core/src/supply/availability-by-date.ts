import type { CatalogCache } from '../catalog/catalog-cache'
import type { SqlRunner } from '../db/sql/sql-db'
import type { SkuAvailability } from '../inventory/availability'
import { waitingLines } from '../orders/store'
import { inboundBy, preorderRoom } from './inbound-supply-store'

/** What a sku's availability adds when asked about a date. */
export interface DatedAvailability {
  /** The day asked about (YYYY-MM-DD). */
  on: string
  /** Units of open inbound supply expected on or before `on`, all locations. */
  inbound: number
  /** Units of backordered orders waiting: they take arriving supply first, in order of placement. */
  backordered: number
  /** What could be sold for that day: shared ATP now, plus inbound by then, less what waits for it. */
  total: number
  /** For a pre-order sku: its cap per inbound supply and the units pre-orders may still take now (its room less what waits). */
  preorder?: { cap: number | null; room: number }
}

export type SkuAvailabilityOn = SkuAvailability & {
  on: DatedAvailability
  locations: (SkuAvailability['locations'][number] & { inbound: number; availableOn: number })[]
}

/**
 * Availability by date (issue 20): each location's stock now plus the open inbound supply expected
 * there by `on`; a location with only inbound supply is listed with no stock. The sku's total for
 * that day takes off the units backorders are waiting for, since they are served first.
 */
export async function availabilityOn(
  db: SqlRunner,
  catalog: CatalogCache,
  items: readonly SkuAvailability[],
  on: string,
): Promise<SkuAvailabilityOn[]> {
  const skus = items.map((i) => i.sku)
  const inbound = await inboundBy(db, skus, on)
  const waiting = await waitingLines(db, { skus })
  const { found } = await catalog.products(skus)
  const out: SkuAvailabilityOn[] = []
  for (const item of items) {
    const mine = inbound.filter((r) => r.sku === item.sku)
    const byLocation = new Map<string, number>()
    for (const r of mine) byLocation.set(r.locationId, (byLocation.get(r.locationId) ?? 0) + r.quantity)
    const locations = item.locations.map((l) => {
      const arriving = byLocation.get(l.locationId) ?? 0
      byLocation.delete(l.locationId)
      return { ...l, inbound: arriving, availableOn: l.available + arriving }
    })
    for (const [locationId, arriving] of byLocation)
      locations.push({
        locationId,
        onHand: 0,
        allocated: 0,
        reserved: 0,
        protected: 0,
        available: 0,
        inbound: arriving,
        availableOn: arriving,
      })
    const inboundTotal = mine.reduce((s, r) => s + r.quantity, 0)
    const backordered = waiting.filter((w) => w.sku === item.sku).reduce((s, w) => s + w.quantity, 0)
    const dated: DatedAvailability = {
      on,
      inbound: inboundTotal,
      backordered,
      total: Math.max(0, item.total + inboundTotal - backordered),
    }
    const preorder = found.get(item.sku)?.preorder
    if (preorder) {
      const { room, waiting } = await preorderRoom(db, item.sku, preorder.cap)
      dated.preorder = { cap: preorder.cap, room: Math.max(0, room - waiting) }
    }
    out.push({ ...item, locations, on: dated })
  }
  return out
}
