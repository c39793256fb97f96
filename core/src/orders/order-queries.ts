import type { FilterQuery } from '@mikro-orm/core'
import type { OrderStatus } from '@switchyard/plugin-sdk'
import { fromMinorUnits } from '../catalog/money'
import type { Orm } from '../db/orm'
import { NotFoundError } from '../errors'
import { decodeCursor, encodeCursor, type Page } from '../pagination'
import { RoutingDecision } from '../routing/routing-decision.entity'
import { Allocation } from './allocation.entity'
import { Fulfilment } from './fulfilment.entity'
import { Order, OrderLine } from './order.entity'
import { OrderEvent } from './order-event.entity'

export interface OrderFilter {
  status?: OrderStatus[]
  channelInstanceId?: string
  externalOrderId?: string
  receivedFrom?: Date
  receivedTo?: Date
  limit?: number
  cursor?: string
}

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
  placedAt: string
  receivedAt: string
  updatedAt: string
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null)

function summary(o: Order): OrderSummary {
  return {
    id: o.id,
    channelInstanceId: o.channelInstanceId,
    externalOrderId: o.externalOrderId,
    orderNumber: o.orderNumber ?? null,
    status: o.status,
    currency: o.currency,
    total: fromMinorUnits(Number(o.totalMinor), o.currency),
    serviceLevel: o.serviceLevel,
    shipTo: {
      country: o.shipTo.country,
      ...(o.shipTo.region ? { region: o.shipTo.region } : {}),
      ...(o.shipTo.postcode ? { postcode: o.shipTo.postcode } : {}),
      ...(o.shipTo.city ? { city: o.shipTo.city } : {}),
    },
    email: o.email ?? null,
    placedAt: o.placedAt.toISOString(),
    receivedAt: o.receivedAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
  }
}

/** Read side of orders for the admin API, through MikroORM. */
export class OrderQueries {
  constructor(private readonly orm: Orm) {}

  async list(filter: OrderFilter): Promise<Page<OrderSummary>> {
    const em = this.orm.em.fork()
    const where: FilterQuery<Order> = {}
    if (filter.status?.length) where.status = { $in: filter.status }
    if (filter.channelInstanceId) where.channelInstanceId = filter.channelInstanceId
    if (filter.externalOrderId) where.externalOrderId = filter.externalOrderId
    if (filter.receivedFrom || filter.receivedTo) {
      where.receivedAt = {
        ...(filter.receivedFrom ? { $gte: filter.receivedFrom } : {}),
        ...(filter.receivedTo ? { $lt: filter.receivedTo } : {}),
      }
    }
    const after = decodeCursor(filter.cursor)
    if (after) where.id = { $lt: after }
    const limit = Math.min(Math.max(filter.limit ?? 50, 1), 500)
    const rows = await em.find(Order, where, { orderBy: { id: 'desc' }, limit: limit + 1 })
    const items = rows.slice(0, limit).map(summary)
    return { items, nextCursor: rows.length > limit ? encodeCursor(items[items.length - 1]!.id) : null }
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
    return {
      ...summary(order),
      customerId: order.customerId ?? null,
      shipTo: order.shipTo,
      billTo: order.billTo ?? null,
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
      })),
      routingDecision: decisions[0]
        ? {
            id: decisions[0].id,
            strategy: decisions[0].strategy,
            ruleSetVersionId: decisions[0].ruleSetVersionId ?? null,
            summary: decisions[0].summary,
            plan: decisions[0].plan,
            explanation: decisions[0].explanation,
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
