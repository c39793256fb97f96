import type { Address, OrderStatus, ServiceLevel } from '@switchyard/plugin-sdk'
import type { CatalogCache } from '../catalog/catalog-cache'
import type { SqlRunner } from '../db/sql/sql-db'
import { readJson } from '../db/sql/sql-db'
import type { RoutingLine, RoutingOrder } from './router'

export interface StoredOrder {
  order: RoutingOrder
  status: OrderStatus
  externalOrderId: string
  orderNumber: string | null
  version: number
  lines: (RoutingLine & {
    name: string | null
    allocatedQty: number
    backorderedQty: number
    shippedQty: number
    cancelledQty: number
  })[]
}

interface OrderRow {
  id: string
  channel_instance_id: string
  external_order_id: string
  order_number: string | null
  status: OrderStatus
  currency: string
  ship_to: unknown
  service_level: ServiceLevel
  total_minor: number
  tags: unknown
  placed_at: number
  version: number
  tier: string | null
  segment: string | null
}

interface LineRow {
  id: string
  sku: string
  name: string | null
  quantity: number
  unit_price_minor: number | null
  discount_minor: number
  allocated_qty: number
  backordered_qty: number
  shipped_qty: number
  cancelled_qty: number
}

/** An order as the router sees it, read back from its rows (locked on PostgreSQL when `lock`). */
export async function loadStoredOrder(
  tx: SqlRunner,
  catalog: CatalogCache,
  orderId: string,
  lock: boolean,
): Promise<StoredOrder | undefined> {
  const row = await tx.one<OrderRow>(
    `select o.id, o.channel_instance_id, o.external_order_id, o.order_number, o.status, o.currency, o.ship_to, o.service_level,
            o.total_minor, o.tags, o.placed_at, o.version, c.tier, c.segment
       from orders o left join customer c on c.id = o.customer_id where o.id = ?${lock && tx.dialect === 'postgresql' ? ' for update of o' : ''}`,
    [orderId],
  )
  if (!row) return undefined
  const lines = await tx.all<LineRow>(
    `select id, sku, name, quantity, unit_price_minor, discount_minor, allocated_qty, backordered_qty, shipped_qty, cancelled_qty
       from order_line where order_id = ? order by line_no`,
    [orderId],
  )
  const { found } = await catalog.products(
    lines.map((l) => l.sku),
    tx,
  )
  return {
    status: row.status,
    externalOrderId: row.external_order_id,
    orderNumber: row.order_number,
    version: Number(row.version),
    order: {
      id: row.id,
      channelInstanceId: row.channel_instance_id,
      serviceLevel: row.service_level,
      shipTo: readJson<Address>(row.ship_to),
      placedAt: new Date(Number(row.placed_at)),
      totalMinor: Number(row.total_minor),
      currency: row.currency,
      tags: readJson<string[]>(row.tags) ?? [],
      customer: { tier: row.tier, segment: row.segment },
    },
    lines: lines.map((l) => ({
      lineId: l.id,
      sku: l.sku,
      name: l.name,
      quantity: Number(l.quantity),
      product: found.get(l.sku) ?? {
        sku: l.sku,
        name: l.sku,
        category: null,
        hazmat: false,
        highValue: false,
        weightGrams: null,
        attributes: {},
      },
      unitPriceMinor: l.unit_price_minor === null ? null : Number(l.unit_price_minor),
      discountMinor: Number(l.discount_minor),
      allocatedQty: Number(l.allocated_qty),
      backorderedQty: Number(l.backordered_qty),
      shippedQty: Number(l.shipped_qty),
      cancelledQty: Number(l.cancelled_qty),
    })),
  }
}
