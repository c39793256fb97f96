import { describe, expect, it } from 'vitest'
import type { CarrierCalendar } from '../../catalog/carrier-network'
import { defaultShipDays } from '../../catalog/location.entity'
import { dateOf, dayNumber, localTime, promiseDates, weekdayOf } from './calendar'

describe('calendar arithmetic', () => {
  it('converts day numbers and dates both ways, as Date does', () => {
    for (let d = -30_000; d < 60_000; d += 13) {
      const iso = new Date(d * 86_400_000).toISOString().slice(0, 10)
      expect(dateOf(d)).toBe(iso)
      expect(dayNumber(iso)).toBe(d)
    }
    expect(dateOf(dayNumber('2028-02-29') + 1)).toBe('2028-03-01')
    expect(weekdayOf(dayNumber('2026-11-26'))).toBe('thu')
  })

  it('reads wall-clock time in a zone, across daylight saving', () => {
    // 2026-09-27 02:00 NZST: clocks go forward to 03:00 NZDT.
    expect(localTime(Date.parse('2026-09-26T13:30:00Z'), 'Pacific/Auckland')).toMatchObject({
      date: '2026-09-27',
      hour: 1,
    })
    expect(localTime(Date.parse('2026-09-26T14:30:00Z'), 'Pacific/Auckland')).toMatchObject({
      date: '2026-09-27',
      hour: 3,
    })
    expect(localTime(Date.parse('2026-11-26T23:00:00Z'), 'America/New_York')).toMatchObject({
      date: '2026-11-26',
      hour: 18,
      weekday: 'thu',
    })
  })
})

describe('promise dates from ship days and carrier calendars', () => {
  const akl = {
    timezone: 'Pacific/Auckland',
    cutoffTime: '15:00',
    handlingDays: 0,
    shipDays: defaultShipDays,
  }
  // Friday 2026-11-27 17:00 NZDT (UTC+13), after the 15:00 cut-off.
  const fridayEvening = Date.parse('2026-11-27T04:00:00Z')
  // Saturday 2026-11-28 10:00 NZDT.
  const saturdayMorning = Date.parse('2026-11-27T21:00:00Z')
  const calendar = (nonDeliveryDays: CarrierCalendar['nonDeliveryDays'], holidays: string[] = []) => ({
    id: 'c',
    name: 'C',
    nonDeliveryDays,
    holidays,
  })

  it('ships Monday to Friday by default: Friday after cut-off ships Monday, delivers Tuesday', () => {
    expect(promiseDates(fridayEvening, akl, 1, undefined)).toEqual({
      shipDate: '2026-11-30',
      promiseDate: '2026-12-01',
      pastCutoff: true,
    })
    expect(promiseDates(saturdayMorning, akl, 1, undefined).shipDate).toBe('2026-11-30')
  })

  it('ships on Saturday from a location that ships Monday to Saturday', () => {
    const monToSat = { ...akl, shipDays: [...defaultShipDays, 'sat' as const] }
    expect(promiseDates(fridayEvening, monToSat, 1, undefined)).toEqual({
      shipDate: '2026-11-28',
      // No deliveries on Sunday (the default carrier calendar): Monday.
      promiseDate: '2026-11-30',
      pastCutoff: true,
    })
    expect(promiseDates(saturdayMorning, monToSat, 1, undefined)).toEqual({
      shipDate: '2026-11-28',
      promiseDate: '2026-11-30',
      pastCutoff: false,
    })
    // A carrier that delivers on Sunday brings it forward.
    expect(promiseDates(saturdayMorning, monToSat, 1, calendar(['sat'])).promiseDate).toBe('2026-11-29')
  })

  it('skips a ship day that is a carrier holiday, and days the location does not ship', () => {
    const tueThu = { ...akl, shipDays: ['tue' as const, 'thu' as const] }
    // Friday evening → next ship day Tuesday 1 Dec, a holiday → Thursday 3 Dec.
    expect(promiseDates(fridayEvening, tueThu, 0, calendar(['sat', 'sun'], ['2026-12-01']))).toMatchObject({
      shipDate: '2026-12-03',
      promiseDate: '2026-12-03',
    })
    // One handling day counts ship days only: Tuesday → Thursday.
    expect(promiseDates(fridayEvening, { ...tueThu, handlingDays: 1 }, 0, undefined).shipDate).toBe(
      '2026-12-03',
    )
  })

  it("moves delivery past a carrier's non-delivery weekdays, as it does past holidays", () => {
    // Ships Monday 30 Nov; one day in transit is Tuesday for any carrier.
    expect(promiseDates(fridayEvening, akl, 1, calendar(['sat', 'sun', 'mon'])).promiseDate).toBe(
      '2026-12-01',
    )
    // Ships Friday 4 Dec before cut-off: Monday by default, Tuesday for a carrier that does not deliver Mondays.
    const fridayNoon = Date.parse('2026-12-03T23:00:00Z')
    expect(promiseDates(fridayNoon, akl, 1, calendar(['sat', 'sun'])).promiseDate).toBe('2026-12-07')
    expect(promiseDates(fridayNoon, akl, 1, calendar(['sat', 'sun', 'mon'])).promiseDate).toBe('2026-12-08')
    // A carrier that delivers at the weekend but not on Mondays: two days land on Sunday, three on Tuesday.
    expect(promiseDates(fridayNoon, akl, 2, calendar(['mon'])).promiseDate).toBe('2026-12-06')
    expect(promiseDates(fridayNoon, akl, 3, calendar(['mon'])).promiseDate).toBe('2026-12-08')
    // A same-day lane: delivered the day it ships, unless its carrier does not deliver that day.
    expect(promiseDates(fridayEvening, akl, 0, calendar(['sat', 'sun'])).promiseDate).toBe('2026-11-30')
    expect(promiseDates(fridayEvening, akl, 0, calendar(['sat', 'sun', 'mon'])).promiseDate).toBe(
      '2026-12-01',
    )
    // No carrier calendar (pickup, estimates): the ship day, even a Saturday.
    const monToSat = { ...akl, shipDays: [...defaultShipDays, 'sat' as const] }
    expect(promiseDates(saturdayMorning, monToSat, 0, undefined).promiseDate).toBe('2026-11-28')
  })

  it('refuses to search forever when nothing ever ships', () => {
    expect(() => promiseDates(fridayEvening, { ...akl, shipDays: [] }, 1, undefined)).toThrow(/no open day/)
  })
})
