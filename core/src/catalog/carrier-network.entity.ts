import { EntitySchema } from '@mikro-orm/core'
import type { ServiceLevel } from '@switchyard/plugin-sdk'
import { EpochMsType } from '../db/epoch-ms-type'
import { foreignKey } from '../db/foreign-key'

export class CarrierCalendarRow {
  id!: string
  name!: string
  nonDeliveryDays!: string[]
  holidays!: string[]
  createdAt!: Date
  updatedAt!: Date
}

export const CarrierCalendarSchema = new EntitySchema<CarrierCalendarRow>({
  class: CarrierCalendarRow,
  tableName: 'carrier_calendar',
  properties: {
    id: { type: 'string', length: 64, primary: true },
    name: { type: 'string', length: 200 },
    nonDeliveryDays: { type: 'json' },
    holidays: { type: 'json' },
    createdAt: { type: EpochMsType },
    updatedAt: { type: EpochMsType },
  },
})

export class CarrierLaneRow {
  id!: string
  carrier!: string
  serviceLevel!: ServiceLevel
  originLocationId?: string | null
  destCountry!: string
  destRegion?: string | null
  destPostcodePrefix?: string | null
  transitDays!: number
  costMinor!: number
  currency!: string
  calendarId?: string | null
  createdAt!: Date
  updatedAt!: Date
}

export const CarrierLaneSchema = new EntitySchema<CarrierLaneRow>({
  class: CarrierLaneRow,
  tableName: 'carrier_lane',
  indexes: [{ properties: ['serviceLevel', 'destCountry'] }],
  properties: {
    id: { type: 'string', length: 64, primary: true },
    carrier: { type: 'string', length: 100 },
    serviceLevel: { type: 'string', length: 20 },
    originLocationId: foreignKey('Location', { nullable: true }),
    destCountry: { type: 'string', length: 2 },
    destRegion: { type: 'string', length: 120, nullable: true },
    destPostcodePrefix: { type: 'string', length: 20, nullable: true },
    transitDays: { type: 'integer' },
    costMinor: { type: 'bigint' },
    currency: { type: 'string', length: 3 },
    calendarId: foreignKey('CarrierCalendarRow', { nullable: true }),
    createdAt: { type: EpochMsType },
    updatedAt: { type: EpochMsType },
  },
})
