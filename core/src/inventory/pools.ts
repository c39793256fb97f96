import type { ReadPart } from '../db/sql/read-together'
import type { SqlRunner } from '../db/sql/sql-db'
import type { PoolRow } from './stock-ledger'

/**
 * The pools and caps of these skus, locked on PostgreSQL in id order after the stock rows (every
 * transaction takes stock rows first, then pools: one order, no deadlock).
 */
export async function readPoolsForUpdate(
  tx: SqlRunner,
  skus: readonly string[],
  options: { lock?: boolean } = {},
): Promise<PoolRow[]> {
  if (skus.length === 0) return []
  const sorted = [...new Set(skus)].sort()
  const lock = tx.dialect === 'postgresql' && options.lock !== false ? ' for update' : ''
  return tx.all<PoolRow>(
    `select id, channel_instance_id, sku, location_id, remaining, may_borrow, cap_units, cap_percent from channel_pool
      where sku in (${sorted.map(() => '?').join(',')}) order by id${lock}`,
    sorted,
  )
}

/** PostgreSQL: the pools of these skus, unlocked, as one part of a combined read (`readTogether`). */
export function unlockedPoolsRead(skus: readonly string[]): ReadPart {
  return {
    sql: `select id, channel_instance_id, sku, location_id, remaining, may_borrow, cap_units, cap_percent
            from channel_pool where sku = any(?::text[]) order by id`,
    params: [[...new Set(skus)]],
  }
}

/** Open (allocated or released) units per channel and sku, for the skus whose pools set caps. */
export async function openUnitsByChannel(
  tx: SqlRunner,
  pools: readonly PoolRow[],
): Promise<Map<string, number>> {
  const capped = [...new Set(pools.filter((p) => p.cap_units !== null).map((p) => p.sku))]
  const out = new Map<string, number>()
  if (capped.length === 0) return out
  const rows = await tx.all<{ channel_instance_id: string; sku: string; n: number }>(
    `select o.channel_instance_id, a.sku, sum(a.quantity) as n from allocation a join orders o on o.id = a.order_id
      where a.sku in (${capped.map(() => '?').join(',')}) and a.status in ('allocated', 'released')
      group by o.channel_instance_id, a.sku`,
    capped,
  )
  for (const r of rows) out.set(`${r.channel_instance_id}\u0000${r.sku}`, Number(r.n))
  // A kit's allocation holds its components' units: they count against the channel's cap on each.
  const inKits = await tx.all<{ channel_instance_id: string; sku: string; n: number }>(
    `select o.channel_instance_id, k.component_sku as sku, sum(a.quantity * k.quantity) as n
       from allocation a join orders o on o.id = a.order_id join kit_component k on k.kit_sku = a.sku
      where k.component_sku in (${capped.map(() => '?').join(',')}) and a.status in ('allocated', 'released')
      group by o.channel_instance_id, k.component_sku`,
    capped,
  )
  for (const r of inKits) {
    const key = `${r.channel_instance_id}\u0000${r.sku}`
    out.set(key, (out.get(key) ?? 0) + Number(r.n))
  }
  return out
}
