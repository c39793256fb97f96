import { EntitySchema } from '@mikro-orm/core'
import type { Address, OrderStatus, ServiceLevel } from '@switchyard/plugin-sdk'
import { EpochMsType } from '../db/epoch-ms-type'
import { foreignKey } from '../db/foreign-key'

export class Order {
  id!: string
  channelInstanceId!: string
  externalOrderId!: string
  orderNumber?: string | null
  status!: OrderStatus
  currency!: string
  customerId?: string | null
  email?: string | null
  shipTo!: Address
  billTo?: Address | null
  serviceLevel!: ServiceLevel
  /** Integer minor units in `currency`. */
  subtotalMinor = 0
  shippingMinor = 0
  totalMinor = 0
  tags: string[] = []
  notes?: string | null
  holdReason?: string | null
  /**
   * The promised delivery date (YYYY-MM-DD) of the latest routing decision; null until routed. A
   * backordered order's comes from the inbound supply that will fill it (supply/supply-promises.ts).
   */
  promiseDate?: string | null
  /** Served before other backorders, 1 first, when an `unfillable` rule gave it a priority. */
  backorderPriority?: number | null
  /** Click and collect: the location the customer collects from; null when the order ships. */
  pickupLocationId?: string | null
  /** When the store reported it picked (ready for pickup): the pickup expiry runs from here. */
  pickupReadyAt?: Date | null
  /** The channel's payload, untouched. */
  raw?: unknown
  placedAt!: Date
  receivedAt!: Date
  updatedAt!: Date
  version = 1
}

export const OrderSchema = new EntitySchema<Order>({
  class: Order,
  tableName: 'orders',
  uniques: [{ properties: ['channelInstanceId', 'externalOrderId'] }],
  // The orders list's filters and sorts (order-search.ts; Migration20261206070000_order_search).
  indexes: [
    { name: 'orders_status_placed_at_id_index', properties: ['status', 'placedAt', 'id'] },
    { properties: ['receivedAt'] },
    { name: 'orders_placed_at_id_index', properties: ['placedAt', 'id'] },
    {
      name: 'orders_channel_instance_id_placed_at_id_index',
      properties: ['channelInstanceId', 'placedAt', 'id'],
    },
    { name: 'orders_promise_date_id_index', properties: ['promiseDate', 'id'] },
    { name: 'orders_order_number_index', properties: ['orderNumber'] },
    { name: 'orders_customer_id_index', properties: ['customerId'] },
    {
      name: 'orders_open_promise_idx',
      expression: `create index orders_open_promise_idx on orders (status, promise_date, id, placed_at) where status not in ('shipped', 'cancelled')`,
    },
    {
      name: 'orders_pickup_ready_idx',
      expression:
        'create index orders_pickup_ready_idx on orders (pickup_ready_at) where pickup_ready_at is not null',
    },
    {
      name: 'orders_held_placed_idx',
      expression: 'create index orders_held_placed_idx on orders (placed_at) where hold_reason is not null',
    },
  ],
  properties: {
    id: { type: 'uuid', primary: true },
    channelInstanceId: { type: 'string', length: 64 },
    externalOrderId: { type: 'string', length: 200 },
    orderNumber: { type: 'string', length: 100, nullable: true },
    status: { type: 'string', length: 24 },
    currency: { type: 'string', length: 3 },
    customerId: foreignKey('Customer', { nullable: true }),
    email: { type: 'string', length: 320, nullable: true },
    shipTo: { type: 'json' },
    billTo: { type: 'json', nullable: true },
    serviceLevel: { type: 'string', length: 20 },
    subtotalMinor: { type: 'bigint', default: 0 },
    shippingMinor: { type: 'bigint', default: 0 },
    totalMinor: { type: 'bigint', default: 0 },
    tags: { type: 'json' },
    notes: { type: 'text', nullable: true },
    holdReason: { type: 'text', nullable: true },
    promiseDate: { type: 'string', length: 10, nullable: true },
    backorderPriority: { type: 'integer', nullable: true },
    pickupLocationId: { type: 'string', length: 64, nullable: true },
    pickupReadyAt: { type: EpochMsType, nullable: true },
    raw: { type: 'json', nullable: true, lazy: true },
    placedAt: { type: EpochMsType },
    receivedAt: { type: EpochMsType },
    updatedAt: { type: EpochMsType },
    version: { type: 'integer', default: 1 },
  },
})

export class OrderLine {
  id!: string
  orderId!: string
  lineNo!: number
  externalLineId?: string | null
  sku!: string
  name?: string | null
  quantity!: number
  unitPriceMinor?: number | null
  discountMinor = 0
  allocatedQty = 0
  backorderedQty = 0
  shippedQty = 0
  cancelledQty = 0
  /** The channel's own sku when a sku mapping turned it into `sku` (channels/sku-mappings). */
  channelSku?: string | null
  /** Hub units per channel unit: `quantity` is the channel's quantity × this. */
  channelMultiplier = 1
}

export const OrderLineSchema = new EntitySchema<OrderLine>({
  class: OrderLine,
  tableName: 'order_line',
  indexes: [
    { properties: ['orderId'] },
    { name: 'order_line_sku_order_id_index', properties: ['sku', 'orderId'] },
  ],
  properties: {
    id: { type: 'uuid', primary: true },
    orderId: foreignKey('Order', { withinOrder: true }),
    lineNo: { type: 'integer' },
    externalLineId: { type: 'string', length: 200, nullable: true },
    sku: foreignKey('Product'),
    name: { type: 'string', length: 300, nullable: true },
    quantity: { type: 'integer' },
    unitPriceMinor: { type: 'bigint', nullable: true },
    discountMinor: { type: 'bigint', default: 0 },
    allocatedQty: { type: 'integer', default: 0 },
    backorderedQty: { type: 'integer', default: 0 },
    shippedQty: { type: 'integer', default: 0 },
    cancelledQty: { type: 'integer', default: 0 },
    channelSku: { type: 'string', length: 120, nullable: true },
    channelMultiplier: { type: 'integer', default: 1 },
  },
})
