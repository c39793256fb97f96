import type { CandidateExplanation, RoutingPlan, Shipment } from './router'

/**
 * The stored form of a compact routing decision (format 2, issue 21), and reading it back.
 *
 * A decision is read far less often than it is written, and the API and console show it as they
 * always have, so what is stored leaves out what the reader can put back and writes the rest as
 * short tuples; `readDecision` returns exactly what was decided, in the shape
 * `GET /orders/{id}/decision` documents:
 * - the lines routed are written once (`request.lines`: id, sku, quantity) and the plan names them
 *   by position (`assignments`, `unfilled`), not by id and sku on every entry;
 * - a shipment's line ids, service level and a chosen location's transit days and cost come from the
 *   plan, and the explanation's `serviceLevel` from the plan's;
 * - scores are six numbers in criterion order, `canShip` line positions, alternatives, shipments,
 *   strategies tried, the split policy and the counts tuples; nulls and empty lists are left out.
 * Each field is shortened only when reading it back gives the same value (else it is written as
 * it was), so a decision from another router, or of a shape this file does not know, is stored as
 * it is. Rows without `v: 2` (written before, or full traces) are read as they were stored.
 */
export const FORMAT = 2

type Json = Record<string, unknown>
/** [line id, sku, quantity routed] */
type StoredLine = [lineId: string, sku: string, quantity: number]
type StoredAssignment = [line: number, locationId: string, quantity: number]
type StoredUnfilled = [line: number, quantity: number]
type StoredShipment = [
  locationId: string,
  carrier: string,
  transitDays: number,
  shippingCost: string,
  currency: string,
  shipDate: string,
  promiseDate: string,
  estimated?: 1,
]
type StoredAlternative = [
  locationId: string,
  distanceKm: number | null,
  transitDays: number,
  shippingCost: string,
  cost: number,
  canShip: number[],
  estimatedLane?: 1,
]
type StoredStrategy = [id: string, outcome: string, exact?: boolean | null, rule?: string]
type StoredSplit = [
  policy: string,
  maxShipments: number,
  minShipmentValue: number,
  source: string,
  more?: Json,
]

/** Score criteria in the order a stored score lists them (zeros kept there, left out when read). */
const SCORED = ['shippingCost', 'transitDays', 'distance', 'stockDepth', 'capacity', 'priority'] as const

const OUTCOMES: Record<string, string> = {
  'conditions not met': 'n',
  'filled the order': 'f',
  'filled part of the order': 'p',
  'could not fill the whole order': 'x',
}
const OUTCOME_OF = Object.fromEntries(Object.entries(OUTCOMES).map(([k, v]) => [v, k]))

const sameList = (a: readonly unknown[], b: readonly unknown[]) =>
  a.length === b.length && a.every((x, i) => x === b[i])
const onlyKeys = (o: object, keys: readonly string[]) => Object.keys(o).every((k) => keys.includes(k))

/**
 * The plan and explanation columns for a decision: format 2 for intake's compact decisions, the
 * plan and explanation as they are for anything else.
 */
export function storedDecision(p: RoutingPlan): [Json, Json] {
  const details = p.details ?? {}
  const request = details.request as { at?: string; lines?: [string, number][] } | undefined
  const lines = details.trace === 'compact' && request?.lines && request.at ? linesOf(p, request.lines) : null
  const plan = lines && storedPlan(p, lines)
  if (!lines || !plan) return plainDecision(p, details)
  const { trace: _t, request: _r, counts, strategies, split, serviceLevel, ...rest } = details
  const candidates: (StoredAlternative | Json)[] = []
  for (const c of p.candidates) candidates.push(storedCandidate(c, p, lines))
  const explanation: Json = { v: FORMAT, candidates }
  Object.assign(explanation, rest)
  if (serviceLevel !== p.serviceLevel) explanation.serviceLevel = serviceLevel
  explanation.strategies = Array.isArray(strategies) ? strategies.map(storedStrategy) : strategies
  explanation.split = storedSplit(split)
  explanation.counts = storedCounts(counts)
  const at = Date.parse(request!.at!)
  explanation.request = {
    ...request,
    at: new Date(at).toISOString() === request!.at ? at : request!.at,
    lines,
  }
  return [plan, explanation]
}

/** A decision written as it was made: not intake's compact trace, or a shape format 2 does not know. */
function plainDecision(p: RoutingPlan, details: Json): [Json, Json] {
  return [
    {
      assignments: p.assignments,
      unfilled: p.unfilled,
      hold: p.hold ?? null,
      shipments: p.shipments ?? [],
      promiseDate: p.promiseDate ?? null,
      unfillable: p.unfillable ?? null,
      serviceLevel: p.serviceLevel ?? null,
    },
    { candidates: p.candidates, ...details },
  ]
}

/** The lines routed with their skus (from the plan's assignments and unfilled), or null if one is missing. */
function linesOf(p: RoutingPlan, routed: readonly [string, number][]): StoredLine[] | null {
  const sku = new Map<string, string>()
  for (const x of p.assignments) sku.set(x.lineId, x.sku)
  for (const x of p.unfilled) sku.set(x.lineId, x.sku)
  // A held order has no assignments: its lines are named by id alone (sku '').
  const out: StoredLine[] = []
  for (const [id, qty] of routed) {
    const s = sku.get(id)
    if (s === undefined && (p.assignments.length > 0 || p.unfilled.length > 0)) return null
    out.push([id, s ?? '', qty])
  }
  return out
}

function storedPlan(p: RoutingPlan, lines: readonly StoredLine[]): Json | null {
  const at = new Map(lines.map(([id, sku], i) => [`${id}\u0000${sku}`, i]))
  const lineOf = (lineId: string, sku: string) => at.get(`${lineId}\u0000${sku}`)
  const assignments: StoredAssignment[] = []
  for (const a of p.assignments) {
    const i = lineOf(a.lineId, a.sku)
    if (i === undefined || !onlyKeys(a, ['lineId', 'sku', 'locationId', 'quantity'])) return null
    assignments.push([i, a.locationId, a.quantity])
  }
  const unfilled: StoredUnfilled[] = []
  for (const u of p.unfilled) {
    const i = lineOf(u.lineId, u.sku)
    if (i === undefined || !onlyKeys(u, ['lineId', 'sku', 'quantity'])) return null
    unfilled.push([i, u.quantity])
  }
  const plan: Json = { v: FORMAT, assignments }
  if (unfilled.length > 0) plan.unfilled = unfilled
  if (p.hold) plan.hold = p.hold
  const shipments = p.shipments ?? []
  if (shipments.length > 0) plan.shipments = shipments.map((s) => storedShipment(s, p))
  if (p.promiseDate != null) plan.promiseDate = p.promiseDate
  if (p.unfillable) plan.unfillable = p.unfillable
  if (p.serviceLevel != null) plan.serviceLevel = p.serviceLevel
  return plan
}

const SHIPMENT_KEYS = [
  'locationId',
  'lineIds',
  'carrier',
  'serviceLevel',
  'transitDays',
  'shippingCost',
  'currency',
  'shipDate',
  'promiseDate',
  'estimated',
]

/** A shipment's lines: those assigned to its location, in the order of the assignments. */
function shipmentLines(assignments: readonly { lineId: string; locationId: string }[], at: string): string[] {
  return [...new Set(assignments.filter((a) => a.locationId === at).map((a) => a.lineId))]
}

function storedShipment(
  s: Shipment,
  p: Pick<RoutingPlan, 'assignments' | 'serviceLevel'>,
): StoredShipment | Shipment {
  if (
    !onlyKeys(s, SHIPMENT_KEYS) ||
    s.serviceLevel !== p.serviceLevel ||
    !sameList(s.lineIds, shipmentLines(p.assignments, s.locationId))
  )
    return s
  const t: StoredShipment = [
    s.locationId,
    s.carrier,
    s.transitDays,
    s.shippingCost,
    s.currency,
    s.shipDate,
    s.promiseDate,
  ]
  if (s.estimated) t.push(1)
  return t
}

/** Line positions whose skus, in order, are `skus`; null when they are not such a sequence. */
function canShipAt(skus: readonly string[], lines: readonly StoredLine[]): number[] | null {
  const out: number[] = []
  for (let i = 0; i < lines.length && out.length < skus.length; i++)
    if (lines[i]![1] === skus[out.length]) out.push(i)
  return out.length === skus.length ? out : null
}

const ALTERNATIVE_KEYS = [
  'locationId',
  'distanceKm',
  'canShip',
  'transitDays',
  'shippingCost',
  'cost',
  'estimatedLane',
]

function storedCandidate(
  c: CandidateExplanation,
  p: RoutingPlan,
  lines: readonly StoredLine[],
): StoredAlternative | Json {
  const canShip = canShipAt(c.canShip, lines)
  if (
    !c.chosen &&
    canShip &&
    onlyKeys(c, ALTERNATIVE_KEYS) &&
    typeof c.transitDays === 'number' &&
    typeof c.shippingCost === 'string' &&
    typeof c.cost === 'number' &&
    Number.isFinite(c.cost)
  ) {
    const t: StoredAlternative = [c.locationId, c.distanceKm, c.transitDays, c.shippingCost, c.cost, canShip]
    if (c.estimatedLane) t.push(1)
    return t
  }
  const shipment = c.chosen ? p.shipments?.find((x) => x.locationId === c.locationId) : undefined
  // Fields the reader puts back are left out as the object is built: no `delete`, which would turn
  // the object into a slow dictionary for JSON.stringify.
  const out: Json = {}
  for (const k in c) {
    const v = (c as unknown as Json)[k]
    if (k === 'canShip' && canShip) {
      if (canShip.length !== lines.length) out.canShip = canShip
    } else if (k === 'transitDays' && shipment && shipment.transitDays === v) continue
    else if (k === 'shippingCost' && shipment && shipment.shippingCost === v) continue
    else if (k === 'score') out.score = storedScore(c.score) ?? v
    else out[k] = v
  }
  return out
}

/** Six numbers in criterion order, or null when the score has other keys or a criterion at 0. */
function storedScore(score: CandidateExplanation['score']): number[] | null {
  if (!score) return null
  let keys = 0
  for (const k in score) {
    const v = score[k as keyof typeof score]
    // Criteria that cost nothing are left out of a compact score, so a 0 in the tuple reads as absent.
    if (!SCORED.includes(k as (typeof SCORED)[number]) || v === 0 || !Number.isFinite(v)) return null
    keys++
  }
  return keys === 0 ? null : SCORED.map((k) => score[k] ?? 0)
}

function storedStrategy(s: Json): StoredStrategy | Json {
  const code = OUTCOMES[String(s.outcome)]
  if (
    !code ||
    typeof s.id !== 'string' ||
    !onlyKeys(s, ['id', 'rule', 'outcome', 'exact']) ||
    (s.exact !== undefined && typeof s.exact !== 'boolean') ||
    (s.rule !== undefined && typeof s.rule !== 'string')
  )
    return s
  const t: StoredStrategy = [s.id, code]
  if (s.exact !== undefined || s.rule !== undefined) t.push((s.exact as boolean | undefined) ?? null)
  if (s.rule !== undefined) t.push(s.rule as string)
  return t
}

function storedSplit(x: unknown): unknown {
  if (!x || typeof x !== 'object') return x
  const { policy, maxShipments, minShipmentValue, source, ...more } = x as Json
  if (
    typeof policy !== 'string' ||
    typeof maxShipments !== 'number' ||
    typeof minShipmentValue !== 'number' ||
    typeof source !== 'string'
  )
    return x
  const t: StoredSplit = [policy, maxShipments, minShipmentValue, source]
  if (Object.keys(more).length > 0) t.push(more)
  return t
}

function storedCounts(x: unknown): unknown {
  const c = x as { locations?: unknown; holdingStock?: unknown; rankedLower?: unknown } | undefined
  return c && onlyKeys(c, ['locations', 'holdingStock', 'rankedLower']) && Object.keys(c).length === 3
    ? [c.locations, c.holdingStock, c.rankedLower]
    : x
}

/** A JSON column: text on SQLite, already parsed on PostgreSQL. */
const parsed = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v)

/**
 * A stored decision's plan and explanation as the API shows them: format 2 read back into the shape
 * it was decided in, anything else (rows written before it, full traces) as it was stored.
 */
export function readDecision(
  planColumn: unknown,
  explanationColumn: unknown,
): { plan: Json; explanation: Json } {
  const plan = (parsed(planColumn) ?? {}) as Json
  const explanation = (parsed(explanationColumn) ?? {}) as Json
  if (explanation.v !== FORMAT) return { plan, explanation }
  const request = explanation.request as Json & { at: string | number; lines: StoredLine[] }
  const lines = request.lines
  const readPlan = plan.v === FORMAT ? planOf(plan, lines) : plan
  const { v: _v, candidates, strategies, split, counts, request: _r, ...rest } = explanation
  const shipments = (readPlan.shipments ?? []) as Shipment[]
  return {
    plan: readPlan,
    explanation: {
      candidates: (candidates as unknown[]).map((c) => candidateOf(c, lines, shipments)),
      ...rest,
      serviceLevel: rest.serviceLevel ?? readPlan.serviceLevel,
      strategies: Array.isArray(strategies) ? strategies.map(strategyOf) : strategies,
      split: Array.isArray(split) ? splitOf(split as StoredSplit) : split,
      counts: Array.isArray(counts)
        ? { locations: counts[0], holdingStock: counts[1], rankedLower: counts[2] }
        : counts,
      trace: 'compact',
      request: {
        ...request,
        at: typeof request.at === 'number' ? new Date(request.at).toISOString() : request.at,
        lines: lines.map(([id, , qty]) => [id, qty]),
      },
    },
  }
}

function planOf(plan: Json, lines: readonly StoredLine[]): Json {
  const assignments = (plan.assignments as (StoredAssignment | Json)[]).map((a) =>
    Array.isArray(a)
      ? { lineId: lines[a[0]]![0], sku: lines[a[0]]![1], locationId: a[1], quantity: a[2] }
      : a,
  )
  const unfilled = ((plan.unfilled ?? []) as (StoredUnfilled | Json)[]).map((u) =>
    Array.isArray(u) ? { lineId: lines[u[0]]![0], sku: lines[u[0]]![1], quantity: u[1] } : u,
  )
  const serviceLevel = (plan.serviceLevel ?? null) as string | null
  const shipments = ((plan.shipments ?? []) as (StoredShipment | Shipment)[]).map((s) =>
    Array.isArray(s)
      ? {
          locationId: s[0],
          lineIds: shipmentLines(assignments as { lineId: string; locationId: string }[], s[0]),
          carrier: s[1],
          serviceLevel,
          transitDays: s[2],
          shippingCost: s[3],
          currency: s[4],
          shipDate: s[5],
          promiseDate: s[6],
          estimated: s[7] === 1,
        }
      : s,
  )
  return {
    assignments,
    unfilled,
    hold: plan.hold ?? null,
    shipments,
    promiseDate: plan.promiseDate ?? null,
    unfillable: plan.unfillable ?? null,
    serviceLevel,
  }
}

function candidateOf(c: unknown, lines: readonly StoredLine[], shipments: readonly Shipment[]): Json {
  const skus = (at: number[]) => at.map((i) => lines[i]![1])
  if (Array.isArray(c)) {
    const t = c as StoredAlternative
    const out: Json = {
      locationId: t[0],
      distanceKm: t[1],
      canShip: skus(t[5]),
      transitDays: t[2],
      shippingCost: t[3],
      cost: t[4],
    }
    if (t[6] === 1) out.estimatedLane = true
    return out
  }
  const o = { ...(c as Json) }
  const canShip = o.canShip === undefined ? lines.map((_, i) => i) : o.canShip
  if (Array.isArray(canShip) && canShip.every((x) => typeof x === 'number')) o.canShip = skus(canShip)
  if (o.chosen === true) {
    const s = shipments.find((x) => x.locationId === o.locationId)
    if (s && o.transitDays === undefined) o.transitDays = s.transitDays
    if (s && o.shippingCost === undefined) o.shippingCost = s.shippingCost
  }
  if (Array.isArray(o.score))
    o.score = Object.fromEntries(
      SCORED.map((k, i) => [k, (o.score as number[])[i]!] as const).filter(([, v]) => v !== 0),
    )
  return o
}

function strategyOf(s: unknown): unknown {
  if (!Array.isArray(s)) return s
  const [id, code, exact, rule] = s as StoredStrategy
  return {
    id,
    ...(rule !== undefined ? { rule } : {}),
    outcome: OUTCOME_OF[code] ?? code,
    ...(exact !== undefined && exact !== null ? { exact } : {}),
  }
}

function splitOf([policy, maxShipments, minShipmentValue, source, more]: StoredSplit): Json {
  return { policy, maxShipments, minShipmentValue, source, ...(more ?? {}) }
}

/**
 * A routing plan as the two JSON columns of routing_decision: what was decided, and why (a compact
 * decision in stored format 2; `readDecision` reads either form back).
 */
export function decisionJson(p: RoutingPlan): [string, string] {
  const [plan, explanation] = storedDecision(p)
  return [JSON.stringify(plan), JSON.stringify(explanation)]
}
