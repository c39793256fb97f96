import type { RowOf } from '../../db/row-of'
import { insertRows } from '../../db/sql/insert-rows'
import type { SqlRunner } from '../../db/sql/sql-db'
import type { SkuMappingSchema } from './sku-mapping.entity'

/**
 * The only code that writes `sku_mapping` (and the SQL that reads it). Callers validate first
 * (sku-mapping-service.ts); these functions trust their input.
 */

type MappingRow = Pick<
  RowOf<typeof SkuMappingSchema>,
  'channel_sku' | 'hub_sku' | 'multiplier' | 'updated_at'
>

export interface StoredSkuMapping {
  channelSku: string
  hubSku: string
  multiplier: number
  updatedAt: number
}

const COLUMNS = ['channel_instance_id', 'channel_sku', 'hub_sku', 'multiplier', 'created_at', 'updated_at']

const toMapping = (r: MappingRow): StoredSkuMapping => ({
  channelSku: r.channel_sku,
  hubSku: r.hub_sku,
  multiplier: Number(r.multiplier),
  updatedAt: Number(r.updated_at),
})

/**
 * One page of an instance's mappings in channel-sku order, after `afterChannelSku` when given, and
 * only those written at or after `updatedSince` (epoch ms) when given.
 */
export async function pageOfMappings(
  db: SqlRunner,
  instance: string,
  options: { afterChannelSku?: string | undefined; updatedSince?: number | undefined; limit: number },
): Promise<StoredSkuMapping[]> {
  const where = ['channel_instance_id = ?']
  const params: (string | number)[] = [instance]
  if (options.afterChannelSku !== undefined) {
    where.push('channel_sku > ?')
    params.push(options.afterChannelSku)
  }
  if (options.updatedSince !== undefined) {
    where.push('updated_at >= ?')
    params.push(options.updatedSince)
  }
  const rows = await db.all<MappingRow>(
    `select channel_sku, hub_sku, multiplier, updated_at from sku_mapping
      where ${where.join(' and ')}
      order by channel_sku limit ${Math.trunc(options.limit)}`,
    params,
  )
  return rows.map(toMapping)
}

/** One channel sku's mapping as stored, or undefined. */
export async function oneMapping(
  db: SqlRunner,
  instance: string,
  channelSku: string,
): Promise<StoredSkuMapping | undefined> {
  const row = await db.one<MappingRow>(
    'select channel_sku, hub_sku, multiplier, updated_at from sku_mapping where channel_instance_id = ? and channel_sku = ?',
    [instance, channelSku],
  )
  return row && toMapping(row)
}

/** The named channel skus' mappings as stored (those that have one). */
export async function someMappings(
  db: SqlRunner,
  instance: string,
  channelSkus: readonly string[],
): Promise<StoredSkuMapping[]> {
  const out: StoredSkuMapping[] = []
  for (let i = 0; i < channelSkus.length; i += 500) {
    const chunk = channelSkus.slice(i, i + 500)
    const rows = await db.all<MappingRow>(
      `select channel_sku, hub_sku, multiplier, updated_at from sku_mapping
        where channel_instance_id = ? and channel_sku in (${chunk.map(() => '?').join(',')})`,
      [instance, ...chunk],
    )
    out.push(...rows.map(toMapping))
  }
  return out
}

/** Every mapping of an instance: what the in-memory cache holds. */
export async function allMappings(db: SqlRunner, instance: string): Promise<StoredSkuMapping[]> {
  const rows = await db.all<MappingRow>(
    'select channel_sku, hub_sku, multiplier, updated_at from sku_mapping where channel_instance_id = ?',
    [instance],
  )
  return rows.map(toMapping)
}

/** Inserts or replaces each (instance, channel sku); `created_at` stays that of the first insert. */
export async function upsertMappings(
  tx: SqlRunner,
  instance: string,
  mappings: readonly { channelSku: string; hubSku: string; multiplier: number }[],
  now: number,
): Promise<void> {
  await insertRows(
    tx,
    'sku_mapping',
    COLUMNS,
    mappings.map((m) => [instance, m.channelSku, m.hubSku, m.multiplier, now, now]),
    ` on conflict (channel_instance_id, channel_sku) do update
       set hub_sku = excluded.hub_sku, multiplier = excluded.multiplier, updated_at = excluded.updated_at`,
  )
}

/** Removes the named mappings; returns how many existed. */
export async function deleteMappings(
  tx: SqlRunner,
  instance: string,
  channelSkus: readonly string[],
): Promise<number> {
  let removed = 0
  for (let i = 0; i < channelSkus.length; i += 500) {
    const chunk = channelSkus.slice(i, i + 500)
    removed += await tx.run(
      `delete from sku_mapping where channel_instance_id = ? and channel_sku in (${chunk.map(() => '?').join(',')})`,
      [instance, ...chunk],
    )
  }
  return removed
}
