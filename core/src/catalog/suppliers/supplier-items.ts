import type { RowOf } from '../../db/row-of'
import { insertRows } from '../../db/sql/insert-rows'
import type { SqlDb, SqlRunner } from '../../db/sql/sql-db'
import { NotFoundError, ValidationError } from '../../errors'
import type { CatalogCache } from '../catalog-cache'
import type { LocationFacts } from '../facts'
import { fromMinorUnits, toMinorUnits } from '../money'
import type { SupplierItemSchema } from './supplier-item.entity'

type ItemRow = Pick<
  RowOf<typeof SupplierItemSchema>,
  'location_id' | 'sku' | 'unit_cost_minor' | 'currency' | 'supplier_part_number' | 'updated_at'
>

/** One supplier item as the API reads and writes it: money as a decimal string of its currency. */
export interface SupplierItemInput {
  sku: string
  /** What one unit costs the merchant; with `currency`. */
  unitCost?: string | null
  currency?: string | null
  supplierPartNumber?: string | null
}

export interface SupplierItemView {
  sku: string
  unitCost: string | null
  currency: string | null
  supplierPartNumber: string | null
  updatedAt: string
}

/** What routing and the fulfilment plan read of a supplier's sku (`LocationFacts.supplierItems`). */
export interface SupplierTerms {
  unitCostMinor: number | null
  currency: string | null
  partNumber: string | null
}

const COLUMNS = ['location_id', 'sku', 'unit_cost_minor', 'currency', 'supplier_part_number', 'updated_at']
const SELECT =
  'select location_id, sku, unit_cost_minor, currency, supplier_part_number, updated_at from supplier_item'

/** Every supplier location's items by location and sku: loaded with the locations (catalog-cache.ts). */
export async function readSupplierTerms(db: SqlRunner): Promise<Map<string, Map<string, SupplierTerms>>> {
  const out = new Map<string, Map<string, SupplierTerms>>()
  for (const r of await db.all<ItemRow>(SELECT)) {
    let items = out.get(r.location_id)
    if (!items) {
      items = new Map()
      out.set(r.location_id, items)
    }
    items.set(r.sku, {
      unitCostMinor: r.unit_cost_minor === null ? null : Number(r.unit_cost_minor),
      currency: r.currency,
      partNumber: r.supplier_part_number,
    })
  }
  return out
}

function unitCostMinor(item: SupplierItemInput, i: number): number | null {
  if (item.unitCost == null) return null
  if (!item.currency)
    throw new ValidationError('a unit cost needs its currency', [
      { field: `items[${i}].currency`, message: 'required with unitCost' },
    ])
  try {
    const minor = toMinorUnits(item.unitCost!, item.currency)
    if (minor < 0) throw new RangeError('must not be negative')
    return minor
  } catch (error) {
    throw new ValidationError('invalid amount', [
      { field: `items[${i}].unitCost`, message: (error as Error).message },
    ])
  }
}

/**
 * A drop-ship supplier's items (issue 20): its unit cost and part number per sku, set through the
 * API on a `dropship` location. Routing reads them from the location facts, so each write empties
 * the location cache (other hubs reload within its few seconds).
 */
export class SupplierItemService {
  constructor(
    private readonly db: SqlDb,
    private readonly cache: CatalogCache,
    private readonly clock: () => number = Date.now,
  ) {}

  async list(locationId: string): Promise<SupplierItemView[]> {
    await this.supplier(this.db, locationId)
    const rows = await this.db.all<ItemRow>(`${SELECT} where location_id = ? order by sku`, [locationId])
    return rows.map((r) => ({
      sku: r.sku,
      unitCost:
        r.unit_cost_minor === null || !r.currency
          ? null
          : fromMinorUnits(Number(r.unit_cost_minor), r.currency),
      currency: r.currency,
      supplierPartNumber: r.supplier_part_number,
      updatedAt: new Date(Number(r.updated_at)).toISOString(),
    }))
  }

  /** Inserts or replaces each sku's item at the supplier; returns how many were written. */
  async set(locationId: string, items: readonly SupplierItemInput[]): Promise<number> {
    const now = this.clock()
    const rows = items.map((it, i) => [
      locationId,
      it.sku,
      unitCostMinor(it, i),
      it.unitCost == null ? null : it.currency!,
      it.supplierPartNumber ?? null,
      now,
    ])
    const written = await this.db.transaction(async (tx) => {
      await this.supplier(tx, locationId)
      await checkSkus(
        tx,
        items.map((i) => i.sku),
      )
      // The last entry of a sku wins, as one statement may not name a key twice.
      const last = new Map(rows.map((r) => [r[1] as string, r]))
      await insertRows(
        tx,
        'supplier_item',
        COLUMNS,
        [...last.values()],
        ` on conflict (location_id, sku) do update set unit_cost_minor = excluded.unit_cost_minor,
           currency = excluded.currency, supplier_part_number = excluded.supplier_part_number,
           updated_at = excluded.updated_at`,
      )
      return last.size
    })
    this.cache.invalidateLocations()
    return written
  }

  /**
   * Stock reports in the hub's skus: a report naming a sku by the supplier's own part number at its
   * location (a feed keyed by the supplier's catalogue) is read as the hub's sku that part number
   * stands for. A hub sku, or a name no supplier item has, is left as it is.
   */
  async inHubSkus<S extends { locationId: string; sku: string }>(snapshots: readonly S[]): Promise<S[]> {
    const parts = partNumbersOf(await this.cache.activeLocations())
    if (parts.size === 0) return snapshots as S[]
    return snapshots.map((s) => {
      const at = parts.get(s.locationId)
      const sku = at?.parts.get(s.sku)
      return sku === undefined || at!.items.has(s.sku) ? s : { ...s, sku }
    })
  }

  private async supplier(db: SqlRunner, locationId: string): Promise<void> {
    const row = await db.one<{ type: string }>('select type from location where id = ?', [locationId])
    if (!row) throw new NotFoundError('location', locationId, 'LOCATION_NOT_FOUND')
    if (row.type !== 'dropship')
      throw new ValidationError('not a drop-ship supplier', [
        { field: 'id', message: `location '${locationId}' is a ${row.type}, not a dropship supplier` },
      ])
  }
}

async function checkSkus(tx: SqlRunner, skus: readonly string[]): Promise<void> {
  const unique = [...new Set(skus)]
  const known = new Set<string>()
  for (let i = 0; i < unique.length; i += 500) {
    const chunk = unique.slice(i, i + 500)
    const found = await tx.all<{ sku: string }>(
      `select sku from product where sku in (${chunk.map(() => '?').join(',')})`,
      chunk,
    )
    for (const r of found) known.add(r.sku)
  }
  const issues = skus.flatMap((s, i) =>
    known.has(s) ? [] : [{ field: `items[${i}].sku`, message: `unknown sku '${s}'` }],
  )
  if (issues.length > 0) throw new ValidationError('unknown sku', issues, 'UNKNOWN_SKU')
}

interface PartsAt {
  items: ReadonlyMap<string, SupplierTerms>
  /** Part number → the hub's sku. */
  parts: Map<string, string>
}

/** Per list of locations (the cache's, kept until locations change): each supplier's part numbers. */
const partsByList = new WeakMap<readonly LocationFacts[], Map<string, PartsAt>>()

function partNumbersOf(locations: readonly LocationFacts[]): Map<string, PartsAt> {
  let out = partsByList.get(locations)
  if (!out) {
    out = new Map()
    for (const l of locations) {
      if (!l.supplierItems) continue
      const parts = new Map<string, string>()
      for (const [sku, t] of l.supplierItems) if (t.partNumber) parts.set(t.partNumber, sku)
      if (parts.size > 0) out.set(l.id, { items: l.supplierItems, parts })
    }
    partsByList.set(locations, out)
  }
  return out
}
