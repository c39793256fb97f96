import { type KitBoms, NO_KITS, readKitBoms } from '../catalog/kits/kit-boms'
import type { ReadPart } from '../db/sql/read-together'
import type { SqlRunner } from '../db/sql/sql-db'
import { ConflictError } from '../errors'
import { sellableOnHandSql } from './feed-age'
import type { StockRow } from './stock-ledger'

/**
 * Reads the stock rows of these skus in one fixed (sku, location) order. On PostgreSQL the rows are
 * locked, so two hub processes allocating the same sku queue behind each other instead of deadlocking.
 * A row whose feed has aged out reads as holding nothing (`feed-age.ts`). `lock: false` reads
 * without locking, for a write that re-checks every row itself (PostgreSQL's one-statement intake).
 */
export async function readStockForUpdate(
  tx: SqlRunner,
  skus: readonly string[],
  now = Date.now(),
  options: { lock?: boolean } = {},
): Promise<StockRow[]> {
  if (skus.length === 0) return []
  const sorted = [...new Set(skus)].sort()
  if (tx.dialect === 'postgresql' && options.lock === false) {
    const read = unlockedStockRead(sorted, now)
    return tx.all<StockRow>(read.sql, read.params)
  }
  const placeholders = sorted.map(() => '?').join(',')
  const lock = tx.dialect === 'postgresql' ? ' for update of inventory_level' : ''
  return tx.all<StockRow>(
    `select sku, location_id, ${sellableOnHandSql('inventory_level')}, allocated, reserved, safety_stock, protected
       from inventory_level where sku in (${placeholders}) order by sku, location_id${lock}`,
    [now, ...sorted],
  )
}

/**
 * The unlocked read on PostgreSQL, one text for every batch size. A join, so the planner may hash
 * the skus or probe the key per sku: `sku = any(?)` compared every row of the table with every
 * sku of the batch one by one (a perf profile of PostgreSQL showed it), and a probe forced per
 * sku cost more than a hashed scan at a few thousand rows.
 */
export function unlockedStockRead(skus: readonly string[], now: number): ReadPart {
  return {
    sql: `select i.sku, i.location_id, ${sellableOnHandSql('i')}, i.allocated, i.reserved, i.safety_stock, i.protected
            from inventory_level i join unnest(?::text[]) as k(sku) on i.sku = k.sku
            order by i.sku, i.location_id`,
    params: [now, [...new Set(skus)].sort()],
  }
}

/**
 * Commits `quantity` more units of a location's stock, `fromPool` of them out of location pools
 * (protected units). The condition re-checks availability in the database itself, so even a bug
 * upstream cannot push ATP below zero or a pool below empty.
 */
export async function allocateStock(
  tx: SqlRunner,
  sku: string,
  locationId: string,
  quantity: number,
  now: number,
  fromPool = 0,
  kits: KitBoms = NO_KITS,
): Promise<void> {
  const parts = kits.get(sku)
  if (parts) {
    for (const p of parts) await allocateStock(tx, p.sku, locationId, quantity * p.quantity, now)
    return
  }
  const changed = await tx.run(
    `update inventory_level set allocated = allocated + ?, protected = protected - ?, updated_at = ?
      where sku = ? and location_id = ? and protected >= ?
        and on_hand - allocated - reserved - safety_stock - protected >= ?`,
    [quantity, fromPool, now, sku, locationId, fromPool, quantity - fromPool],
  )
  if (changed !== 1) {
    throw new ConflictError(`not enough stock of ${sku} at ${locationId}`, 'ALLOCATION_CONFLICT', {
      sku,
      locationId,
      quantity,
    })
  }
}

/** One (sku, location)'s share of a batch: `quantity` units, `fromPool` of them protected ones. */
export interface StockTake {
  sku: string
  locationId: string
  quantity: number
  fromPool: number
}

/**
 * `allocateStock` for a whole batch, in (sku, location) order. On PostgreSQL it is one statement
 * (the rows are already locked by `readStockForUpdate`, so the update's own order cannot deadlock):
 * a round trip per row, under those locks, was most of what a batch waited for. The same database-
 * side check per row; one row short fails the batch as `allocateStock` would.
 */
export async function allocateStockBatch(
  tx: SqlRunner,
  takes: readonly StockTake[],
  now: number,
  kits: KitBoms = NO_KITS,
): Promise<void> {
  const sorted = componentTakes(takes, kits).sort((a, b) =>
    a.sku === b.sku ? (a.locationId < b.locationId ? -1 : 1) : a.sku < b.sku ? -1 : 1,
  )
  if (tx.dialect !== 'postgresql' || sorted.length === 1) {
    for (const t of sorted) await allocateStock(tx, t.sku, t.locationId, t.quantity, now, t.fromPool)
    return
  }
  const updated = await tx.all<{ sku: string; location_id: string }>(
    `update inventory_level i set allocated = i.allocated + t.quantity, protected = i.protected - t.from_pool, updated_at = ?
       from jsonb_to_recordset(?::jsonb) as t(sku text, location_id text, quantity integer, from_pool integer)
      where i.sku = t.sku and i.location_id = t.location_id and i.protected >= t.from_pool
        and i.on_hand - i.allocated - i.reserved - i.safety_stock - i.protected >= t.quantity - t.from_pool
      returning i.sku, i.location_id`,
    [
      now,
      JSON.stringify(
        sorted.map((t) => ({
          sku: t.sku,
          location_id: t.locationId,
          quantity: t.quantity,
          from_pool: t.fromPool,
        })),
      ),
    ],
  )
  if (updated.length === sorted.length) return
  const done = new Set(updated.map((r) => `${r.sku}\u0000${r.location_id}`))
  const short = sorted.find((t) => !done.has(`${t.sku}\u0000${t.locationId}`))!
  throw new ConflictError(`not enough stock of ${short.sku} at ${short.locationId}`, 'ALLOCATION_CONFLICT', {
    sku: short.sku,
    locationId: short.locationId,
    quantity: short.quantity,
  })
}

/**
 * A kit has no stock row: taking n kits at a location takes n × quantity of each component there
 * (from shared stock, never a pool). Takes of the same row are added together.
 */
export function componentTakes(takes: readonly StockTake[], kits: KitBoms): StockTake[] {
  if (kits.size === 0) return [...takes]
  const byRow = new Map<string, StockTake>()
  const add = (t: StockTake) => {
    const key = `${t.sku}\u0000${t.locationId}`
    const s = byRow.get(key)
    if (s) {
      s.quantity += t.quantity
      s.fromPool += t.fromPool
    } else byRow.set(key, { ...t })
  }
  for (const t of takes) {
    const parts = kits.get(t.sku)
    if (!parts) add(t)
    else
      for (const p of parts)
        add({ sku: p.sku, locationId: t.locationId, quantity: t.quantity * p.quantity, fromPool: 0 })
  }
  return [...byRow.values()]
}

/** Takes units out of a pool's remaining protection (the owner allocated them). */
export async function drawPool(tx: SqlRunner, poolId: string, quantity: number, now: number): Promise<void> {
  const changed = await tx.run(
    'update channel_pool set remaining = remaining - ?, updated_at = ? where id = ? and remaining >= ?',
    [quantity, now, poolId, quantity],
  )
  if (changed !== 1)
    throw new ConflictError(`pool ${poolId} has fewer units left than planned`, 'ALLOCATION_CONFLICT', {
      poolId,
    })
}

/**
 * Gives allocated units back (a cancellation, a rejected fulfilment, a modification). Units that
 * came out of a pool go back into it: a location pool's into the location's protected count.
 */
export async function releaseStock(
  tx: SqlRunner,
  sku: string,
  locationId: string,
  quantity: number,
  now: number,
  poolId: string | null = null,
): Promise<void> {
  // A kit's units go back as its components' (a bill never changes, so these are what it took).
  const parts = (await readKitBoms(tx, [sku])).get(sku)
  if (parts) {
    for (const p of parts) await releaseStock(tx, p.sku, locationId, quantity * p.quantity, now)
    return
  }
  let locationPool = false
  if (poolId) {
    const pool = await tx.one<{ location_id: string | null }>(
      'select location_id from channel_pool where id = ?',
      [poolId],
    )
    if (pool) {
      locationPool = pool.location_id !== null
      await tx.run('update channel_pool set remaining = remaining + ?, updated_at = ? where id = ?', [
        quantity,
        now,
        poolId,
      ])
    }
  }
  const changed = await tx.run(
    `update inventory_level set allocated = allocated - ?, protected = protected + ?, updated_at = ?
      where sku = ? and location_id = ? and allocated >= ?`,
    [quantity, locationPool ? quantity : 0, now, sku, locationId, quantity],
  )
  if (changed !== 1) {
    throw new ConflictError(
      `the ledger holds fewer allocated ${sku} at ${locationId} than the order`,
      'LEDGER_INCONSISTENT',
      {
        sku,
        locationId,
        quantity,
      },
    )
  }
}

/** Allocated units left the building: they leave on-hand and allocated together (a kit's components). */
export async function shipStock(
  tx: SqlRunner,
  sku: string,
  locationId: string,
  quantity: number,
  now: number,
): Promise<void> {
  const parts = (await readKitBoms(tx, [sku])).get(sku)
  if (parts) {
    for (const p of parts) await shipStock(tx, p.sku, locationId, quantity * p.quantity, now)
    return
  }
  const changed = await tx.run(
    `update inventory_level set on_hand = on_hand - ?, allocated = allocated - ?, updated_at = ?
      where sku = ? and location_id = ? and allocated >= ?`,
    [quantity, quantity, now, sku, locationId, quantity],
  )
  if (changed !== 1)
    throw new ConflictError(
      `allocation ledger of ${sku} at ${locationId} is inconsistent`,
      'LEDGER_INCONSISTENT',
      {
        sku,
        locationId,
        quantity,
      },
    )
}

/**
 * Units arrived at a location for an order that already holds them (a ship-to-store transfer):
 * they join on-hand and allocated together, so the location's ATP does not move. The row is made
 * when the location never held the sku; a kit arrives as its components.
 */
export async function receiveAllocatedStock(
  tx: SqlRunner,
  sku: string,
  locationId: string,
  quantity: number,
  now: number,
): Promise<void> {
  const parts = (await readKitBoms(tx, [sku])).get(sku)
  if (parts) {
    for (const p of parts) await receiveAllocatedStock(tx, p.sku, locationId, quantity * p.quantity, now)
    return
  }
  await tx.run(
    `insert into inventory_level (sku, location_id, on_hand, allocated, reserved, safety_stock, updated_at)
       values (?, ?, ?, ?, 0, 0, ?)
     on conflict (sku, location_id) do update
       set on_hand = inventory_level.on_hand + excluded.on_hand,
           allocated = inventory_level.allocated + excluded.allocated,
           updated_at = excluded.updated_at`,
    [sku, locationId, quantity, quantity, now],
  )
}
