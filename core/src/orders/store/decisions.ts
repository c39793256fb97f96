import type { SqlRunner } from '../../db/sql/sql-db'
import { uuidv7 } from '../../ids'
import type { RoutingPlan } from '../../routing/router'
import { decisionJson } from '../../routing/stored-decision'

/**
 * Records a re-route's decision as the order's next attempt, with the summary a person reads, and
 * the promise it makes on the order row (where the orders list filters and sorts by it).
 */
export async function addDecision(
  tx: SqlRunner,
  orderId: string,
  plan: RoutingPlan,
  summary: string,
  now: number,
): Promise<void> {
  const last = await tx.one<{ n: number | null }>(
    'select max(attempt) as n from routing_decision where order_id = ?',
    [orderId],
  )
  const [planJson, explanation] = decisionJson(plan)
  await tx.run(
    `insert into routing_decision (id, order_id, attempt, rule_set_version_id, strategy, plan, explanation, summary, created_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      uuidv7(now),
      orderId,
      Number(last?.n ?? 0) + 1,
      plan.ruleSetVersionId,
      plan.strategy,
      planJson,
      explanation,
      summary,
      now,
    ],
  )
  await tx.run('update orders set promise_date = ?, backorder_priority = ? where id = ?', [
    plan.promiseDate ?? null,
    plan.unfillable?.priority ?? null,
    orderId,
  ])
}

/** Locations that rejected the order: a re-route never sends it back to them. */
export async function rejectedLocations(tx: SqlRunner, orderId: string): Promise<Set<string>> {
  const rows = await tx.all<{ location_id: string }>(
    'select location_id from location_rejection where order_id = ?',
    [orderId],
  )
  return new Set(rows.map((r) => r.location_id))
}

export async function addRejection(
  tx: SqlRunner,
  orderId: string,
  locationId: string,
  reason: string,
  now: number,
): Promise<void> {
  await tx.run(
    `insert into location_rejection (order_id, location_id, reason, created_at) values (?, ?, ?, ?) on conflict (order_id, location_id) do nothing`,
    [orderId, locationId, reason.slice(0, 1000), now],
  )
}
