import { describe, expect, it } from 'vitest'
import { ConflictError } from '../../errors'
import { retryReason } from './order-intake'

describe('retryReason', () => {
  it('names the conflicts an intake transaction is retried for', () => {
    expect(retryReason(new ConflictError('x', 'ALLOCATION_CONFLICT'))).toBe('stock')
    expect(retryReason(new ConflictError('x', 'CAPACITY_CONFLICT'))).toBe('capacity')
    expect(retryReason(Object.assign(new Error('d'), { code: '40P01' }))).toBe('deadlock')
    expect(retryReason(Object.assign(new Error('s'), { code: '40001' }))).toBe('serialization')
    expect(retryReason(Object.assign(new Error('b'), { code: 'SQLITE_BUSY' }))).toBe('lock')
  })

  it('does not retry anything else', () => {
    expect(retryReason(new ConflictError('x', 'ORDER_STATUS_CHANGED'))).toBeUndefined()
    expect(retryReason(Object.assign(new Error('u'), { code: '23505' }))).toBeUndefined()
    expect(retryReason(new TypeError('bug'))).toBeUndefined()
  })
})
