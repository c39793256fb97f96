import type { OrderStatus } from '@switchyard/plugin-sdk'
import type { CatalogCache } from '../../catalog/catalog-cache'
import type { LocationFacts } from '../../catalog/facts'
import { bomsOf, kitsUsing, stockSkus } from '../../catalog/kits/kit-boms'
import type { SqlDb, SqlRunner } from '../../db/sql/sql-db'
import { isRetryableDbError } from '../../db/sql/sql-db'
import { ConflictError, ValidationError } from '../../errors'
import { openUnitsByChannel, readPoolsForUpdate } from '../../inventory/pools'
import { StockLedger } from '../../inventory/stock-ledger'
import { allocateStock, drawPool, readStockForUpdate, releaseStock } from '../../inventory/stock-writer'
import { writeOutbox } from '../../outbox/outbox-writer'
import { statusMessages, wantsStatus } from '../../outbox/status-messages'
import type { IntegrationDirectory, NewOutboxMessage } from '../../outbox/topics'
import { readCapacityForUpdate, writeCapacity } from '../../routing/capacity'
import type { Router, RoutingPlan } from '../../routing/router'
import { releaseLooseAllocations } from '../release'
import { buildStatusUpdate } from '../status-update'
import {
  addDecision,
  addEvent,
  addRejection,
  backorderedOrders,
  fulfilmentAllocations,
  hasEvent,
  insertAllocation,
  loadLines,
  loadRoutingView,
  loadSentFulfilment,
  moveOrderTo,
  type RoutingView,
  rejectedLocations,
  setAllocationStatus,
  setFulfilmentStatus,
  setHoldReason,
  shiftLine,
} from '../store'
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
  /**
   * Called after a backorder run for its skus: orders still waiting are promised again from
   * inbound supply (supply/supply-promises.ts), since a re-route that leaves an order backordered
   * clears the promise on its row.
   */
  afterBackorders: ((skus: readonly string[]) => Promise<void>) | undefined

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
    const stored = (await loadRoutingView(tx, this.catalog, f.orderId, true))!
    if (f.status === 'rejected' || f.status === 'cancelled') return this.outcome(stored, true)
    if (f.status === 'shipped')
      throw new ConflictError(`fulfilment ${f.id} has shipped and cannot be rejected`, 'FULFILMENT_CLOSED')
    await setFulfilmentStatus(tx, f.id, 'rejected', now, { reason })
    await addRejection(tx, f.orderId, f.locationId, reason, now)
    const held = await fulfilmentAllocations(tx, f.id)
    for (const a of held.sort((x, y) => (x.sku < y.sku ? -1 : x.sku > y.sku ? 1 : 0))) {
      await releaseStock(tx, a.sku, a.locationId, a.quantity, now, a.poolId)
      await setAllocationStatus(tx, a.id, 'cancelled', now)
      await shiftLine(tx, a.lineId, { allocated: -a.quantity, backordered: a.quantity })
    }
    await addEvent(
      tx,
      f.orderId,
      'fulfilment.rejected',
      null,
      null,
      { fulfilmentId: f.id, locationId: f.locationId, reason },
      actor,
      now,
    )
    const fresh = (await loadRoutingView(tx, this.catalog, f.orderId, false))!
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
    const stored = await loadRoutingView(tx, this.catalog, orderId, false)
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
    if (skus && this.afterBackorders) await this.afterBackorders(skus)
    return results
  }

  private async backorderPass(skus: readonly string[] | undefined): Promise<RerouteOutcome[]> {
    // Stock of a component arriving can complete the kits made of it: their backorders go too.
    const widened = skus && [...skus, ...(await kitsUsing(this.db, skus))]
    const orders = await backorderedOrders(this.db, widened, 500)
    const out: RerouteOutcome[] = []
    for (const id of orders) {
      out.push(
        await this.retry(async () => {
          const locations = await this.catalog.activeLocations()
          await this.router.prepare?.(this.clock())
          return this.db.transaction(async (tx) => {
            const stored = (await loadRoutingView(tx, this.catalog, id, true))!
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
    stored: RoutingView,
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
    const rejected = await rejectedLocations(tx, orderId)
    // A kit's stock is its components' rows: they are read (and locked) in its place.
    const kits = bomsOf(routable)
    const skus = stockSkus(
      routable.map((l) => l.sku),
      kits,
    )
    const rows = await readStockForUpdate(tx, skus)
    const pools = await readPoolsForUpdate(tx, skus)
    const stock = new StockLedger(rows, pools, await openUnitsByChannel(tx, pools), kits)
    const channel = stored.order.channelInstanceId
    const capacity = await readCapacityForUpdate(tx, locations, now)
    // Once a person has let an order through, hold rules do not stop it again on a later re-route;
    // nor once it went to a warehouse (see holdRulesApply).
    const holdReleased =
      cause === 'hold-released' ||
      !holdRulesApply(stored.status) ||
      (await hasEvent(tx, orderId, 'order.hold_released'))
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
      await allocateStock(tx, s.sku, s.locationId, s.quantity, now, s.fromPool, kits)
    }
    for (const poolId of [...draws.keys()].sort()) await drawPool(tx, poolId, draws.get(poolId)!, now)
    for (const a of assignments) {
      await insertAllocation(tx, { ...a, orderId, status: 'allocated', fulfilmentId: null }, now)
      await shiftLine(tx, a.lineId, { allocated: a.quantity, backordered: -a.quantity })
    }
    const names = new Map(locations.map((l) => [l.id, l.name]))
    const happened = plan.hold
      ? ''
      : `${await describeReroute(tx, orderId, holdings.sent, settled.givenBack, (id) => names.get(id) ?? id)} `
    await addDecision(tx, orderId, plan, `Re-routed (${CAUSES[cause]}): ${happened}${plan.summary}`, now)
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
      if (plan.hold) await setHoldReason(tx, orderId, plan.hold.reason)
      if (wantsStatus(this.directory, stored.order.channelInstanceId)) {
        outbox.push(
          ...statusMessages(this.directory, {
            channelInstanceId: stored.order.channelInstanceId,
            orderId,
            key: eventId,
            now,
            payload: buildStatusUpdate({
              orderId,
              externalOrderId: stored.snapshot.externalOrderId,
              orderNumber: stored.snapshot.orderNumber,
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

  private outcome(stored: RoutingView, duplicate: boolean): RerouteOutcome {
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
