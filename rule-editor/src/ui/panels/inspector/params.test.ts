import { describe, expect, it } from 'vitest'
import {
  breakKind,
  nextBreak,
  withBreakKind,
  withBreakValue,
  withFilter,
  withNumber,
  without,
  withParam,
} from './params'

describe('inspector parameter edits', () => {
  it('drop an emptied field, but keep an empty tag list', () => {
    const p = { reason: 'x', locations: ['a'], tags: ['t'] }
    expect(withParam(p, 'reason', '')).toEqual({ locations: ['a'], tags: ['t'] })
    expect(withParam(p, 'locations', [])).toEqual({ reason: 'x', tags: ['t'] })
    expect(withParam(p, 'tags', [])).toEqual({ ...p, tags: [] })
    expect(withParam(p, 'bonus', 0.5)).toEqual({ ...p, bonus: 0.5 })
    expect(p).toEqual({ reason: 'x', locations: ['a'], tags: ['t'] })
  })

  it('leave no empty filters on a strategy', () => {
    const p = { id: 's', filters: { tags: ['a'] } }
    expect(withFilter(p, 'countries', 'destination')).toEqual({
      id: 's',
      filters: { tags: ['a'], countries: 'destination' },
    })
    expect(withFilter(p, 'tags', [])).toEqual({ id: 's' })
    expect(withFilter({ id: 's' }, 'maxDistanceKm', undefined)).toEqual({ id: 's' })
  })

  it('read a number field’s text, empty removing the key', () => {
    expect(withNumber({ policy: 'allowed', maxShipments: 2 }, 'maxShipments', '')).toEqual({
      policy: 'allowed',
    })
    expect(withNumber({ policy: 'allowed' }, 'minShipmentValue', '50')).toEqual({
      policy: 'allowed',
      minShipmentValue: 50,
    })
    expect(without({ a: 1, b: 2, c: 3 }, 'a', 'c')).toEqual({ b: 2 })
  })

  it('edit volume breaks by kind: percent a number, amount and price decimal strings', () => {
    expect(breakKind({ minQty: 5, percent: 5 })).toBe('percent')
    expect(breakKind({ minQty: 5, amount: '1.00' })).toBe('amount')
    expect(breakKind({ minQty: 5, price: '9.00' })).toBe('price')
    expect(withBreakKind({ minQty: 5, percent: 5 }, 'price')).toEqual({ minQty: 5, price: '1.00' })
    expect(withBreakKind({}, 'amount')).toEqual({ minQty: 1, amount: '1.00' })
    expect(withBreakValue({ minQty: 5, percent: 5 }, '12.5')).toEqual({ minQty: 5, percent: 12.5 })
    expect(withBreakValue({ minQty: 5, percent: 5 }, 'x')).toEqual({ minQty: 5, percent: 0 })
    expect(withBreakValue({ minQty: 5, price: '1.00' }, '2.50')).toEqual({ minQty: 5, price: '2.50' })
    expect(nextBreak([])).toEqual({ minQty: 10, percent: 5 })
    expect(nextBreak([{ minQty: 10 }, { minQty: 25 }])).toEqual({ minQty: 50, percent: 5 })
  })
})
