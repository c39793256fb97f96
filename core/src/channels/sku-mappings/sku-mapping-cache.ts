import type { ChangeFeed } from '../../db/sql/change-feed'
import type { SqlDb } from '../../db/sql/sql-db'
import { allMappings } from './sku-mapping-store'

/** The change-feed topic of sku mappings: published after every write, on every hub. */
export const SKU_MAPPINGS_TOPIC = 'sku_mappings'

/** What one channel sku stands for in the hub. */
export interface MappedSku {
  hubSku: string
  multiplier: number
}

/** An instance's mappings by channel sku (empty for an instance without any). */
export type SkuMappingSet = ReadonlyMap<string, MappedSku>

export const NO_MAPPINGS: SkuMappingSet = new Map()

/**
 * Every instance's mappings in memory: intake reads them for every order, so an order costs no
 * query. An instance's mappings load on first use; a write anywhere (this hub or another on the
 * same database, through the change feed) drops them all, and the next order loads them again.
 * Dropping every instance is simpler than naming one in the feed and costs one query per
 * instance after a write, which is rare next to orders. Entries also expire after `ttlMs`: the
 * CLI's import on SQLite is another process the in-process feed does not reach, and a PostgreSQL
 * notification can be lost; either is then seen within that time.
 */
export class SkuMappingCache {
  private byInstance = new Map<string, { at: number; set: Promise<SkuMappingSet> }>()

  constructor(
    private readonly db: SqlDb,
    changes: ChangeFeed,
    private readonly ttlMs = 5_000,
  ) {
    changes.subscribe(SKU_MAPPINGS_TOPIC, () => this.invalidate())
  }

  invalidate(): void {
    this.byInstance.clear()
  }

  /**
   * The instance's mappings. Read through the pool, never a caller's transaction: call it before
   * a transaction opens (on SQLite a read beside an open transaction would wait for it).
   */
  forInstance(instance: string, now = Date.now()): Promise<SkuMappingSet> {
    const cached = this.byInstance.get(instance)
    if (cached && now - cached.at <= this.ttlMs) return cached.set
    const loading = allMappings(this.db, instance).then(
      (rows) => new Map(rows.map((r) => [r.channelSku, { hubSku: r.hubSku, multiplier: r.multiplier }])),
    )
    const entry = { at: now, set: loading }
    this.byInstance.set(instance, entry)
    // A failed load is not kept: the next order tries again. A write landing while this load runs
    // clears the map, so what it read is never kept past that write.
    loading.catch(() => {
      if (this.byInstance.get(instance) === entry) this.byInstance.delete(instance)
    })
    return loading
  }
}
