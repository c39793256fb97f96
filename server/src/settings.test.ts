import { describe, expect, it } from 'vitest'
import { readSettings } from './settings'

describe('readSettings', () => {
  it('keeps deliveries a quarter of the time at peak by default, and can be told not to slow them', () => {
    expect(readSettings({}).outbox.share).toBe(0.25)
    expect(readSettings({ SWITCHYARD_OUTBOX_SHARE: '0.5' }).outbox.share).toBe(0.5)
    expect(readSettings({ SWITCHYARD_OUTBOX_SHARE: 'off' }).outbox.share).toBe(1)
  })

  it('names the setting and the expected form when it is wrong', () => {
    for (const bad of ['0', '1.5', 'fast', '-0.2', '16:50'])
      expect(() => readSettings({ SWITCHYARD_OUTBOX_SHARE: bad })).toThrow(/SWITCHYARD_OUTBOX_SHARE/)
    // The fixed pacing it replaced is refused by name, not silently ignored.
    expect(() => readSettings({ SWITCHYARD_OUTBOX_AT_PEAK: '16:50' })).toThrow(/SWITCHYARD_OUTBOX_SHARE/)
  })

  it('runs deliveries on their own thread when the machine has two cores, unless told', () => {
    expect(readSettings({}).deliveryThread).toBe('auto')
    expect(readSettings({ SWITCHYARD_DELIVERY_THREAD: '1' }).deliveryThread).toBe('on')
    expect(readSettings({ SWITCHYARD_DELIVERY_THREAD: '0' }).deliveryThread).toBe('off')
    for (const bad of ['yes', '2', 'thread'])
      expect(() => readSettings({ SWITCHYARD_DELIVERY_THREAD: bad })).toThrow(/SWITCHYARD_DELIVERY_THREAD/)
  })

  it('reads rate limits as per-second with an optional burst, or off', () => {
    expect(readSettings({ SWITCHYARD_RATE_LIMIT_KEY: '10' }).rateLimits.key).toEqual({
      perSecond: 10,
      burst: 20,
    })
    expect(readSettings({ SWITCHYARD_RATE_LIMIT_KEY: 'off' }).rateLimits.key.perSecond).toBe(0)
    expect(() => readSettings({ SWITCHYARD_RATE_LIMIT_KEY: 'lots' })).toThrow(/SWITCHYARD_RATE_LIMIT_KEY/)
  })

  it('checks the poll interval and the demo ship delay instead of passing NaN on', () => {
    expect(readSettings({}).pollIntervalMs).toBeUndefined()
    expect(readSettings({ SWITCHYARD_POLL_INTERVAL_MS: '250' }).pollIntervalMs).toBe(250)
    expect(() => readSettings({ SWITCHYARD_POLL_INTERVAL_MS: 'soon' })).toThrow(/SWITCHYARD_POLL_INTERVAL_MS/)
    expect(readSettings({}).demoShipDelayMs).toBe(5000)
    expect(() => readSettings({ SWITCHYARD_DEMO_SHIP_DELAY_MS: '-5' })).toThrow(
      /SWITCHYARD_DEMO_SHIP_DELAY_MS/,
    )
  })

  it('reads the pickup expiry in hours (72 by default, fractions allowed) and refuses nonsense by name', () => {
    expect(readSettings({}).pickupExpiryMs).toBe(72 * 3_600_000)
    expect(readSettings({ SWITCHYARD_PICKUP_EXPIRY_HOURS: '0.5' }).pickupExpiryMs).toBe(1_800_000)
    for (const bad of ['0', '-1', 'soon'])
      expect(() => readSettings({ SWITCHYARD_PICKUP_EXPIRY_HOURS: bad })).toThrow(
        /SWITCHYARD_PICKUP_EXPIRY_HOURS/,
      )
  })

  it('reads the demo switch as on, off or auto, and the drain timings', () => {
    expect(readSettings({}).demo).toBe('auto')
    expect(readSettings({ SWITCHYARD_DEMO: '1' }).demo).toBe('on')
    expect(readSettings({ SWITCHYARD_DEMO: '0' }).demo).toBe('off')
    expect(() => readSettings({ SWITCHYARD_DEMO: 'yes' })).toThrow(/SWITCHYARD_DEMO/)
    expect(readSettings({})).toMatchObject({ drainDelayMs: 0, drainTimeoutMs: 10_000 })
    expect(() => readSettings({ SWITCHYARD_DRAIN_TIMEOUT_MS: 'long' })).toThrow(/SWITCHYARD_DRAIN_TIMEOUT_MS/)
  })
})
