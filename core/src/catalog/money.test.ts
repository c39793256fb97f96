import { describe, expect, it } from 'vitest'
import { fromMinorUnits, toMinorUnits } from './money'

describe('money', () => {
  it('uses each currency exponent', () => {
    expect(toMinorUnits('12.50', 'NZD')).toBe(1250)
    expect(toMinorUnits('1200', 'JPY')).toBe(1200)
    expect(toMinorUnits('1.234', 'KWD')).toBe(1234)
    expect(fromMinorUnits(1234, 'KWD')).toBe('1.234')
    expect(fromMinorUnits(5, 'NZD')).toBe('0.05')
    expect(fromMinorUnits(-1250, 'NZD')).toBe('-12.50')
    expect(fromMinorUnits(1200, 'JPY')).toBe('1200')
  })

  it('rounds extra digits half to even', () => {
    expect(toMinorUnits('0.125', 'NZD')).toBe(12)
    expect(toMinorUnits('0.135', 'NZD')).toBe(14)
    expect(toMinorUnits('0.1251', 'NZD')).toBe(13)
    expect(toMinorUnits('0.129', 'NZD')).toBe(13)
  })

  it('never goes through a float', () => {
    expect(toMinorUnits('0.1', 'NZD') + toMinorUnits('0.2', 'NZD')).toBe(30)
    expect(toMinorUnits('90071992547409.91', 'NZD')).toBe(9007199254740991)
    expect(() => toMinorUnits('90071992547409.92', 'NZD')).toThrow(RangeError)
  })
})
