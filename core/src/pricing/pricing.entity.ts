import { EntitySchema } from '@mikro-orm/core'
import { EpochMsType } from '../db/epoch-ms-type'
import { foreignKey } from '../db/foreign-key'
import type { OrderPricingRecord } from './order-pricing'

/** A price list; with a customer it is that customer's contract. Money in minor units of `currency`. */
export class PriceList {
  id!: string
  name!: string
  currency!: string
  channelInstanceId?: string | null
  customerGroup?: string | null
  customerId?: string | null
  validFrom?: Date | null
  validTo?: Date | null
  priority!: number
  toleranceMinor!: number
  tolerancePercent!: string
  createdAt!: Date
  updatedAt!: Date
}

export const PriceListSchema = new EntitySchema<PriceList>({
  class: PriceList,
  tableName: 'price_list',
  indexes: [{ properties: ['customerId'] }],
  properties: {
    id: { type: 'string', length: 64, primary: true },
    name: { type: 'string', length: 200 },
    currency: { type: 'string', length: 3 },
    channelInstanceId: { type: 'string', length: 64, nullable: true },
    customerGroup: { type: 'string', length: 60, nullable: true },
    customerId: { type: 'uuid', nullable: true },
    validFrom: { type: EpochMsType, nullable: true },
    validTo: { type: EpochMsType, nullable: true },
    priority: { type: 'integer', default: 0 },
    toleranceMinor: { type: 'bigint', default: 0 },
    tolerancePercent: { type: 'string', length: 20, default: '0' },
    createdAt: { type: EpochMsType },
    updatedAt: { type: EpochMsType },
  },
})

export class PriceListPrice {
  priceListId!: string
  sku!: string
  unitPriceMinor!: number
  updatedAt!: Date
}

export const PriceListPriceSchema = new EntitySchema<PriceListPrice>({
  class: PriceListPrice,
  tableName: 'price_list_price',
  properties: {
    priceListId: foreignKey('PriceList', { primary: true }),
    sku: foreignKey('Product', { primary: true }),
    unitPriceMinor: { type: 'bigint' },
    updatedAt: { type: EpochMsType },
  },
})

export class SkuCost {
  sku!: string
  currency!: string
  costMinor!: number
  updatedAt!: Date
}

export const SkuCostSchema = new EntitySchema<SkuCost>({
  class: SkuCost,
  tableName: 'sku_cost',
  properties: {
    sku: foreignKey('Product', { primary: true }),
    currency: { type: 'string', length: 3 },
    costMinor: { type: 'bigint' },
    updatedAt: { type: EpochMsType },
  },
})

/** Units of `quote` per unit of `base`, as of a time; the rate is decimal text (exact). */
export class ExchangeRate {
  base!: string
  quote!: string
  asOf!: Date
  rate!: string
  createdAt!: Date
}

export const ExchangeRateSchema = new EntitySchema<ExchangeRate>({
  class: ExchangeRate,
  tableName: 'exchange_rate',
  properties: {
    base: { type: 'string', length: 3, primary: true },
    quote: { type: 'string', length: 3, primary: true },
    asOf: { type: EpochMsType, primary: true },
    rate: { type: 'string', length: 40 },
    createdAt: { type: EpochMsType },
  },
})

export class PricingRevision {
  id!: number
  revision!: number
}

export const PricingRevisionSchema = new EntitySchema<PricingRevision>({
  class: PricingRevision,
  tableName: 'pricing_revision',
  properties: {
    // One row, id 1, inserted by the migration: not a sequence.
    id: { type: 'integer', primary: true, autoincrement: false },
    revision: { type: 'bigint' },
  },
})

/** An order's prices as intake settled them: kept or priced, with each line's explanation and any mismatch. */
export class OrderPricing {
  orderId!: string
  currency!: string
  mode!: OrderPricingRecord['mode']
  ruleSetVersionId?: string | null
  lines!: unknown
  mismatches?: unknown
  createdAt!: Date
}

export const OrderPricingSchema = new EntitySchema<OrderPricing>({
  class: OrderPricing,
  tableName: 'order_pricing',
  properties: {
    orderId: foreignKey('Order', { primary: true }),
    currency: { type: 'string', length: 3 },
    mode: { type: 'string', length: 16 },
    ruleSetVersionId: { type: 'uuid', nullable: true },
    lines: { type: 'json' },
    mismatches: { type: 'json', nullable: true },
    createdAt: { type: EpochMsType },
  },
})

export const pricingEntities = [
  PriceListSchema,
  PriceListPriceSchema,
  SkuCostSchema,
  ExchangeRateSchema,
  PricingRevisionSchema,
  OrderPricingSchema,
]
