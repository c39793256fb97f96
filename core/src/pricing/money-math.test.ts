import { describe, expect, it } from 'vitest'
import {
  applyPercent,
  convertMinor,
  divHalfEven,
  endingInMinor,
  fraction,
  percentCeil,
  roundToEnding,
} from './money-math'

describe('pricing money arithmetic', () => {
  it('reads decimals and numbers exactly', () => {
    expect(fraction('12.5')).toEqual({ n: 125n, d: 10n, num: 125, den: 10 })
    expect(fraction(0.1)).toMatchObject({ n: 1n, d: 10n })
    expect(fraction(33.333)).toMatchObject({ n: 33333n, d: 1000n })
    expect(() => fraction('-1')).toThrow(RangeError)
  })

  it('rounds half to even, and only on an exact half', () => {
    expect(divHalfEven(25n, 10n)).toBe(2n)
    expect(divHalfEven(35n, 10n)).toBe(4n)
    expect(divHalfEven(251n, 100n)).toBe(3n)
    expect(divHalfEven(-25n, 10n)).toBe(-2n)
  })

  it('applies percentages half to even in minor units', () => {
    // 10.05 − 10 % = 9.045 → 9.04 (even), 10.15 − 10 % = 9.135 → 9.14 (even)
    expect(applyPercent(1005, fraction(10), -1)).toBe(904)
    expect(applyPercent(1015, fraction(10), -1)).toBe(914)
    expect(applyPercent(1000, fraction(12.5), 1)).toBe(1125)
    expect(applyPercent(1000, fraction(150), -1)).toBe(0)
    // The margin floor's share rounds up: 7 % of 9.99 = 0.6993 → 0.70
    expect(percentCeil(999, fraction(7))).toBe(70)
  })

  it('converts between exponents: NZD to JPY (0) and KWD (3), half to even', () => {
    // 12.34 NZD × 91.235 = 1125.8399 JPY → 1126
    expect(convertMinor(1234, 'NZD', 'JPY', fraction('91.235'))).toBe(1126)
    // 12.34 NZD × 0.18345 = 2.2637730 KWD → 2.264
    expect(convertMinor(1234, 'NZD', 'KWD', fraction('0.18345'))).toBe(2264)
    // 1 000 JPY × 0.0109 = 10.90 NZD
    expect(convertMinor(1000, 'JPY', 'NZD', fraction('0.0109'))).toBe(1090)
    // exactly half a yen: 0.5 → 0 (even), 1.5 → 2
    expect(convertMinor(100, 'NZD', 'JPY', fraction('0.5'))).toBe(0)
    expect(convertMinor(300, 'NZD', 'JPY', fraction('0.5'))).toBe(2)
  })

  it('rounds to price endings in each direction', () => {
    expect(roundToEnding(1234, 100, 99, 'up')).toBe(1299)
    expect(roundToEnding(1234, 100, 99, 'down')).toBe(1199)
    expect(roundToEnding(1234, 100, 99, 'nearest')).toBe(1199)
    expect(roundToEnding(1260, 100, 99, 'nearest')).toBe(1299)
    expect(roundToEnding(1299, 100, 99, 'up')).toBe(1299)
    expect(roundToEnding(50, 100, 99, 'down')).toBe(99)
    expect(roundToEnding(1201, 100, 0, 'up')).toBe(1300)
  })

  it('writes endings in each currency, or says it cannot', () => {
    expect(endingInMinor('0.99', '1', 'NZD')).toEqual({ ending: 99, every: 100 })
    expect(endingInMinor('0.99', '1', 'KWD')).toEqual({ ending: 990, every: 1000 })
    expect(endingInMinor('0.99', '1', 'JPY')).toBeNull()
    expect(endingInMinor('0', '1', 'JPY')).toEqual({ ending: 0, every: 1 })
    expect(endingInMinor('99', '100', 'JPY')).toEqual({ ending: 99, every: 100 })
    expect(endingInMinor('1', '1', 'NZD')).toBeNull()
  })
})
