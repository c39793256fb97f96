import type { CarrierCalendar, Weekday } from '../../catalog/carrier-network'
import { weekdays } from '../../catalog/carrier-network'

/** Local calendar dates as day numbers (days since 1970-01-01), so date arithmetic needs no time zone. */
export function dayNumber(date: string): number {
  return Math.floor(
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000,
  )
}

/** YYYY-MM-DD of a day number (Howard Hinnant's civil_from_days; no Date object). */
export function dateOf(day: number): string {
  const z = day + 719_468
  const era = Math.floor(z / 146_097)
  const doe = z - era * 146_097
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  )
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1
  const m = mp < 10 ? mp + 3 : mp - 9
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0)
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`
}

export function weekdayOf(day: number): Weekday {
  // 1970-01-01 was a Thursday.
  return weekdays[(((day + 4) % 7) + 7) % 7]!
}

export interface LocalTime {
  date: string
  day: number
  minutes: number
  weekday: Weekday
  hour: number
}

const formatters = new Map<string, Intl.DateTimeFormat>()
const cache = new Map<string, { at: number; value: LocalTime }>()

/** Wall-clock date and time at `ms` in an IANA zone. Cached per zone and minute. */
export function localTime(ms: number, timeZone: string): LocalTime {
  const minute = Math.floor(ms / 60_000)
  const hit = cache.get(timeZone)
  if (hit && hit.at === minute) return hit.value
  let fmt = formatters.get(timeZone)
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
    formatters.set(timeZone, fmt)
  }
  const parts: Record<string, string> = {}
  for (const p of fmt.formatToParts(new Date(ms))) parts[p.type] = p.value
  const date = `${parts.year}-${parts.month}-${parts.day}`
  const day = dayNumber(date)
  const hour = Number(parts.hour)
  const value = { date, day, hour, minutes: hour * 60 + Number(parts.minute), weekday: weekdayOf(day) }
  cache.set(timeZone, { at: minute, value })
  return value
}

const WORKWEEK: readonly Weekday[] = ['sat', 'sun']
const holidayDays = new WeakMap<CarrierCalendar, Set<number>>()

function isHoliday(day: number, calendar: CarrierCalendar | undefined): boolean {
  if (!calendar || calendar.holidays.length === 0) return false
  let set = holidayDays.get(calendar)
  if (!set) {
    set = new Set(calendar.holidays.map(dayNumber))
    holidayDays.set(calendar, set)
  }
  return set.has(day)
}

/** Whether a location can hand parcels to the carrier that day: weekdays that are not carrier holidays. */
export function isShippingDay(day: number, calendar: CarrierCalendar | undefined): boolean {
  if (WORKWEEK.includes(weekdayOf(day))) return false
  return !isHoliday(day, calendar)
}

/** Whether the carrier delivers that day. */
export function isDeliveryDay(day: number, calendar: CarrierCalendar | undefined): boolean {
  const off = calendar?.nonDeliveryDays ?? WORKWEEK
  if (off.includes(weekdayOf(day))) return false
  return !isHoliday(day, calendar)
}

export interface PromiseDates {
  shipDate: string
  promiseDate: string
  /** True when the order missed today's cut-off (or today is not a shipping day). */
  pastCutoff: boolean
}

/**
 * Ship date: today in the location's zone if before its cut-off and a shipping day, else the next
 * shipping day; then `handlingDays` more shipping days. Promise date: `transitDays` delivery days
 * after the ship date, skipping the carrier's non-delivery days and holidays.
 */
export function promiseDates(
  nowMs: number,
  location: { timezone: string; cutoffTime: string; handlingDays: number },
  transitDays: number,
  calendar: CarrierCalendar | undefined,
): PromiseDates {
  const local = localTime(nowMs, location.timezone)
  const [h, m] = location.cutoffTime.split(':').map(Number) as [number, number]
  let day = local.day
  let pastCutoff = false
  if (local.minutes >= h * 60 + m || !isShippingDay(day, calendar)) {
    pastCutoff = true
    day++
    while (!isShippingDay(day, calendar)) day++
  }
  for (let i = 0; i < location.handlingDays; i++) {
    day++
    while (!isShippingDay(day, calendar)) day++
  }
  const ship = day
  let left = Math.max(0, Math.ceil(transitDays))
  while (left > 0) {
    day++
    if (isDeliveryDay(day, calendar)) left--
  }
  return { shipDate: dateOf(ship), promiseDate: dateOf(day), pastCutoff }
}
