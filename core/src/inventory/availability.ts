import { type KitPart, kitsAt, readKitBoms, stockSkus } from '../catalog/kits/kit-boms'
import type { SqlRunner } from '../db/sql/sql-db'
import { sellableOnHandSql } from './feed-age'
import { openUnitsByChannel } from './pools'
import { type PoolRow, StockLedger, type StockRow } from './stock-ledger'

export interface SkuAvailability {
  sku: string
  /** Shared available-to-promise across locations (no channel's pools). */
  total: number
  /** What the channel may take across locations, its pools and caps applied (when a channel is given). */
  channel?: { channelInstanceId: string; total: number }
  /**
   * A kit's bill of materials. A kit has no stock of its own: at each location where all its
   * components have a stock row, `onHand` and `available` are the whole kits its components make
   * (floor(component ÷ quantity), the least of them); `allocated`, `reserved` and `protected` are
   * its components' business and read 0.
   */
  components?: KitPart[]
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
  const kits = await readKitBoms(db, skus)
  const read = [...new Set([...skus, ...stockSkus(skus, kits)])]
  const marks = read.map(() => '?').join(',')
  const rows = await db.all<StockRow>(
    `select sku, location_id, ${sellableOnHandSql('inventory_level')}, allocated, reserved, safety_stock, protected
       from inventory_level where sku in (${marks}) order by sku, location_id`,
    [Date.now(), ...read],
  )
  const pools = await db.all<PoolRow>(
    `select id, channel_instance_id, sku, location_id, remaining, may_borrow, cap_units, cap_percent from channel_pool where sku in (${marks})`,
    read,
  )
  const open = channel ? await openUnitsByChannel(db, pools) : new Map<string, number>()
  const view = new StockLedger(rows, pools, open, kits)
  const taker = new StockLedger(rows, pools, open)
  return skus.map((sku) => {
    const parts = kits.get(sku)
    if (parts) return kitAvailability(sku, parts, rows, pools, open, view, channel)
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

/**
 * A kit's availability from its components' rows. Its channel total is taken kit by kit through a
 * ledger of its own, so a component that is also sold alone (or in another kit) on this page is
 * counted whole for each: each figure is what that sku could sell if nothing else sold meanwhile.
 */
function kitAvailability(
  sku: string,
  parts: KitPart[],
  rows: readonly StockRow[],
  pools: readonly PoolRow[],
  open: ReadonlyMap<string, number>,
  view: StockLedger,
  channel: string | undefined,
): SkuAvailability {
  const mine = new Set(parts.map((p) => p.sku))
  const ownRows = rows.filter((r) => mine.has(r.sku))
  const taker = new StockLedger(
    ownRows,
    pools.filter((p) => mine.has(p.sku)),
    open,
    new Map([[sku, parts]]),
  )
  const onHand = new Map(ownRows.map((r) => [`${r.sku}\u0000${r.location_id}`, r.on_hand]))
  let channelTotal = 0
  const locations: SkuAvailability['locations'] = []
  view.eachHolding(sku, (locationId, available) => {
    const entry: SkuAvailability['locations'][number] = {
      locationId,
      onHand: kitsAt(parts, (c) => onHand.get(`${c}\u0000${locationId}`) ?? 0),
      allocated: 0,
      reserved: 0,
      protected: 0,
      available,
    }
    if (channel) {
      entry.availableToChannel = view.availableTo(channel, sku, locationId)
      const q = taker.availableTo(channel, sku, locationId)
      if (q > 0) {
        taker.takeFor(channel, sku, locationId, q)
        channelTotal += q
      }
    }
    locations.push(entry)
  })
  return {
    sku,
    total: view.sharedTotal(sku),
    ...(channel ? { channel: { channelInstanceId: channel, total: channelTotal } } : {}),
    locations,
    components: parts,
  }
}
