/**
 * What TradeMe's sold items list needs beside the SDK's window cursor. TradeMe has no "sold since"
 * parameter, only fixed windows (the last hour, 24 hours, 3, 7, 30 or 45 days): a poll asks for the
 * smallest one reaching back to where its window starts. And a sale can wait for the buyer's
 * delivery address: such sales are kept in the cursor (never "seen") so the next windows reach back
 * to them until the address comes.
 */

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
/** All TradeMe keeps: no window reaches further back. */
export const OLDEST_MS = FILTERS.at(-1)![1]

/** The smallest filter whose window holds every sale since `from`. */
export function filterFor(from: number, now: number): string {
  const age = now - from + SLACK_MS
  return (FILTERS.find(([, reach]) => reach >= age) ?? FILTERS.at(-1)!)[0]
}

/** The cursor's own part: sales waiting for an address (`purchaseId@soldAt`), and the walk's filter. */
export interface Waiting {
  waiting: string[]
  /** Mid-walk: the filter its pages belong to, and the sales found waiting on its pages so far. */
  walk?: { filter: string; waiting: string[] }
}

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []

export const waitingKey = (purchaseId: number, soldAt: number) =>
  `${purchaseId}@${new Date(soldAt).toISOString()}`
export const timeOfKey = (key: string) => Date.parse(key.slice(key.lastIndexOf('@') + 1))

export function readWaiting(raw: string | null): Waiting {
  let parsed: { waiting?: unknown; walkFilter?: unknown; walkWaiting?: unknown } | undefined
  try {
    parsed = raw ? JSON.parse(raw) : undefined
  } catch {}
  const waiting = strings(parsed?.waiting).filter((k) => !Number.isNaN(timeOfKey(k)))
  return typeof parsed?.walkFilter === 'string'
    ? { waiting, walk: { filter: parsed.walkFilter, waiting: strings(parsed.walkWaiting) } }
    : { waiting }
}

/**
 * The window cursor's JSON with the waiting sales added. Mid-walk (`more`) the earlier list stands
 * and this walk's finds accumulate; at the walk's end they replace it, minus any TradeMe no longer
 * keeps.
 */
export function withWaiting(
  windowCursor: string,
  before: Waiting,
  page: { filter: string; waiting: string[]; more: boolean },
  now: number,
): string {
  const found = [...(before.walk?.waiting ?? []), ...page.waiting]
  const own = page.more
    ? { waiting: before.waiting, walkFilter: page.filter, walkWaiting: found }
    : { waiting: [...new Set(found)].filter((k) => timeOfKey(k) > now - OLDEST_MS) }
  return JSON.stringify({ ...JSON.parse(windowCursor), ...own })
}
