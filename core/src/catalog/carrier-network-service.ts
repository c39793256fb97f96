import type { ServiceLevel } from '@switchyard/plugin-sdk'
import type { RowOf } from '../db/row-of'
import type { SqlDb } from '../db/sql/sql-db'
import { readJson } from '../db/sql/sql-db'
import { ValidationError } from '../errors'
import {
  type CarrierCalendar,
  type CarrierLane,
  type CarrierNetwork,
  inWeekOrder,
  type Weekday,
} from './carrier-network'
import type { CarrierCalendarSchema, CarrierLaneSchema } from './carrier-network.entity'
import { currencyExponent } from './money'

export interface LaneInput {
  id: string
  carrier: string
  serviceLevel: ServiceLevel
  originLocationId?: string | null
  destCountry: string
  destRegion?: string | null
  destPostcodePrefix?: string | null
  transitDays: number
  /** Decimal string in `currency`, e.g. "8.50". */
  cost: string
  currency: string
  calendarId?: string | null
}

type LaneRow = Omit<RowOf<typeof CarrierLaneSchema>, 'created_at' | 'updated_at'>

/** Carrier lanes and calendars: the data promise dates and shipping costs come from. */
export class CarrierNetworkService {
  constructor(private readonly db: SqlDb) {}

  async load(): Promise<CarrierNetwork> {
    const [lanes, calendars] = await Promise.all([
      this.db.all<LaneRow>(
        `select id, carrier, service_level, origin_location_id, dest_country, dest_region, dest_postcode_prefix,
                transit_days, cost_minor, currency, calendar_id from carrier_lane order by id`,
      ),
      this.listCalendars(),
    ])
    return { lanes: lanes.map(toLane), calendars: new Map(calendars.map((c) => [c.id, c])) }
  }

  /** Lanes as the API lists them, with when each was last written (an integrator's incremental sync). */
  async listLanes(): Promise<(CarrierLane & { updatedAt: string })[]> {
    const rows = await this.db.all<LaneRow & { updated_at: number | string }>(
      `select id, carrier, service_level, origin_location_id, dest_country, dest_region, dest_postcode_prefix,
              transit_days, cost_minor, currency, calendar_id, updated_at from carrier_lane order by id`,
    )
    return rows.map((r) => ({ ...toLane(r), updatedAt: new Date(Number(r.updated_at)).toISOString() }))
  }

  /** Calendars, with when each was last written. */
  async listCalendars(): Promise<(CarrierCalendar & { updatedAt: string })[]> {
    const rows = await this.db.all<Omit<RowOf<typeof CarrierCalendarSchema>, 'created_at'>>(
      'select id, name, non_delivery_days, holidays, updated_at from carrier_calendar order by id',
    )
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      nonDeliveryDays: readJson<Weekday[]>(r.non_delivery_days),
      holidays: readJson<string[]>(r.holidays),
      updatedAt: new Date(Number(r.updated_at)).toISOString(),
    }))
  }

  async upsertCalendars(items: readonly CarrierCalendar[], now = Date.now()): Promise<number> {
    // A carrier that never delivers would leave every promise date unreachable.
    const issues = items.flatMap((c, i) =>
      inWeekOrder(c.nonDeliveryDays).length === 7
        ? [{ field: `items[${i}].nonDeliveryDays`, message: 'leave at least one delivery weekday' }]
        : [],
    )
    if (issues.length > 0)
      throw new ValidationError('a carrier calendar must deliver on some weekday', issues)
    return this.db.transaction(async (tx) => {
      for (const c of items) {
        await tx.run(
          `insert into carrier_calendar (id, name, non_delivery_days, holidays, created_at, updated_at) values (?, ?, ?, ?, ?, ?)
           on conflict (id) do update set name = excluded.name, non_delivery_days = excluded.non_delivery_days,
             holidays = excluded.holidays, updated_at = excluded.updated_at`,
          [
            c.id,
            c.name,
            JSON.stringify(inWeekOrder(c.nonDeliveryDays)),
            JSON.stringify([...c.holidays].sort()),
            now,
            now,
          ],
        )
      }
      return items.length
    })
  }

  /** Replaces lanes by id, all or nothing; unknown origins or calendars are refused naming the field. */
  async upsertLanes(items: readonly LaneInput[], now = Date.now()): Promise<number> {
    const locations = new Set((await this.db.all<{ id: string }>('select id from location')).map((r) => r.id))
    const calendars = new Set(
      (await this.db.all<{ id: string }>('select id from carrier_calendar')).map((r) => r.id),
    )
    const issues = items.flatMap((l, i) => [
      ...(l.originLocationId && !locations.has(l.originLocationId)
        ? [{ field: `items[${i}].originLocationId`, message: `unknown location '${l.originLocationId}'` }]
        : []),
      ...(l.calendarId && !calendars.has(l.calendarId)
        ? [{ field: `items[${i}].calendarId`, message: `unknown carrier calendar '${l.calendarId}'` }]
        : []),
    ])
    const costs = items.map((l, i) => {
      try {
        return toMinor(l.cost, l.currency)
      } catch (error) {
        issues.push({ field: `items[${i}].cost`, message: (error as Error).message })
        return 0
      }
    })
    if (issues.length > 0)
      throw new ValidationError('lanes reference unknown data', issues, 'UNKNOWN_REFERENCE')
    return this.db.transaction(async (tx) => {
      for (const [i, l] of items.entries()) {
        await tx.run(
          `insert into carrier_lane (id, carrier, service_level, origin_location_id, dest_country, dest_region, dest_postcode_prefix,
             transit_days, cost_minor, currency, calendar_id, created_at, updated_at)
           values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
           on conflict (id) do update set carrier = excluded.carrier, service_level = excluded.service_level,
             origin_location_id = excluded.origin_location_id, dest_country = excluded.dest_country,
             dest_region = excluded.dest_region, dest_postcode_prefix = excluded.dest_postcode_prefix,
             transit_days = excluded.transit_days, cost_minor = excluded.cost_minor, currency = excluded.currency,
             calendar_id = excluded.calendar_id, updated_at = excluded.updated_at`,
          [
            l.id,
            l.carrier,
            l.serviceLevel,
            l.originLocationId ?? null,
            l.destCountry,
            l.destRegion ?? null,
            l.destPostcodePrefix ? l.destPostcodePrefix.replace(/\s+/g, '').toUpperCase() : null,
            l.transitDays,
            costs[i]!,
            l.currency,
            l.calendarId ?? null,
            now,
            now,
          ],
        )
      }
      return items.length
    })
  }

  async deleteLane(id: string): Promise<boolean> {
    return (await this.db.run('delete from carrier_lane where id = ?', [id])) === 1
  }
}

function toMinor(decimal: string, currency: string): number {
  const exp = currencyExponent(currency)
  if (!/^\d+(\.\d+)?$/.test(decimal)) throw new Error(`'${decimal}' is not a decimal amount`)
  const [whole, frac = ''] = decimal.split('.')
  if (frac.length > exp) throw new Error(`${currency} has ${exp} decimals`)
  return Number(whole) * 10 ** exp + Number(frac.padEnd(exp, '0') || 0)
}

function toLane(r: LaneRow): CarrierLane {
  return {
    id: r.id,
    carrier: r.carrier,
    serviceLevel: r.service_level,
    originLocationId: r.origin_location_id,
    destCountry: r.dest_country,
    destRegion: r.dest_region,
    destPostcodePrefix: r.dest_postcode_prefix,
    transitDays: Number(r.transit_days),
    costMinor: Number(r.cost_minor),
    currency: r.currency,
    calendarId: r.calendar_id,
  }
}
