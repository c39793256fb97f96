import { EntitySchema } from '@mikro-orm/core'
import { EpochMsType } from '../db/epoch-ms-type'

export const roles = ['admin', 'analyst', 'integrator', 'viewer'] as const
export type Role = (typeof roles)[number]

/** An API key. Only a SHA-256 of the secret is stored; the key itself is shown once, at creation. */
export class ApiKey {
  id!: string
  name!: string
  /** The public part of the key, used to find the row. */
  prefix!: string
  hash!: string
  role!: Role
  /** When set, the key may only act on this channel instance's orders. */
  channelInstanceId?: string | null
  createdAt!: Date
  lastUsedAt?: Date | null
  revokedAt?: Date | null
}

export const ApiKeySchema = new EntitySchema<ApiKey>({
  class: ApiKey,
  tableName: 'api_key',
  uniques: [{ properties: ['prefix'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    name: { type: 'string', length: 200 },
    prefix: { type: 'string', length: 32 },
    hash: { type: 'string', length: 64 },
    role: { type: 'string', length: 20 },
    channelInstanceId: { type: 'string', length: 64, nullable: true },
    createdAt: { type: EpochMsType },
    lastUsedAt: { type: EpochMsType, nullable: true },
    revokedAt: { type: EpochMsType, nullable: true },
  },
})
