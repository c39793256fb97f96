import type { ActionParams } from '../../rules/sourcing-actions'
import type { PostcodeCentroids } from '../centroids/postcode-centroids'
import type { RoutingPlan, RoutingRequest } from '../router'
import { candidateFacts, destinationOf, originOf, stockByLine } from './candidates'
import type { CompiledRuleSet } from './compiled-rule-set'
import { explain, splitDetails } from './explanation'
import type { LaneIndex } from './lanes'
import { planShipments, promiseDateOf, unfillableOutcome } from './promise'
import { applyRuleEffects, evaluateOrderRules, type FiredLog, reasons } from './rule-effects'
import { chooseStrategy, strategiesToTry } from './strategy'

export interface SourcingInputs {
  ruleSet: CompiledRuleSet
  lanes: LaneIndex
  centroids?: PostcodeCentroids | undefined
}

/**
 * One sourcing decision, pure and synchronous: the same request and inputs always give the same plan.
 * 1. Order rules (which may change the service level, and may hold the order).
 * 2. Candidates: every location with its facts.
 * 3. Rule effects: order, location, line and line-at-location rules exclude, restrict and prefer.
 * 4. Strategies in turn, each optimised; the first that fills the order wins, else the fallback.
 * 5. The promise: shipments with ship and promise dates, and what happens to unfilled quantity.
 * 6. The explanation: every candidate's exclusion or score, the rules that fired, a summary.
 */
export function decide(req: RoutingRequest, inputs: SourcingInputs): RoutingPlan {
  const { ruleSet } = inputs
  const { order } = req
  const fired: FiredLog = []

  const orderRules = evaluateOrderRules(req, ruleSet, fired)
  const { serviceLevel } = orderRules
  const holdRule = req.holdReleased ? undefined : orderRules.fired.find((r) => r.action.type === 'hold')

  const destination = destinationOf(order)
  const origin = originOf(req, inputs.centroids)
  const stockOf = stockByLine(req)
  const candidates = candidateFacts(req, inputs.lanes, serviceLevel, origin, destination, stockOf)

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
  const explained = explain({
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
  })
  return {
    assignments: planned.assignments,
    unfilled: planned.unfilled,
    ...(hold ? { hold } : {}),
    strategy: hold ? 'hold' : (chosen?.strategy.id ?? fallback.id),
    ruleSetVersionId: ruleSet.versionId,
    summary: explained.summary,
    candidates: explained.candidates,
    shipments: planned.shipments,
    promiseDate,
    ...(unfillable ? { unfillable } : {}),
    serviceLevel,
    details: {
      ruleSetId: ruleSet.ruleSetId,
      ruleSetVersion: ruleSet.version,
      requestedServiceLevel: order.serviceLevel,
      serviceLevel,
      destination: { ...destination, coordinates: origin ?? null },
      rulesFired: fired,
      strategies: tried,
      split: decidedBy ? splitDetails(decidedBy.split) : null,
      optimiser: chosen
        ? { exact: chosen.result.exact, cost: Math.round(chosen.result.cost * 1000) / 1000 }
        : null,
    },
  }
}
