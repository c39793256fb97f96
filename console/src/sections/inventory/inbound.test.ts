import { describe, expect, it } from 'vitest'
import { isCalendarDay } from './inbound'

describe('isCalendarDay', () => {
  it('takes days that exist and refuses the rest', () => {
    expect(isCalendarDay('2027-02-28')).toBe(true)
    expect(isCalendarDay('2028-02-29')).toBe(true)
    for (const bad of ['2027-02-29', '2027-02-30', '2027-13-01', '2027-1-05', '', 'next week'])
      expect(isCalendarDay(bad)).toBe(false)
  })
})
