import type { Address, CanonicalOrder, ServiceLevel } from '@switchyard/plugin-sdk'
import type { CatalogCache } from '../catalog/catalog-cache'
import { readKitBoms, stockSkus, withKits } from '../catalog/kits/kit-boms'
import { fromMinorUnits } from '../catalog/money'
import type { SqlDb } from '../db/sql/sql-db'
import { type ConditionTrace, traceCondition } from '../rules/compile'
import type { RuleSetService } from '../rules/rule-set-service'
import { CapacityLedger } from './capacity'
import type {
  CapacityView,
  RoutingLine,
  RoutingOrder,
  RoutingPlan,
  RoutingRequest,
  StockView,
} from './router'
import type { RoutingConfig } from './routing-config'
import { dayNumber, localTime } from './sourcing/calendar'
import type { CompiledRuleSet } from './sourcing/compiled-rule-set'
import { decide } from './sourcing/decide'
import { flatten, orderFacts } from './sourcing/facts'

export interface RuleTrace {
  rule: string
  action: string
  scope: string
  /** For order rules: whether it fired on this order. Line and location rules are per line/location. */
  fired: boolean | null
  conditions: ConditionTrace | null
}

export interface PromiseQuery {
  channelInstanceId: string
  sku: string
  quantity: number
  shipTo: Address
  serviceLevel: ServiceLevel
  /** What the channel may take per location (its pools and caps applied), as availability computed it. */
  stock: { sku: string; locationId: string; available: number }[]
}

/** When one more order for a sku would arrive, as the live rules would route it now. */
export interface PromiseAnswer {
  promiseDate: string
  shipDate: string
  locationId: string
  /** True when a lane was missing and transit was estimated from distance. */
  estimated: boolean
}

export interface BacktestOptions {
  limit?: number
  from?: number
  to?: number
  /** Compare with this version of the same rule set instead of the live rules. */
  against?: number
}

interface Outcome {
  locations: string[]
  strategy: string
  cost: number
  transitDays: number | null
  promiseDate: string | null
  shipments: number
  backordered: number
  held: boolean
}

/**
 * A canonical order checked against the catalogue, as the router reads it. Orders own that check
 * (intake runs the same one), so it is handed in: routing never imports orders.
 */
export type PrepareForRouting = (
  channelInstanceId: string,
  order: CanonicalOrder,
  now: number,
) => Promise<{ order: RoutingOrder; lines: RoutingLine[] }>

/**
 * A stored order as the router reads it, with the units it holds (allocated or released). Orders
 * own that read, so it is handed in too.
 */
export type LoadStoredOrder = (orderId: string) => Promise<
  | {
      order: RoutingOrder
      lines: RoutingLine[]
      externalOrderId: string
      holding: readonly { sku: string; locationId: string; quantity: number }[]
    }
  | undefined
>

/**
 * Routing without persisting anything: one order against a version (simulate), or recent real
 * orders against a draft and the live version side by side (backtest). Both read current stock
 * without locking it. Both route each order as of its `placedAt` (the sample's, or now when it has
 * none): cut-offs, ship days, the capacity day and promise dates are those of that moment, so a
 * backtest run on Wednesday of Friday's orders promises what Friday's intake would have promised.
 */
export class SimulationService {
  constructor(
    private readonly db: SqlDb,
    private readonly catalog: CatalogCache,
    private readonly ruleSets: RuleSetService,
    private readonly config: RoutingConfig,
    readonly prepare: PrepareForRouting,
    readonly loadOrder: LoadStoredOrder,
    private readonly clock: () => number = Date.now,
  ) {}

  async simulate(
    ruleSetId: string,
    version: number,
    channelInstanceId: string,
    order: CanonicalOrder,
    options: { stock?: { sku: string; locationId: string; available: number }[] } = {},
  ): Promise<{ plan: RoutingPlan; trace: RuleTrace[] }> {
    const compiled = this.config.compile(await this.ruleSets.getVersion(ruleSetId, version))
    const now = this.clock()
    const prepared = await this.prepare(channelInstanceId, order, now)
    const asOf = prepared.order.placedAt.getTime()
    const request: RoutingRequest = {
      ...prepared,
      locations: await this.catalog.activeLocations(),
      stock: await this.stockView(
        prepared.lines.map((l) => l.sku),
        options.stock,
      ),
      capacity: await this.capacity(asOf, asOf),
      now: new Date(asOf),
    }
    const plan = decide(request, { ...(await this.config.inputs(now)), ruleSet: compiled })
    return { plan, trace: this.trace(compiled, request, plan) }
  }

  /**
   * The earliest promise for `quantity` of one sku to one destination: a one-line order routed by
   * the live rules against the channel's stock, today's capacity, cut-offs and carrier calendars.
   * Null when the rules would hold it, or no location can ship it whole.
   */
  async promise(query: PromiseQuery): Promise<PromiseAnswer | null> {
    const now = this.clock()
    const { found } = await this.catalog.products([query.sku])
    const product = found.get(query.sku)
    if (!product) return null
    const request: RoutingRequest = {
      order: {
        id: 'availability-promise',
        channelInstanceId: query.channelInstanceId,
        serviceLevel: query.serviceLevel,
        shipTo: query.shipTo,
        placedAt: new Date(now),
        totalMinor: 0,
        currency: '',
        tags: [],
      },
      lines: [{ lineId: 'line', sku: query.sku, quantity: query.quantity, product }],
      locations: await this.catalog.activeLocations(),
      stock: await this.stockView([query.sku], query.stock),
      capacity: await this.capacity(now, now),
      now: new Date(now),
    }
    const plan = decide(request, await this.config.inputs(now))
    const shipment = plan.shipments?.[0]
    if (plan.hold || plan.unfilled.length > 0 || !shipment || !plan.promiseDate) return null
    return {
      promiseDate: plan.promiseDate,
      shipDate: shipment.shipDate,
      locationId: shipment.locationId,
      estimated: shipment.estimated,
    }
  }

  async backtest(ruleSetId: string, version: number, options: BacktestOptions = {}) {
    const draft = this.config.compile(await this.ruleSets.getVersion(ruleSetId, version))
    const now = this.clock()
    const baseInputs = await this.config.inputs(now)
    const live =
      options.against === undefined
        ? baseInputs.ruleSet
        : this.config.compile(await this.ruleSets.getVersion(ruleSetId, options.against))
    const limit = Math.min(Math.max(options.limit ?? 100, 1), 1000)
    const where: string[] = []
    const params: number[] = []
    if (options.from !== undefined) {
      where.push('received_at >= ?')
      params.push(options.from)
    }
    if (options.to !== undefined) {
      where.push('received_at < ?')
      params.push(options.to)
    }
    const ids = await this.db.all<{ id: string; placed_at: number; received_at: number }>(
      `select id, placed_at, received_at from orders ${where.length ? `where ${where.join(' and ')}` : ''} order by received_at desc, id desc limit ${limit}`,
      params,
    )
    const locations = await this.catalog.activeLocations()
    const placed = ids.map((r) => Number(r.placed_at))
    const capacity = await this.capacity(Math.min(now, ...placed), Math.max(now, ...placed))
    const changed: {
      orderId: string
      externalOrderId: string
      before: Omit<Outcome, 'cost'> & { cost: string }
      after: Omit<Outcome, 'cost'> & { cost: string }
      summary: string
    }[] = []
    const totals = {
      orders: 0,
      changed: 0,
      transitDelta: 0,
      transitCompared: 0,
      promiseDelta: 0,
      promiseCompared: 0,
    }
    const splits = { published: 0, draft: 0 }
    const backorders = { published: 0, draft: 0 }
    const holds = { published: 0, draft: 0 }
    // Shipping cost compares only orders both versions ship in full, per currency: a held or
    // backordered order's cost is not a saving, and NZD and AUD never add up.
    const costs = new Map<string, { orders: number; delta: number }>()
    for (const { id, received_at } of ids) {
      const stored = await this.loadOrder(id)
      if (!stored) continue
      // Stock as it is now, with this order's own allocations given back: both versions see the same.
      const own = stored.holding
      const base = await this.stockView(stored.lines.map((l) => l.sku))
      const stock: StockView = {
        available: (sku, loc) =>
          base.available(sku, loc) +
          own.filter((a) => a.sku === sku && a.locationId === loc).reduce((s, a) => s + a.quantity, 0),
      }
      const request: RoutingRequest = {
        order: stored.order,
        lines: stored.lines,
        locations,
        stock,
        capacity: await this.withoutOwnCount(capacity, id, Number(received_at), locations),
        now: stored.order.placedAt,
      }
      const before = outcome(decide(request, { ...baseInputs, ruleSet: live }))
      const afterPlan = decide(request, { ...baseInputs, ruleSet: draft })
      const after = outcome(afterPlan)
      totals.orders++
      if (before.shipments > 1) splits.published++
      if (after.shipments > 1) splits.draft++
      if (before.backordered > 0) backorders.published++
      if (after.backordered > 0) backorders.draft++
      if (before.held) holds.published++
      if (after.held) holds.draft++
      const shipsInBoth = [before, after].every((o) => !o.held && o.backordered === 0 && o.shipments > 0)
      if (shipsInBoth) {
        const c = costs.get(stored.order.currency) ?? { orders: 0, delta: 0 }
        c.orders++
        c.delta += after.cost - before.cost
        costs.set(stored.order.currency, c)
      }
      if (before.transitDays !== null && after.transitDays !== null) {
        totals.transitDelta += after.transitDays - before.transitDays
        totals.transitCompared++
      }
      if (before.promiseDate && after.promiseDate) {
        totals.promiseDelta += dayNumber(after.promiseDate) - dayNumber(before.promiseDate)
        totals.promiseCompared++
      }
      const differs =
        before.locations.join() !== after.locations.join() ||
        before.held !== after.held ||
        before.backordered !== after.backordered
      if (differs) {
        totals.changed++
        if (changed.length < 200)
          changed.push({
            orderId: id,
            externalOrderId: stored.externalOrderId,
            before: { ...before, cost: fromMinorUnits(before.cost, stored.order.currency) },
            after: { ...after, cost: fromMinorUnits(after.cost, stored.order.currency) },
            summary: afterPlan.summary,
          })
      }
    }
    const avg = (sum: number, n: number) => (n === 0 ? null : Math.round((sum / n) * 100) / 100)
    return {
      ruleSetId,
      version,
      comparedWith: live.versionId ? { ruleSetId: live.ruleSetId, version: live.version } : { builtIn: true },
      orders: totals.orders,
      changed: totals.changed,
      costs: [...costs.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([currency, c]) => ({
          currency,
          orders: c.orders,
          totalDelta: fromMinorUnits(Math.abs(c.delta), currency),
          direction: (c.delta > 0 ? 'more' : c.delta < 0 ? 'less' : 'same') as 'more' | 'less' | 'same',
        })),
      transitDaysDeltaAvg: avg(totals.transitDelta, totals.transitCompared),
      promiseDaysDeltaAvg: avg(totals.promiseDelta, totals.promiseCompared),
      splits,
      backorders,
      holds,
      changedOrders: changed,
      note: "Both versions route each order as of its placedAt (cut-offs, ship days, capacity day, promise dates), against current stock and that day's capacity, each order getting back what it holds, so differences come from the rules alone.",
    }
  }

  private trace(compiled: CompiledRuleSet, request: RoutingRequest, plan: RoutingPlan): RuleTrace[] {
    const facts = orderFacts(
      request.order,
      request.lines,
      plan.serviceLevel ?? request.order.serviceLevel,
      compiled.settings.timezone,
    )
    const flat = flatten(facts)
    return [...compiled.order, ...compiled.line, ...compiled.location, ...compiled.lineLocation]
      .sort((a, b) => a.compiled.index - b.compiled.index)
      .map((r) => {
        const t =
          r.scope === 'order' ? traceCondition(r.compiled.rule.conditions, flat, r.compiled.name) : null
        return {
          rule: r.compiled.name,
          action: r.action.type,
          scope: r.scope,
          fired: t ? t.result : null,
          conditions: t,
        }
      })
  }

  private async stockView(
    skus: readonly string[],
    overrides: { sku: string; locationId: string; available: number }[] = [],
  ): Promise<StockView> {
    // A kit's stock is its components': their rows are read and the kit answered from them.
    const kits = await readKitBoms(this.db, skus)
    const unique = stockSkus(skus, kits)
    const rows =
      unique.length === 0
        ? []
        : await this.db.all<{
            sku: string
            location_id: string
            on_hand: number
            allocated: number
            reserved: number
            safety_stock: number
            protected: number
          }>(
            `select sku, location_id, on_hand, allocated, reserved, safety_stock, protected from inventory_level where sku in (${unique.map(() => '?').join(',')})`,
            unique,
          )
    const free = new Map<string, number>()
    for (const r of rows)
      free.set(
        `${r.sku}\u0000${r.location_id}`,
        Math.max(
          0,
          Number(r.on_hand) -
            Number(r.allocated) -
            Number(r.reserved) -
            Number(r.safety_stock) -
            Number(r.protected),
        ),
      )
    for (const o of overrides) free.set(`${o.sku}\u0000${o.locationId}`, o.available)
    // An override names a kit itself (the availability route's per-location figures); else its components answer.
    const fromComponents = withKits(kits, (sku, loc) => free.get(`${sku}\u0000${loc}`) ?? 0)
    return { available: (sku, loc) => free.get(`${sku}\u0000${loc}`) ?? fromComponents(sku, loc) }
  }

  /** Orders taken per location and local day, for every day an instant in [fromMs, toMs] can fall on in any zone. */
  private async capacity(fromMs: number, toMs: number): Promise<CapacityLedger> {
    const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10)
    const rows = await this.db.all<{ location_id: string; day: string; orders: number }>(
      'select location_id, day, orders from location_day_load where day >= ? and day <= ?',
      [utcDay(fromMs - 86_400_000), utcDay(toMs + 86_400_000)],
    )
    return new CapacityLedger(rows)
  }

  /**
   * The ledger less the one order a stored order took at each location it was allocated to, on
   * the local day it was received (when intake counted it), so it is not turned away by itself.
   */
  private async withoutOwnCount(
    ledger: CapacityLedger,
    orderId: string,
    receivedAt: number,
    locations: readonly { id: string; timezone: string; dailyCapacity: number | null }[],
  ): Promise<CapacityView> {
    const held = new Set(
      (
        await this.db.all<{ location_id: string }>(
          'select distinct location_id from allocation where order_id = ?',
          [orderId],
        )
      ).map((r) => r.location_id),
    )
    const counted = new Map(
      locations
        .filter((l) => l.dailyCapacity !== null && held.has(l.id))
        .map((l) => [l.id, localTime(receivedAt, l.timezone).date]),
    )
    if (counted.size === 0) return ledger
    return {
      used: (locationId, day) =>
        Math.max(0, ledger.used(locationId, day) - (counted.get(locationId) === day ? 1 : 0)),
    }
  }
}

function outcome(plan: RoutingPlan): Outcome {
  const shipments = plan.shipments ?? []
  return {
    locations: [...new Set(plan.assignments.map((a) => a.locationId))].sort(),
    strategy: plan.strategy,
    cost: shipments.reduce((s, x) => s + Math.round(Number(x.shippingCost) * 100), 0),
    transitDays: shipments.length ? Math.max(...shipments.map((s) => s.transitDays)) : null,
    promiseDate: plan.promiseDate ?? null,
    shipments: shipments.length,
    backordered: plan.unfilled.reduce((s, u) => s + u.quantity, 0),
    held: Boolean(plan.hold),
  }
}
