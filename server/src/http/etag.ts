import { createHash } from 'node:crypto'
import { NotFoundError, PreconditionFailedError, type SqlDb } from '@switchyard/core'
import { z } from 'zod'
import { problem } from './openapi'
import { ProblemError } from './problem'

/**
 * ETag and If-Match for what people edit concurrently through the admin API: price lists and
 * contracts, locations, pools, sku mappings. The tag is a strong one, a digest of the editable state
 * as the API shows it, so it changes exactly when a write changes what a reader saw, and needs no
 * column of its own. Rule drafts have theirs from core (version and saved-at, checked in the
 * statement that writes).
 */
export function entityTag(state: unknown): string {
  return `"${createHash('sha256').update(JSON.stringify(state)).digest('base64url').slice(0, 27)}"`
}

/**
 * RFC 9110 §13.1.1: absent, the write goes ahead as it always did; `*` when the resource exists;
 * else one of the listed tags must equal the current one by strong comparison (a weak tag never
 * does).
 */
export function ifMatchHolds(header: string | undefined, current: string | undefined): boolean {
  if (header === undefined) return true
  const listed = header.split(',').map((t) => t.trim())
  if (listed.includes('*')) return current !== undefined
  return current !== undefined && listed.includes(current)
}

/** The state a tag is made of, or undefined when the resource does not exist (a 404 read). */
export async function existing<T>(read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read()
  } catch (error) {
    if (error instanceof NotFoundError) return undefined
    throw error
  }
}

// Check and write for one resource take turns within a hub (so a hub holds at most one database
// lock per resource), and on PostgreSQL across hubs too: a transaction holds an advisory lock on
// the resource's name (its bucket) from before the check until after the write, so a second
// writer's check reads what the first wrote. With SQLite one hub serves one file (ARCHITECTURE.md), so the
// in-process turn is the whole of it.
const turns = new Map<string, Promise<unknown>>()

/** Waits for every earlier holder of any of `keys`, taking them all at once (so never a deadlock). */
async function inTurn<T>(keys: readonly string[], work: () => Promise<T>): Promise<T> {
  const before = keys.flatMap((k) => {
    const held = turns.get(k)
    return held ? [held] : []
  })
  const mine = Promise.all(before).then(work)
  const settled = mine.then(
    () => undefined,
    () => undefined,
  )
  for (const k of keys) turns.set(k, settled)
  try {
    return await mine
  } finally {
    for (const k of keys) if (turns.get(k) === settled) turns.delete(k)
  }
}

// The lock's transaction keeps a pooled connection while the check and the write use others; a
// few at a time per hub leaves the pool room for those (and for everything else the hub does).
const MAX_LOCK_HOLDERS = 2
/** A power of two. */
const LOCK_BUCKETS = 256
let lockHolders = 0
const waitingForLock: (() => void)[] = []

async function acrossHubs<T>(db: SqlDb, resources: readonly string[], work: () => Promise<T>): Promise<T> {
  if (db.dialect !== 'postgresql') return work()
  if (lockHolders >= MAX_LOCK_HOLDERS) await new Promise<void>((go) => waitingForLock.push(go))
  else lockHolders++
  try {
    return await db.transaction(async (tx) => {
      // A lock per bucket of names, not per name: a bulk write of thousands of entries takes at most
      // LOCK_BUCKETS locks (PostgreSQL's lock table is small), at the price of two writes of
      // different resources in one bucket taking turns. In bucket order, as every holder takes
      // them, so two bulk writes cannot wait for each other.
      await tx.all(
        `select pg_advisory_xact_lock(727274003, b) from (select distinct hashtext(r) & ${LOCK_BUCKETS - 1} as b
           from unnest(?::text[]) as r order by b) s`,
        [resources.map((r) => `if-match:${r}`)],
      )
      return work()
    })
  } finally {
    // Hand the slot to the next waiter, or give it back.
    const next = waitingForLock.shift()
    if (next) next()
    else lockHolders--
  }
}

/**
 * A write sent with If-Match goes ahead only on the state it names; otherwise 412
 * `PRECONDITION_FAILED` naming the current tag (`details.current.etag`, null when the resource is
 * gone) and nothing is written. `tagged` reads the resource's current state and its tag. With `db`
 * on PostgreSQL the check and the write hold the resource against other hubs' If-Match writes too.
 */
export async function writeIfMatch<T>(
  ifMatch: string | undefined,
  resource: string,
  tagged: () => Promise<{ etag: string; updatedAt?: string | null } | undefined>,
  write: () => Promise<T>,
  db: SqlDb,
): Promise<T> {
  if (ifMatch === undefined) return write()
  return inTurn([resource], () =>
    acrossHubs(db, [resource], async () => {
      const current = await tagged()
      if (!ifMatchHolds(ifMatch, current?.etag))
        throw new PreconditionFailedError(
          current
            ? `${resource} changed since it was read: it is now ${current.etag}`
            : `${resource} does not exist (any more)`,
          { etag: current?.etag ?? null, updatedAt: current?.updatedAt ?? null },
        )
      return write()
    }),
  )
}

/** One entry of a bulk write that names the state it was read in (its own If-Match). */
export interface EntryCheck {
  /** The entry's resource, as the single write names it (so the two take turns). */
  resource: string
  /** How `tagged` knows the entry (a channel sku). */
  key: string
  /** The body field that carried the tag (`mappings[3].ifMatch`). */
  field: string
  ifMatch: string
}

type Tagged = { etag: string; updatedAt?: string | null }

/**
 * A bulk write whose entries each may name the state they were read in: it goes ahead only if
 * every named entry is still in that state, else 412 `PRECONDITION_FAILED` naming each stale
 * field in `errors` and the current state of each in `details.current` (by key; etag null when the
 * entry is gone), and nothing is written. Entries without a tag are written as they come. The
 * entries take turns with single If-Match writes of the same resources, on every hub on PostgreSQL.
 */
export async function writeIfEachMatches<T>(
  checks: readonly EntryCheck[],
  tagged: (keys: string[]) => Promise<Map<string, Tagged>>,
  write: () => Promise<T>,
  db: SqlDb,
): Promise<T> {
  if (checks.length === 0) return write()
  const resources = [...new Set(checks.map((c) => c.resource))]
  return inTurn(resources, () =>
    acrossHubs(db, resources, async () => {
      const current = await tagged(checks.map((c) => c.key))
      const stale = checks.filter((c) => !ifMatchHolds(c.ifMatch, current.get(c.key)?.etag))
      if (stale.length > 0) throw staleEntries(stale, current)
      return write()
    }),
  )
}

function staleEntries(stale: readonly EntryCheck[], current: Map<string, Tagged>): ProblemError {
  const now = (c: EntryCheck) => current.get(c.key)
  return new ProblemError(
    412,
    'PRECONDITION_FAILED',
    `${stale.length} of the entries changed since they were read; nothing was written`,
    stale.map((c) => ({
      field: c.field,
      message: now(c) ? `${c.resource} is now ${now(c)!.etag}` : `${c.resource} does not exist (any more)`,
    })),
    undefined,
    {
      details: {
        current: Object.fromEntries(
          stale.map((c) => [c.key, { etag: now(c)?.etag ?? null, updatedAt: now(c)?.updatedAt ?? null }]),
        ),
      },
    },
  )
}

/** The If-Match request header, as the document shows it. */
export const ifMatchHeader = z.object({
  'if-match': z.string().max(1000).optional().meta({
    description:
      'The `ETag` you read: the write goes ahead only if the resource is still in that state, else 412 `PRECONDITION_FAILED` naming the current one. Without it the write goes ahead.',
  }),
})

/** A success that carries the resource's ETag. */
export const withTag = <R extends { description: string }>(response: R) => ({
  ...response,
  headers: z.object({ etag: z.string().meta({ description: 'The current state; send it as If-Match' }) }),
})

export const staleTag = problem(
  '`PRECONDITION_FAILED`: `If-Match` names a state that is no longer current; `details.current.etag` is the current one (null when the resource is gone)',
)
