import { EntitySchema } from '@mikro-orm/core'
import { EpochMsType } from '../db/epoch-ms-type'
import type { Weekday } from './carrier-network'
import type { LocationType } from './location-types'

/** What a location does unless told otherwise: hands parcels to carriers Monday to Friday… */
export const defaultShipDays: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri']
/** …until 15:00 local time. */
export const defaultCutoffTime = '15:00'

export class Location {
  id!: string
  name!: string
  type!: LocationType
  line1?: string | null
  city?: string | null
  region?: string | null
  postcode?: string | null
  country!: string
  lat!: number
  lon!: number
  /** IANA zone: cut-off times are local to the location. */
  timezone!: string
  tags: string[] = []
  /** Orders per local day this location can take; null is unlimited. */
  dailyCapacity?: number | null
  /** Local "HH:MM" after which an order ships on the next ship day. */
  cutoffTime = defaultCutoffTime
  /** Weekdays the location hands parcels to carriers (carrier holidays excepted), Monday first. */
  shipDays: Weekday[] = [...defaultShipDays]
  handlingDays = 0
  active = true
  acceptsReturns = true
  /** Click and collect: customers may collect orders here (issue 20). */
  acceptsPickup = false
  /** Lower wins when everything else is equal. */
  priority = 100
  /** The WMS plugin instance that receives this location's fulfilment requests. */
  wmsInstanceId?: string | null
  /**
   * Added to the shipping cost of every shipment from here, in minor units of its lanes' currency:
   * a drop-ship supplier's fee per purchase order (issue 20).
   */
  shipmentFeeMinor = 0
  /** Stock whose newest feed snapshot is older than this many hours is not sold; null: never ages. */
  feedMaxAgeHours?: number | null
  createdAt: Date = new Date()
  updatedAt: Date = new Date()
}

export const LocationSchema = new EntitySchema<Location>({
  class: Location,
  tableName: 'location',
  properties: {
    id: { type: 'string', length: 64, primary: true },
    name: { type: 'string', length: 200 },
    type: { type: 'string', length: 20 },
    line1: { type: 'string', length: 300, nullable: true },
    city: { type: 'string', length: 120, nullable: true },
    region: { type: 'string', length: 120, nullable: true },
    postcode: { type: 'string', length: 20, nullable: true },
    country: { type: 'string', length: 2 },
    lat: { type: 'double' },
    lon: { type: 'double' },
    timezone: { type: 'string', length: 64 },
    tags: { type: 'json' },
    dailyCapacity: { type: 'integer', nullable: true },
    cutoffTime: { type: 'string', length: 5, default: defaultCutoffTime },
    shipDays: { type: 'json', default: JSON.stringify(defaultShipDays) },
    handlingDays: { type: 'integer', default: 0 },
    active: { type: 'boolean', default: true },
    acceptsReturns: { type: 'boolean', default: true },
    acceptsPickup: { type: 'boolean', default: false },
    priority: { type: 'integer', default: 100 },
    wmsInstanceId: { type: 'string', length: 64, nullable: true },
    shipmentFeeMinor: { type: 'integer', default: 0 },
    feedMaxAgeHours: { type: 'integer', nullable: true },
    createdAt: { type: EpochMsType },
    updatedAt: { type: EpochMsType },
  },
})
