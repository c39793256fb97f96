import type { OrderStatus } from '@switchyard/plugin-sdk'
import { fromMinorUnits } from '../catalog/money'
import { Customer } from '../customers/customer.entity'
import type { Orm } from '../db/orm'
import type { SqlDb, SqlRunner } from '../db/sql/sql-db'
import { readJson } from '../db/sql/sql-db'
import { NotFoundError } from '../errors'
import type { Page } from '../pagination'
import { RoutingDecision } from '../routing/routing-decision.entity'
import { readDecision } from '../routing/stored-decision'
import { Allocation } from './allocation.entity'
import { Fulfilment } from './fulfilment.entity'
import { Order, OrderLine } from './order.entity'
import { OrderEvent } from './order-event.entity'
import { type FulfilmentFilter, type FulfilmentListItem, listFulfilments } from './search/fulfilment-list'
import { countOrders, type OrderListRow, type OrderSearch, searchOrders } from './search/order-search'

export type { OrderSearch as OrderFilter } from './search/order-search'

export interface OrderSummary {
  id: string
  channelInstanceId: string
  externalOrderId: string
  orderNumber: string | null
  status: OrderStatus
  currency: string
  total: string
  serviceLevel: string
  shipTo: { country: string; region?: string; postcode?: string; city?: string }
  email: string | null
  customerName: string | null
  holdReason: string | null
  /** The promised delivery day (YYYY-MM-DD); null until routed to a promise. */
  promiseDate: string | null
  placedAt: string
  receivedAt: string
  updatedAt: string
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null)

const shipToSummary = (a: Order['shipTo']): OrderSummary['shipTo'] => ({
  country: a.country,
  ...(a.region ? { region: a.region } : {}),
  ...(a.postcode ? { postcode: a.postcode } : {}),
  ...(a.city ? { city: a.city } : {}),
})

function summary(o: Order): Omit<OrderSummary, 'customerName'> {
  return {
    id: o.id,
    channelInstanceId: o.channelInstanceId,
    externalOrderId: o.externalOrderId,
    orderNumber: o.orderNumber ?? null,
    status: o.status,
    currency: o.currency,
    total: fromMinorUnits(Number(o.totalMinor), o.currency),
    serviceLevel: o.serviceLevel,
    shipTo: shipToSummary(o.shipTo),
    email: o.email ?? null,
    holdReason: o.holdReason ?? null,
    promiseDate: o.promiseDate ?? null,
    placedAt: o.placedAt.toISOString(),
    receivedAt: o.receivedAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
  }
}

function listSummary(r: OrderListRow): OrderSummary {
  const at = (ms: number | string) => new Date(Number(ms)).toISOString()
  return {
    id: r.id,
    channelInstanceId: r.channel_instance_id,
    externalOrderId: r.external_order_id,
    orderNumber: r.order_number,
    status: r.status,
    currency: r.currency,
    total: fromMinorUnits(Number(r.total_minor), r.currency),
    serviceLevel: r.service_level,
    shipTo: shipToSummary(readJson<Order['shipTo']>(r.ship_to)),
    email: r.email,
    customerName: r.customer_name,
    holdReason: r.hold_reason,
    promiseDate: r.promise_date,
    placedAt: at(r.placed_at),
    receivedAt: at(r.received_at),
    updatedAt: at(r.updated_at),
  }
}

/**
 * Read side of orders for the admin API: one order through MikroORM; the list and its counts
 * through the SQL layer (search/order-search.ts), whose statements are written for the indexes.
 */
export class OrderQueries {
  constructor(
    private readonly orm: Orm,
    private readonly db: SqlDb,
  ) {}

  async list(filter: OrderSearch): Promise<Page<OrderSummary>> {
    const page = await this.planned((db) => searchOrders(db, filter))
    return { items: page.items.map(listSummary), nextCursor: page.nextCursor }
  }

  /** Fulfilment requests across orders, oldest first, for an integrator's incremental sync. */
  fulfilments(
    filter: FulfilmentFilter,
    page: { limit?: number; cursor?: string } = {},
  ): Promise<Page<FulfilmentListItem>> {
    return listFulfilments(this.db, filter, page)
  }

  /** How many orders match the list's filters (paging and sort aside), per status. */
  counts(filter: OrderSearch): Promise<Partial<Record<OrderStatus, number>>> {
    return this.planned((db) => countOrders(db, filter))
  }

  /**
   * PostgreSQL plans the list's statements for the values they are run with. After five runs of a
   * prepared statement it may keep one generic plan, blind to the values; for the list that plan
   * cannot see that `status = $1` matches a partial index, and walked a million index entries
   * where the value's plan reads none (measured: 0.02 ms against 230-360 ms).
   */
  private planned<T>(read: (db: SqlRunner) => Promise<T>): Promise<T> {
    if (this.db.dialect !== 'postgresql') return read(this.db)
    return this.db.transaction(async (tx) => {
      await tx.one("select set_config('plan_cache_mode', 'force_custom_plan', true)")
      return read(tx)
    })
  }

  /**
   * The tags and currencies the last `limit` orders received carry, sorted: the rule editor offers
   * them as values a rule can test. Read along the received_at index, so it costs the same on a
   * million orders as on a hundred.
   */
  async recentValues(limit = 1000): Promise<{ tags: string[]; currencies: string[] }> {
    const rows = await this.db.all<{ tags: unknown; currency: string }>(
      `select tags, currency from orders order by received_at desc limit ${Math.max(1, Math.floor(limit))}`,
    )
    const tags = new Set<string>()
    const currencies = new Set<string>()
    for (const r of rows) {
      currencies.add(r.currency)
      const t = typeof r.tags === 'string' ? (JSON.parse(r.tags) as unknown) : r.tags
      if (Array.isArray(t)) for (const x of t) if (typeof x === 'string') tags.add(x)
    }
    return { tags: [...tags].sort(), currencies: [...currencies].sort() }
  }

  /** The channel instance an order belongs to, or null when there is no such order. */
  async channelOf(id: string): Promise<string | null> {
    const order = await this.orm.em.fork().findOne(Order, { id }, { fields: ['channelInstanceId'] })
    return order?.channelInstanceId ?? null
  }

  /** One order with everything that happened to it. `channelScope` hides other channels' orders. */
  async get(id: string, channelScope?: string | null) {
    const em = this.orm.em.fork()
    const order = await em.findOne(Order, { id }, { populate: ['raw'] })
    if (!order || (channelScope && order.channelInstanceId !== channelScope))
      throw new NotFoundError('order', id, 'ORDER_NOT_FOUND')
    const [lines, allocations, fulfilments, events, decisions] = await Promise.all([
      em.find(OrderLine, { orderId: id }, { orderBy: { lineNo: 'asc' } }),
      em.find(Allocation, { orderId: id }, { orderBy: { id: 'asc' } }),
      em.find(Fulfilment, { orderId: id }, { orderBy: { id: 'asc' } }),
      em.find(OrderEvent, { orderId: id }, { orderBy: { id: 'asc' } }),
      em.find(RoutingDecision, { orderId: id }, { orderBy: { id: 'desc' }, limit: 1 }),
    ])
    const money = (minor: number | null | undefined) =>
      minor === null || minor === undefined ? null : fromMinorUnits(Number(minor), order.currency)
    const customer = order.customerId
      ? await em.findOne(Customer, { id: order.customerId }, { fields: ['name', 'email', 'tier', 'segment'] })
      : null
    return {
      ...summary(order),
      customerName: customer?.name ?? null,
      customerId: order.customerId ?? null,
      // What rules test of the customer: the rule editor's sample order starts from it.
      customer: customer
        ? { email: customer.email ?? null, tier: customer.tier ?? null, segment: customer.segment ?? null }
        : null,
      shipTo: order.shipTo,
      billTo: order.billTo ?? null,
      deliveryMethod: order.pickupLocationId ? ('pickup' as const) : ('ship' as const),
      pickup: order.pickupLocationId
        ? { locationId: order.pickupLocationId, readyAt: iso(order.pickupReadyAt) }
        : null,
      subtotal: money(order.subtotalMinor),
      shipping: money(order.shippingMinor),
      tags: order.tags,
      notes: order.notes ?? null,
      holdReason: order.holdReason ?? null,
      raw: order.raw ?? null,
      lines: lines.map((l) => ({
        id: l.id,
        lineNo: l.lineNo,
        externalLineId: l.externalLineId ?? null,
        sku: l.sku,
        name: l.name ?? null,
        quantity: l.quantity,
        unitPrice: money(l.unitPriceMinor),
        discount: money(l.discountMinor),
        allocated: l.allocatedQty,
        backordered: l.backorderedQty,
        shipped: l.shippedQty,
        cancelled: l.cancelledQty,
      })),
      allocations: allocations.map((a) => ({
        id: a.id,
        lineId: a.lineId,
        sku: a.sku,
        locationId: a.locationId,
        quantity: a.quantity,
        status: a.status,
        fulfilmentId: a.fulfilmentId ?? null,
      })),
      fulfilments: fulfilments.map((f) => ({
        id: f.id,
        locationId: f.locationId,
        wmsInstanceId: f.wmsInstanceId ?? null,
        status: f.status,
        externalRef: f.externalRef ?? null,
        carrier: f.carrier ?? null,
        trackingNumber: f.trackingNumber ?? null,
        trackingUrl: f.trackingUrl ?? null,
        shippedAt: iso(f.shippedAt),
        reason: f.reason ?? null,
        hold: f.holdReason ? { reason: f.holdReason, since: iso(f.heldAt) } : null,
      })),
      routingDecision: decisions[0]
        ? {
            id: decisions[0].id,
            strategy: decisions[0].strategy,
            ruleSetVersionId: decisions[0].ruleSetVersionId ?? null,
            summary: decisions[0].summary,
            // Stored compact (format 2) or as decided (older rows): read back into one shape.
            ...readDecision(decisions[0].plan, decisions[0].explanation),
            createdAt: decisions[0].createdAt.toISOString(),
          }
        : null,
      history: events.map((e) => ({
        id: e.id,
        type: e.type,
        from: e.fromStatus ?? null,
        to: e.toStatus ?? null,
        data: e.data ?? null,
        actor: e.actor ?? null,
        at: e.createdAt.toISOString(),
      })),
    }
  }
}

export type OrderDetail = Awaited<ReturnType<OrderQueries['get']>>
