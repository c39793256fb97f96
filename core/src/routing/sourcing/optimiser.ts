/**
 * Chooses which locations ship which lines: the assignment of least weighted cost, subject to stock,
 * eligibility (already folded into `avail`), ship-together groups and the split policy.
 *
 * Splitting happens only when needed: a single location that can ship everything always wins; else
 * the fewest shipments that can, and among those the cheapest. The search over location sets is
 * exhaustive when at most EXACT_POOL locations hold stock for the order; beyond that it searches the
 * EXACT_POOL cheapest (a heuristic, reported as such). Ties break on the candidates' fixed order,
 * so the same input always gives the same answer.
 */
export const EXACT_POOL = 12

export interface OptimiserInput {
  /**
   * Quantity and value (minor units) per line; a `whole` line (a kit) ships all of it from one
   * location or waits, never split across locations.
   */
  lines: readonly { qty: number; valueMinor: number; whole?: boolean }[]
  /** Cost of shipping from each candidate (lower is better); candidates are in a fixed order. */
  cost: ArrayLike<number>
  /** Units each candidate may ship of each line: avail[line][candidate]; 0 where not eligible. */
  avail: readonly ArrayLike<number>[]
  /** Lines that must ship from one location, by line index. */
  groups: readonly (readonly number[])[]
  /** `maxShipments` may be 0 when re-routing an order that already went in as many as it may. */
  split: { allowed: boolean; maxShipments: number; minShipmentValueMinor: number }
  /** Cost added per shipment beyond the first. */
  splitPenalty: number
  /** Fallback: fill what can be filled rather than nothing. */
  allowPartial: boolean
}

export interface OptimiserResult {
  /** [line, candidate, qty] */
  assignments: [number, number, number][]
  unfilled: [number, number][]
  candidates: number[]
  cost: number
  /** False when the set search was cut to the cheapest EXACT_POOL candidates. */
  exact: boolean
  complete: boolean
}

export function optimise(input: OptimiserInput): OptimiserResult | null {
  const { lines, cost, avail } = input
  const n = cost.length
  // 1. One location for everything (unless no shipment may be added: re-routing at the maximum).
  let best = -1
  for (let c = 0; c < n && input.split.maxShipments >= 1; c++) {
    let ok = true
    for (let l = 0; l < lines.length; l++) {
      if (avail[l]![c]! < lines[l]!.qty) {
        ok = false
        break
      }
    }
    if (ok && (best < 0 || cost[c]! < cost[best]!)) best = c
  }
  if (best >= 0) {
    return {
      assignments: lines.map((line, l) => [l, best, line.qty] as [number, number, number]),
      unfilled: [],
      candidates: [best],
      cost: cost[best]!,
      exact: true,
      complete: true,
    }
  }
  if (lines.length === 0)
    return { assignments: [], unfilled: [], candidates: [], cost: 0, exact: true, complete: true }

  // 2. The fewest locations that can, cheapest first.
  const holders: number[] = []
  for (let c = 0; c < n; c++) if (lines.some((_, l) => avail[l]![c]! > 0)) holders.push(c)
  const exact = holders.length <= EXACT_POOL
  const pool = cheapest(holders, cost, EXACT_POOL)
  if (input.split.allowed) {
    const maxK = Math.min(input.split.maxShipments, pool.length)
    for (let k = 2; k <= maxK; k++) {
      let found: OptimiserResult | null = null
      forEachCombination(pool.length, k, (idx) => {
        const set = idx.map((i) => pool[i]!)
        const r = tryAssign(input, set)
        if (!r) return
        const total = set.reduce((s, c) => s + cost[c]!, 0) + input.splitPenalty * (k - 1)
        if (!found || total < found.cost)
          found = { assignments: r, unfilled: [], candidates: set, cost: total, exact, complete: true }
      })
      if (found) return found
    }
  }
  return input.allowPartial ? partial(input, holders, exact) : null
}

/**
 * The `k` cheapest of `of` (cost, then candidate order), cheapest first: what sorting them all and
 * taking the first `k` gives, without sorting thousands of stocked locations.
 */
function cheapest(of: readonly number[], cost: ArrayLike<number>, k: number): number[] {
  const best: number[] = []
  const before = (a: number, b: number) => cost[a]! < cost[b]! || (cost[a] === cost[b] && a < b)
  for (const c of of) {
    if (best.length === k && !before(c, best[k - 1]!)) continue
    let at = best.length
    while (at > 0 && before(c, best[at - 1]!)) at--
    best.splice(at, 0, c)
    if (best.length > k) best.pop()
  }
  return best
}

function forEachCombination(n: number, k: number, visit: (idx: number[]) => void): void {
  const idx = Array.from({ length: k }, (_, i) => i)
  while (true) {
    visit(idx)
    let i = k - 1
    while (i >= 0 && idx[i] === n - k + i) i--
    if (i < 0) return
    idx[i]!++
    for (let j = i + 1; j < k; j++) idx[j] = idx[j - 1]! + 1
  }
}

/** Lines onto a set of locations (cheapest first): whole lines where possible, split lines if allowed. */
function tryAssign(input: OptimiserInput, set: number[]): [number, number, number][] | null {
  const { lines, avail, groups } = input
  const left = new Map<string, number>()
  const free = (l: number, c: number) => left.get(`${l}:${c}`) ?? avail[l]![c]!
  const take = (l: number, c: number, q: number) => left.set(`${l}:${c}`, free(l, c) - q)
  const out: [number, number, number][] = []
  const grouped = new Set<number>()
  for (const g of groups) {
    if (g.length < 2) continue
    const home = set.find((c) => g.every((l) => free(l, c) >= lines[l]!.qty))
    if (home === undefined) return null
    for (const l of g) {
      out.push([l, home, lines[l]!.qty])
      take(l, home, lines[l]!.qty)
      grouped.add(l)
    }
  }
  for (let l = 0; l < lines.length; l++) {
    if (grouped.has(l)) continue
    const qty = lines[l]!.qty
    const whole = set.find((c) => free(l, c) >= qty)
    if (whole !== undefined) {
      out.push([l, whole, qty])
      take(l, whole, qty)
      continue
    }
    if (lines[l]!.whole) return null
    let rest = qty
    for (const c of set) {
      const q = Math.min(free(l, c), rest)
      if (q <= 0) continue
      out.push([l, c, q])
      take(l, c, q)
      rest -= q
      if (rest === 0) break
    }
    if (rest > 0) return null
  }
  for (const c of set) {
    const shipped = out.filter((a) => a[1] === c)
    if (shipped.length === 0) return null
    const value = shipped.reduce((s, [l, , q]) => s + (lines[l]!.valueMinor * q) / lines[l]!.qty, 0)
    if (value < input.split.minShipmentValueMinor) return null
  }
  return out
}

/** Fallback: as much as can ship within the split policy, each line from the best location left. */
function partial(input: OptimiserInput, holders: number[], exact: boolean): OptimiserResult {
  const { lines, avail, groups, cost } = input
  const max = input.split.allowed ? input.split.maxShipments : Math.min(1, input.split.maxShipments)
  const used: number[] = []
  // Units taken so far, keyed by line and candidate (a number, not a string per lookup).
  const left = new Map<number, number>()
  const n = cost.length
  const key = (l: number, c: number) => l * n + c
  const free = (l: number, c: number) => left.get(key(l, c)) ?? avail[l]![c]!
  const out: [number, number, number][] = []
  const unfilled: [number, number][] = []
  const canUse = (c: number) => used.includes(c) || used.length < max
  const use = (c: number) => {
    if (!used.includes(c)) used.push(c)
  }
  const grouped = new Set<number>()
  for (const g of groups) {
    if (g.length < 2) continue
    for (const l of g) grouped.add(l)
    const home = holders
      .filter(canUse)
      .sort((a, b) => Number(used.includes(b)) - Number(used.includes(a)) || cost[a]! - cost[b]! || a - b)
      .find((c) => g.every((l) => free(l, c) >= lines[l]!.qty))
    if (home === undefined) {
      for (const l of g) unfilled.push([l, lines[l]!.qty])
      continue
    }
    use(home)
    for (const l of g) {
      out.push([l, home, lines[l]!.qty])
      left.set(key(l, home), free(l, home) - lines[l]!.qty)
    }
  }
  for (let l = 0; l < lines.length; l++) {
    if (grouped.has(l)) continue
    let rest = lines[l]!.qty
    // Ranked by what each offers now (all of the line, already shipping, cost, candidate order):
    // worked out once per location, not in every comparison.
    const order = holders.filter((c) => free(l, c) >= (lines[l]!.whole ? rest : 1))
    const rank = new Map<number, number>()
    for (const c of order) rank.set(c, (free(l, c) >= rest ? 2 : 0) + (used.includes(c) ? 1 : 0))
    order.sort((a, b) => rank.get(b)! - rank.get(a)! || cost[a]! - cost[b]! || a - b)
    for (const c of order) {
      if (rest === 0) break
      if (!canUse(c)) continue
      if (out.some((a) => a[0] === l) && !input.split.allowed) break
      const q = Math.min(free(l, c), rest)
      use(c)
      out.push([l, c, q])
      left.set(key(l, c), free(l, c) - q)
      rest -= q
    }
    if (rest > 0) unfilled.push([l, rest])
  }
  // A split may not leave a shipment below the minimum value: drop the smallest until none is,
  // its lines waiting (backordered) instead.
  const min = input.split.minShipmentValueMinor
  const valueAt = (c: number) =>
    out.filter((a) => a[1] === c).reduce((s, [l, , q]) => s + (lines[l]!.valueMinor * q) / lines[l]!.qty, 0)
  while (min > 0 && used.length > 1) {
    const smallest = [...used].sort((a, b) => valueAt(a) - valueAt(b) || b - a)[0]!
    if (valueAt(smallest) >= min) break
    for (const a of out.filter((x) => x[1] === smallest)) {
      const open = unfilled.find((u) => u[0] === a[0])
      if (open) open[1] += a[2]
      else unfilled.push([a[0], a[2]])
    }
    for (let i = out.length - 1; i >= 0; i--) if (out[i]![1] === smallest) out.splice(i, 1)
    used.splice(used.indexOf(smallest), 1)
  }
  unfilled.sort((a, b) => a[0] - b[0])
  const total = used.reduce((s, c) => s + cost[c]!, 0) + input.splitPenalty * Math.max(0, used.length - 1)
  return { assignments: out, unfilled, candidates: used, cost: total, exact, complete: unfilled.length === 0 }
}
