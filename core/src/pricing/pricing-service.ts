import type { ChannelPrice } from '@switchyard/plugin-sdk'
import type { CatalogCache } from '../catalog/catalog-cache'
import { NO_MAPPINGS, type SkuMappingSet, toChannelPrices } from '../channels/sku-mappings'
import type { CustomerIdentities } from '../customers/customer-identities'
import { identifiersOf } from '../customers/customer-identity'
import type { RowOf } from '../db/row-of'
import type { SqlDb } from '../db/sql/sql-db'
import { readJson } from '../db/sql/sql-db'
import { ConflictError, NotFoundError, UnknownSkuError } from '../errors'
import { uuidv7 } from '../ids'
import type { PreparedOrder } from '../orders/intake/prepared-order'
import { writeOutbox } from '../outbox/outbox-writer'
import type { IntegrationDirectory, NewOutboxMessage } from '../outbox/topics'
import type { RuleSetService, RuleSetVersionView } from '../rules/rule-set-service'
import {
  type CompiledPricing,
  compilePricing,
  noPricingRules,
  type PricingSettings,
} from './compiled-pricing'
import { type OrderPricingRecord, settleOrderPrices } from './order-pricing'
import type { PriceBook } from './price-book'
import type { OrderPricingSchema } from './pricing.entity'
import type { PricingStore } from './pricing-store'
import { type QuoteResult, quote } from './quote'

export interface QuoteRequest {
  channel: string
  customer?: {
    id?: string
    email?: string
    externalId?: string
    tier?: string | null
    segment?: string | null
  } | null
  currency: string
  lines: readonly { sku: string; quantity: number }[]
  /** Epoch ms; now when absent. */
  at?: number
  tags?: readonly string[]
  shipTo?: { country?: string; region?: string; postcode?: string } | null
}

export interface PricingSnapshot {
  book: PriceBook
  rules: CompiledPricing
}

const SYNC_CHUNK = 500

/**
 * Pricing: the price book and the live pricing rules kept in memory (re-checked at most every
 * `ttlMs`, at once after a write or publish in this process), quotes, intake's price settlement,
 * and price sync to channels whose plugins accept prices.
 */
export class PricingService {
  private current: PricingSnapshot | undefined
  private checkedAt = Number.NEGATIVE_INFINITY
  private loading: Promise<PricingSnapshot> | undefined
  private readonly compiled = new Map<string, CompiledPricing>()

  constructor(
    private readonly deps: {
      db: SqlDb
      customers: CustomerIdentities
      store: PricingStore
      ruleSets: RuleSetService
      catalog: CatalogCache
      directory: IntegrationDirectory
      /** The channel's sku mappings: price sync tells a mapped listing the price of its pack. */
      skuMappings?: { forInstance(channel: string): Promise<SkuMappingSet> }
      clock?: () => number
      ttlMs?: number
    },
  ) {
    deps.ruleSets.onChange(() => this.invalidate())
  }

  private get now(): number {
    return (this.deps.clock ?? Date.now)()
  }

  invalidate(): void {
    this.checkedAt = Number.NEGATIVE_INFINITY
  }

  /** The price book and live rules in force at `now`, cached between checks. */
  async snapshot(now = this.now): Promise<PricingSnapshot> {
    const ttl = this.deps.ttlMs ?? 1_000
    if (this.current && now - this.checkedAt < ttl && now >= this.checkedAt) return this.current
    this.loading ??= this.load(now).finally(() => {
      this.loading = undefined
    })
    return this.loading
  }

  private async load(now: number): Promise<PricingSnapshot> {
    const [revision, live] = await Promise.all([
      this.deps.store.revision(),
      this.deps.ruleSets.live('pricing', now),
    ])
    const book =
      this.current && this.current.book.revision === revision
        ? this.current.book
        : await this.deps.store.loadBook()
    this.current = { book, rules: live ? this.compile(live) : noPricingRules }
    this.checkedAt = now
    return this.current
  }

  /** Compiles a version once (immutable versions are cached; drafts change in place). */
  compile(version: RuleSetVersionView): CompiledPricing {
    let c = this.compiled.get(version.id)
    if (!c) {
      c = compilePricing(version.rules, {
        ruleSetId: version.ruleSetId,
        versionId: version.id,
        version: version.version,
        settings: (version.settings ?? undefined) as Partial<PricingSettings> | undefined,
      })
      if (version.status !== 'draft') {
        if (this.compiled.size > 64) this.compiled.clear()
        this.compiled.set(version.id, c)
      }
    }
    return c
  }

  /** Prices lines for a channel, customer and currency, with the explanation of every price. */
  async quote(request: QuoteRequest, options: { version?: RuleSetVersionView } = {}): Promise<QuoteResult> {
    const at = request.at ?? this.now
    const { found, missing } = await this.deps.catalog.products(request.lines.map((l) => l.sku))
    if (missing.length > 0)
      throw new UnknownSkuError(
        request.lines.flatMap((l, i) =>
          missing.includes(l.sku) ? [{ field: `lines[${i}].sku`, message: `unknown sku '${l.sku}'` }] : [],
        ),
      )
    const snap = await this.snapshot()
    const c = request.customer
    // The same resolution as intake's (channel account first, then email), reading only.
    const id = c
      ? (c.id ?? (await this.deps.customers.resolve(identifiersOf(request.channel, c)))?.customerId ?? null)
      : null
    let tier = c?.tier ?? null
    let segment = c?.segment ?? null
    if (id && (c?.tier === undefined || c?.segment === undefined)) {
      const row = await this.deps.db.one<{ tier: string | null; segment: string | null }>(
        'select tier, segment from customer where id = ?',
        [id],
      )
      if (c?.tier === undefined) tier = row?.tier ?? null
      if (c?.segment === undefined) segment = row?.segment ?? null
    }
    return quote(
      {
        channel: request.channel,
        customer: c ? { id, tier, segment } : null,
        currency: request.currency,
        at,
        lines: request.lines.map((l) => ({ sku: l.sku, quantity: l.quantity, product: found.get(l.sku)! })),
        tags: request.tags ?? [],
        shipTo: request.shipTo ?? null,
      },
      options.version ? this.compile(options.version) : snap.rules,
      snap.book,
    )
  }

  /**
   * Intake, before the order is queued for its transaction: an order whose lines all carry prices
   * and whose customer has no contract returns at once without touching the price book.
   */
  async settle(order: PreparedOrder): Promise<void> {
    const unpriced = order.lines.some((l) => l.unitPriceMinor === null)
    if (!unpriced && !order.customer) return
    const snap = await this.snapshot()
    if (!unpriced && !snap.book.hasContracts(order.customer!.id)) return
    const record = settleOrderPrices(order, snap.book, snap.rules)
    if (record) order.pricing = record
  }

  /** How intake settled an order's prices, or null when it kept the channel's prices unchecked. */
  async orderPricing(orderId: string): Promise<(OrderPricingRecord & { createdAt: string }) | null> {
    const exists = await this.deps.db.one('select id from orders where id = ?', [orderId])
    if (!exists) throw new NotFoundError('order', orderId, 'ORDER_NOT_FOUND')
    const row = await this.deps.db.one<Omit<RowOf<typeof OrderPricingSchema>, 'order_id'>>(
      'select currency, mode, rule_set_version_id, lines, mismatches, created_at from order_pricing where order_id = ?',
      [orderId],
    )
    if (!row) return null
    const order = await this.deps.db.one<{ status: string; hold_reason: string | null }>(
      'select status, hold_reason from orders where id = ?',
      [orderId],
    )
    const mismatches = readJson<OrderPricingRecord['mismatches'] | null>(row.mismatches) ?? []
    return {
      mode: row.mode,
      currency: row.currency,
      ruleSetVersionId: row.rule_set_version_id,
      lines: readJson<OrderPricingRecord['lines']>(row.lines),
      mismatches,
      hold: order?.status === 'held' && order.hold_reason ? { reason: order.hold_reason } : null,
      createdAt: new Date(Number(row.created_at)).toISOString(),
    }
  }

  /**
   * What each sku sells for on a channel (one unit, no customer): what price sync sends. A channel
   * with sku mappings is told its listings' prices under its own skus (`toChannelPrices`); `skus`
   * may name hub skus or the channel's mapped skus.
   */
  async channelPrices(channel: string, currency: string, skus?: readonly string[]): Promise<ChannelPrice[]> {
    const snap = await this.snapshot()
    const listed = snap.book.candidates(channel, null, currency).flatMap((l) => [...l.prices.keys()])
    const mappings = (await this.deps.skuMappings?.forInstance(channel)) ?? NO_MAPPINGS
    const named = skus ? new Set(skus) : undefined
    const mapped = [...mappings].filter(([c, m]) => !named || named.has(c) || named.has(m.hubSku))
    // A listing is priced from its hub sku, or at its own price where a price list prices it.
    const priced = new Set(listed)
    const base = skus ? skus.filter((s) => !mappings.has(s) || priced.has(s)) : listed
    const wanted = [
      ...new Set([...base, ...mapped.flatMap(([c, m]) => (priced.has(c) ? [m.hubSku, c] : [m.hubSku]))]),
    ].sort()
    const told = new Set([...base, ...mapped.map(([c]) => c)])
    const out: ChannelPrice[] = []
    for (let i = 0; i < wanted.length; i += SYNC_CHUNK) {
      const chunk = wanted.slice(i, i + SYNC_CHUNK)
      const q = await this.quote({
        channel,
        customer: null,
        currency,
        lines: chunk.map((sku) => ({ sku, quantity: 1 })),
      })
      for (const l of q.lines)
        if (l.unitPrice !== null)
          out.push({ sku: l.sku, currency, price: l.unitPrice, priceListId: l.priceListId })
    }
    return toChannelPrices(out, new Map(mapped)).filter((p) => told.has(p.sku))
  }

  /** Queues the channel's prices for its plugin (`price.push`), in chunks; returns how many. */
  async syncChannel(
    channel: string,
    currency: string,
    skus?: readonly string[],
  ): Promise<{ prices: number; messages: number }> {
    if (!this.deps.directory.accepts(channel, 'price.push'))
      throw new ConflictError(`channel instance '${channel}' does not accept prices`, 'PRICES_NOT_ACCEPTED')
    const prices = await this.channelPrices(channel, currency, skus)
    const now = this.now
    const messages: NewOutboxMessage[] = []
    for (let i = 0; i < prices.length; i += SYNC_CHUNK) {
      const id = uuidv7(now)
      messages.push({
        id,
        topic: 'price.push',
        instanceId: channel,
        orderId: null,
        idempotencyKey: `price.push:${channel}:${id}`,
        payload: prices.slice(i, i + SYNC_CHUNK),
        createdAt: now,
      })
    }
    if (messages.length > 0) await this.deps.db.transaction((tx) => writeOutbox(tx, messages))
    return { prices: prices.length, messages: messages.length }
  }
}
