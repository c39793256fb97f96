import { EntitySchema } from '@mikro-orm/core'
import { EpochMsType } from '../db/epoch-ms-type'
import { foreignKey } from '../db/foreign-key'

export type ReturnStatus = 'authorised' | 'partially_received' | 'received' | 'cancelled'

/** A return (RMA): which shipped lines come back, to which location, and what became of them. */
export class ReturnRequest {
  id!: string
  orderId!: string
  rmaNumber!: string
  status!: ReturnStatus
  reason?: string | null
  locationId!: string
  externalReturnId?: string | null
  exchange?: unknown
  exchangeOrderId?: string | null
  decision!: unknown
  actor!: string
  createdAt!: Date
  updatedAt!: Date
}

export const ReturnRequestSchema = new EntitySchema<ReturnRequest>({
  class: ReturnRequest,
  tableName: 'return_request',
  indexes: [{ properties: ['orderId'] }],
  uniques: [{ properties: ['rmaNumber'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    orderId: foreignKey('Order'),
    rmaNumber: { type: 'string', length: 40 },
    status: { type: 'string', length: 20 },
    reason: { type: 'text', nullable: true },
    locationId: foreignKey('Location'),
    externalReturnId: { type: 'string', length: 200, nullable: true },
    exchange: { type: 'json', nullable: true },
    exchangeOrderId: { type: 'uuid', nullable: true },
    decision: { type: 'json' },
    actor: { type: 'string', length: 100 },
    createdAt: { type: EpochMsType },
    updatedAt: { type: EpochMsType },
  },
})

export class ReturnLine {
  id!: string
  returnId!: string
  orderLineId!: string
  sku!: string
  quantity!: number
  receivedResellable = 0
  receivedDamaged = 0
}

export const ReturnLineSchema = new EntitySchema<ReturnLine>({
  class: ReturnLine,
  tableName: 'return_line',
  indexes: [{ properties: ['returnId'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    returnId: foreignKey('ReturnRequest'),
    orderLineId: foreignKey('OrderLine'),
    sku: { type: 'string', length: 120 },
    quantity: { type: 'integer' },
    receivedResellable: { type: 'integer', default: 0 },
    receivedDamaged: { type: 'integer', default: 0 },
  },
})

export type RefundStatus = 'requested' | 'confirmed' | 'failed' | 'recorded'

/**
 * Money paid back on an order. `source`: `hub` when Switchyard asked the channel to refund (confirmed
 * when the channel says so), `channel` when the channel reported a refund it made itself.
 */
export class Refund {
  id!: string
  orderId!: string
  returnId?: string | null
  status!: RefundStatus
  amountMinor!: number
  currency!: string
  breakdown!: unknown
  reason?: string | null
  source!: 'hub' | 'channel'
  externalRefundId?: string | null
  createdAt!: Date
  confirmedAt?: Date | null
}

export const RefundSchema = new EntitySchema<Refund>({
  class: Refund,
  tableName: 'refund',
  indexes: [{ properties: ['orderId'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    orderId: foreignKey('Order'),
    returnId: foreignKey('ReturnRequest', { nullable: true }),
    status: { type: 'string', length: 16 },
    amountMinor: { type: 'bigint' },
    currency: { type: 'string', length: 3 },
    breakdown: { type: 'json' },
    reason: { type: 'text', nullable: true },
    source: { type: 'string', length: 16 },
    externalRefundId: { type: 'string', length: 200, nullable: true },
    createdAt: { type: EpochMsType },
    confirmedAt: { type: EpochMsType, nullable: true },
  },
})

/** Units that left stock for good (returned damaged). */
export class StockWriteOff {
  id!: string
  sku!: string
  locationId!: string
  quantity!: number
  reason!: string
  returnId?: string | null
  createdAt!: Date
}

export const StockWriteOffSchema = new EntitySchema<StockWriteOff>({
  class: StockWriteOff,
  tableName: 'stock_write_off',
  properties: {
    id: { type: 'uuid', primary: true },
    sku: foreignKey('Product'),
    locationId: foreignKey('Location'),
    quantity: { type: 'integer' },
    reason: { type: 'string', length: 40 },
    returnId: foreignKey('ReturnRequest', { nullable: true }),
    createdAt: { type: EpochMsType },
  },
})
