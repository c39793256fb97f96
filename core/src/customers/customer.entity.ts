import { EntitySchema } from '@mikro-orm/core'
import { EpochMsType } from '../db/epoch-ms-type'

export class Customer {
  id!: string
  email?: string | null
  name?: string | null
  phone?: string | null
  tier?: string | null
  segment?: string | null
  /** Set when this record turned out to be the same person as another: the one that holds everything now. */
  mergedInto?: string | null
  createdAt: Date = new Date()
  updatedAt: Date = new Date()
}

export const CustomerSchema = new EntitySchema<Customer>({
  class: Customer,
  tableName: 'customer',
  indexes: [
    // The orders list's search by name (Migration20261206070000_order_search).
    {
      name: 'customer_name_lower_idx',
      expression: 'create index customer_name_lower_idx on customer (lower(name))',
    },
  ],
  properties: {
    id: { type: 'uuid', primary: true },
    email: { type: 'string', length: 320, nullable: true },
    name: { type: 'string', length: 200, nullable: true },
    phone: { type: 'string', length: 40, nullable: true },
    tier: { type: 'string', length: 60, nullable: true },
    segment: { type: 'string', length: 60, nullable: true },
    mergedInto: { type: 'uuid', nullable: true },
    createdAt: { type: EpochMsType },
    updatedAt: { type: EpochMsType },
  },
})
