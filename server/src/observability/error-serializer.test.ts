import { describe, expect, it } from 'vitest'
import { errorWithoutValues } from './error-serializer'

describe('errors in log lines', () => {
  it('keep what failed and where, but not the values a database error quotes', () => {
    const error = Object.assign(new Error('duplicate key value violates unique constraint "orders_ext"'), {
      code: '23505',
      table: 'orders',
      constraint: 'orders_ext',
      detail: 'Key (external_order_id)=(SECRET-1) already exists.',
      where: 'SQL statement "insert … SECRET-1"',
      internalQuery: 'select SECRET-1',
    })
    const logged = errorWithoutValues(error) as Record<string, unknown>
    expect(logged).toMatchObject({ type: 'Error', code: '23505', table: 'orders', constraint: 'orders_ext' })
    expect(JSON.stringify(logged)).not.toContain('SECRET-1')
  })
})
