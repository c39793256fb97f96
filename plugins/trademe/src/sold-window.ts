/**
 * Where a TradeMe poll stands, stored by the hub as the poll's cursor once the events are
 * committed (so what it remembers is never ahead of what the hub has).
 *
 * TradeMe has no "sold since" parameter, only fixed windows (the last hour, 24 hours, 3, 7, 30 or
 * 45 days), so each poll asks for the smallest one that reaches back to the overlap before the
 * newest sale already taken, and leaves out by date what is older, and by PurchaseId what it took.
 */
export interface SoldCursor {
  /** The newest sale taken: the next window reaches back from here, minus the overlap. */
  since: string
  /** `purchaseId@soldAt` of sales taken near `since`: the overlap brings them again. */
  seen: string[]
  /** `purchaseId@soldAt` of sales waiting for the buyer's delivery address: read again until it comes. */
  waiting: string[]
  /** Mid-walk through one window's pages. */
  walk?: { filter: string; from: number; page: number; max?: number; taken: string[]; waiting: string[] }
}

/** TradeMe's sold items filters, smallest first, with how far back each reaches. */
const FILTERS: [string, number][] = [
  ['LastHour', 3600_000],
  ['Last24Hours', 24 * 3600_000],
  ['Last3Days', 3 * 24 * 3600_000],
  ['Last7Days', 7 * 24 * 3600_000],
  ['Last30Days', 30 * 24 * 3600_000],
  ['Last45Days', 45 * 24 * 3600_000],
]
/** TradeMe's clock and ours differ a little; a window is picked with this much to spare. */
const SLACK_MS = 5 * 60_000
export const OLDEST_MS = FILTERS.at(-1)![1]

export const keyOf = (purchaseId: number, soldAt: number) => `${purchaseId}@${soldAt}`
const timeOfKey = (key: string) => Number(key.slice(key.lastIndexOf('@') + 1))

/** The smallest filter whose window holds every sale since `from`. */
export function filterFor(from: number, now: number): string {
  const age = now - from + SLACK_MS
  return (FILTERS.find(([, reach]) => reach >= age) ?? FILTERS.at(-1)!)[0]
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s) => typeof s === 'string') : [])

export function readCursor(raw: string | null, start: () => string): SoldCursor {
  let parsed: Partial<SoldCursor> | undefined
  try {
    parsed = raw ? (JSON.parse(raw) as Partial<SoldCursor>) : undefined
  } catch {}
  if (!parsed || typeof parsed.since !== 'string' || Number.isNaN(Date.parse(parsed.since)))
    return { since: start(), seen: [], waiting: [] }
  const w = parsed.walk
  return {
    since: parsed.since,
    seen: strings(parsed.seen),
    waiting: strings(parsed.waiting),
    ...(w && typeof w.filter === 'string' && Number.isSafeInteger(w.page) && Number.isFinite(w.from)
      ? { walk: { ...w, taken: strings(w.taken), waiting: strings(w.waiting) } }
      : {}),
  }
}

/** Where this window starts: the overlap before `since`, or the oldest sale still waiting. */
export function windowFrom(cursor: SoldCursor, overlapMs: number): number {
  if (cursor.walk) return cursor.walk.from
  return Math.min(Date.parse(cursor.since) - overlapMs, ...cursor.waiting.map(timeOfKey))
}

/** True for a sale this poll took already (the same purchase, the same sale time). */
export function taken(cursor: SoldCursor, key: string): boolean {
  return cursor.seen.includes(key) || (cursor.walk?.taken.includes(key) ?? false)
}

/**
 * The cursor after one page. With another page to read the window stays put; at the end `since`
 * moves to the newest sale taken (never past `now`, so a partner clock running ahead cannot make
 * the next poll skip sales), and what the next overlap will bring again is remembered.
 */
export function advance(
  cursor: SoldCursor,
  page: { filter: string; from: number; page: number; more: boolean },
  takenNow: string[],
  waitingNow: string[],
  overlapMs: number,
  now: number,
): SoldCursor {
  const walkTaken = [...(cursor.walk?.taken ?? []), ...takenNow]
  const walkWaiting = [...(cursor.walk?.waiting ?? []), ...waitingNow]
  let max = cursor.walk?.max
  for (const key of takenNow) max = Math.max(max ?? 0, timeOfKey(key))
  if (page.more)
    return {
      since: cursor.since,
      seen: cursor.seen,
      waiting: cursor.waiting,
      walk: {
        filter: page.filter,
        from: page.from,
        page: page.page + 1,
        ...(max !== undefined ? { max } : {}),
        taken: walkTaken,
        waiting: walkWaiting,
      },
    }
  const since = Math.max(Date.parse(cursor.since), Math.min(max ?? 0, now))
  const edge = since - overlapMs
  // Waiting sales are read again until their address comes or they are reported, so never "seen".
  const stillWaiting = new Set(walkWaiting)
  const seen = [...new Set([...cursor.seen, ...walkTaken])].filter(
    (key) => timeOfKey(key) >= edge && !stillWaiting.has(key),
  )
  return {
    since: new Date(since).toISOString(),
    seen,
    waiting: [...stillWaiting].filter((key) => timeOfKey(key) > now - OLDEST_MS),
  }
}
