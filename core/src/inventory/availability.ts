import type { SqlRunner } from '../db/sql/sql-db'
import { openUnitsByChannel } from './pools'
import { type PoolRow, StockLedger, type StockRow } from './stock-ledger'

export interface SkuAvailability {
  sku: string
  /** Shared available-to-promise across locations (no channel's pools). */
  total: number
  /** What the channel may take across locations, its pools and caps applied (when a channel is given). */
  channel?: { channelInstanceId: string; total: number }
  locations: {
    locationId: string
    onHand: number
    allocated: number
    reserved: number
    protected: number
    available: number
    availableToChannel?: number
  }[]
}

/**
 * Available-to-promise per sku, per location and in total, and for one channel if asked. The
 * channel's total is taken unit by unit through the same ledger intake uses, so limits that span
 * locations (network pools, caps) are counted once.
 */
export async function availability(
  db: SqlRunner,
  skus: readonly string[],
  channel?: string,
): Promise<SkuAvailability[]> {
  if (skus.length === 0) return []
  const marks = skus.map(() => '?').join(',')
  const rows = await db.all<StockRow>(
    `select sku, location_id, on_hand, allocated, reserved, safety_stock, protected from inventory_level where sku in (${marks}) order by sku, location_id`,
    [...skus],
  )
  const pools = await db.all<PoolRow>(
    `select id, channel_instance_id, sku, location_id, remaining, may_borrow, cap_units, cap_percent from channel_pool where sku in (${marks})`,
    [...skus],
  )
  const open = channel ? await openUnitsByChannel(db, pools) : new Map<string, number>()
  const view = new StockLedger(rows, pools, open)
  const taker = new StockLedger(rows, pools, open)
  return skus.map((sku) => {
    const here = rows.filter((r) => r.sku === sku)
    let channelTotal = 0
    const locations = here.map((r) => {
      const entry: SkuAvailability['locations'][number] = {
        locationId: r.location_id,
        onHand: r.on_hand,
        allocated: r.allocated,
        reserved: r.reserved,
        protected: r.protected,
        available: view.available(sku, r.location_id),
      }
      if (channel) {
        entry.availableToChannel = view.availableTo(channel, sku, r.location_id)
        const q = taker.availableTo(channel, sku, r.location_id)
        if (q > 0) {
          taker.takeFor(channel, sku, r.location_id, q)
          channelTotal += q
        }
      }
      return entry
    })
    return {
      sku,
      total: view.sharedTotal(sku),
      ...(channel ? { channel: { channelInstanceId: channel, total: channelTotal } } : {}),
      locations,
    }
  })
}
