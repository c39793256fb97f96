import type { LocationFacts } from '../../catalog/facts'
import type { ActionParams } from '../../rules/sourcing-actions'
import type { PostcodeCentroids } from '../centroids/postcode-centroids'
import type { RoutingPlan, RoutingRequest, StoredRequest } from '../router'
import {
  candidateFacts,
  destinationOf,
  originOf,
  positionsOf,
  stockByLine,
  stockedCandidates,
} from './candidates'
import type { CompiledRuleSet } from './compiled-rule-set'
import { explain, splitDetails } from './explanation'
import type { LaneIndex } from './lanes'
import { planShipments, promiseDateOf, unfillableOutcome } from './promise'
import { applyRuleEffects, evaluateOrderRules, type FiredLog, reasons } from './rule-effects'
import { applyShipToStore, markTransfers, pickupOpening } from './ship-to-store'
import { chooseStrategy, strategiesToTry } from './strategy'

export interface SourcingInputs {
  ruleSet: CompiledRuleSet
  lanes: LaneIndex
  centroids?: PostcodeCentroids | undefined
}

/**
 * How much a decision writes down. `full`: every active location is a candidate and the explanation
 * lists each one (simulation, the rule editor, "show every location"). `compact`: what intake runs
 * and stores: only locations holding stock for some line are candidates (the others can never
 * ship, so the plan and its score are the same; the differential test proves it), and the
 * explanation lists the chosen and the best few alternatives and counts the rest by reason.
 */
export type DecisionTrace = 'full' | 'compact'

/**
 * One sourcing decision, pure and synchronous: the same request and inputs always give the same plan.
 * 1. Order rules (which may change the service level, and may hold the order).
 * 2. Candidates: every location (compact: every location holding stock for a line) with its facts.
 * 3. Rule effects: order, location, line and line-at-location rules exclude, restrict and prefer.
 * 4. Strategies in turn, each optimised; the first that fills the order wins, else the fallback.
 * 5. The promise: shipments with ship and promise dates, and what happens to unfilled quantity.
 * 6. The explanation: every candidate's exclusion or score (compact: the chosen, the best
 *    alternatives, the rest counted), the rules that fired, a summary.
 */
export function decide(
  req: RoutingRequest,
  inputs: SourcingInputs,
  trace: DecisionTrace = 'full',
): RoutingPlan {
  if (trace === 'compact') {
    const stocked = stockedCandidates(req)
    if (stocked)
      return decideOver({ ...req, locations: stocked.locations }, inputs, {
        ...stocked,
        network: req.locations,
      })
  }
  const at = positionsOf(req.locations)
  return decideOver(req, inputs, {
    stockOf: stockByLine(req),
    indexOf: (id) => at.get(id) ?? -1,
    network: req.locations,
    positions: undefined,
  })
}

interface Scope {
  stockOf: number[][]
  /** A location's candidate (-1: none). */
  indexOf: (locationId: string) => number
  /** Every active location; `req.locations` are the candidates. */
  network: readonly LocationFacts[]
  /** Each candidate's place in `network`, when the candidates are some of it (a compact decision). */
  positions: readonly number[] | undefined
}

function decideOver(req: RoutingRequest, inputs: SourcingInputs, scope: Scope): RoutingPlan {
  const { stockOf, indexOf } = scope
  const networkSize = scope.positions ? scope.network.length : null
  const { ruleSet } = inputs
  const { order } = req
  const fired: FiredLog = []

  const orderRules = evaluateOrderRules(req, ruleSet, fired)
  const { serviceLevel } = orderRules
  const holdRule = req.holdReleased ? undefined : orderRules.fired.find((r) => r.action.type === 'hold')

  const destination = destinationOf(order)
  const origin = originOf(req, inputs.centroids)
  const candidates = candidateFacts(
    req,
    inputs.lanes,
    serviceLevel,
    origin,
    destination,
    stockOf,
    scope.positions,
    scope.network,
    ruleSet.layout.location.some(([, fact]) => fact === 'location.fillShare'),
  )
  const toStore = holdRule
    ? undefined
    : applyShipToStore({
        req,
        orderFired: orderRules.fired,
        candidates,
        stockOf,
        indexOf,
        lanes: inputs.lanes,
        network: scope.network,
      })

  const { queue, fallback, tried } = strategiesToTry(ruleSet, orderRules.fired)
  // A held order waits for a person: its rules take no effect on locations and no strategy runs.
  const groups = holdRule
    ? []
    : applyRuleEffects({
        ruleSet,
        lines: req.lines,
        currency: order.currency,
        candidates,
        stockOf,
        orderRules,
        fired,
        candidateOf: (id) => candidates[indexOf(id)],
        explainBlocks: networkSize === null,
        network: scope.network,
      })
  const { chosen, decidedBy } = holdRule
    ? { chosen: null, decidedBy: null }
    : chooseStrategy(
        queue,
        {
          req,
          candidates,
          stockOf,
          serviceLevel,
          orderFired: orderRules.fired,
          groups,
          destinationCountry: destination.country,
        },
        tried,
      )

  const planned = planShipments(chosen, !!holdRule, req, candidates, serviceLevel)
  markTransfers(planned.shipments, toStore)
  const promiseDate = promiseDateOf(planned)
  const unfillable = unfillableOutcome(
    planned,
    chosen,
    orderRules.fired,
    req.now.getTime(),
    ruleSet.settings.timezone,
  )

  const hold = holdRule
    ? { reason: (holdRule.action.params as ActionParams<'hold'>).reason, rule: holdRule.compiled.name }
    : undefined
  const compact = networkSize !== null
  const explained = explain(
    {
      req,
      candidates,
      stockOf,
      serviceLevel,
      destinationCountry: destination.country,
      hold: hold ? { ...hold, conditions: reasons(holdRule!, orderRules.facts) } : undefined,
      chosen,
      decidedBy,
      planned,
      promiseDate,
      unfillable,
    },
    compact ? 'compact' : 'full',
    networkSize ?? candidates.length,
  )
  return {
    assignments: planned.assignments,
    unfilled: planned.unfilled,
    ...(hold ? { hold } : {}),
    strategy: hold ? 'hold' : (chosen?.strategy.id ?? fallback.id),
    ruleSetVersionId: ruleSet.versionId,
    summary:
      pickupOpening(
        req,
        scope.network,
        { unfilled: planned.unfilled, hold, shipments: planned.shipments },
        toStore,
      ) + explained.summary,
    candidates: explained.candidates,
    shipments: planned.shipments,
    promiseDate,
    ...(unfillable ? { unfillable } : {}),
    serviceLevel,
    details: {
      // A compact decision leaves out what says nothing: no rule set (the built-in rules), a
      // requested level no rule changed, a strategy's rule named as the strategy is.
      ...(compact && ruleSet.ruleSetId === null ? {} : { ruleSetId: ruleSet.ruleSetId }),
      ...(compact && ruleSet.version === null ? {} : { ruleSetVersion: ruleSet.version }),
      ...(compact && order.serviceLevel === serviceLevel
        ? {}
        : { requestedServiceLevel: order.serviceLevel }),
      serviceLevel,
      // The order's address says where it went; a compact decision does not repeat it.
      ...(compact
        ? compactFired(fired)
        : { destination: { ...destination, coordinates: origin ?? null }, rulesFired: fired }),
      strategies: compact ? tried.map(({ rule, ...t }) => (rule === t.id ? t : { ...t, rule })) : tried,
      split: decidedBy ? splitDetails(decidedBy.split) : null,
      optimiser: chosen
        ? { exact: chosen.result.exact, cost: Math.round(chosen.result.cost * 1000) / 1000 }
        : null,
      ...(explained.compact ? { trace: 'compact', ...explained.compact, request: storedRequest(req) } : {}),
    },
  }
}

/** Rules a compact decision names: the first few order and line rules; per-location firings are counted in `excluded`. */
const COMPACT_RULES = 10

function compactFired(fired: FiredLog): Record<string, unknown> {
  const listed = fired.filter((f) => f.locationId === undefined).slice(0, COMPACT_RULES)
  const more = fired.length - listed.length
  // By action: { weight: ['r-2', 'r-20'], exclude: ['r-1'] } (the full trace has each firing).
  const byAction: Record<string, string[]> = {}
  for (const f of listed) {
    const list = byAction[String(f.action)] ?? []
    list.push(String(f.rule))
    byAction[String(f.action)] = list
  }
  return { fired: byAction, ...(more > 0 ? { firedMore: more } : {}) }
}

/** What a compact decision keeps of its request, for "every location" to route it again (decision-replay.ts). */
function storedRequest(req: RoutingRequest): StoredRequest {
  return {
    at: req.now.toISOString(),
    lines: req.lines.map((l) => [l.lineId, l.quantity]),
    ...(req.excludedLocationIds?.size ? { excludedLocationIds: [...req.excludedLocationIds] } : {}),
    ...(req.holdReleased ? { holdReleased: true } : {}),
    ...(req.shipmentsSoFar ? { shipmentsSoFar: req.shipmentsSoFar } : {}),
  }
}
