import type { CatalogCache } from '../catalog/catalog-cache'
import { readKitBoms, stockSkus, withKits } from '../catalog/kits/kit-boms'
import type { SqlDb } from '../db/sql/sql-db'
import type { RuleSetService } from '../rules/rule-set-service'
import { CapacityLedger } from './capacity'
import type { CapacityView, RoutingPlan, RoutingRequest, StockView, StoredRequest } from './router'
import type { RoutingConfig } from './routing-config'
import type { LoadStoredOrder } from './simulation-service'
import { localTime } from './sourcing/calendar'
import { builtInRuleSet } from './sourcing/compiled-rule-set'
import { decide } from './sourcing/decide'
import { readDecision } from './stored-decision'

export interface ReplayedDecision {
  /** The decision with every location a candidate and explained (`plan.candidates`). */
  plan: RoutingPlan
  /** The instant it was routed as of (ISO). */
  at: string
  /** The replay allocated and backordered exactly what the stored decision did. */
  sameAsStored: boolean
}

export interface ReplayDeps {
  db: SqlDb
  catalog: CatalogCache
  ruleSets: RuleSetService
  config: RoutingConfig
  loadOrder: LoadStoredOrder
}

/**
 * "Every location" for a stored decision. Intake stores the compact form (the chosen locations, the
 * best few alternatives, the rest counted by reason); the full per-candidate trace is this: the
 * order routed again as the stored decision records it was routed (same instant, rule set version,
 * quantities, rejected locations, hold release, shipments already sent), with every active location
 * a candidate and each one explained. Writes nothing.
 *
 * Stock is today's with the order's own holdings given back, and capacity is without the order's
 * own count, so while stock, locations and lanes are as they were it is the same decision; the
 * answer says whether it chose the same (`sameAsStored`). Decisions stored before the compact form
 * carry no request: they replay at their `created_at` with the order's lines as they stand.
 */
export async function replayDecision(
  deps: ReplayDeps,
  orderId: string,
): Promise<ReplayedDecision | undefined> {
  const row = await deps.db.one<{
    plan: unknown
    explanation: unknown
    rule_set_version_id: string | null
    created_at: number
  }>(
    'select plan, explanation, rule_set_version_id, created_at from routing_decision where order_id = ? order by attempt desc limit 1',
    [orderId],
  )
  const stored = row && (await deps.loadOrder(orderId))
  if (!row || !stored) return undefined
  const decided = readDecision(row.plan, row.explanation)
  const asked = (decided.explanation as { request?: StoredRequest }).request
  const at = asked ? Date.parse(asked.at) : Number(row.created_at)
  const quantities = asked ? new Map(asked.lines) : undefined
  const lines = quantities
    ? stored.lines
        .filter((l) => quantities.has(l.lineId))
        .map((l) => ({ ...l, quantity: quantities.get(l.lineId)! }))
    : stored.lines
  const version = row.rule_set_version_id
    ? await deps.ruleSets.getVersionById(row.rule_set_version_id)
    : undefined
  const locations = await deps.catalog.activeLocations()
  const request: RoutingRequest = {
    order: stored.order,
    lines,
    locations,
    stock: withOwn(
      await freeStock(
        deps.db,
        lines.map((l) => l.sku),
      ),
      stored.holding,
    ),
    capacity: await capacityWithoutOwn(deps.db, orderId, at, locations),
    now: new Date(at),
    ...(asked?.excludedLocationIds ? { excludedLocationIds: new Set(asked.excludedLocationIds) } : {}),
    ...(asked?.holdReleased ? { holdReleased: true } : {}),
    ...(asked?.shipmentsSoFar ? { shipmentsSoFar: asked.shipmentsSoFar } : {}),
  }
  const inputs = await deps.config.inputs(Date.now())
  const plan = decide(request, {
    ...inputs,
    ruleSet: version ? deps.config.compile(version) : builtInRuleSet,
  })
  return {
    plan,
    at: new Date(at).toISOString(),
    sameAsStored:
      outcomeKey(decided.plan as unknown as Pick<RoutingPlan, 'assignments' | 'unfilled'>) ===
      outcomeKey(plan),
  }
}

function outcomeKey(p: Pick<RoutingPlan, 'assignments' | 'unfilled'>): string {
  return JSON.stringify([
    p.assignments.map((a) => `${a.lineId}:${a.locationId}:${a.quantity}`).sort(),
    p.unfilled.map((u) => `${u.lineId}:${u.quantity}`).sort(),
  ])
}

/** Shared stock of the skus now (as simulation reads it: no locks, no pools). */
async function freeStock(db: SqlDb, skus: readonly string[]): Promise<StockView> {
  const kits = await readKitBoms(db, skus)
  const unique = stockSkus(skus, kits)
  const rows =
    unique.length === 0
      ? []
      : await db.all<{ sku: string; location_id: string; free: number }>(
          `select sku, location_id, on_hand - allocated - reserved - safety_stock - coalesce(protected, 0) as free
             from inventory_level where sku in (${unique.map(() => '?').join(',')})`,
          unique,
        )
  const free = new Map(rows.map((r) => [`${r.sku}\u0000${r.location_id}`, Math.max(0, Number(r.free))]))
  return { available: withKits(kits, (sku, loc) => free.get(`${sku}\u0000${loc}`) ?? 0) }
}

/** Stock with what the order itself holds given back: what it saw before it took it. */
function withOwn(
  base: StockView,
  own: readonly { sku: string; locationId: string; quantity: number }[],
): StockView {
  return {
    available: (sku, loc) =>
      base.available(sku, loc) +
      own.filter((a) => a.sku === sku && a.locationId === loc).reduce((n, a) => n + a.quantity, 0),
  }
}

/**
 * Orders taken per location on the local days around `at`, less the one this order counted at each
 * location it holds stock at on the day it was routed, so it is not turned away by itself.
 */
async function capacityWithoutOwn(
  db: SqlDb,
  orderId: string,
  at: number,
  locations: readonly { id: string; timezone: string; dailyCapacity: number | null }[],
): Promise<CapacityView> {
  const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10)
  const ledger = new CapacityLedger(
    await db.all<{ location_id: string; day: string; orders: number }>(
      'select location_id, day, orders from location_day_load where day >= ? and day <= ?',
      [utcDay(at - 86_400_000), utcDay(at + 86_400_000)],
    ),
  )
  const held = new Set(
    (
      await db.all<{ location_id: string }>(
        'select distinct location_id from allocation where order_id = ?',
        [orderId],
      )
    ).map((r) => r.location_id),
  )
  const counted = new Map(
    locations
      .filter((l) => l.dailyCapacity !== null && held.has(l.id))
      .map((l) => [l.id, localTime(at, l.timezone).date]),
  )
  if (counted.size === 0) return ledger
  return {
    used: (locationId, day) =>
      Math.max(0, ledger.used(locationId, day) - (counted.get(locationId) === day ? 1 : 0)),
  }
}
