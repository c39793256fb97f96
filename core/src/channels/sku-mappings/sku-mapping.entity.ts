import { EntitySchema } from '@mikro-orm/core'
import { EpochMsType } from '../../db/epoch-ms-type'
import { foreignKey } from '../../db/foreign-key'

/**
 * One channel listing named in the hub's terms: the channel's sku (or listing id) on one channel
 * instance stands for `multiplier` units of the hub's sku (a channel "6-pack" = 6 × hub sku).
 * Written only by `sku-mapping-store.ts`.
 */
export class SkuMapping {
  channelInstanceId!: string
  channelSku!: string
  hubSku!: string
  multiplier = 1
  createdAt!: Date
  updatedAt!: Date
}

export const SkuMappingSchema = new EntitySchema<SkuMapping>({
  class: SkuMapping,
  tableName: 'sku_mapping',
  // The stock push and the admin API ask "which listings sell this hub sku".
  indexes: [{ properties: ['hubSku'] }],
  properties: {
    channelInstanceId: { type: 'string', length: 64, primary: true },
    // 120 like every sku column: the channel's sku is what channel_stock_pushed records it was told.
    channelSku: { type: 'string', length: 120, primary: true },
    hubSku: foreignKey('Product'),
    multiplier: { type: 'integer', default: 1 },
    createdAt: { type: EpochMsType },
    updatedAt: { type: EpochMsType },
  },
})
