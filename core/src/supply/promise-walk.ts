/** One inbound supply as the walk sees it: units still to arrive, on a date. */
export interface SupplyLot {
  id: string
  expectedDate: string
  /** Units expected and not yet received. */
  open: number
}

/** One backordered line waiting, in the order it is served. */
export interface Demand {
  key: string
  quantity: number
}

/**
 * First come, first served over inbound supply: lines are served in the order given (placement),
 * lots in date order, and each line is promised the date of the lot that completes it (a line that
 * takes units of two lots waits for the later). A line the open supply cannot cover gets null.
 * A line never jumps ahead of an earlier one, so a delay moves every promise behind it too.
 */
export function promiseWalk(
  lots: readonly SupplyLot[],
  demands: readonly Demand[],
): Map<string, { date: string; lotId: string } | null> {
  const sorted = [...lots].sort((a, b) =>
    a.expectedDate === b.expectedDate ? (a.id < b.id ? -1 : 1) : a.expectedDate < b.expectedDate ? -1 : 1,
  )
  const out = new Map<string, { date: string; lotId: string } | null>()
  let lot = 0
  let left = sorted[0]?.open ?? 0
  for (const d of demands) {
    let need = d.quantity
    let last: SupplyLot | undefined
    while (need > 0 && lot < sorted.length) {
      if (left <= 0) {
        lot++
        left = sorted[lot]?.open ?? 0
        continue
      }
      const take = Math.min(need, left)
      need -= take
      left -= take
      last = sorted[lot]
    }
    out.set(d.key, need > 0 || !last ? null : { date: last.expectedDate, lotId: last.id })
  }
  return out
}
