import type { InventorySnapshot } from '@switchyard/plugin-sdk'
import { readKitBoms } from '../catalog/kits/kit-boms'
import type { RowOf } from '../db/row-of'
import type { SqlDb, SqlRunner } from '../db/sql/sql-db'
import { ValidationError } from '../errors'
import { decodeKeyCursor, encodeKeyCursor, type Page } from '../pagination'
import { feedStaleSql } from './feed-age'
import type { InventoryLevelSchema } from './inventory-level.entity'

export interface InventoryUpsert {
  sku: string
  locationId: string
  onHand: number
  safetyStock?: number
}

export interface InventoryLevelView {
  sku: string
  locationId: string
  onHand: number
  allocated: number
  reserved: number
  safetyStock: number
  /** Units held in location pools for one channel. */
  protected: number
  available: number
  updatedAt: string
  /** asOf of the newest feed snapshot applied (a WMS's or a supplier's report); null when none. */
  feedAsOf: string | null
  /** True when the location's `feedMaxAgeHours` has passed since then: the row is not sold. */
  feedStale: boolean
}

type LevelRow = RowOf<typeof InventoryLevelSchema> & { feed_stale: number | boolean }

const view = (r: LevelRow): InventoryLevelView => ({
  sku: r.sku,
  locationId: r.location_id,
  onHand: r.on_hand,
  allocated: r.allocated,
  reserved: r.reserved,
  safetyStock: r.safety_stock,
  protected: r.protected,
  available: r.feed_stale
    ? 0
    : Math.max(0, r.on_hand - r.allocated - r.reserved - r.safety_stock - r.protected),
  updatedAt: new Date(Number(r.updated_at)).toISOString(),
  feedAsOf: r.snapshot_at === null ? null : new Date(Number(r.snapshot_at)).toISOString(),
  feedStale: Boolean(r.feed_stale),
})

/** Stock counts as the warehouses and operators state them. Allocations are never touched here. */
export class InventoryService {
  /**
   * @param afterStockChange called after a commit that may have added stock to these skus, so
   * backordered orders holding them are routed again; its failure never undoes the stock change.
   */
  constructor(
    private readonly db: SqlDb,
    private readonly afterStockChange?: (skus: readonly string[]) => Promise<void>,
  ) {}

  private async stockChanged(skus: readonly string[]): Promise<void> {
    if (!this.afterStockChange || skus.length === 0) return
    try {
      await this.afterStockChange([...new Set(skus)])
    } catch (error) {
      process.emitWarning(`routing backorders after a stock change failed: ${(error as Error).message}`)
    }
  }

  /** Sets on-hand (and optionally safety stock) for many sku × location pairs at once, all or nothing. */
  async upsert(items: readonly InventoryUpsert[], now = Date.now()): Promise<number> {
    await this.checkReferences(
      items.map((i) => ({ sku: i.sku, locationId: i.locationId })),
      'items',
    )
    const count = await this.db.transaction(async (tx) => {
      for (const i of items) {
        await tx.run(
          `insert into inventory_level (sku, location_id, on_hand, allocated, reserved, safety_stock, updated_at)
           values (?, ?, ?, 0, 0, ?, ?)
           on conflict (sku, location_id) do update set on_hand = excluded.on_hand,
             safety_stock = coalesce(?, inventory_level.safety_stock), updated_at = excluded.updated_at`,
          [i.sku, i.locationId, i.onHand, i.safetyStock ?? 0, now, i.safetyStock ?? null],
        )
      }
      return items.length
    })
    await this.stockChanged(items.map((i) => i.sku))
    return count
  }

  /**
   * Applies WMS snapshots. A snapshot older than the newest one applied to that row is ignored,
   * so deliveries that arrive out of order cannot roll stock back.
   */
  /**
   * Applies WMS snapshots. A snapshot older than the newest one applied to that row is ignored,
   * so deliveries that arrive out of order cannot roll stock back; one with an event id already
   * seen from `source` is ignored too (a redelivered webhook).
   */
  async applySnapshots(
    snapshots: readonly InventorySnapshot[],
    now = Date.now(),
    source = 'wms',
  ): Promise<{ applied: number; stale: number; duplicate: number }> {
    await this.checkReferences(snapshots, 'snapshots')
    const result = await this.db.transaction(async (tx) => {
      let applied = 0
      let duplicate = 0
      for (const s of snapshots) {
        const asOf = Date.parse(s.asOf)
        if (
          s.eventId &&
          !(await recordEvent(tx, source, s.eventId, 'snapshot', s.sku, s.locationId, s.onHand, asOf, now))
        ) {
          duplicate++
          continue
        }
        const changed = await tx.run(
          `insert into inventory_level (sku, location_id, on_hand, allocated, reserved, safety_stock, snapshot_at, updated_at)
           values (?, ?, ?, 0, 0, 0, ?, ?)
           on conflict (sku, location_id) do update set on_hand = excluded.on_hand, snapshot_at = excluded.snapshot_at,
             updated_at = excluded.updated_at
           where inventory_level.snapshot_at is null or inventory_level.snapshot_at < excluded.snapshot_at`,
          [s.sku, s.locationId, s.onHand, asOf, now],
        )
        applied += changed
      }
      return { applied, stale: snapshots.length - applied - duplicate, duplicate }
    })
    if (result.applied > 0) await this.stockChanged(snapshots.map((s) => s.sku))
    return result
  }

  /**
   * Applies stock movements (goods received, a count correction, shrinkage), each exactly once by
   * its event id from `source`. On hand never goes below zero: a movement that would is refused.
   */
  async applyAdjustments(
    source: string,
    events: readonly AdjustmentEvent[],
    now = Date.now(),
  ): Promise<{ applied: number; duplicate: number }> {
    await this.checkReferences(events, 'events')
    const result = await this.db.transaction((tx) => applyAdjustmentRows(tx, source, events, now))
    if (events.some((e) => e.delta > 0))
      await this.stockChanged(events.filter((e) => e.delta > 0).map((e) => e.sku))
    return result
  }

  /**
   * Stock levels in (sku, location) order, a page at a time: `cursor` continues after the last row
   * of the previous page; `updatedSince` keeps rows changed at or after that instant (an
   * integrator's incremental sync).
   */
  async levels(
    filter: {
      sku?: string
      locationId?: string
      updatedSince?: number
      limit?: number
      cursor?: string
    } = {},
  ): Promise<Page<InventoryLevelView>> {
    const where: string[] = []
    const params: (string | number)[] = []
    if (filter.sku) {
      where.push('sku = ?')
      params.push(filter.sku)
    }
    if (filter.locationId) {
      where.push('location_id = ?')
      params.push(filter.locationId)
    }
    if (filter.updatedSince !== undefined) {
      where.push('updated_at >= ?')
      params.push(filter.updatedSince)
    }
    const after = decodeKeyCursor(filter.cursor, 2)
    if (after) {
      where.push('(sku > ? or (sku = ? and location_id > ?))')
      params.push(after[0]!, after[0]!, after[1]!)
    }
    const limit = Math.min(Math.max(filter.limit ?? 500, 1), 5000)
    const rows = await this.db.all<LevelRow>(
      `select sku, location_id, on_hand, allocated, reserved, safety_stock, protected, updated_at, snapshot_at,
              case when ${feedStaleSql('inventory_level')} then 1 else 0 end as feed_stale
         from inventory_level ${where.length ? `where ${where.join(' and ')}` : ''}
        order by sku, location_id limit ${limit + 1}`,
      [Date.now(), ...params],
    )
    const items = rows.slice(0, limit).map(view)
    const last = rows.length > limit ? rows[limit - 1]! : undefined
    return { items, nextCursor: last ? encodeKeyCursor([last.sku, last.location_id]) : null }
  }

  private async checkReferences(
    items: readonly { sku: string; locationId: string }[],
    field: string,
  ): Promise<void> {
    const skus = [...new Set(items.map((i) => i.sku))]
    const locs = [...new Set(items.map((i) => i.locationId))]
    if (skus.length === 0) return
    const knownSkus = new Set(
      (
        await this.db.all<{ sku: string }>(
          `select sku from product where sku in (${skus.map(() => '?').join(',')})`,
          skus,
        )
      ).map((r) => r.sku),
    )
    const knownLocs = new Set(
      (
        await this.db.all<{ id: string }>(
          `select id from location where id in (${locs.map(() => '?').join(',')})`,
          locs,
        )
      ).map((r) => r.id),
    )
    const issues = items.flatMap((item, i) => [
      ...(knownSkus.has(item.sku)
        ? []
        : [{ field: `${field}[${i}].sku`, message: `unknown sku '${item.sku}'` }]),
      ...(knownLocs.has(item.locationId)
        ? []
        : [{ field: `${field}[${i}].locationId`, message: `unknown location '${item.locationId}'` }]),
    ])
    if (issues.length > 0)
      throw new ValidationError('inventory references unknown skus or locations', issues, 'UNKNOWN_REFERENCE')
    // A kit's stock is its components': a row of its own would never be read or moved.
    const kits = await readKitBoms(this.db, skus)
    const kitIssues = items.flatMap((item, i) =>
      kits.has(item.sku)
        ? [
            {
              field: `${field}[${i}].sku`,
              message: `'${item.sku}' is a kit: it has no stock of its own, set its components' (${kits
                .get(item.sku)!
                .map((p) => p.sku)
                .join(', ')})`,
            },
          ]
        : [],
    )
    if (kitIssues.length > 0)
      throw new ValidationError('kits have no stock of their own', kitIssues, 'KIT_HAS_NO_STOCK')
  }
}

/** Records an inventory event once; false when `source` sent this event id before. */
async function recordEvent(
  tx: SqlRunner,
  source: string,
  eventId: string,
  kind: 'snapshot' | 'adjustment',
  sku: string,
  locationId: string,
  quantity: number,
  occurredAt: number,
  now: number,
): Promise<boolean> {
  const inserted = await tx.run(
    `insert into inventory_event (source, event_id, kind, sku, location_id, quantity, occurred_at, applied_at)
     values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (source, event_id) do nothing`,
    [source, eventId, kind, sku, locationId, quantity, occurredAt, now],
  )
  return inserted === 1
}

/** One stock movement, applied once by its event id. */
export interface AdjustmentEvent {
  eventId: string
  sku: string
  locationId: string
  delta: number
  occurredAt?: string
  reason?: string
}

/**
 * Stock movements inside the caller's transaction, each once by its event id from `source`
 * (InventoryService.applyAdjustments; receiving inbound supply moves stock in the same
 * transaction that records the receipt). On hand never goes below zero.
 */
export async function applyAdjustmentRows(
  tx: SqlRunner,
  source: string,
  events: readonly AdjustmentEvent[],
  now: number,
): Promise<{ applied: number; duplicate: number }> {
  let applied = 0
  let duplicate = 0
  for (const [i, e] of events.entries()) {
    const at = e.occurredAt ? Date.parse(e.occurredAt) : now
    if (!(await recordEvent(tx, source, e.eventId, 'adjustment', e.sku, e.locationId, e.delta, at, now))) {
      duplicate++
      continue
    }
    const changed = await tx.run(
      `update inventory_level set on_hand = on_hand + ?, updated_at = ? where sku = ? and location_id = ? and on_hand + ? >= 0`,
      [e.delta, now, e.sku, e.locationId, e.delta],
    )
    if (changed === 0) {
      const exists = await tx.one('select 1 as x from inventory_level where sku = ? and location_id = ?', [
        e.sku,
        e.locationId,
      ])
      if (exists || e.delta < 0) {
        throw new ValidationError(
          'adjustment below zero',
          [
            {
              field: `events[${i}].delta`,
              message: `would take on hand of ${e.sku} at ${e.locationId} below zero`,
            },
          ],
          'NEGATIVE_STOCK',
        )
      }
      await tx.run(
        `insert into inventory_level (sku, location_id, on_hand, allocated, reserved, safety_stock, updated_at) values (?, ?, ?, 0, 0, 0, ?)`,
        [e.sku, e.locationId, e.delta, now],
      )
    }
    applied++
  }
  return { applied, duplicate }
}
