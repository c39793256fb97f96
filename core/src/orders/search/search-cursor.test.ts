import { describe, expect, it } from 'vitest'
import { ValidationError } from '../../errors'
import { decodeSearchCursor, encodeSearchCursor } from './search-cursor'

const id = '019ae0c4-7b1a-7000-8000-000000000001'

describe('orders list cursors', () => {
  it('round-trips each sort, the promise sorts with and without a promise day', () => {
    for (const c of [
      { sort: '-placed' as const, value: 1_796_550_152_445, id },
      { sort: 'promise' as const, value: '2026-12-09', id },
      { sort: '-promise' as const, value: null, id },
    ])
      expect(decodeSearchCursor(encodeSearchCursor(c), c.sort)).toEqual(c)
    expect(decodeSearchCursor(undefined, 'placed')).toBeUndefined()
    expect(decodeSearchCursor('', 'placed')).toBeUndefined()
  })

  it('refuses a cursor of another sort, naming the cursor', () => {
    const placed = encodeSearchCursor({ sort: 'placed', value: 1, id })
    const error = (() => {
      try {
        decodeSearchCursor(placed, 'promise')
      } catch (e) {
        return e
      }
    })() as ValidationError
    expect(error).toBeInstanceOf(ValidationError)
    expect(error.code).toBe('INVALID_CURSOR')
    expect(error.issues).toEqual([
      { field: 'cursor', message: "was issued for sort 'placed', not 'promise'" },
    ])
  })

  it('refuses what it did not issue', () => {
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url')
    for (const bad of [
      'not-a-cursor',
      b64(['placed', 'yesterday', id]),
      b64(['promise', 12, id]),
      b64(['promise', '2026-12-09', "x' or '1'='1"]),
      b64(['placed', 1]),
      b64({ sort: 'placed' }),
    ])
      for (const sort of ['placed', 'promise'] as const)
        expect(() => decodeSearchCursor(bad, sort), `${bad} ${sort}`).toThrow(ValidationError)
  })
})
