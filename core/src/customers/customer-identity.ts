import { createHash } from 'node:crypto'
import { nameUuid, uuidv7 } from '../ids'

/**
 * How a customer is recognised: the channel's own account id (per channel instance), or an email
 * (one across channels). One customer may carry any number of them.
 */
export type IdentifierKind = 'external_id' | 'email'

export interface CustomerIdentifier {
  kind: IdentifierKind
  /** The channel instance for an `external_id`; '' for an email, which spans channels. */
  channelInstanceId: string
  value: string
}

/** An identifier bound to a customer: one row of `customer_identity`. */
export interface IdentityLink extends CustomerIdentifier {
  customerId: string
}

/** What a channel, an order or an API caller says about who the customer is. */
export interface CustomerRef {
  email?: string | null | undefined
  externalId?: string | null | undefined
}

export function normaliseEmail(email: string | null | undefined): string | null {
  const e = email?.trim().toLowerCase()
  return e ? e : null
}

/**
 * The identifiers a reference carries, most specific first: the channel account, then the email.
 * Resolution takes the first one the hub already knows, so this order is the precedence.
 */
export function identifiersOf(channelInstanceId: string, ref: CustomerRef): CustomerIdentifier[] {
  const out: CustomerIdentifier[] = []
  if (ref.externalId && channelInstanceId)
    out.push({ kind: 'external_id', channelInstanceId, value: ref.externalId })
  const email = normaliseEmail(ref.email)
  if (email) out.push({ kind: 'email', channelInstanceId: '', value: email })
  return out
}

export const identityKey = (i: CustomerIdentifier): string =>
  `${i.kind}\u0000${i.channelInstanceId}\u0000${i.value}`

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex')

// Candidate ids are a pure function of the identifier: remembered, since repeat buyers are the
// common case and a SHA-256 per order is a measurable part of intake. Bounded: cleared when full.
const CANDIDATES_MAX = 20_000
const candidates = new Map<string, string>()

/**
 * The id hubs gave a customer first known by this identifier before new customers got time-ordered
 * ids (and before identities were recorded): derived from the identifier. Still looked up, so a
 * customer or contract made under it then is found by it (channel accounts were stored only as
 * this hash, so their customers cannot be linked any other way).
 */
export function candidateCustomerId(i: CustomerIdentifier): string {
  const key = identityKey(i)
  let id = candidates.get(key)
  if (id === undefined) {
    id =
      i.kind === 'email'
        ? nameUuid('customer-email', i.value, sha256)
        : nameUuid('customer-ext', `${i.channelInstanceId}\u0000${i.value}`, sha256)
    if (candidates.size >= CANDIDATES_MAX) candidates.clear()
    candidates.set(key, id)
  }
  return id
}

/** What the hub knows when it resolves: recorded links, and customers or contracts that exist. */
export interface IdentityFacts {
  linked(key: string): string | undefined
  /**
   * The live customer a customer id stands for, if a record or a contract has it (ids minted before
   * links were recorded; a record merged into another stands for the other), else undefined.
   */
  existing(customerId: string): string | undefined
}

export interface Resolution {
  customerId: string
  /** Identifiers not yet recorded: each to be linked to `customerId`. */
  links: IdentityLink[]
  /** Other customers these identifiers already stand for: one person, to be merged into `customerId`. */
  merges: string[]
}

/** Something whose customer is being resolved: its identifiers and, once resolved, the result. */
export interface Identified {
  identifiers: readonly CustomerIdentifier[]
  resolution: Resolution | null
}

/**
 * The id of a customer the hub has not seen: time-ordered, so the rows and index entries of new
 * customers (`customer`, `customer_identity(customer_id)`, `orders(customer_id)`) are appended
 * rather than written at random B-tree pages. Not derivable from the identifier, so two hubs that
 * meet the same new identifier at once do not pick the same id: they agree through `settle`,
 * which resolves again under a lock on the identifier (PostgreSQL; SQLite's writer lock on
 * SQLite) against the committed links, so the second finds the first's customer.
 */
export const newCustomerId = (): string => uuidv7()

/**
 * One customer for a set of identifiers (given most specific first). Each identifier stands for
 * its recorded link, else for the customer its derived (pre-identity) id names if that exists; the
 * first that stands for someone wins, else a new customer with `newId` (a fresh time-ordered id
 * unless given: `settle` passes the id the earlier resolution chose, so an order keeps it). Any
 * other customer an identifier stands for is the same person seen before through fewer
 * identifiers: it is to be merged into the winner. Unrecorded identifiers are to be linked to the
 * winner.
 */
export function resolveIdentifiers(
  identifiers: readonly CustomerIdentifier[],
  facts: IdentityFacts,
  newId: () => string = newCustomerId,
): Resolution | null {
  if (identifiers.length === 0) return null
  const standsFor = identifiers.map((i) => {
    const linked = facts.linked(identityKey(i))
    return linked !== undefined
      ? { linked: true, id: linked }
      : { linked: false, id: facts.existing(candidateCustomerId(i)) }
  })
  const customerId = standsFor.find((s) => s.id !== undefined)?.id ?? newId()
  const merges = [
    ...new Set(standsFor.flatMap((s) => (s.id !== undefined && s.id !== customerId ? [s.id] : []))),
  ]
  const links = identifiers.flatMap((i, n) => (standsFor[n]!.linked ? [] : [{ ...i, customerId }]))
  return { customerId, links, merges }
}
