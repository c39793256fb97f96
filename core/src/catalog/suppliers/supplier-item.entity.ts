import { EntitySchema } from '@mikro-orm/core'
import { EpochMsType } from '../../db/epoch-ms-type'
import { foreignKey } from '../../db/foreign-key'

/**
 * What a drop-ship supplier (a `dropship` location) says about one of the hub's skus: what one unit
 * costs the merchant (the routing cost weighs it) and the supplier's own part number (the 850
 * names it beside the hub's sku). Written only by `supplier-item-store.ts`.
 */
export class SupplierItem {
  locationId!: string
  sku!: string
  unitCostMinor?: number | null
  currency?: string | null
  supplierPartNumber?: string | null
  updatedAt!: Date
}

export const SupplierItemSchema = new EntitySchema<SupplierItem>({
  class: SupplierItem,
  tableName: 'supplier_item',
  properties: {
    locationId: foreignKey('Location', { primary: true }),
    sku: foreignKey('Product', { primary: true }),
    unitCostMinor: { type: 'bigint', nullable: true },
    currency: { type: 'string', length: 3, nullable: true },
    supplierPartNumber: { type: 'string', length: 48, nullable: true },
    updatedAt: { type: EpochMsType },
  },
})
