import type { PagePosition } from './pager'

/**
 * A poll's place in a partner's "modified since" feed, as plain JSON (the hub stores it as the
 * poll's cursor once the events are committed).
 */
export interface WindowState {
  /** The newest modification taken so far: the next window asks from here, minus the overlap. */
  since: string
  /** `id@modifiedAt` of records already taken near `since`: the overlap brings them again, unwanted. */
  seen: string[]
  /** Mid-walk through one window's pages: the next page (the window's start stays fixed meanwhile). */
  page?: PagePosition
  /** Mid-walk: the newest modification met on the pages so far. */
  max?: string
  /** Mid-walk: `id@modifiedAt` of the records met on the pages so far. */
  walk?: string[]
}

export interface WindowCursorOptions {
  /** How far each window reaches back before `since`, for writes that land late at the partner. */
  overlapMs: number
  /** Where the very first poll starts (an ISO instant); by default a day before now. */
  start?: string | ((now: Date) => string)
  /** How many ids near the window's edge are remembered (the newest ones); default 1,000. */
  maxSeen?: number
}

/** A record of the page as the cursor needs it: its id and when the partner last modified it. */
export interface WindowRecord {
  id: string
  modifiedAt: string | undefined
}

export interface WindowCursor {
  /** The stored cursor read back, or a fresh one (`raw` null, or not a cursor of this shape). */
  read(raw: string | null, now: Date): WindowState
  /** The instant to ask "modified since" for: `since` minus the overlap, as ISO 8601. */
  from(state: WindowState): string
  /** False for a record this poll already took (same id, same modification) in the overlap. */
  fresh(state: WindowState, record: WindowRecord): boolean
  /**
   * The cursor after a page: with `next` (another page of this window) the window stays where it
   * is; without, `since` moves to the newest modification met (never past `now`, so a partner's
   * clock running ahead cannot make the poll skip what is written meanwhile).
   */
  advance(
    state: WindowState,
    records: readonly WindowRecord[],
    next: PagePosition | undefined,
    now: Date,
  ): string
}

const instant = (v: string | undefined): number | undefined => {
  if (!v) return undefined
  const t = Date.parse(v)
  return Number.isNaN(t) ? undefined : t
}
const keyOf = (r: WindowRecord) => {
  const t = instant(r.modifiedAt)
  return `${r.id}@${t === undefined ? '' : new Date(t).toISOString()}`
}
const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []

/**
 * A time-window cursor for "modified since" polling: each window reaches back `overlapMs` so a
 * late write is not missed, and the records of the overlap already taken (same id and same
 * modification time) are recognised and left out, so an unchanged order is not handed to the hub
 * again and again. A record modified again comes back: its modification time differs.
 *
 * @example
 * const windows = windowCursor({ overlapMs: 120_000, start: config.reconcileFrom })
 * const state = windows.read(cursor, ctx.clock.now())
 * const page = await orders.fetch(send, `${api}/orders?modifiedSince=${windows.from(state)}`, state.page)
 * const events = page.records.filter((o) => windows.fresh(state, { id: o.id, modifiedAt: o.updated })).map(toEvent)
 * return { events, cursor: windows.advance(state, records, page.next, ctx.clock.now()), more: !!page.next }
 */
export function windowCursor(options: WindowCursorOptions): WindowCursor {
  const maxSeen = options.maxSeen ?? 1000
  const startAt = (now: Date) =>
    typeof options.start === 'function'
      ? options.start(now)
      : (options.start ?? new Date(now.getTime() - 24 * 3600_000).toISOString())
  const seenSets = new WeakMap<WindowState, Set<string>>()
  const seenOf = (state: WindowState) => {
    let set = seenSets.get(state)
    if (!set) {
      set = new Set([...state.seen, ...(state.walk ?? [])])
      seenSets.set(state, set)
    }
    return set
  }
  return {
    read(raw, now) {
      let parsed: Partial<WindowState> | undefined
      try {
        parsed = raw ? (JSON.parse(raw) as Partial<WindowState>) : undefined
      } catch {}
      if (!parsed || typeof parsed !== 'object' || instant(parsed.since) === undefined)
        return { since: startAt(now), seen: [] }
      return {
        since: parsed.since!,
        seen: strings(parsed.seen),
        ...(parsed.page && typeof parsed.page === 'object' ? { page: parsed.page } : {}),
        ...(instant(parsed.max) !== undefined ? { max: parsed.max! } : {}),
        ...(parsed.walk ? { walk: strings(parsed.walk) } : {}),
      }
    },
    from(state) {
      return new Date(instant(state.since)! - options.overlapMs).toISOString()
    },
    fresh(state, record) {
      return !seenOf(state).has(keyOf(record))
    },
    advance(state, records, next, now) {
      let max = instant(state.max)
      const walk = [...(state.walk ?? [])]
      for (const r of records) {
        const t = instant(r.modifiedAt)
        if (t !== undefined && (max === undefined || t > max)) max = t
        walk.push(keyOf(r))
      }
      if (next) {
        const cursor: WindowState = {
          since: state.since,
          seen: state.seen,
          page: next,
          ...(max !== undefined ? { max: new Date(max).toISOString() } : {}),
          walk: walk.slice(-maxSeen),
        }
        return JSON.stringify(cursor)
      }
      const since = Math.max(instant(state.since)!, Math.min(max ?? Number.NEGATIVE_INFINITY, now.getTime()))
      const edge = since - options.overlapMs
      // What the next window's overlap will bring again: the ones taken before, still near the edge.
      const seen = [...new Set([...state.seen, ...walk])].filter((key) => {
        const t = instant(key.slice(key.lastIndexOf('@') + 1))
        return t !== undefined && t >= edge
      })
      const cursor: WindowState = { since: new Date(since).toISOString(), seen: seen.slice(-maxSeen) }
      return JSON.stringify(cursor)
    },
  }
}
