import type { CanonicalOrder } from '@switchyard/plugin-sdk'
import { describe, expect, it } from 'vitest'
import { ValidationError } from '../../errors'
import { loc } from '../../routing/sourcing/testing/decide-world'
import { pickupLocationOf } from './pickup-location'

const locations = [
  loc('akl', -36.9, 174.84),
  loc('wlg', -41.28, 174.77, { type: 'store', acceptsPickup: true }),
]
const order = (extra: Partial<CanonicalOrder>) => ({ externalId: 'o', ...extra }) as CanonicalOrder

function refusal(extra: Partial<CanonicalOrder>): string {
  try {
    pickupLocationOf(order(extra), locations)
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError)
    const issue = (error as ValidationError).issues[0]!
    expect(issue.field).toBe('pickupLocationId')
    return issue.message
  }
  throw new Error('not refused')
}

describe('pickupLocationOf', () => {
  it('is null for an order that ships, and the store for a pickup at one that accepts it', () => {
    expect(pickupLocationOf(order({}), locations)).toBeNull()
    expect(pickupLocationOf(order({ deliveryMethod: 'ship' }), locations)).toBeNull()
    expect(pickupLocationOf(order({ deliveryMethod: 'pickup', pickupLocationId: 'wlg' }), locations)).toBe(
      'wlg',
    )
  })

  it('refuses, naming pickupLocationId, what cannot be collected', () => {
    expect(refusal({ deliveryMethod: 'pickup' })).toMatch(/required when deliveryMethod is pickup/)
    expect(refusal({ deliveryMethod: 'pickup', pickupLocationId: 'nowhere' })).toBe(
      "no active location 'nowhere'",
    )
    expect(refusal({ deliveryMethod: 'pickup', pickupLocationId: 'akl' })).toBe(
      "location 'akl' does not accept pickup",
    )
    expect(refusal({ pickupLocationId: 'wlg' })).toMatch(/only an order with deliveryMethod pickup/)
  })
})
