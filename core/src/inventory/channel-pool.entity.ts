import { EntitySchema } from '@mikro-orm/core'
import { EpochMsType } from '../db/epoch-ms-type'
import { foreignKey } from '../db/foreign-key'

/**
 * Stock of one sku protected for one channel (at one location, or network-wide when `locationId`
 * is null), and optionally a cap on what the channel may take of shared stock (see pools.ts).
 */
export class ChannelPool {
  id!: string
  channelInstanceId!: string
  sku!: string
  /** Null: network-wide. */
  locationId?: string | null
  protectedQty = 0
  /** Protected units not yet taken. */
  remaining = 0
  /** Whether the channel may take shared stock once its pool is empty. */
  mayBorrow = true
  capUnits?: number | null
  capPercent?: number | null
  createdAt!: Date
  updatedAt!: Date
}

export const ChannelPoolSchema = new EntitySchema<ChannelPool>({
  class: ChannelPool,
  tableName: 'channel_pool',
  uniques: [{ properties: ['channelInstanceId', 'sku', 'locationId'] }],
  indexes: [{ properties: ['sku'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    channelInstanceId: { type: 'string', length: 64 },
    sku: foreignKey('Product'),
    locationId: foreignKey('Location', { nullable: true }),
    protectedQty: { type: 'integer', default: 0 },
    remaining: { type: 'integer', default: 0 },
    mayBorrow: { type: 'boolean', default: true },
    capUnits: { type: 'integer', nullable: true },
    capPercent: { type: 'double', nullable: true },
    createdAt: { type: EpochMsType },
    updatedAt: { type: EpochMsType },
  },
})
