import { describe, expect, it } from 'vitest'
import { uuidv7 } from '../../ids'
import { uuidFloor } from './order-changes'

describe('uuidFloor', () => {
  it('sorts below every id of its millisecond and above every id of the one before', () => {
    const ms = 1_780_000_000_123
    const floor = uuidFloor(ms)
    expect(floor).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-0000-0000-0{12}$/)
    for (let i = 0; i < 50; i++) expect(uuidv7(ms + 1 + i) > floor).toBe(true)
    expect(uuidFloor(ms - 1) < floor).toBe(true)
  })
})
