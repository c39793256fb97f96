import { EntitySchema } from '@mikro-orm/core'
import { EpochMsType } from '../db/epoch-ms-type'

export type AllocationStatus = 'allocated' | 'released' | 'shipped' | 'cancelled'

/** Stock of one location committed to one order line. */
export class Allocation {
  id!: string
  orderId!: string
  lineId!: string
  sku!: string
  locationId!: string
  quantity!: number
  status!: AllocationStatus
  fulfilmentId?: string | null
  createdAt!: Date
  updatedAt!: Date
}

export const AllocationSchema = new EntitySchema<Allocation>({
  class: Allocation,
  tableName: 'allocation',
  indexes: [{ properties: ['orderId'] }, { properties: ['fulfilmentId'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    orderId: { type: 'uuid' },
    lineId: { type: 'uuid' },
    sku: { type: 'string', length: 120 },
    locationId: { type: 'string', length: 64 },
    quantity: { type: 'integer' },
    status: { type: 'string', length: 16 },
    fulfilmentId: { type: 'uuid', nullable: true },
    createdAt: { type: EpochMsType },
    updatedAt: { type: EpochMsType },
  },
})
