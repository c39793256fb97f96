import type { RowOf } from '../db/row-of'
import { keyIn } from '../db/sql/key-in'
import { PLAN_EACH_CALL, readJson, type SqlDb, type SqlRunner } from '../db/sql/sql-db'
import { inWeekOrder, type Weekday } from './carrier-network'
import type { LocationFacts, ProductFacts } from './facts'
import { readKitBoms } from './kits/kit-boms'
import { defaultShipDays, type LocationSchema } from './location.entity'
import type { ProductSchema } from './product.entity'
import { readSupplierTerms } from './suppliers/supplier-items'

type ProductRow = Pick<
  RowOf<typeof ProductSchema>,
  | 'sku'
  | 'name'
  | 'category'
  | 'hazmat'
  | 'high_value'
  | 'weight_grams'
  | 'attributes'
  | 'tags'
  | 'preorder'
  | 'preorder_cap'
>

type LocationRow = Omit<RowOf<typeof LocationSchema>, 'active' | 'created_at' | 'updated_at'>

/**
 * Products and locations change rarely and are read for every order, so they are held in memory.
 * Products load on first sight of a sku; locations reload every `ttlMs` (another hub process may
 * have changed them) or at once when this process changes them.
 */
export class CatalogCache {
  private productCache = new Map<string, ProductFacts>()
  private locations: LocationFacts[] | undefined
  private locationsLoadedAt = 0

  constructor(
    private readonly db: SqlDb,
    private readonly ttlMs = 5_000,
  ) {}

  /** The facts for each sku, and the skus that do not exist. */
  /**
   * `runner`: read through the caller's transaction. Required inside a transaction on SQLite,
   * where the transaction holds the only connection and a read beside it would wait forever.
   */
  async products(
    skus: readonly string[],
    runner: SqlRunner = this.db,
  ): Promise<{ found: Map<string, ProductFacts>; missing: string[] }> {
    const found = new Map<string, ProductFacts>()
    const toLoad: string[] = []
    for (const sku of skus) {
      const p = this.productCache.get(sku)
      if (p) found.set(sku, p)
      else if (!toLoad.includes(sku)) toLoad.push(sku)
    }
    if (toLoad.length > 0) {
      const bySku = keyIn(runner.dialect, 'sku', toLoad)
      const rows = await runner.all<ProductRow>(
        `${PLAN_EACH_CALL}select sku, name, category, hazmat, high_value, weight_grams, attributes, tags, preorder, preorder_cap from product where ${bySku.sql}`,
        bySku.params,
      )
      const boms =
        rows.length > 0
          ? await readKitBoms(
              runner,
              rows.map((r) => r.sku),
            )
          : undefined
      for (const row of rows) {
        const facts = toProductFacts(row)
        const parts = boms?.get(row.sku)
        if (parts) facts.components = parts
        this.productCache.set(row.sku, facts)
        found.set(row.sku, facts)
      }
    }
    return { found, missing: skus.filter((s) => !found.has(s)) }
  }

  async activeLocations(): Promise<LocationFacts[]> {
    if (!this.locations || Date.now() - this.locationsLoadedAt > this.ttlMs) {
      const rows = await this.db.all<LocationRow>(
        `select id, name, type, line1, city, country, region, postcode, lat, lon, timezone, tags, daily_capacity, cutoff_time, ship_days,
                handling_days, priority, accepts_returns, accepts_pickup, wms_instance_id, shipment_fee_minor,
                feed_max_age_hours
           from location where active = ${this.db.dialect === 'sqlite' ? '1' : 'true'} order by id`,
      )
      const terms = await readSupplierTerms(this.db)
      this.locations = rows.map((row) => {
        const facts = toLocationFacts(row)
        const items = terms.get(row.id)
        if (items) facts.supplierItems = items
        return facts
      })
      this.locationsLoadedAt = Date.now()
    }
    return this.locations
  }

  invalidateProducts(skus?: readonly string[]): void {
    if (!skus) this.productCache.clear()
    else for (const s of skus) this.productCache.delete(s)
  }

  invalidateLocations(): void {
    this.locations = undefined
  }
}

function toProductFacts(row: ProductRow): ProductFacts {
  const facts: ProductFacts = {
    sku: row.sku,
    name: row.name,
    category: row.category,
    hazmat: Boolean(row.hazmat),
    highValue: Boolean(row.high_value),
    weightGrams: row.weight_grams,
    attributes: readJson<Record<string, unknown>>(row.attributes) ?? {},
    tags: readJson<string[]>(row.tags) ?? [],
  }
  if (row.preorder) facts.preorder = { cap: row.preorder_cap ?? null }
  return facts
}

function toLocationFacts(row: LocationRow): LocationFacts {
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    country: row.country,
    region: row.region,
    postcode: row.postcode,
    line1: row.line1,
    city: row.city,
    lat: Number(row.lat),
    lon: Number(row.lon),
    timezone: row.timezone,
    tags: readJson<string[]>(row.tags) ?? [],
    dailyCapacity: row.daily_capacity,
    cutoffTime: row.cutoff_time,
    shipDays: inWeekOrder(readJson<Weekday[]>(row.ship_days) ?? defaultShipDays),
    handlingDays: row.handling_days,
    priority: row.priority,
    acceptsReturns: Boolean(row.accepts_returns),
    acceptsPickup: Boolean(row.accepts_pickup),
    wmsInstanceId: row.wms_instance_id,
    shipmentFeeMinor: Number(row.shipment_fee_minor ?? 0),
    feedMaxAgeHours: row.feed_max_age_hours ?? null,
  }
}
