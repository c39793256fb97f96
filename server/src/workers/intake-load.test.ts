import { describe, expect, it } from 'vitest'
import { eventLoopBusy, IntakeLoadMeter } from './intake-load'

const idleLoop = () => 0

describe('IntakeLoadMeter', () => {
  it('reads the share of the last half second intake spent committing, and its latest batch', () => {
    let now = 10_000
    const meter = new IntakeLoadMeter(() => now, idleLoop)
    expect(meter.load()).toEqual({ utilisation: 0, queued: 0 })
    // Back-to-back 50 ms commits of 25 orders: saturated.
    for (let i = 0; i < 10; i++) {
      now += 50
      meter.committed(50, 25)
    }
    expect(meter.load()).toEqual({ utilisation: 1, queued: 25 })
    // A 10 ms commit every 100 ms, one order each: a tenth.
    for (let i = 0; i < 10; i++) {
      now += 100
      meter.committed(10, 1)
    }
    expect(meter.load().utilisation).toBeCloseTo(0.1, 5)
    expect(meter.load().queued).toBe(1)
    // Nothing for a second: idle, nobody queueing.
    now += 1_000
    expect(meter.load()).toEqual({ utilisation: 0, queued: 0 })
  })

  it('counts the event loop busy when that is more than the commits: intake works outside them too', () => {
    let busy = 0.2
    const meter = new IntakeLoadMeter(
      () => 1_000,
      () => busy,
    )
    meter.committed(100, 30)
    expect(meter.load()).toEqual({ utilisation: 0.2, queued: 30 })
    busy = 0.97
    expect(meter.load()).toEqual({ utilisation: 0.97, queued: 30 })
  })

  it('passes every observer call on and measures the commits', () => {
    const seen: number[] = []
    const meter = new IntakeLoadMeter(() => 1_000, idleLoop)
    const observer = meter.observe({ batchCommitted: (_s, orders) => seen.push(orders) })
    observer.batchCommitted?.(0.25, 12, 'locked')
    expect(seen).toEqual([12])
    expect(meter.load()).toEqual({ utilisation: 0.5, queued: 12 })
  })
})

describe('eventLoopBusy', () => {
  it('sees a loop kept busy by synchronous work', async () => {
    const busy = eventLoopBusy()
    const until = performance.now() + 600
    while (performance.now() < until) {
      // spin: the loop never waits
    }
    expect(busy()).toBeGreaterThan(0.8)
    // Waiting on a timer is idle time.
    await new Promise((r) => setTimeout(r, 600))
    expect(busy()).toBeLessThan(0.5)
  })
})
