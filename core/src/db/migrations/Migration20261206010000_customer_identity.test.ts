import { describe, expect, it } from 'vitest'
import { planCustomerMerge } from './Migration20261206010000_customer_identity'

const customer = (id: string, email: string | null, created: number) => ({ id, email, created_at: created })

describe('planCustomerMerge', () => {
  it('leaves customers that share nothing alone and links each email', () => {
    const plan = planCustomerMerge({
      customers: [customer('a', 'a@x.nz', 1), customer('b', null, 2)],
      orderEmails: [],
      contractCustomers: new Set(),
    })
    expect(plan).toEqual({ merges: [], emails: [{ email: 'a@x.nz', customerId: 'a' }] })
  })

  it('merges records whose emails differ only in case or spaces, into the oldest', () => {
    const plan = planCustomerMerge({
      customers: [customer('new', ' Kiri@X.nz', 5), customer('old', 'kiri@x.nz', 1)],
      orderEmails: [],
      contractCustomers: new Set(),
    })
    expect(plan.merges).toEqual([{ survivor: 'old', losers: ['new'] }])
    expect(plan.emails).toEqual([{ email: 'kiri@x.nz', customerId: 'old' }])
  })

  it('joins through order emails, transitively, and keeps the contract holder', () => {
    const plan = planCustomerMerge({
      customers: [customer('a', 'one@x.nz', 1), customer('b', 'two@x.nz', 2), customer('c', null, 3)],
      // b's orders also used one@, c's orders used two@: a, b and c are one customer.
      orderEmails: [
        { customer_id: 'b', email: 'ONE@x.nz' },
        { customer_id: 'c', email: 'two@x.nz' },
      ],
      contractCustomers: new Set(['c']),
    })
    expect(plan.merges).toEqual([{ survivor: 'c', losers: ['a', 'b'] }])
    expect(plan.emails).toEqual([
      { email: 'one@x.nz', customerId: 'c' },
      { email: 'two@x.nz', customerId: 'c' },
    ])
  })
})
