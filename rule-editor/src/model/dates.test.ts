import { describe, expect, it } from 'vitest'
import { localDate, localDateTime } from './dates'

describe('dates in the locale, times with their zone', () => {
  it('writes a calendar date in the locale without shifting the day', () => {
    expect(localDate('2026-12-06', 'en-GB')).toBe('6 Dec 2026')
    expect(localDate('2026-12-06', 'en-US')).toBe('Dec 6, 2026')
    expect(localDate('not a date')).toBe('not a date')
  })

  it('names the time zone of an instant', () => {
    const text = localDateTime('2026-12-06T01:00:00Z', 'en-NZ', 'Pacific/Auckland')
    expect(text).toContain('2:00')
    expect(text).toMatch(/NZDT|GMT\+13/)
  })
})
