import type { CarrierCalendar, Weekday } from '../../catalog/carrier-network'
import { defaultNonDeliveryDays, weekdays } from '../../catalog/carrier-network'

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

/** Whether a location can hand parcels to the carrier that day: one of its ship days, not a carrier holiday. */
export function isShippingDay(
  day: number,
  shipDays: readonly Weekday[],
  calendar: CarrierCalendar | undefined,
): boolean {
  if (!shipDays.includes(weekdayOf(day))) return false
  return !isHoliday(day, calendar)
}

/** Whether the carrier delivers that day: not one of its non-delivery weekdays (default the weekend), not a holiday. */
export function isDeliveryDay(day: number, calendar: CarrierCalendar | undefined): boolean {
  const off = calendar?.nonDeliveryDays ?? defaultNonDeliveryDays
  if (off.includes(weekdayOf(day))) return false
  return !isHoliday(day, calendar)
}

/** Ten years: a calendar with no open day in that span is broken data, not a reason to spin forever. */
const SEARCH_LIMIT = 3_653

/** The first day after `day` that `open` accepts. */
function nextOpen(day: number, open: (d: number) => boolean): number {
  for (let d = day + 1; d <= day + SEARCH_LIMIT; d++) if (open(d)) return d
  throw new Error(`no open day within ten years of ${dateOf(day)}: check ship days and carrier calendar`)
}

export interface PromiseDates {
  shipDate: string
  promiseDate: string
  /** True when the order missed the cut-off (or it came in on a day the location does not ship). */
  pastCutoff: boolean
}

/** What promise dates need of a location. */
export interface ShippingSchedule {
  timezone: string
  /** Local "HH:MM". */
  cutoffTime: string
  handlingDays: number
  shipDays: readonly Weekday[]
}

/**
 * Ship date: the day `atMs` falls on in the location's zone if before its cut-off and one of its
 * ship days, else its next ship day; then `handlingDays` more ship days. Carrier holidays are
 * never ship days. Promise date: `transitDays` delivery days after the ship date, skipping the
 * carrier's non-delivery weekdays and holidays (for zero days, the first delivery day from the ship
 * date when the lane has a carrier calendar). `atMs` is when the order was placed: now at
 * intake, the order's `placedAt` in simulations and backtests.
 */
export function promiseDates(
  atMs: number,
  location: ShippingSchedule,
  transitDays: number,
  calendar: CarrierCalendar | undefined,
): PromiseDates {
  const local = localTime(atMs, location.timezone)
  const [h, m] = location.cutoffTime.split(':').map(Number) as [number, number]
  const ships = (d: number) => isShippingDay(d, location.shipDays, calendar)
  let day = local.day
  let pastCutoff = false
  if (local.minutes >= h * 60 + m || !ships(day)) {
    pastCutoff = true
    day = nextOpen(day, ships)
  }
  for (let i = 0; i < location.handlingDays; i++) day = nextOpen(day, ships)
  const ship = day
  const delivers = (d: number) => isDeliveryDay(d, calendar)
  const transit = Math.max(0, Math.ceil(transitDays))
  // A same-day lane still needs a day its carrier delivers. Without a carrier calendar (pickup,
  // estimates) nothing says the carrier is idle, so the ship day stands.
  if (transit === 0 && calendar && !delivers(day)) day = nextOpen(day, delivers)
  for (let left = transit; left > 0; left--) day = nextOpen(day, delivers)
  return { shipDate: dateOf(ship), promiseDate: dateOf(day), pastCutoff }
}
