import { describe, expect, it } from 'vitest'
import { dateOf, dayNumber, localTime, weekdayOf } from './calendar'

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
