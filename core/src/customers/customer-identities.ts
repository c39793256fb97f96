import { insertRows } from '../db/sql/insert-rows'
import { keyIn } from '../db/sql/key-in'
import { PLAN_EACH_CALL, type SqlDb, type SqlParam, type SqlRunner } from '../db/sql/sql-db'
import {
  type CustomerIdentifier,
  candidateCustomerId,
  type Identified,
  type IdentityFacts,
  type IdentityLink,
  identityKey,
  newCustomerId,
  type Resolution,
  resolveIdentifiers,
} from './customer-identity'
import { mergeCustomer } from './customer-merge'

const CACHE_MAX = 50_000
// Three parameters per identifier in the read; well under either dialect's limit.
const READ_CHUNK = 1_000
const LINK_COLUMNS = ['value', 'kind', 'channel_instance_id', 'customer_id', 'created_at']
const NEW_CUSTOMER_COLUMNS = ['id', 'email', 'created_at', 'updated_at']

interface Waiting {
  identifiers: readonly CustomerIdentifier[]
  done: (r: Resolution | null) => void
  fail: (e: unknown) => void
}

/**
 * Customer identity: which customer record an order's or a caller's identifiers name
 * (`customer_identity`, one row per identifier). A link changes only when two customers turn out
 * to be one person (an order brings identifiers that named two records): the second is merged into
 * the first and left as a pointer. So links read are remembered in memory and repeat customers
 * cost no query before the transaction; inside it, one query per batch finds any remembered
 * customer that another hub has merged since. The identifiers of everything waiting to be resolved
 * are read in one query.
 */
export class CustomerIdentities {
  private readonly cache = new Map<string, string>()
  private waiting: Waiting[] = []
  private readonly listeners: (() => void)[] = []

  constructor(
    private readonly db: SqlDb,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Called after a merge moved contracts to another customer (the price book must reload). */
  onMerge(listener: () => void): void {
    this.listeners.push(listener)
  }

  /**
   * The customer the identifiers name, and the links still to record. Writes only when the
   * identifiers name two customers: they are merged first, in a transaction of their own, so
   * pricing already sees one customer. Callers arriving together share one query.
   */
  resolve(identifiers: readonly CustomerIdentifier[]): Promise<Resolution | null> {
    if (identifiers.length === 0) return Promise.resolve(null)
    const known = this.remembered(identifiers)
    if (known) return Promise.resolve(known)
    return new Promise((done, fail) => {
      if (this.waiting.length === 0) setImmediate(() => void this.flush())
      this.waiting.push({ identifiers, done, fail })
    })
  }

  /**
   * The repeat customer's case, nearly every order once a hub has run a while: every identifier is
   * remembered, all for one customer, so there is nothing to link or merge. Answered from the cache
   * without `resolveIdentifiers`' lists; anything else (a miss, or two customers to merge) is left
   * to the full resolution.
   */
  private remembered(identifiers: readonly CustomerIdentifier[]): Resolution | undefined {
    let customerId: string | undefined
    for (let n = 0; n < identifiers.length; n++) {
      const id = this.cache.get(identityKey(identifiers[n]!))
      if (id === undefined || (customerId !== undefined && id !== customerId)) return undefined
      customerId = id
    }
    return customerId === undefined ? undefined : { customerId, links: [], merges: [] }
  }

  private async flush(): Promise<void> {
    const batch = this.waiting
    this.waiting = []
    let facts: IdentityFacts
    try {
      facts = await this.read(
        this.db,
        batch.flatMap((w) => w.identifiers),
      )
    } catch (error) {
      for (const w of batch) w.fail(error)
      return
    }
    // A new identifier met twice in one read gets one new id (settle would make them agree anyway).
    const minted = new Map<string, string>()
    for (const w of batch) {
      const r = resolveIdentifiers(w.identifiers, facts, () => {
        const k = identityKey(w.identifiers[0]!)
        let id = minted.get(k)
        if (id === undefined) {
          id = newCustomerId()
          minted.set(k, id)
        }
        return id
      })!
      if (r.merges.length === 0) w.done(r)
      else await this.linkNow(w.identifiers, r).then(w.done, w.fail)
    }
  }

  /**
   * Inside a writing transaction: resolves again, in the given order, everything that still has
   * identifiers to link or customers to merge, against the committed links (PostgreSQL: after
   * locking those identifiers, so two hubs meeting the same new customer serialise here and the
   * second sees the first's links) and what earlier items of the same batch linked and merged.
   * Merges happen here; links are returned to be written after the customer rows. Every item's
   * customer is sent on past merges, including ones another hub made. Items are left as they were,
   * so a retried transaction settles the same.
   */
  async settle(
    tx: SqlRunner,
    items: readonly Identified[],
  ): Promise<{ customerIds: (string | null)[]; links: IdentityLink[] }>
  /**
   * Optimistic (PostgreSQL's one-statement intake): no lock and no writes; the links come back to
   * be written with `writeLinks(…, { strict: true })`, which fails if another hub linked one of the
   * identifiers meanwhile. Undefined when a merge is needed: that takes the locked way.
   */
  async settle(
    tx: SqlRunner,
    items: readonly Identified[],
    mode: 'optimistic',
  ): Promise<{ customerIds: (string | null)[]; links: IdentityLink[] } | undefined>
  async settle(
    tx: SqlRunner,
    items: readonly Identified[],
    mode: 'locked' | 'optimistic' = 'locked',
  ): Promise<{ customerIds: (string | null)[]; links: IdentityLink[] } | undefined> {
    const customers = items.flatMap((i) => (i.resolution ? [i.resolution.customerId] : []))
    const open = items.flatMap((item, n) =>
      item.resolution && (item.resolution.links.length > 0 || item.resolution.merges.length > 0) ? [n] : [],
    )
    if (open.length === 0) {
      // Repeat customers only, nearly every batch: one query, for merges another hub made since.
      const merged = await this.mergedSince(tx, customers)
      if (merged.size > 0) this.forget(new Set(merged.keys()))
      const customerIds = items.map((i) => {
        const id = i.resolution?.customerId
        return id === undefined ? null : (merged.get(id) ?? id)
      })
      return { customerIds, links: [] }
    }
    const identifiers = open.flatMap((n) => items[n]!.identifiers)
    if (tx.dialect === 'postgresql' && mode === 'locked') {
      // Sorted, so two transactions never wait on each other in opposite orders. The two-key form
      // is a lock space of its own, apart from intake's per-order locks.
      await tx.all(
        'select pg_advisory_xact_lock(7273, h) from (select distinct hashtext(k) as h from unnest(?::text[]) as k order by h) s',
        [[...new Set(identifiers.map((i) => JSON.stringify([i.kind, i.channelInstanceId, i.value])))]],
      )
    }
    // The committed links and the merges since, in one query (under the lock: the fresher for it).
    const committed = await this.read(tx, identifiers, { fresh: true, mergedOf: customers })
    const merged = committed.merged
    const live = (id: string) => merged.get(id) ?? id
    const settled = () => items.map((i) => (i.resolution ? live(i.resolution.customerId) : null))
    const made = new Map<string, string>()
    const facts: IdentityFacts = {
      linked: (k) => {
        const id = made.get(k) ?? committed.linked(k)
        return id === undefined ? undefined : live(id)
      },
      existing: (id) => {
        const e = committed.existing(id)
        return e === undefined ? undefined : live(e)
      },
    }
    const links: IdentityLink[] = []
    const resolved = new Map<number, string>()
    let contractsMoved = false
    for (const n of open) {
      // A customer still new under the lock keeps the id its earlier resolution gave it (and pricing saw).
      const item = items[n]!
      const r = resolveIdentifiers(item.identifiers, facts, () => item.resolution!.customerId)!
      if (r.merges.length > 0 && mode === 'optimistic') return undefined
      for (const from of r.merges) {
        contractsMoved = (await mergeCustomer(tx, from, r.customerId, this.clock())) || contractsMoved
        merged.set(from, r.customerId)
        for (const [k, v] of merged) if (v === from) merged.set(k, r.customerId)
      }
      resolved.set(n, r.customerId)
      for (const l of r.links) {
        made.set(identityKey(l), l.customerId)
        links.push(l)
      }
    }
    if (merged.size > 0) this.forget(new Set(merged.keys()))
    if (contractsMoved) for (const l of this.listeners) l()
    // The others after every merge of the batch: one may have merged away the customer they name.
    const customerIds = settled().map((id, n) => (id === null ? null : live(resolved.get(n) ?? id)))
    return { customerIds, links: links.map((l) => ({ ...l, customerId: live(l.customerId) })) }
  }

  /**
   * Records links (after the customer rows they name: a bare row for a customer only a contract
   * knew). A link that exists already is left alone: under `settle`'s lock there is none.
   */
  async writeLinks(
    tx: SqlRunner,
    links: readonly IdentityLink[],
    now: number,
    /**
     * `strict`: links settled without the lock (see `settle`'s optimistic mode). No customer rows
     * (the batch's own customer upsert writes them), and a link another hub made since fails the
     * statement with a unique violation instead of being left alone, so intake settles again.
     */
    options: { strict?: boolean } = {},
  ): Promise<void> {
    if (links.length === 0) return
    const identityRows = links.map((l) => [l.value, l.kind, l.channelInstanceId, l.customerId, now])
    if (options.strict) {
      await insertRows(tx, 'customer_identity', LINK_COLUMNS, identityRows)
      return
    }
    const customers = new Map<string, SqlParam[]>()
    for (const l of links) {
      const email = l.kind === 'email' ? l.value : null
      const row = customers.get(l.customerId)
      if (!row) customers.set(l.customerId, [l.customerId, email, now, now])
      else if (row[1] === null) row[1] = email
    }
    const rows = [...customers.keys()].sort().map((id) => customers.get(id)!)
    await insertRows(tx, 'customer', NEW_CUSTOMER_COLUMNS, rows, ' on conflict (id) do nothing')
    await insertRows(
      tx,
      'customer_identity',
      LINK_COLUMNS,
      identityRows,
      ' on conflict (value, kind, channel_instance_id) do nothing',
    )
  }

  /** The customer tiers in use, sorted: the rule editor offers them as values. */
  async tiers(): Promise<string[]> {
    const rows = await this.db.all<{ tier: string }>(
      'select distinct tier from customer where tier is not null order by tier',
    )
    return rows.map((r) => r.tier)
  }

  /** The customer segments in use, sorted, as tiers() for the rule editor. */
  async segments(): Promise<string[]> {
    const rows = await this.db.all<{ segment: string }>(
      'select distinct segment from customer where segment is not null order by segment',
    )
    return rows.map((r) => r.segment)
  }

  /**
   * Resolves and records at once, in a transaction of its own: a contract made for a customer by
   * identifier binds those identifiers to one customer record before any order arrives.
   */
  async link(identifiers: readonly CustomerIdentifier[]): Promise<string | null> {
    const r = await this.resolve(identifiers)
    if (!r) return null
    return r.links.length === 0 ? r.customerId : (await this.linkNow(identifiers, r)).customerId
  }

  private linkNow(identifiers: readonly CustomerIdentifier[], resolution: Resolution): Promise<Resolution> {
    return this.db.transaction(async (tx) => {
      const settled = await this.settle(tx, [{ identifiers, resolution }])
      await this.writeLinks(tx, settled.links, this.clock())
      return { customerId: settled.customerIds[0]!, links: [], merges: [] }
    })
  }

  /** Customers among `ids` that have been merged into another since, with the one they lead to. */
  private async mergedSince(tx: SqlRunner, ids: readonly string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)]
    const merged = new Map<string, string>()
    for (let n = 0; n < unique.length; n += READ_CHUNK) {
      const chunk = unique.slice(n, n + READ_CHUNK)
      const byId = keyIn(tx.dialect, 'id', chunk, 'uuid')
      const rows = await tx.all<{ id: string; merged_into: string }>(
        `${PLAN_EACH_CALL}select id, merged_into from customer where ${byId.sql} and merged_into is not null`,
        byId.params,
      )
      for (const r of rows) merged.set(r.id, r.merged_into)
    }
    return merged
  }

  /**
   * Committed links and existing customer ids for these identifiers: the cache's misses only, or
   * (inside `settle`, under its lock) all of them; and which of the customers `mergedOf` have been
   * merged into another, read in the same query.
   */
  private async read(
    runner: SqlRunner,
    identifiers: readonly CustomerIdentifier[],
    options: { fresh?: boolean; mergedOf?: readonly string[] } = {},
  ): Promise<IdentityFacts & { merged: Map<string, string> }> {
    const wanted = new Map<string, CustomerIdentifier>()
    for (const i of identifiers) {
      const k = identityKey(i)
      if (options.fresh || !this.cache.has(k)) wanted.set(k, i)
    }
    const found = new Map<string, string>()
    const existing = new Map<string, string>()
    const merged = new Map<string, string>()
    const all = [...wanted.values()]
    const mergedOf = [...new Set(options.mergedOf ?? [])]
    for (let n = 0; n < all.length || n < mergedOf.length; n += READ_CHUNK) {
      const chunk = all.slice(n, n + READ_CHUNK)
      const values = [...new Set(chunk.map((i) => i.value))]
      const ids = [...new Set(chunk.map(candidateCustomerId))]
      const customers = mergedOf.slice(n, n + READ_CHUNK)
      const parts: string[] = []
      const params: SqlParam[] = []
      const d = runner.dialect
      if (chunk.length > 0) {
        const byValue = keyIn(d, 'value', values)
        const byId = keyIn(d, 'id', ids, 'uuid')
        const byCustomer = keyIn(d, 'customer_id', ids, 'uuid')
        parts.push(
          `select kind, channel_instance_id, value, customer_id, null as merged_into from customer_identity where ${byValue.sql}`,
          `select 'known', '', '', id, merged_into from customer where ${byId.sql}`,
          `select 'known', '', '', customer_id, null from price_list where ${byCustomer.sql}`,
        )
        params.push(...byValue.params, ...byId.params, ...byCustomer.params)
      }
      if (customers.length > 0) {
        const merged = keyIn(d, 'id', customers, 'uuid')
        parts.push(
          `select 'merged' as kind, '' as channel_instance_id, '' as value, id as customer_id, merged_into from customer where ${merged.sql} and merged_into is not null`,
        )
        params.push(...merged.params)
      }
      const rows = await runner.all<{
        kind: string
        channel_instance_id: string
        value: string
        customer_id: string
        merged_into: string | null
      }>(PLAN_EACH_CALL + parts.join(' union all '), params)
      for (const r of rows) {
        if (r.kind === 'merged') merged.set(r.customer_id, r.merged_into!)
        else if (r.kind === 'known') existing.set(r.customer_id, r.merged_into ?? r.customer_id)
        else found.set(`${r.kind}\u0000${r.channel_instance_id}\u0000${r.value}`, r.customer_id)
      }
    }
    for (const [k, id] of found) this.remember(k, id)
    return {
      linked: (k) => found.get(k) ?? this.cache.get(k),
      existing: (id) => existing.get(id),
      merged,
    }
  }

  private remember(key: string, customerId: string): void {
    if (this.cache.size >= CACHE_MAX) this.cache.clear()
    this.cache.set(key, customerId)
  }

  /** Drops remembered links to customers that were merged away (rare: a scan is fine). */
  private forget(customerIds: ReadonlySet<string>): void {
    for (const [k, id] of this.cache) if (customerIds.has(id)) this.cache.delete(k)
  }
}
