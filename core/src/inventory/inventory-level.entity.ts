import { EntitySchema } from '@mikro-orm/core'
import { EpochMsType } from '../db/epoch-ms-type'
import { foreignKey } from '../db/foreign-key'

/** Stock of one sku at one location. ATP = onHand − allocated − reserved − safetyStock − protected. */
export class InventoryLevel {
  sku!: string
  locationId!: string
  onHand = 0
  allocated = 0
  reserved = 0
  safetyStock = 0
  /** Units of location pools still held for their channel (see ChannelPool). */
  protected = 0
  /** asOf of the newest WMS snapshot applied, so an older one never overwrites it. */
  snapshotAt?: Date | null
  updatedAt: Date = new Date()
}

export const InventoryLevelSchema = new EntitySchema<InventoryLevel>({
  class: InventoryLevel,
  tableName: 'inventory_level',
  properties: {
    sku: foreignKey('Product', { primary: true }),
    locationId: foreignKey('Location', { primary: true }),
    onHand: { type: 'integer', default: 0 },
    allocated: { type: 'integer', default: 0 },
    reserved: { type: 'integer', default: 0 },
    safetyStock: { type: 'integer', default: 0 },
    protected: { type: 'integer', default: 0 },
    snapshotAt: { type: EpochMsType, nullable: true },
    updatedAt: { type: EpochMsType },
  },
})
