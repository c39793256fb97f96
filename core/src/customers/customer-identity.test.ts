import { describe, expect, it } from 'vitest'
import {
  type CustomerIdentifier,
  candidateCustomerId,
  type IdentityFacts,
  identifiersOf,
  identityKey,
  resolveIdentifiers,
} from './customer-identity'

const facts = (
  linked: Record<string, string> = {},
  existing: Record<string, string> = {},
): IdentityFacts => ({
  linked: (k) => linked[k],
  existing: (id) => existing[id],
})
const both = identifiersOf('web', { externalId: 'acct-7', email: ' Kiri@Example.NZ ' })
const [account, email] = both as [CustomerIdentifier, CustomerIdentifier]

describe('identifiersOf', () => {
  it('lists the channel account before the email, the email normalised and channel-free', () => {
    expect(both).toEqual([
      { kind: 'external_id', channelInstanceId: 'web', value: 'acct-7' },
      { kind: 'email', channelInstanceId: '', value: 'kiri@example.nz' },
    ])
  })

  it('drops empty identifiers and an account without its channel', () => {
    expect(identifiersOf('web', { externalId: '', email: '   ' })).toEqual([])
    expect(identifiersOf('', { externalId: 'acct-7' })).toEqual([])
  })

  it('scopes an account to its channel: the same id on two channels is two identifiers', () => {
    const [a] = identifiersOf('web', { externalId: '42' })
    const [b] = identifiersOf('pos', { externalId: '42' })
    expect(identityKey(a!)).not.toBe(identityKey(b!))
    expect(candidateCustomerId(a!)).not.toBe(candidateCustomerId(b!))
  })
})

describe('resolveIdentifiers', () => {
  it('makes a new customer with a time-ordered id and links both identifiers to it', () => {
    const r = resolveIdentifiers(both, facts())!
    expect(r.customerId).not.toBe(candidateCustomerId(account))
    expect(r.customerId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/)
    expect(r.links.map((l) => [l.kind, l.customerId])).toEqual([
      ['external_id', r.customerId],
      ['email', r.customerId],
    ])
    // Appended, not scattered: a later new customer sorts after it.
    expect(resolveIdentifiers([email], facts())!.customerId > r.customerId).toBe(true)
  })

  it("gives a customer still new the id it is handed (settle keeps the earlier resolution's)", () => {
    const r = resolveIdentifiers(both, facts(), () => 'c-earlier')!
    expect(r.customerId).toBe('c-earlier')
    expect(
      resolveIdentifiers(both, facts({ [identityKey(email)]: 'c-email' }), () => 'c-earlier')!.customerId,
    ).toBe('c-email')
  })

  it('finds the customer by its account even when the email is new, and links the email to it', () => {
    const r = resolveIdentifiers(both, facts({ [identityKey(account)]: 'c-account' }))!
    expect(r).toEqual({ customerId: 'c-account', links: [{ ...email, customerId: 'c-account' }], merges: [] })
  })

  it('finds the customer by its email when the account is new, and links the account to it', () => {
    const r = resolveIdentifiers(both, facts({ [identityKey(email)]: 'c-email' }))!
    expect(r).toEqual({ customerId: 'c-email', links: [{ ...account, customerId: 'c-email' }], merges: [] })
  })

  it("keeps the account's customer when the two name different customers, and merges the other into it", () => {
    const r = resolveIdentifiers(
      both,
      facts({ [identityKey(account)]: 'c-account', [identityKey(email)]: 'c-email' }),
    )!
    expect(r).toEqual({ customerId: 'c-account', links: [], merges: ['c-email'] })
  })

  it('resolves an email-only order to the customer an account-and-email order linked', () => {
    const first = resolveIdentifiers(both, facts())!
    const linked = Object.fromEntries(first.links.map((l) => [identityKey(l), l.customerId]))
    const r = resolveIdentifiers([email], facts(linked))!
    expect(r).toEqual({ customerId: first.customerId, links: [], merges: [] })
  })

  it('finds a customer or contract made under a derived id before links were recorded', () => {
    const legacy = candidateCustomerId(account)
    const r = resolveIdentifiers(both, facts({}, { [legacy]: legacy }))!
    expect(r.customerId).toBe(legacy)
    expect(r.links.map((l) => l.customerId)).toEqual([legacy, legacy])
    expect(r.merges).toEqual([])
  })

  it('follows a derived id to the customer it was merged into', () => {
    const legacy = candidateCustomerId(email)
    const r = resolveIdentifiers([email], facts({}, { [legacy]: 'c-survivor' }))!
    expect(r).toEqual({
      customerId: 'c-survivor',
      links: [{ ...email, customerId: 'c-survivor' }],
      merges: [],
    })
  })

  it('merges a customer an unrecorded identifier names by its derived id into the linked one', () => {
    // A contract keyed on the email before links existed; the account is linked to another record.
    const emailCustomer = candidateCustomerId(email)
    const r = resolveIdentifiers(
      both,
      facts({ [identityKey(account)]: 'c-account' }, { [emailCustomer]: emailCustomer }),
    )!
    expect(r).toEqual({
      customerId: 'c-account',
      links: [{ ...email, customerId: 'c-account' }],
      merges: [emailCustomer],
    })
  })

  it('is null without identifiers', () => {
    expect(resolveIdentifiers([], facts())).toBeNull()
  })
})
