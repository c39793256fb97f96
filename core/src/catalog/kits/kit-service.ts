import type { ChangeFeed } from '../../db/sql/change-feed'
import type { SqlDb, SqlRunner } from '../../db/sql/sql-db'
import { ConflictError, NotFoundError, ValidationError } from '../../errors'
import { decodeCursor, encodeCursor, type Page } from '../../pagination'
import type { CatalogCache } from '../catalog-cache'
import { type KitPart, readKitBoms } from './kit-boms'

/** The change feed topic that empties every hub's product cache (a product became a kit). */
export const PRODUCTS_CHANGED = 'catalog.products'

export interface KitView {
  sku: string
  name: string
  components: { sku: string; name: string; quantity: number }[]
  createdAt: string
}

const MAX_COMPONENTS = 50

/**
 * Kits and bundles (issue 20): a sellable sku made of components. Kits do not nest: a component is
 * an ordinary product with stock, never another kit. A bill of materials is fixed once defined
 * (a different one is a new sku): an allocation of a kit took its components by the bill, and
 * releasing, shipping or returning it later moves those same components, on every hub.
 */
export class KitService {
  constructor(
    private readonly db: SqlDb,
    private readonly catalog: CatalogCache,
    private readonly changes?: ChangeFeed,
  ) {}

  /**
   * Makes `sku` (a product already in the catalogue) a kit of `components`. Defining the same bill
   * again changes nothing (`created: false`); a different one is refused (409 KIT_IMMUTABLE).
   */
  async define(
    sku: string,
    components: readonly KitPart[],
    now = Date.now(),
  ): Promise<{ kit: KitView; created: boolean }> {
    checkShape(sku, components)
    const created = await this.db.transaction(async (tx) => {
      const lock = tx.dialect === 'postgresql' ? ' for update' : ''
      // Locking the kit's product row serialises two hubs defining the same kit.
      const product = await tx.one<{ sku: string }>(`select sku from product where sku = ?${lock}`, [sku])
      if (!product) throw new NotFoundError('product', sku, 'PRODUCT_NOT_FOUND')
      const existing = (await readKitBoms(tx, [sku])).get(sku)
      if (existing) {
        if (sameBill(existing, components)) return false
        throw new ConflictError(
          `kit '${sku}' is defined with another bill of materials; a kit's bill cannot change`,
          'KIT_IMMUTABLE',
          { sku, components: existing },
        )
      }
      await checkComponents(tx, components)
      const uses = await usesOf(tx, sku)
      if (uses.length > 0)
        throw new ConflictError(
          `'${sku}' already has ${uses.join(', ')}, so it cannot become a kit; define the kit under a new sku`,
          'KIT_SKU_IN_USE',
          { sku, uses },
        )
      for (const c of components)
        await tx.run(
          'insert into kit_component (kit_sku, component_sku, quantity, created_at) values (?, ?, ?, ?)',
          [sku, c.sku, c.quantity, now],
        )
      return true
    })
    if (created) {
      // Every hub's product cache holds `sku` without its bill until it reads it again.
      this.catalog.invalidateProducts([sku])
      await this.changes?.publish(PRODUCTS_CHANGED)
    }
    return { kit: await this.get(sku), created }
  }

  async get(sku: string): Promise<KitView> {
    const [kit] = await this.views([sku])
    if (!kit) throw new NotFoundError('kit', sku, 'KIT_NOT_FOUND')
    return kit
  }

  /** Kits in sku order, a page at a time. */
  async list(options: { limit?: number; cursor?: string } = {}): Promise<Page<KitView>> {
    const limit = Math.min(Math.max(options.limit ?? 100, 1), 500)
    const after = decodeCursor(options.cursor)
    const rows = await this.db.all<{ kit_sku: string }>(
      `select distinct kit_sku from kit_component ${after ? 'where kit_sku > ?' : ''} order by kit_sku limit ${limit + 1}`,
      after ? [after] : [],
    )
    const skus = rows.slice(0, limit).map((r) => r.kit_sku)
    const items = await this.views(skus)
    return { items, nextCursor: rows.length > limit ? encodeCursor(skus[skus.length - 1]!) : null }
  }

  private async views(skus: readonly string[]): Promise<KitView[]> {
    if (skus.length === 0) return []
    const boms = await readKitBoms(this.db, skus)
    const names = new Map<string, string>()
    const all = [...new Set([...boms.keys(), ...[...boms.values()].flat().map((p) => p.sku)])]
    if (all.length > 0)
      for (const r of await this.db.all<{ sku: string; name: string }>(
        `select sku, name from product where sku in (${all.map(() => '?').join(',')})`,
        all,
      ))
        names.set(r.sku, r.name)
    const created = new Map(
      (
        await this.db.all<{ kit_sku: string; created_at: number }>(
          `select kit_sku, min(created_at) as created_at from kit_component where kit_sku in (${skus.map(() => '?').join(',')}) group by kit_sku`,
          [...skus],
        )
      ).map((r) => [r.kit_sku, Number(r.created_at)]),
    )
    return skus.flatMap((sku) => {
      const parts = boms.get(sku)
      if (!parts) return []
      return [
        {
          sku,
          name: names.get(sku) ?? sku,
          components: parts.map((p) => ({
            sku: p.sku,
            name: names.get(p.sku) ?? p.sku,
            quantity: p.quantity,
          })),
          createdAt: new Date(created.get(sku) ?? 0).toISOString(),
        },
      ]
    })
  }
}

/** What the request says on its own: components, whole positive quantities, no repeats, not itself. */
function checkShape(sku: string, components: readonly KitPart[]): void {
  const issues: { field: string; message: string }[] = []
  if (components.length === 0)
    issues.push({ field: 'components', message: 'a kit needs at least one component' })
  if (components.length > MAX_COMPONENTS)
    issues.push({ field: 'components', message: `at most ${MAX_COMPONENTS} components` })
  const seen = new Set<string>()
  components.forEach((c, i) => {
    if (c.sku === sku) issues.push({ field: `components[${i}].sku`, message: 'a kit cannot contain itself' })
    if (seen.has(c.sku))
      issues.push({
        field: `components[${i}].sku`,
        message: `'${c.sku}' is listed twice; give its quantity once`,
      })
    seen.add(c.sku)
    if (!Number.isInteger(c.quantity) || c.quantity < 1)
      issues.push({ field: `components[${i}].quantity`, message: 'a whole number of units, at least 1' })
  })
  if (issues.length > 0) throw new ValidationError('the bill of materials is invalid', issues)
}

/** Components must be products with stock of their own: known, and not kits (kits do not nest). */
async function checkComponents(tx: SqlRunner, components: readonly KitPart[]): Promise<void> {
  const skus = components.map((c) => c.sku)
  const marks = skus.map(() => '?').join(',')
  const known = new Set(
    (await tx.all<{ sku: string }>(`select sku from product where sku in (${marks})`, skus)).map(
      (r) => r.sku,
    ),
  )
  const kits = await readKitBoms(tx, skus)
  const issues = components.flatMap((c, i) =>
    !known.has(c.sku)
      ? [{ field: `components[${i}].sku`, message: `unknown sku '${c.sku}'` }]
      : kits.has(c.sku)
        ? [{ field: `components[${i}].sku`, message: `'${c.sku}' is a kit; kits do not contain kits` }]
        : [],
  )
  if (issues.length > 0)
    throw new ValidationError(
      'components must be products with stock of their own',
      issues,
      issues.some((x) => x.message.startsWith('unknown')) ? 'UNKNOWN_REFERENCE' : 'VALIDATION_FAILED',
    )
}

/** What already treats `sku` as a product with stock of its own (each would be stranded by a kit). */
async function usesOf(tx: SqlRunner, sku: string): Promise<string[]> {
  const checks: [string, string][] = [
    ['stock rows', 'select 1 as x from inventory_level where sku = ? limit 1'],
    ['order lines', 'select 1 as x from order_line where sku = ? limit 1'],
    ['channel pools', 'select 1 as x from channel_pool where sku = ? limit 1'],
    ['a place in another kit', 'select 1 as x from kit_component where component_sku = ? limit 1'],
  ]
  const uses: string[] = []
  for (const [what, sql] of checks) if (await tx.one(sql, [sku])) uses.push(what)
  return uses
}

function sameBill(a: readonly KitPart[], b: readonly KitPart[]): boolean {
  const key = (parts: readonly KitPart[]) =>
    JSON.stringify([...parts].map((p) => [p.sku, p.quantity]).sort((x, y) => (x[0]! < y[0]! ? -1 : 1)))
  return key(a) === key(b)
}
