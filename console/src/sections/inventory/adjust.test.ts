import { describe, expect, it } from 'vitest'
import { adjustmentEvent, describeAdjustment } from './adjust'

describe('a stock adjustment from the console', () => {
  it('is one event with a fresh id, the reason kept', () => {
    const a = adjustmentEvent({ sku: 'SKU-A', locationId: 'dc', delta: -3, reason: ' damaged in the aisle ' })
    const b = adjustmentEvent({ sku: 'SKU-A', locationId: 'dc', delta: -3, reason: 'x' })
    expect(a.source).toBe('console')
    expect(a.events[0]).toMatchObject({
      sku: 'SKU-A',
      locationId: 'dc',
      delta: -3,
      reason: 'damaged in the aisle',
    })
    expect(a.events[0]!.eventId).not.toBe(b.events[0]!.eventId)
  })

  it('refuses a change of nothing, a fraction, or no reason', () => {
    expect(() => adjustmentEvent({ sku: 'S', locationId: 'l', delta: 0, reason: 'r' })).toThrow(
      /whole number/,
    )
    expect(() => adjustmentEvent({ sku: 'S', locationId: 'l', delta: 1.5, reason: 'r' })).toThrow(
      /whole number/,
    )
    expect(() => adjustmentEvent({ sku: 'S', locationId: 'l', delta: 2, reason: '  ' })).toThrow(/why/)
  })

  it('says what happens to on hand', () => {
    expect(describeAdjustment(10, -3)).toBe('On hand goes from 10 to 7 (−3)')
    expect(describeAdjustment(0, 5)).toBe('On hand goes from 0 to 5 (+5)')
  })
})
