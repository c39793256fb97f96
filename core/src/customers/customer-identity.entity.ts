import { EntitySchema } from '@mikro-orm/core'
import { EpochMsType } from '../db/epoch-ms-type'
import { foreignKey } from '../db/foreign-key'
import type { IdentifierKind } from './customer-identity'

/** One identifier of a customer (an email, or a channel's own account id), bound to one record. */
export class CustomerIdentityRow {
  value!: string
  kind!: IdentifierKind
  /** '' for an email, which spans channels. */
  channelInstanceId!: string
  customerId!: string
  createdAt: Date = new Date()
}

export const CustomerIdentitySchema = new EntitySchema<CustomerIdentityRow>({
  class: CustomerIdentityRow,
  tableName: 'customer_identity',
  indexes: [{ properties: ['customerId'] }],
  properties: {
    value: { type: 'string', length: 320, primary: true },
    kind: { type: 'string', length: 16, primary: true },
    channelInstanceId: { type: 'string', length: 64, primary: true },
    customerId: foreignKey('Customer'),
    createdAt: { type: EpochMsType },
  },
})
