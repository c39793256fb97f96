import { describe, expect, it } from 'vitest'
import { promiseWalk } from './promise-walk'

const lots = [
  { id: 'b', expectedDate: '2027-02-10', open: 5 },
  { id: 'a', expectedDate: '2027-02-01', open: 3 },
]

describe('promiseWalk', () => {
  it('serves lines in the order given from the earliest lot, a line spanning two lots waits for the later', () => {
    const out = promiseWalk(lots, [
      { key: 'first', quantity: 2 },
      { key: 'second', quantity: 2 },
      { key: 'third', quantity: 4 },
    ])
    expect(out.get('first')).toEqual({ date: '2027-02-01', lotId: 'a' })
    expect(out.get('second')).toEqual({ date: '2027-02-10', lotId: 'b' })
    expect(out.get('third')).toEqual({ date: '2027-02-10', lotId: 'b' })
  })

  it('gives null to what the open supply cannot cover, and to everything behind it', () => {
    const out = promiseWalk(lots, [
      { key: 'big', quantity: 7 },
      { key: 'over', quantity: 2 },
      { key: 'after', quantity: 1 },
    ])
    expect(out.get('big')).toEqual({ date: '2027-02-10', lotId: 'b' })
    expect(out.get('over')).toBeNull()
    expect(out.get('after')).toBeNull()
  })

  it('skips lots with nothing left to arrive', () => {
    const out = promiseWalk(
      [{ id: 'x', expectedDate: '2027-01-01', open: 0 }, ...lots],
      [{ key: 'k', quantity: 1 }],
    )
    expect(out.get('k')).toEqual({ date: '2027-02-01', lotId: 'a' })
  })
})
