import { describe, expect, it } from 'vitest'
import { readableDate } from './summary'

describe('dates in the decision summary', () => {
  it('reads as a weekday, day, month and year, not ISO', () => {
    expect(readableDate('2026-12-07')).toBe('Mon 7 Dec 2026')
    expect(readableDate('2027-02-28')).toBe('Sun 28 Feb 2027')
  })

  it('leaves anything that is not a calendar date as it came', () => {
    expect(readableDate('2026-12-07T10:00:00Z')).toBe('2026-12-07T10:00:00Z')
  })
})
