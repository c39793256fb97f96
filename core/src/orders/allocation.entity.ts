import { EntitySchema } from '@mikro-orm/core'
import { EpochMsType } from '../db/epoch-ms-type'
import { foreignKey } from '../db/foreign-key'

export type AllocationStatus = 'allocated' | 'released' | 'shipped' | 'cancelled'

/**
 * Stock of one location committed to one order line. `sku` is the line's: for a kit, the units
 * are its components' at that location (the stock writer moves them), so there is no stock row
 * of the kit itself to point at.
 */
export class Allocation {
  id!: string
  orderId!: string
  lineId!: string
  sku!: string
  locationId!: string
  quantity!: number
  status!: AllocationStatus
  fulfilmentId?: string | null
  /** The channel pool the units were taken from, if any (given back on cancellation). */
  poolId?: string | null
  createdAt!: Date
  updatedAt!: Date
}

export const AllocationSchema = new EntitySchema<Allocation>({
  class: Allocation,
  tableName: 'allocation',
  indexes: [{ properties: ['orderId'] }, { properties: ['fulfilmentId'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    orderId: foreignKey('Order', { withinOrder: true }),
    lineId: foreignKey('OrderLine', { withinOrder: true }),
    sku: { type: 'string', length: 120 },
    locationId: { type: 'string', length: 64 },
    quantity: { type: 'integer' },
    status: { type: 'string', length: 16 },
    fulfilmentId: foreignKey('Fulfilment', { nullable: true, withinOrder: true }),
    poolId: { type: 'uuid', nullable: true },
    createdAt: { type: EpochMsType },
    updatedAt: { type: EpochMsType },
  },
})
