import type { ServiceLevel } from '@switchyard/plugin-sdk'

export const weekdays = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const
export type Weekday = (typeof weekdays)[number]

/** Monday first, as people read a week; the order shipping and delivery days are stored and shown in. */
export const weekOrder: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']

/** The given weekdays once each, Monday first. */
export function inWeekOrder(days: readonly Weekday[]): Weekday[] {
  return weekOrder.filter((d) => days.includes(d))
}

/** A carrier's non-delivery days when its lane names no calendar, or transit is estimated: the weekend. */
export const defaultNonDeliveryDays: readonly Weekday[] = ['sat', 'sun']

/**
 * A carrier's rate and transit for one service level, from a location (or any location) to a
 * destination zone: a country, optionally narrowed to a region or a postcode prefix.
 */
export interface CarrierLane {
  id: string
  carrier: string
  serviceLevel: ServiceLevel
  /** Null: from any location in the destination country (a domestic lane). */
  originLocationId: string | null
  destCountry: string
  destRegion: string | null
  /** Upper case, no spaces: '60' matches 6011. */
  destPostcodePrefix: string | null
  transitDays: number
  costMinor: number
  currency: string
  calendarId: string | null
}

/** Days a carrier does not deliver (and does not collect on holidays). */
export interface CarrierCalendar {
  id: string
  name: string
  /** Weekdays a parcel in transit waits: promise dates skip them. At least one weekday stays open. */
  nonDeliveryDays: Weekday[]
  /** Local dates, YYYY-MM-DD. */
  holidays: string[]
}

/** Everything promise dates and shipping costs are computed from, held in memory. */
export interface CarrierNetwork {
  lanes: readonly CarrierLane[]
  calendars: ReadonlyMap<string, CarrierCalendar>
}

export const emptyNetwork: CarrierNetwork = { lanes: [], calendars: new Map() }
