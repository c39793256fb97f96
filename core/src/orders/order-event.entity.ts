import { EntitySchema } from '@mikro-orm/core'
import { EpochMsType } from '../db/epoch-ms-type'
import { foreignKey } from '../db/foreign-key'

/** The order's history: every status change and notable thing that happened to it. */
export class OrderEvent {
  id!: string
  orderId!: string
  type!: string
  fromStatus?: string | null
  toStatus?: string | null
  data?: Record<string, unknown> | null
  actor?: string | null
  createdAt!: Date
}

export const OrderEventSchema = new EntitySchema<OrderEvent>({
  class: OrderEvent,
  tableName: 'order_event',
  indexes: [{ properties: ['orderId'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    orderId: foreignKey('Order', { withinOrder: true }),
    type: { type: 'string', length: 40 },
    fromStatus: { type: 'string', length: 24, nullable: true },
    toStatus: { type: 'string', length: 24, nullable: true },
    data: { type: 'json', nullable: true },
    actor: { type: 'string', length: 100, nullable: true },
    createdAt: { type: EpochMsType },
  },
})
