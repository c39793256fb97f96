import { describe, expect, it } from 'vitest'
import { uuidv7 } from './ids'

const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

describe('uuidv7', () => {
  it('is a version 7, variant 1 UUID carrying the millisecond time in its first 48 bits', () => {
    const ms = Date.UTC(2026, 10, 27, 1, 2, 3, 456)
    const id = uuidv7(ms + 10_000_000) // later than anything minted before in this process
    expect(id).toMatch(V7)
    expect(Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBe(ms + 10_000_000)
  })

  it('sorts in creation order, within a millisecond too, and never repeats', () => {
    const base = Date.now() + 20_000_000
    // 5,000 ids over ~1,700 ms, three per millisecond, then 5,000 in one: the counter, and its
    // overflow into the next millisecond (4,096 per ms), keep the order.
    const ids = [
      ...Array.from({ length: 5_000 }, (_, i) => uuidv7(base + Math.floor(i / 3))),
      ...Array.from({ length: 5_000 }, () => uuidv7(base + 2_000)),
    ]
    for (const id of ids) expect(id).toMatch(V7)
    expect([...ids].sort()).toEqual(ids)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('draws its random bits fresh for every id, across refills of the random pool', () => {
    const at = Date.now() + 30_000_000
    const tails = Array.from({ length: 1_000 }, () => uuidv7(at).slice(19))
    expect(new Set(tails).size).toBe(tails.length)
    // Every hex digit turns up in the random part: not stuck at zero or at one value.
    const digits = new Set(tails.join('').replaceAll('-', ''))
    expect(digits.size).toBe(16)
  })
})
