import type { LocationFacts } from '../catalog/facts'
import { countryCentroid, distanceKm } from './geo'
import type { Assignment, CandidateExplanation, Router, RoutingPlan, RoutingRequest } from './router'
import { localTime } from './sourcing/calendar'

interface Ranked {
  location: LocationFacts
  distanceKm: number | null
}

/**
 * The foundation's router: the nearest location that can ship every line; otherwise a split that
 * takes each line from the nearest locations with stock, preferring locations already in the plan
 * so the order ships in as few parcels as possible.
 */
export class NearestLocationRouter implements Router {
  route(request: RoutingRequest): RoutingPlan {
    const { lines, stock } = request
    const excluded = request.excludedLocationIds ?? new Set<string>()
    const origin = originOf(request)
    const ranked: Ranked[] = request.locations
      .map((location) => ({
        location,
        distanceKm: origin ? distanceKm(origin[0], origin[1], location.lat, location.lon) : null,
      }))
      .sort(byDistanceThenPriority)

    const candidates: CandidateExplanation[] = ranked.map(({ location, distanceKm: d }) => ({
      locationId: location.id,
      distanceKm: d === null ? null : Math.round(d * 10) / 10,
      canShip: lines.filter((l) => stock.available(l.sku, location.id) >= l.quantity).map((l) => l.sku),
      chosen: false,
      ...(excluded.has(location.id)
        ? { excluded: { rule: 'previously-rejected', reason: 'this location already rejected the order' } }
        : {}),
    }))
    const full = (l: LocationFacts) =>
      l.dailyCapacity !== null &&
      (request.capacity?.used(l.id, localTime(request.now.getTime(), l.timezone).date) ?? 0) >=
        l.dailyCapacity
    for (const c of candidates)
      if (!c.excluded && full(ranked.find((r) => r.location.id === c.locationId)!.location))
        c.excluded = { rule: 'capacity', reason: 'daily capacity reached' }
    const usable = ranked.filter((r) => !excluded.has(r.location.id) && !full(r.location))

    const whole = usable.find((r) => lines.every((l) => stock.available(l.sku, r.location.id) >= l.quantity))
    if (whole) {
      markChosen(candidates, [whole.location.id])
      return {
        assignments: lines.map((l) => ({
          lineId: l.lineId,
          sku: l.sku,
          locationId: whole.location.id,
          quantity: l.quantity,
        })),
        unfilled: [],
        strategy: 'nearest-single',
        ruleSetVersionId: null,
        summary: `${whole.location.name} is the nearest location that holds every line${describeDistance(whole)}.`,
        candidates,
      }
    }

    const assignments: Assignment[] = []
    const unfilled: RoutingPlan['unfilled'] = []
    const used: string[] = []
    const taken = new Map<string, number>()
    for (const line of lines) {
      let remaining = line.quantity
      const order = [...usable].sort(
        (a, b) => Number(used.includes(b.location.id)) - Number(used.includes(a.location.id)),
      )
      for (const { location } of order) {
        if (remaining === 0) break
        const key = `${line.sku}\u0000${location.id}`
        const free = stock.available(line.sku, location.id) - (taken.get(key) ?? 0)
        if (free <= 0) continue
        const qty = Math.min(free, remaining)
        assignments.push({ lineId: line.lineId, sku: line.sku, locationId: location.id, quantity: qty })
        taken.set(key, (taken.get(key) ?? 0) + qty)
        remaining -= qty
        if (!used.includes(location.id)) used.push(location.id)
      }
      if (remaining > 0) unfilled.push({ lineId: line.lineId, sku: line.sku, quantity: remaining })
    }
    markChosen(candidates, used)
    return {
      assignments,
      unfilled,
      strategy: used.length > 1 ? 'nearest-split' : 'nearest-partial',
      ruleSetVersionId: null,
      summary: splitSummary(request, used, unfilled, usable),
      candidates,
    }
  }
}

function originOf(request: RoutingRequest): [number, number] | undefined {
  const { lat, lon, country } = request.order.shipTo
  if (lat !== undefined && lon !== undefined) return [lat, lon]
  return countryCentroid(country)
}

function byDistanceThenPriority(a: Ranked, b: Ranked): number {
  if (a.distanceKm !== null && b.distanceKm !== null && a.distanceKm !== b.distanceKm)
    return a.distanceKm - b.distanceKm
  if (a.location.priority !== b.location.priority) return a.location.priority - b.location.priority
  return a.location.id < b.location.id ? -1 : a.location.id > b.location.id ? 1 : 0
}

function markChosen(candidates: CandidateExplanation[], ids: string[]): void {
  for (const c of candidates) c.chosen = ids.includes(c.locationId)
}

function describeDistance(r: Ranked): string {
  return r.distanceKm === null ? '' : ` (${Math.round(r.distanceKm)} km away)`
}

function splitSummary(
  request: RoutingRequest,
  used: string[],
  unfilled: RoutingPlan['unfilled'],
  usable: Ranked[],
): string {
  const names = used.map((id) => usable.find((r) => r.location.id === id)?.location.name ?? id)
  const parts: string[] = []
  if (used.length > 1)
    parts.push(`Split across ${names.join(', ')} because no single location held every line.`)
  else if (used.length === 1) parts.push(`${names[0]} holds part of the order.`)
  if (unfilled.length > 0) {
    const missing = unfilled.map((u) => `${u.quantity} × ${u.sku}`).join(', ')
    parts.push(`Backordered ${missing}: no location has the stock.`)
  }
  if (request.lines.length === 0) parts.push('The order has no lines.')
  return parts.join(' ')
}
