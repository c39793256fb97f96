import type { Orm } from '../db/orm'
import { NotFoundError, ValidationError } from '../errors'
import { decodeCursor, encodeCursor, type Page } from '../pagination'
import { inWeekOrder, type Weekday } from './carrier-network'
import type { CatalogCache } from './catalog-cache'
import { Location } from './location.entity'
import type { LocationType } from './location-types'
import { Product } from './product.entity'

export interface ProductInput {
  sku: string
  name: string
  category?: string | null
  hazmat?: boolean
  highValue?: boolean
  weightGrams?: number | null
  attributes?: Record<string, unknown>
  /** Kept as they are when absent; none for a new product. */
  tags?: string[]
  /** Sold ahead against inbound supply (issue 20); kept when absent, false for a new product. */
  preorder?: boolean
  /** Units of each inbound supply pre-orders may take (null: all of it); kept when absent. */
  preorderCap?: number | null
}

export interface LocationInput {
  id: string
  name: string
  type: LocationType
  line1?: string | null
  city?: string | null
  region?: string | null
  postcode?: string | null
  country: string
  lat: number
  lon: number
  timezone: string
  tags?: string[]
  dailyCapacity?: number | null
  cutoffTime?: string
  /** Weekdays it hands parcels to carriers; kept as is when absent (Monday to Friday for a new location). */
  shipDays?: Weekday[]
  handlingDays?: number
  active?: boolean
  acceptsReturns?: boolean
  acceptsPickup?: boolean
  priority?: number
  wmsInstanceId?: string | null
  /** A drop-ship supplier's fee per shipment, in minor units; kept when absent (0 for a new location). */
  shipmentFeeMinor?: number
  /** Hours a stock feed stays sellable (null: forever); kept when absent (null for a new location). */
  feedMaxAgeHours?: number | null
}

/** Products and locations, through MikroORM; keeps the intake path's cache honest. */
export class CatalogService {
  constructor(
    private readonly orm: Orm,
    private readonly cache: CatalogCache,
  ) {}

  async upsertProducts(items: readonly ProductInput[]): Promise<number> {
    const em = this.orm.em.fork()
    const now = new Date()
    // One read for the lot rather than one per sku (imports run to thousands of products); flush
    // writes them all in its own transaction.
    const existing = new Map(
      (await em.find(Product, { sku: { $in: items.map((i) => i.sku) } })).map((p) => [p.sku, p]),
    )
    for (const i of items) {
      const p = existing.get(i.sku) ?? Object.assign(new Product(), { sku: i.sku, createdAt: now })
      existing.set(i.sku, p)
      Object.assign(p, {
        name: i.name,
        category: i.category ?? null,
        hazmat: i.hazmat ?? false,
        highValue: i.highValue ?? false,
        weightGrams: i.weightGrams ?? null,
        attributes: i.attributes ?? {},
        tags: i.tags ? [...new Set(i.tags)] : (p.tags ?? []),
        preorder: i.preorder ?? p.preorder ?? false,
        preorderCap: i.preorderCap === undefined ? (p.preorderCap ?? null) : i.preorderCap,
        updatedAt: now,
      })
      em.persist(p)
    }
    await em.flush()
    this.cache.invalidateProducts(items.map((i) => i.sku))
    return items.length
  }

  /** Products in sku order; `updatedSince` (epoch ms) keeps those written at or after it. */
  async listProducts(options: {
    limit?: number
    cursor?: string
    updatedSince?: number
  }): Promise<Page<Product>> {
    const em = this.orm.em.fork()
    const after = decodeCursor(options.cursor)
    const limit = Math.min(Math.max(options.limit ?? 100, 1), 1000)
    const where = {
      ...(after ? { sku: { $gt: after } } : {}),
      ...(options.updatedSince === undefined ? {} : { updatedAt: { $gte: new Date(options.updatedSince) } }),
    }
    const rows = await em.find(Product, where, {
      orderBy: { sku: 'asc' },
      limit: limit + 1,
    })
    const items = rows.slice(0, limit)
    return { items, nextCursor: rows.length > limit ? encodeCursor(items[items.length - 1]!.sku) : null }
  }

  async getProduct(sku: string): Promise<Product> {
    const p = await this.orm.em.fork().findOne(Product, { sku })
    if (!p) throw new NotFoundError('product', sku, 'PRODUCT_NOT_FOUND')
    return p
  }

  async upsertLocation(input: LocationInput): Promise<Location> {
    const em = this.orm.em.fork()
    const now = new Date()
    const existing = await em.findOne(Location, { id: input.id })
    const l = existing ?? Object.assign(new Location(), { id: input.id, createdAt: now })
    const shipDays = inWeekOrder(input.shipDays ?? l.shipDays)
    // A location that never ships would make every promise date unreachable.
    if (shipDays.length === 0)
      throw new ValidationError('a location needs at least one ship day', [
        { field: 'shipDays', message: 'name at least one weekday (mon…sun)' },
      ])
    Object.assign(l, {
      ...input,
      tags: input.tags ?? l.tags ?? [],
      shipDays,
      updatedAt: now,
    })
    await em.persistAndFlush(l)
    this.cache.invalidateLocations()
    return l
  }

  async listLocations(): Promise<Location[]> {
    return this.orm.em.fork().find(Location, {}, { orderBy: { id: 'asc' } })
  }

  /** The product categories in use, sorted: the rule editor offers them as values. */
  async categories(): Promise<string[]> {
    const rows: { category: string }[] = await this.orm.em
      .getConnection()
      .execute('select distinct category from product where category is not null order by category')
    return rows.map((r) => r.category)
  }

  /** The tags products carry, sorted: the rule editor offers them for `line.tags` and `order.productTags`. */
  async productTags(): Promise<string[]> {
    // Few distinct tag sets exist however many products there are; jsonb arrives parsed on PostgreSQL.
    const rows: { tags: unknown }[] = await this.orm.em
      .getConnection()
      .execute(`select distinct tags from product where tags <> '[]'`)
    const tags = new Set<string>()
    for (const r of rows) {
      const t = typeof r.tags === 'string' ? (JSON.parse(r.tags) as unknown) : r.tags
      if (Array.isArray(t)) for (const x of t) if (typeof x === 'string') tags.add(x)
    }
    return [...tags].sort()
  }

  async getLocation(id: string): Promise<Location> {
    const l = await this.orm.em.fork().findOne(Location, { id })
    if (!l) throw new NotFoundError('location', id, 'LOCATION_NOT_FOUND')
    return l
  }
}
