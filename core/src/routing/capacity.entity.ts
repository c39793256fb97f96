import { EntitySchema } from '@mikro-orm/core'
import { EpochMsType } from '../db/epoch-ms-type'
import { foreignKey } from '../db/foreign-key'

/** Orders a location took on one of its local days: the daily-capacity counter. */
export class LocationDayLoad {
  locationId!: string
  day!: string
  orders = 0
  updatedAt!: Date
}

export const LocationDayLoadSchema = new EntitySchema<LocationDayLoad>({
  class: LocationDayLoad,
  tableName: 'location_day_load',
  properties: {
    locationId: foreignKey('Location', { primary: true }),
    day: { type: 'string', length: 10, primary: true },
    orders: { type: 'integer', default: 0 },
    updatedAt: { type: EpochMsType },
  },
})

/** A location that rejected an order: re-routing never sends the order there again. */
export class LocationRejection {
  orderId!: string
  locationId!: string
  reason?: string | null
  createdAt!: Date
}

export const LocationRejectionSchema = new EntitySchema<LocationRejection>({
  class: LocationRejection,
  tableName: 'location_rejection',
  properties: {
    orderId: foreignKey('Order', { primary: true }),
    locationId: { type: 'string', length: 64, primary: true },
    reason: { type: 'text', nullable: true },
    createdAt: { type: EpochMsType },
  },
})
