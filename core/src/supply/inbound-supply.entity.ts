import { EntitySchema } from '@mikro-orm/core'
import { EpochMsType } from '../db/epoch-ms-type'
import { foreignKey } from '../db/foreign-key'

export const inboundStatuses = ['open', 'received', 'cancelled'] as const
export type InboundStatus = (typeof inboundStatuses)[number]

/**
 * Stock on its way to a location: a purchase order or inbound shipment expected on a date
 * (`expectedDate`, the location's local calendar day). `open` until everything expected was
 * received (or a person cancels it); what was received is on hand. Pre-orders may be sold against
 * what it still brings (see preorder-claims.ts).
 */
export class InboundSupply {
  id!: string
  sku!: string
  locationId!: string
  quantityExpected!: number
  quantityReceived = 0
  expectedDate!: string
  status!: InboundStatus
  /** Who told the hub: `api`, or the plugin instance whose `inbound.expected` it was. */
  source!: string
  /** The sender's own reference (PO number, ASN id); one supply per source and reference. */
  externalRef?: string | null
  createdAt!: Date
  updatedAt!: Date
}

export const InboundSupplySchema = new EntitySchema<InboundSupply>({
  class: InboundSupply,
  tableName: 'inbound_supply',
  uniques: [{ properties: ['source', 'externalRef'] }],
  indexes: [{ properties: ['sku', 'status', 'expectedDate'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    sku: foreignKey('Product'),
    locationId: foreignKey('Location'),
    quantityExpected: { type: 'integer' },
    quantityReceived: { type: 'integer', default: 0 },
    expectedDate: { type: 'string', length: 10 },
    status: { type: 'string', length: 16 },
    source: { type: 'string', length: 64 },
    externalRef: { type: 'string', length: 120, nullable: true },
    createdAt: { type: EpochMsType },
    updatedAt: { type: EpochMsType },
  },
})
