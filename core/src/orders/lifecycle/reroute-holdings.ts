import type { SqlRunner } from '../../db/sql/sql-db'
import { releaseStock } from '../../inventory/stock-writer'
import type { Assignment, StockView } from '../../routing/router'
import { backorderedLines, fulfilmentsIn, looseAllocations, shiftLine, shrinkAllocation } from '../store'

/**
 * What a re-routed order already holds. Allocations not yet in a fulfilment (a backorder's partial
 * allocation) may still move: re-routing routes them again with the open quantity, so the split
 * policy is applied to the whole order, as at intake. Fulfilments already requested or shipped
 * cannot move; they count as shipments already sent.
 */
export interface Holdings {
  movable: HeldAllocation[]
  /** Fulfilments that ship or will ship (pending, requested, accepted, shipped, failed). */
  shipmentsSoFar: number
  sent: { locationId: string }[]
}

export interface HeldAllocation {
  id: string
  lineId: string
  sku: string
  locationId: string
  quantity: number
  poolId: string | null
}

export async function loadHoldings(tx: SqlRunner, orderId: string): Promise<Holdings> {
  const movable = await looseAllocations(tx, orderId)
  const sent = await fulfilmentsIn(tx, orderId, ['pending', 'requested', 'accepted', 'shipped', 'failed'])
  return {
    movable: movable.map(({ name: _, ...a }) => a),
    shipmentsSoFar: sent.length,
    sent: sent.map((f) => ({ locationId: f.locationId })),
  }
}

/** Units of a line held by movable allocations. */
export function heldFor(lineId: string, movable: readonly HeldAllocation[]): number {
  return movable.filter((a) => a.lineId === lineId).reduce((s, a) => s + a.quantity, 0)
}

/** The channel's stock with the order's own movable units added back where they are held. */
export function withHeld(view: StockView, movable: readonly HeldAllocation[]): StockView {
  const held = new Map<string, number>()
  for (const a of movable) {
    const k = `${a.sku}\u0000${a.locationId}`
    held.set(k, (held.get(k) ?? 0) + a.quantity)
  }
  return {
    available: (sku, locationId) =>
      view.available(sku, locationId) + (held.get(`${sku}\u0000${locationId}`) ?? 0),
  }
}

/**
 * Keeps each movable allocation as far as the plan wants the same line at the same location, gives
 * the rest back (stock and pool, the line's backorder grows by it) and returns what is left of the
 * plan to allocate anew, with what was given back.
 */
export async function settleHeld(
  tx: SqlRunner,
  movable: readonly HeldAllocation[],
  planned: readonly Assignment[],
  now: number,
): Promise<{ rest: Assignment[]; givenBack: { sku: string; locationId: string; quantity: number }[] }> {
  const want = new Map<string, number>()
  const key = (lineId: string, locationId: string) => `${lineId}\u0000${locationId}`
  for (const a of planned)
    want.set(key(a.lineId, a.locationId), (want.get(key(a.lineId, a.locationId)) ?? 0) + a.quantity)
  const givenBack: { sku: string; locationId: string; quantity: number }[] = []
  // Stock rows in (sku, location) order, the lock order every writer uses.
  const ordered = [...movable].sort((x, y) =>
    x.sku === y.sku ? (x.locationId < y.locationId ? -1 : 1) : x.sku < y.sku ? -1 : 1,
  )
  for (const a of ordered) {
    const k = key(a.lineId, a.locationId)
    const keep = Math.min(a.quantity, want.get(k) ?? 0)
    want.set(k, (want.get(k) ?? 0) - keep)
    const back = a.quantity - keep
    if (back === 0) continue
    await releaseStock(tx, a.sku, a.locationId, back, now, a.poolId)
    await shrinkAllocation(tx, a.id, keep, now)
    await shiftLine(tx, a.lineId, { allocated: -back, backordered: back })
    givenBack.push({ sku: a.sku, locationId: a.locationId, quantity: back })
  }
  const rest: Assignment[] = []
  for (const a of planned) {
    const k = key(a.lineId, a.locationId)
    const left = want.get(k) ?? 0
    if (left <= 0) continue
    const q = Math.min(left, a.quantity)
    rest.push({ ...a, quantity: q })
    want.set(k, left - q)
  }
  return { rest, givenBack }
}

/**
 * What a re-route actually left the order with, in words: the shipments it now goes in (those
 * already sent included), or what is still backordered and what is held meanwhile, and what was
 * given back to follow the plan. Read from the rows after the writes, so it cannot disagree with them.
 */
export async function describeReroute(
  tx: SqlRunner,
  orderId: string,
  sent: readonly { locationId: string }[],
  givenBack: readonly { sku: string; locationId: string; quantity: number }[],
  nameOf: (locationId: string) => string,
): Promise<string> {
  const loose = (await looseAllocations(tx, orderId)).sort((x, y) =>
    x.locationId === y.locationId ? x.sku.localeCompare(y.sku) : x.locationId < y.locationId ? -1 : 1,
  )
  const open = await backorderedLines(tx, orderId)
  const byLocation = new Map<string, Map<string, number>>()
  for (const a of loose) {
    const m = byLocation.get(a.locationId) ?? new Map<string, number>()
    m.set(a.sku, (m.get(a.sku) ?? 0) + a.quantity)
    byLocation.set(a.locationId, m)
  }
  const units = (m: Map<string, number>) => [...m].map(([sku, q]) => `${q} × ${sku}`).join(', ')
  const parts: string[] = []
  if (givenBack.length > 0)
    parts.push(
      `Gave back ${givenBack.map((g) => `${g.quantity} × ${g.sku} held at ${nameOf(g.locationId)}`).join(', ')}.`,
    )
  const newOnes = [...byLocation].map(([loc, m]) => `${nameOf(loc)} (${units(m)})`)
  const sentOnes = sent.map((f) => `${nameOf(f.locationId)} (already sent)`)
  if (open.length === 0) {
    const all = [...sentOnes, ...newOnes]
    parts.push(
      all.length === 1
        ? `The order now ships complete in one shipment from ${[...byLocation.keys()].map(nameOf)[0] ?? nameOf(sent[0]!.locationId)}.`
        : `The order now ships in ${all.length} shipments: ${all.join('; ')}.`,
    )
  } else {
    const missing = open.map((l) => `${l.quantity} × ${l.sku}`).join(', ')
    parts.push(
      `Still backordered: ${missing}${newOnes.length > 0 ? `; held meanwhile: ${newOnes.join('; ')}` : ''}${
        sentOnes.length > 0 ? `; sent before: ${sentOnes.join('; ')}` : ''
      }.`,
    )
  }
  return parts.join(' ')
}
