import { fromMinorUnits, toMinorUnits } from '../catalog/money'
import type { RowOf } from '../db/row-of'
import { insertRows } from '../db/sql/insert-rows'
import type { SqlDb, SqlRunner } from '../db/sql/sql-db'
import { NotFoundError, ValidationError } from '../errors'
import { fraction } from './money-math'
import { PriceBook, type PriceListRecord } from './price-book'
import type { PriceListPriceSchema, PriceListSchema, SkuCostSchema } from './pricing.entity'

export interface PriceListInput {
  id: string
  name: string
  currency: string
  channel?: string | null
  customerGroup?: string | null
  customerId?: string | null
  validFrom?: number | null
  validTo?: number | null
  priority?: number
  /** Contracts: tolerance for prices sent with orders, as an amount and/or a percentage. */
  toleranceAmount?: string | null
  tolerancePercent?: string | null
}

export interface PriceListView {
  id: string
  name: string
  kind: 'contract' | 'list'
  currency: string
  channel: string | null
  customerGroup: string | null
  customerId: string | null
  validFrom: string | null
  validTo: string | null
  priority: number
  tolerance: { amount: string; percent: string }
  priceCount: number
  updatedAt: string
}

type ListRow = Omit<RowOf<typeof PriceListSchema>, 'created_at'>

const LIST_COLUMNS =
  'id, name, currency, channel_instance_id, customer_group, customer_id, valid_from, valid_to, priority, tolerance_minor, tolerance_percent, updated_at'
const num = (v: number | string | null) => (v === null ? null : Number(v))
const iso = (v: number | string | null) => (v === null ? null : new Date(Number(v)).toISOString())

function money(value: string, currency: string, field: string): number {
  try {
    const minor = toMinorUnits(value, currency)
    if (minor < 0) throw new RangeError('must not be negative')
    return minor
  } catch (error) {
    throw new ValidationError('invalid amount', [{ field, message: (error as Error).message }])
  }
}

/**
 * Price lists, contracts, costs and exchange rates in the database. Every write bumps the pricing
 * revision in the same transaction, which is how every hub process knows to reload its price book.
 */
export class PricingStore {
  constructor(
    private readonly db: SqlDb,
    private readonly clock: () => number = Date.now,
  ) {}

  async revision(): Promise<number> {
    const row = await this.db.one<{ revision: number | string }>(
      'select revision from pricing_revision where id = 1',
    )
    return Number(row?.revision ?? 0)
  }

  private async bump(tx: SqlRunner): Promise<void> {
    await tx.run('update pricing_revision set revision = revision + 1 where id = 1')
  }

  /** Everything a quote needs, read at one revision. */
  async loadBook(): Promise<PriceBook> {
    return this.db.transaction(async (tx) => {
      const rev = await tx.one<{ revision: number | string }>(
        'select revision from pricing_revision where id = 1',
      )
      const lists = await tx.all<ListRow>(`select ${LIST_COLUMNS} from price_list`)
      const prices = await tx.all<Omit<RowOf<typeof PriceListPriceSchema>, 'updated_at'>>(
        'select price_list_id, sku, unit_price_minor from price_list_price',
      )
      const costs = await tx.all<Omit<RowOf<typeof SkuCostSchema>, 'updated_at'>>(
        'select sku, currency, cost_minor from sku_cost',
      )
      const rates = await tx.all<{ base: string; quote: string; as_of: number | string; rate: string }>(
        'select base, quote, as_of, rate from exchange_rate',
      )
      const byList = new Map<string, Map<string, number>>()
      for (const p of prices) {
        let m = byList.get(p.price_list_id)
        if (!m) {
          m = new Map()
          byList.set(p.price_list_id, m)
        }
        m.set(p.sku, Number(p.unit_price_minor))
      }
      const records: PriceListRecord[] = lists.map((l) => ({
        id: l.id,
        name: l.name,
        currency: l.currency,
        channel: l.channel_instance_id,
        customerGroup: l.customer_group,
        customerId: l.customer_id,
        validFrom: num(l.valid_from),
        validTo: num(l.valid_to),
        priority: Number(l.priority),
        toleranceMinor: Number(l.tolerance_minor),
        tolerancePercent: l.tolerance_percent,
        prices: byList.get(l.id) ?? new Map(),
      }))
      return new PriceBook(
        Number(rev?.revision ?? 0),
        records,
        new Map(costs.map((c) => [c.sku, { currency: c.currency, minor: Number(c.cost_minor) }])),
        rates.map((r) => ({
          base: r.base,
          quote: r.quote,
          asOf: Number(r.as_of),
          rate: fraction(r.rate),
          text: `${r.rate} as of ${new Date(Number(r.as_of)).toISOString().slice(0, 10)}`,
        })),
      )
    })
  }

  async listPriceLists(): Promise<PriceListView[]> {
    const rows = await this.db.all<ListRow & { n: number | string }>(
      `select ${LIST_COLUMNS.split(', ')
        .map((c) => `l.${c}`)
        .join(', ')}, (select count(*) from price_list_price p where p.price_list_id = l.id) as n
        from price_list l order by l.id`,
    )
    return rows.map((r) => view(r, Number(r.n)))
  }

  async getPriceList(id: string): Promise<PriceListView & { prices: { sku: string; price: string }[] }> {
    const row = await this.db.one<ListRow>(`select ${LIST_COLUMNS} from price_list where id = ?`, [id])
    if (!row) throw new NotFoundError('price list', id, 'PRICE_LIST_NOT_FOUND')
    const prices = await this.db.all<{ sku: string; unit_price_minor: number | string }>(
      'select sku, unit_price_minor from price_list_price where price_list_id = ? order by sku',
      [id],
    )
    return {
      ...view(row, prices.length),
      prices: prices.map((p) => ({
        sku: p.sku,
        price: fromMinorUnits(Number(p.unit_price_minor), row.currency),
      })),
    }
  }

  /** Creates or replaces a list's settings (its prices stay; a currency change is refused while it has any). */
  async upsertPriceList(input: PriceListInput): Promise<void> {
    if (input.validFrom != null && input.validTo != null && input.validTo <= input.validFrom)
      throw new ValidationError('invalid validity', [
        { field: 'validTo', message: 'must be after validFrom' },
      ])
    const toleranceMinor = input.toleranceAmount
      ? money(input.toleranceAmount, input.currency, 'tolerance.amount')
      : 0
    const tolerancePercent = input.tolerancePercent ?? '0'
    const now = this.clock()
    await this.db.transaction(async (tx) => {
      const existing = await tx.one<{ currency: string }>('select currency from price_list where id = ?', [
        input.id,
      ])
      if (existing && existing.currency !== input.currency) {
        const any = await tx.one('select 1 as x from price_list_price where price_list_id = ? limit 1', [
          input.id,
        ])
        if (any)
          throw new ValidationError('currency change', [
            { field: 'currency', message: `the list has prices in ${existing.currency}; remove them first` },
          ])
      }
      const values = [
        input.name,
        input.currency,
        input.channel ?? null,
        input.customerGroup ?? null,
        input.customerId ?? null,
        input.validFrom ?? null,
        input.validTo ?? null,
        input.priority ?? 0,
        toleranceMinor,
        tolerancePercent,
      ]
      if (existing)
        await tx.run(
          `update price_list set name = ?, currency = ?, channel_instance_id = ?, customer_group = ?, customer_id = ?,
             valid_from = ?, valid_to = ?, priority = ?, tolerance_minor = ?, tolerance_percent = ?, updated_at = ? where id = ?`,
          [...values, now, input.id],
        )
      else
        await tx.run(
          `insert into price_list (id, name, currency, channel_instance_id, customer_group, customer_id, valid_from, valid_to,
             priority, tolerance_minor, tolerance_percent, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [input.id, ...values, now, now],
        )
      await this.bump(tx)
    })
  }

  async deletePriceList(id: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.run('delete from price_list_price where price_list_id = ?', [id])
      const n = await tx.run('delete from price_list where id = ?', [id])
      if (n === 0) throw new NotFoundError('price list', id, 'PRICE_LIST_NOT_FOUND')
      await this.bump(tx)
    })
  }

  /** Sets prices on a list (decimal text in the list's currency); unknown skus are refused, naming the item. */
  async setPrices(listId: string, items: readonly { sku: string; price: string }[]): Promise<number> {
    const now = this.clock()
    return this.db.transaction(async (tx) => {
      const list = await tx.one<{ currency: string }>('select currency from price_list where id = ?', [
        listId,
      ])
      if (!list) throw new NotFoundError('price list', listId, 'PRICE_LIST_NOT_FOUND')
      const rows = lastPerKey(
        items.map((it, i) => [listId, it.sku, money(it.price, list.currency, `items[${i}].price`), now]),
        (r) => r[1] as string,
      )
      await this.checkSkus(
        tx,
        items.map((i) => i.sku),
      )
      await insertRows(
        tx,
        'price_list_price',
        ['price_list_id', 'sku', 'unit_price_minor', 'updated_at'],
        rows,
        ' on conflict (price_list_id, sku) do update set unit_price_minor = excluded.unit_price_minor, updated_at = excluded.updated_at',
      )
      // A list's prices are part of it: its updatedAt says when either last changed (updatedSince).
      await tx.run('update price_list set updated_at = ? where id = ?', [now, listId])
      await this.bump(tx)
      return rows.length
    })
  }

  async removePrices(listId: string, skus: readonly string[]): Promise<number> {
    return this.db.transaction(async (tx) => {
      let n = 0
      for (const sku of skus)
        n += await tx.run('delete from price_list_price where price_list_id = ? and sku = ?', [listId, sku])
      if (n > 0) await tx.run('update price_list set updated_at = ? where id = ?', [this.clock(), listId])
      await this.bump(tx)
      return n
    })
  }

  async setCosts(items: readonly { sku: string; cost: string; currency: string }[]): Promise<number> {
    const now = this.clock()
    return this.db.transaction(async (tx) => {
      const rows = lastPerKey(
        items.map((it, i) => [it.sku, it.currency, money(it.cost, it.currency, `items[${i}].cost`), now]),
        (r) => r[0] as string,
      )
      await this.checkSkus(
        tx,
        items.map((i) => i.sku),
      )
      await insertRows(
        tx,
        'sku_cost',
        ['sku', 'currency', 'cost_minor', 'updated_at'],
        rows,
        ' on conflict (sku) do update set currency = excluded.currency, cost_minor = excluded.cost_minor, updated_at = excluded.updated_at',
      )
      await this.bump(tx)
      return rows.length
    })
  }

  async listCosts(): Promise<{ sku: string; cost: string; currency: string; updatedAt: string }[]> {
    const rows = await this.db.all<RowOf<typeof SkuCostSchema>>(
      'select sku, currency, cost_minor, updated_at from sku_cost order by sku',
    )
    return rows.map((r) => ({
      sku: r.sku,
      currency: r.currency,
      cost: fromMinorUnits(Number(r.cost_minor), r.currency),
      updatedAt: iso(r.updated_at)!,
    }))
  }

  /** Imports rates (units of quote per unit of base, as of a time); the same pair and time is replaced. */
  async importRates(
    items: readonly { base: string; quote: string; rate: string; asOf: number }[],
  ): Promise<number> {
    const now = this.clock()
    items.forEach((it, i) => {
      if (it.base === it.quote)
        throw new ValidationError('invalid rate', [
          { field: `items[${i}].quote`, message: 'must differ from base' },
        ])
      if (fraction(it.rate).n === 0n)
        throw new ValidationError('invalid rate', [
          { field: `items[${i}].rate`, message: 'must be greater than zero' },
        ])
    })
    return this.db.transaction(async (tx) => {
      await insertRows(
        tx,
        'exchange_rate',
        ['base', 'quote', 'as_of', 'rate', 'created_at'],
        lastPerKey(
          items.map((it) => [it.base, it.quote, it.asOf, it.rate, now]),
          (r) => `${r[0]}>${r[1]}@${r[2]}`,
        ),
        ' on conflict (base, quote, as_of) do update set rate = excluded.rate, created_at = excluded.created_at',
      )
      await this.bump(tx)
      return items.length
    })
  }

  async listRates(
    filter: { base?: string; quote?: string } = {},
  ): Promise<{ base: string; quote: string; rate: string; asOf: string; updatedAt: string }[]> {
    const where: string[] = []
    const params: string[] = []
    if (filter.base) {
      where.push('base = ?')
      params.push(filter.base)
    }
    if (filter.quote) {
      where.push('quote = ?')
      params.push(filter.quote)
    }
    // created_at is rewritten when an import sends the same pair and as-of again: when it last changed.
    const rows = await this.db.all<{
      base: string
      quote: string
      as_of: number | string
      rate: string
      created_at: number | string
    }>(
      `select base, quote, as_of, rate, created_at from exchange_rate ${where.length ? `where ${where.join(' and ')}` : ''}
        order by base, quote, as_of`,
      params,
    )
    return rows.map((r) => ({
      base: r.base,
      quote: r.quote,
      rate: r.rate,
      asOf: iso(r.as_of)!,
      updatedAt: iso(r.created_at)!,
    }))
  }

  private async checkSkus(tx: SqlRunner, skus: readonly string[]): Promise<void> {
    const unique = [...new Set(skus)]
    const known = new Set<string>()
    for (let i = 0; i < unique.length; i += 500) {
      const chunk = unique.slice(i, i + 500)
      const rows = await tx.all<{ sku: string }>(
        `select sku from product where sku in (${chunk.map(() => '?').join(',')})`,
        chunk,
      )
      for (const r of rows) known.add(r.sku)
    }
    const issues = skus.flatMap((s, i) =>
      known.has(s) ? [] : [{ field: `items[${i}].sku`, message: `unknown sku '${s}'` }],
    )
    if (issues.length > 0) throw new ValidationError('unknown sku', issues, 'UNKNOWN_SKU')
  }
}

/** One row per key, the last given: PostgreSQL refuses to upsert the same row twice in one statement. */
function lastPerKey<T>(rows: readonly T[], key: (row: T) => string): T[] {
  return [...new Map(rows.map((r) => [key(r), r])).values()]
}

function view(r: ListRow, priceCount: number): PriceListView {
  return {
    id: r.id,
    name: r.name,
    kind: r.customer_id ? 'contract' : 'list',
    currency: r.currency,
    channel: r.channel_instance_id,
    customerGroup: r.customer_group,
    customerId: r.customer_id,
    validFrom: iso(r.valid_from),
    validTo: iso(r.valid_to),
    priority: Number(r.priority),
    tolerance: {
      amount: fromMinorUnits(Number(r.tolerance_minor), r.currency),
      percent: r.tolerance_percent,
    },
    priceCount,
    updatedAt: iso(r.updated_at)!,
  }
}
