import type { OrderStatus } from '@switchyard/plugin-sdk'
import type { CatalogCache } from '../../catalog/catalog-cache'
import type { LocationFacts } from '../../catalog/facts'
import type { SqlDb, SqlRunner } from '../../db/sql/sql-db'
import { isRetryableDbError } from '../../db/sql/sql-db'
import { ConflictError, ValidationError } from '../../errors'
import { uuidv7 } from '../../ids'
import { openUnitsByChannel, readPoolsForUpdate } from '../../inventory/pools'
import { StockLedger } from '../../inventory/stock-ledger'
import { allocateStock, drawPool, readStockForUpdate, releaseStock } from '../../inventory/stock-writer'
import { writeOutbox } from '../../outbox/outbox-writer'
import { statusMessages, wantsStatus } from '../../outbox/status-messages'
import type { IntegrationDirectory, NewOutboxMessage } from '../../outbox/topics'
import { readCapacityForUpdate, writeCapacity } from '../../routing/capacity'
import { loadStoredOrder, type StoredOrder } from '../../routing/order-routing-input'
import type { Router, RoutingPlan } from '../../routing/router'
import { decisionJson } from '../intake/intake-writer'
import { addEvent, loadLines, loadSentFulfilment, moveOrderTo } from '../order-rows'
import { releaseLooseAllocations } from '../release'
import { buildStatusUpdate } from '../status-update'
import { describeReroute, heldFor, loadHoldings, settleHeld, withHeld } from './reroute-holdings'
import { holdRulesApply, rerouteStatus } from './reroute-status'

export type RerouteCause = 'rejected' | 'stock-arrived' | 'modified' | 'hold-released'

const CAUSES: Record<RerouteCause, string> = {
  rejected: 'a location rejected the fulfilment',
  'stock-arrived': 'stock arrived',
  modified: 'the order was modified',
  'hold-released': 'a person released its hold',
}

export interface RerouteOutcome {
  orderId: string
  status: OrderStatus
  /** True when nothing changed (a redelivered rejection, an order no longer backordered). */
  duplicate: boolean
  allocated: number
  backordered: number
}

/**
 * Routes an order again: when a warehouse rejects its fulfilment (never back to a location that
 * rejected it), and when stock arrives for its backordered lines. Each order is re-routed in its
 * own transaction with its row and the stock rows locked (PostgreSQL) or the database write lock
 * held (SQLite), and every allocation re-checked by the database, so concurrent runs cannot
 * allocate the same units or the same backorder twice.
 */
export class RerouteService {
  private backorderRun: Promise<void> | undefined
  private pendingSkus: Set<string> | null = null

  constructor(
    private readonly db: SqlDb,
    private readonly catalog: CatalogCache,
    private readonly router: Router,
    private readonly directory: IntegrationDirectory,
    private readonly clock: () => number = Date.now,
  ) {}

  /** A WMS refused a fulfilment: release it, remember the location, route what it held elsewhere. */
  async rejectFulfilment(
    wmsInstanceId: string,
    fulfilmentId: string,
    reason: string,
  ): Promise<RerouteOutcome> {
    return this.retry(async () => {
      const locations = await this.prepareRouting()
      return this.db.transaction((tx) =>
        this.rejectInTx(tx, locations, wmsInstanceId, fulfilmentId, reason, `wms:${wmsInstanceId}`),
      )
    })
  }

  /**
   * The rejection inside the caller's transaction, with the locations `prepareRouting` read before
   * it opened: the outbox records a warehouse's refusal of a fulfilment request this way, in the
   * transaction that marks the message.
   */
  async rejectInTx(
    tx: SqlRunner,
    locations: LocationFacts[],
    wmsInstanceId: string,
    fulfilmentId: string,
    reason: string,
    actor: string,
  ): Promise<RerouteOutcome> {
    const now = this.clock()
    const f = await loadSentFulfilment(tx, wmsInstanceId, fulfilmentId)
    const stored = (await loadStoredOrder(tx, this.catalog, f.order_id, true))!
    if (f.status === 'rejected' || f.status === 'cancelled') return this.outcome(stored, true)
    if (f.status === 'shipped')
      throw new ConflictError(`fulfilment ${f.id} has shipped and cannot be rejected`, 'FULFILMENT_CLOSED')
    await tx.run(`update fulfilment set status = 'rejected', reason = ?, updated_at = ? where id = ?`, [
      reason.slice(0, 1000),
      now,
      f.id,
    ])
    await tx.run(
      `insert into location_rejection (order_id, location_id, reason, created_at) values (?, ?, ?, ?) on conflict (order_id, location_id) do nothing`,
      [f.order_id, f.location_id, reason.slice(0, 1000), now],
    )
    const held = await tx.all<{
      id: string
      line_id: string
      sku: string
      location_id: string
      quantity: number
      pool_id: string | null
    }>(
      `select id, line_id, sku, location_id, quantity, pool_id from allocation where fulfilment_id = ? and status in ('allocated', 'released')`,
      [f.id],
    )
    for (const a of [...held].sort((x, y) => (x.sku < y.sku ? -1 : x.sku > y.sku ? 1 : 0))) {
      await releaseStock(tx, a.sku, a.location_id, a.quantity, now, a.pool_id)
      await tx.run(`update allocation set status = 'cancelled', updated_at = ? where id = ?`, [now, a.id])
      await tx.run(
        'update order_line set allocated_qty = allocated_qty - ?, backordered_qty = backordered_qty + ? where id = ?',
        [a.quantity, a.quantity, a.line_id],
      )
    }
    await addEvent(
      tx,
      f.order_id,
      'fulfilment.rejected',
      null,
      null,
      { fulfilmentId: f.id, locationId: f.location_id, reason },
      actor,
      now,
    )
    const fresh = (await loadStoredOrder(tx, this.catalog, f.order_id, false))!
    return this.routeOpenQuantity(tx, fresh, locations, now, actor, 'rejected')
  }

  /**
   * Stock arrived for these skus: routes backordered orders holding them, oldest first. Calls that
   * arrive while a run is going are folded into one follow-up run.
   */
  /**
   * What routing inside a caller's transaction needs, loaded before it (on SQLite the transaction
   * holds the only connection, so nothing may be read outside it meanwhile).
   */
  async prepareRouting(): Promise<LocationFacts[]> {
    const locations = await this.catalog.activeLocations()
    await this.router.prepare?.(this.clock())
    return [...locations]
  }

  /**
   * Routes whatever of the order is neither allocated, shipped nor cancelled, inside the caller's
   * transaction (the order row already locked), e.g. after a modification freed its allocations.
   */
  async routeOpenInTx(
    tx: SqlRunner,
    orderId: string,
    locations: LocationFacts[],
    actor: string,
    cause: RerouteCause,
  ): Promise<RerouteOutcome> {
    const stored = await loadStoredOrder(tx, this.catalog, orderId, false)
    if (!stored)
      throw new ValidationError('unknown order', [{ field: 'orderId', message: `no order '${orderId}'` }])
    return this.routeOpenQuantity(tx, stored, locations, this.clock(), actor, cause)
  }

  async routeBackorders(skus?: readonly string[]): Promise<RerouteOutcome[]> {
    if (this.backorderRun) {
      if (!skus) this.pendingSkus = null
      else if (this.pendingSkus !== null) for (const s of skus) this.pendingSkus.add(s)
      await this.backorderRun
      return []
    }
    const results: RerouteOutcome[] = []
    let next: readonly string[] | undefined = skus
    this.pendingSkus = new Set()
    const run = (async () => {
      for (;;) {
        results.push(...(await this.backorderPass(next)))
        const pending: Set<string> | null = this.pendingSkus
        if (pending !== null && pending.size === 0) break
        next = pending === null ? undefined : [...pending]
        this.pendingSkus = new Set()
      }
    })()
    this.backorderRun = run.finally(() => {
      this.backorderRun = undefined
    })
    await this.backorderRun
    return results
  }

  private async backorderPass(skus: readonly string[] | undefined): Promise<RerouteOutcome[]> {
    const params: string[] = []
    let filter = ''
    if (skus && skus.length > 0) {
      // A line it still waits for, or one it holds but may move: stock of an allocated sku arriving
      // where the missing lines are can let a ship-complete order go in one shipment.
      filter = ` and exists (select 1 from order_line l where l.order_id = o.id and l.sku in (${skus.map(() => '?').join(',')})
        and (l.backordered_qty > 0 or exists (select 1 from allocation a where a.order_id = o.id and a.line_id = l.id and a.status = 'allocated' and a.fulfilment_id is null)))`
      params.push(...skus)
    }
    const orders = await this.db.all<{ id: string }>(
      `select o.id from orders o where o.status = 'backordered'${filter} order by o.received_at, o.id limit 500`,
      params,
    )
    const out: RerouteOutcome[] = []
    for (const { id } of orders) {
      out.push(
        await this.retry(async () => {
          const locations = await this.catalog.activeLocations()
          await this.router.prepare?.(this.clock())
          return this.db.transaction(async (tx) => {
            const stored = (await loadStoredOrder(tx, this.catalog, id, true))!
            // Another run (or process) may have routed it since the list was read.
            if (stored.status !== 'backordered' || stored.lines.every((l) => open(l) === 0))
              return this.outcome(stored, true)
            return this.routeOpenQuantity(
              tx,
              stored,
              locations,
              this.clock(),
              'system:stock-arrived',
              'stock-arrived',
            )
          })
        }),
      )
    }
    return out
  }

  private async routeOpenQuantity(
    tx: SqlRunner,
    stored: StoredOrder,
    locations: Awaited<ReturnType<CatalogCache['activeLocations']>>,
    now: number,
    actor: string,
    cause: RerouteCause,
  ): Promise<RerouteOutcome> {
    const orderId = stored.order.id
    const openLines = stored.lines.filter((l) => open(l) > 0).map((l) => ({ ...l, quantity: open(l) }))
    if (openLines.length === 0) return this.outcome(stored, true)
    // Allocations not yet with a warehouse are routed again with the open quantity, so the split
    // policy (decide) sees the whole order as at intake; shipments already sent count against it.
    const holdings = await loadHoldings(tx, orderId)
    const routable = stored.lines
      .map((l) => ({ ...l, quantity: open(l) + heldFor(l.lineId, holdings.movable) }))
      .filter((l) => l.quantity > 0)
    const rejected = new Set(
      (
        await tx.all<{ location_id: string }>(
          'select location_id from location_rejection where order_id = ?',
          [orderId],
        )
      ).map((r) => r.location_id),
    )
    const skus = routable.map((l) => l.sku)
    const rows = await readStockForUpdate(tx, skus)
    const pools = await readPoolsForUpdate(tx, skus)
    const stock = new StockLedger(rows, pools, await openUnitsByChannel(tx, pools))
    const channel = stored.order.channelInstanceId
    const capacity = await readCapacityForUpdate(tx, locations, now)
    // Once a person has let an order through, hold rules do not stop it again on a later re-route;
    // nor once it went to a warehouse (see holdRulesApply).
    const holdReleased =
      cause === 'hold-released' ||
      !holdRulesApply(stored.status) ||
      Number(
        (await tx.one<{ n: number | string }>(
          "select count(*) as n from order_event where order_id = ? and type = 'order.hold_released'",
          [orderId],
        ))!.n,
      ) > 0
    const plan = this.router.route({
      holdReleased,
      order: stored.order,
      lines: routable,
      locations,
      // Backorders are filled within pools: the order's channel sees its own pools, not others'.
      stock: withHeld(stock.forChannel(channel), holdings.movable),
      capacity,
      excludedLocationIds: rejected,
      now: new Date(now),
      shipmentsSoFar: holdings.shipmentsSoFar,
    })
    // What the plan keeps where it is stays; the rest is given back. A hold changes nothing held.
    const settled = plan.hold
      ? { rest: [], givenBack: [] }
      : await settleHeld(tx, holdings.movable, plan.assignments, now)
    const assignments: {
      lineId: string
      sku: string
      locationId: string
      quantity: number
      poolId: string | null
      locationPool: boolean
    }[] = []
    for (const a of settled.rest) {
      const q = Math.min(a.quantity, stock.availableTo(channel, a.sku, a.locationId))
      if (q <= 0) continue
      for (const part of stock.takeFor(channel, a.sku, a.locationId, q))
        assignments.push({ ...part, lineId: a.lineId })
    }
    const used = new Set(assignments.map((a) => a.locationId))
    for (const l of locations) if (used.has(l.id)) capacity.take(l, now)
    await writeCapacity(tx, capacity, new Map(locations.map((l) => [l.id, l.dailyCapacity])), now)
    const bySku = new Map<string, { sku: string; locationId: string; quantity: number; fromPool: number }>()
    const draws = new Map<string, number>()
    for (const a of assignments) {
      const k = `${a.sku}\u0000${a.locationId}`
      const s = bySku.get(k) ?? { sku: a.sku, locationId: a.locationId, quantity: 0, fromPool: 0 }
      s.quantity += a.quantity
      if (a.locationPool) s.fromPool += a.quantity
      bySku.set(k, s)
      if (a.poolId) draws.set(a.poolId, (draws.get(a.poolId) ?? 0) + a.quantity)
    }
    for (const k of [...bySku.keys()].sort()) {
      const s = bySku.get(k)!
      await allocateStock(tx, s.sku, s.locationId, s.quantity, now, s.fromPool)
    }
    for (const poolId of [...draws.keys()].sort()) await drawPool(tx, poolId, draws.get(poolId)!, now)
    for (const a of assignments) {
      await tx.run(
        `insert into allocation (id, order_id, line_id, sku, location_id, quantity, status, fulfilment_id, created_at, updated_at, pool_id)
         values (?, ?, ?, ?, ?, ?, 'allocated', null, ?, ?, ?)`,
        [uuidv7(now), orderId, a.lineId, a.sku, a.locationId, a.quantity, now, now, a.poolId],
      )
      await tx.run(
        'update order_line set allocated_qty = allocated_qty + ?, backordered_qty = backordered_qty - ? where id = ?',
        [a.quantity, a.quantity, a.lineId],
      )
    }
    const attempt = await tx.one<{ n: number | null }>(
      'select max(attempt) as n from routing_decision where order_id = ?',
      [orderId],
    )
    const [planJson, explanation] = decisionJson(plan)
    const names = new Map(locations.map((l) => [l.id, l.name]))
    const happened = plan.hold
      ? ''
      : `${await describeReroute(tx, orderId, holdings.sent, settled.givenBack, (id) => names.get(id) ?? id)} `
    await tx.run(
      `insert into routing_decision (id, order_id, attempt, rule_set_version_id, strategy, plan, explanation, summary, created_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        uuidv7(now),
        orderId,
        Number(attempt?.n ?? 0) + 1,
        plan.ruleSetVersionId,
        plan.strategy,
        planJson,
        explanation,
        `Re-routed (${CAUSES[cause]}): ${happened}${plan.summary}`,
        now,
      ],
    )
    await addEvent(
      tx,
      orderId,
      'order.rerouted',
      null,
      null,
      {
        cause,
        allocated: assignments.reduce((s, a) => s + a.quantity, 0),
        givenBack: settled.givenBack.reduce((s, a) => s + a.quantity, 0),
      },
      actor,
      now,
    )

    const lines = await loadLines(tx, orderId)
    const backordered = lines.reduce((s, l) => s + l.backorderedQty, 0)
    const outbox: NewOutboxMessage[] = []
    let target: OrderStatus
    if (plan.hold) target = 'held'
    else if (backordered > 0) target = 'backordered'
    else
      target = (await releaseLooseAllocations(tx, orderId, locations, this.directory, now, outbox))
        ? 'released'
        : 'allocated'
    let status = stored.status
    const decision = rerouteStatus(status, target)
    if (decision.kind === 'keep')
      await addEvent(
        tx,
        orderId,
        'order.status_kept',
        null,
        null,
        { target, reason: decision.reason },
        actor,
        now,
      )
    if (decision.kind === 'move') {
      const previous = status
      // Through allocated where that is the legal way (a backordered order reaches released as at intake).
      const eventId = (await moveOrderTo(
        tx,
        { id: orderId, status },
        decision.to,
        now,
        actor,
        plan.hold ? { reason: plan.hold.reason } : null,
      ))!
      status = decision.to
      if (plan.hold)
        await tx.run('update orders set hold_reason = ? where id = ?', [plan.hold.reason, orderId])
      if (wantsStatus(this.directory, stored.order.channelInstanceId)) {
        outbox.push(
          ...statusMessages(this.directory, {
            channelInstanceId: stored.order.channelInstanceId,
            orderId,
            key: eventId,
            now,
            payload: buildStatusUpdate({
              orderId,
              externalOrderId: stored.externalOrderId,
              orderNumber: stored.orderNumber,
              status: target,
              previousStatus: previous,
              reason: plan.hold?.reason ?? null,
              lines,
              shipments: [],
              occurredAt: now,
            }),
          }),
        )
      }
    }
    await writeOutbox(tx, outbox)
    return {
      orderId,
      status,
      duplicate: false,
      allocated: assignments.reduce((s, a) => s + a.quantity, 0),
      backordered,
    }
  }

  private outcome(stored: StoredOrder, duplicate: boolean): RerouteOutcome {
    return {
      orderId: stored.order.id,
      status: stored.status,
      duplicate,
      allocated: stored.lines.reduce((s, l) => s + l.allocatedQty, 0),
      backordered: stored.lines.reduce((s, l) => s + l.backorderedQty, 0),
    }
  }

  private async retry<T>(fn: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await fn()
      } catch (error) {
        const retryable =
          isRetryableDbError(error) ||
          (error instanceof ConflictError &&
            (error.code === 'ALLOCATION_CONFLICT' || error.code === 'CAPACITY_CONFLICT'))
        if (!retryable || attempt >= 6) throw error
        await new Promise((r) => setTimeout(r, Math.random() * 5 * attempt))
      }
    }
  }
}

/** Units of a line neither allocated, shipped nor cancelled. */
function open(l: {
  quantity: number
  allocatedQty: number
  shippedQty: number
  cancelledQty: number
}): number {
  return Math.max(0, l.quantity - l.allocatedQty - l.shippedQty - l.cancelledQty)
}

export type { RoutingPlan }
