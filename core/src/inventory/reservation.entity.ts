import { EntitySchema } from '@mikro-orm/core'
import { EpochMsType } from '../db/epoch-ms-type'
import { compositeForeignKey, foreignKey } from '../db/foreign-key'
import type { ForeignKeyOnly } from '../db/row-of'

export type ReservationStatus = 'active' | 'converted' | 'released' | 'expired'

/** Shared stock held for a channel until `expiresAt` (a cart, a POS sale); see reservations.ts. */
export class Reservation {
  id!: string
  channelInstanceId!: string
  status!: ReservationStatus
  reference?: string | null
  expiresAt!: Date
  /** The order that converted it. */
  orderId?: string | null
  createdAt!: Date
  updatedAt!: Date
}

export const ReservationSchema = new EntitySchema<Reservation>({
  class: Reservation,
  tableName: 'reservation',
  indexes: [{ properties: ['status', 'expiresAt'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    channelInstanceId: { type: 'string', length: 64 },
    status: { type: 'string', length: 16 },
    reference: { type: 'string', length: 200, nullable: true },
    expiresAt: { type: EpochMsType },
    orderId: { type: 'uuid', nullable: true },
    createdAt: { type: EpochMsType },
    updatedAt: { type: EpochMsType },
  },
})

export class ReservationLine {
  id!: string
  reservationId!: string
  sku!: string
  locationId!: string
  quantity!: number
  /** The stock row (sku, location) held: the foreign key only, never read. */
  stock?: ForeignKeyOnly
}

export const ReservationLineSchema = new EntitySchema<ReservationLine>({
  class: ReservationLine,
  tableName: 'reservation_line',
  indexes: [{ properties: ['reservationId'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    reservationId: foreignKey('Reservation'),
    sku: { type: 'string', length: 120 },
    locationId: { type: 'string', length: 64 },
    quantity: { type: 'integer' },
    stock: compositeForeignKey('InventoryLevel', ['sku', 'location_id']),
  },
})
