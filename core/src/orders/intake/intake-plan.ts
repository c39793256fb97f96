import type { OrderStatus } from '@switchyard/plugin-sdk'
import type { LocationFacts } from '../../catalog/facts'
import { bomsOf } from '../../catalog/kits/kit-boms'
import { fromMinorUnits } from '../../catalog/money'
import { uuidv7 } from '../../ids'
import type { StockLedger } from '../../inventory/stock-ledger'
import { statusMessages, wantsStatus } from '../../outbox/status-messages'
import type { IntegrationDirectory, NewOutboxMessage } from '../../outbox/topics'
import type { CapacityLedger } from '../../routing/capacity'
import type { Router, RoutingPlan } from '../../routing/router'
import { type PlannedFulfilment, planFulfilments } from '../fulfilment-plan'
import { walk } from '../order-state-machine'
import { buildStatusUpdate } from '../status-update'
import { type PreparedLine, type PreparedOrder, routingInput } from './prepared-order'

export interface LineWrite extends PreparedLine {
  allocatedQty: number
  backorderedQty: number
}

export interface AllocationWrite {
  id: string
  lineId: string
  sku: string
  locationId: string
  quantity: number
  status: 'allocated' | 'released'
  fulfilmentId: string | null
  /** The channel pool these units came out of, if any. */
  poolId: string | null
  /** True for a location pool (its units are counted in inventory_level.protected). */
  locationPool: boolean
}

export type FulfilmentWrite = Omit<PlannedFulfilment, 'allocations'>

export interface EventWrite {
  id: string
  type: string
  fromStatus: OrderStatus | null
  toStatus: OrderStatus | null
  data: Record<string, unknown> | null
}

/** Everything one new order writes, decided in memory before a single row is touched. */
export interface OrderWriteSet {
  order: PreparedOrder
  status: OrderStatus
  holdReason: string | null
  lines: LineWrite[]
  allocations: AllocationWrite[]
  fulfilments: FulfilmentWrite[]
  events: EventWrite[]
  decision: { id: string; plan: RoutingPlan }
  outbox: NewOutboxMessage[]
}

export interface PlanContext {
  router: Router
  locations: readonly LocationFacts[]
  stock: StockLedger
  /** Daily capacity used per location, this batch included. */
  capacity?: CapacityLedger
  directory: IntegrationDirectory
  now: number
}

/** Routes one order against the batch's ledger and decides every row it will write. */
export function planIntake(order: PreparedOrder, ctx: PlanContext): OrderWriteSet {
  const { now } = ctx
  const plan = ctx.router.route({
    ...routingInput(order),
    locations: ctx.locations,
    // The channel's view: its own pools on top, other channels' pools and its caps taken off.
    stock: ctx.stock.forChannel(order.channelInstanceId),
    ...(ctx.capacity ? { capacity: ctx.capacity } : {}),
    now: new Date(now),
  })

  // A price mismatch (or a line nothing prices) holds the order like a hold rule does.
  const priceHold = order.pricing?.hold ?? null
  const holdReason =
    [plan.hold?.reason, priceHold?.reason].filter((r): r is string => Boolean(r)).join('; ') || null
  const held = plan.hold !== undefined || priceHold !== null
  // Taken in the plan's order, each part clamped to what the channel may still take: limits that
  // span locations (network pools, caps) cannot be seen one location at a time by the router.
  const assignments: Omit<AllocationWrite, 'id' | 'status' | 'fulfilmentId'>[] = []
  for (const a of held ? [] : plan.assignments) {
    const q = Math.min(a.quantity, ctx.stock.availableTo(order.channelInstanceId, a.sku, a.locationId))
    if (q <= 0) continue
    for (const part of ctx.stock.takeFor(order.channelInstanceId, a.sku, a.locationId, q)) {
      assignments.push({
        lineId: a.lineId,
        sku: a.sku,
        locationId: a.locationId,
        quantity: part.quantity,
        poolId: part.poolId,
        locationPool: part.locationPool,
      })
    }
  }
  if (ctx.capacity) {
    const used = new Set(assignments.map((a) => a.locationId))
    for (const l of ctx.locations) if (used.has(l.id)) ctx.capacity.take(l, now)
  }

  const allocatedByLine = new Map<string, number>()
  for (const a of assignments)
    allocatedByLine.set(a.lineId, (allocatedByLine.get(a.lineId) ?? 0) + a.quantity)
  const lines: LineWrite[] = order.lines.map((l) => {
    const allocatedQty = allocatedByLine.get(l.id) ?? 0
    return { ...l, allocatedQty, backorderedQty: held ? 0 : l.quantity - allocatedQty }
  })
  const complete = !held && lines.every((l) => l.backorderedQty === 0)

  const locationsById = new Map(ctx.locations.map((l) => [l.id, l]))
  const allocations: AllocationWrite[] = assignments.map((a) => ({
    id: uuidv7(now),
    ...a,
    status: 'allocated',
    fulfilmentId: null,
  }))
  const planned = complete
    ? planFulfilments({
        order,
        allocations,
        lineName: (id) => lines.find((l) => l.id === id)?.name,
        kits: bomsOf(order.lines),
        location: (id) => locationsById.get(id),
        directory: ctx.directory,
        now,
      })
    : { fulfilments: [], outbox: [] }
  for (const f of planned.fulfilments) {
    for (const a of f.allocations) {
      a.fulfilmentId = f.id
      if (f.status === 'requested') a.status = 'released'
    }
  }
  const fulfilments: FulfilmentWrite[] = planned.fulfilments

  const path: OrderStatus[] = held
    ? ['held']
    : complete
      ? fulfilments.length > 0 && fulfilments.every((f) => f.status === 'requested')
        ? ['allocated', 'released']
        : ['allocated']
      : ['backordered']
  // The new order's status is where the checked walk from `received` ends, never set directly.
  const steps = walk('received', path, order.id)
  const events: EventWrite[] = [
    { id: uuidv7(now), type: 'order.received', fromStatus: null, toStatus: 'received', data: null },
    ...steps.map(([from, to]) => ({
      id: uuidv7(now),
      type: 'order.status',
      fromStatus: from,
      toStatus: to,
      data:
        to === 'held'
          ? {
              reason: holdReason,
              ...(order.pricing?.mismatches.length ? { priceMismatches: order.pricing.mismatches } : {}),
            }
          : null,
    })),
  ]
  const status = steps[steps.length - 1]![1]

  const outbox: NewOutboxMessage[] = [...planned.outbox]
  if (wantsStatus(ctx.directory, order.channelInstanceId)) {
    const last = events[events.length - 1]!
    outbox.push(
      ...statusMessages(ctx.directory, {
        channelInstanceId: order.channelInstanceId,
        orderId: order.id,
        key: last.id,
        now,
        payload: buildStatusUpdate({
          orderId: order.id,
          externalOrderId: order.externalOrderId,
          orderNumber: order.orderNumber,
          status,
          previousStatus: null,
          reason: holdReason,
          ...(order.pricing?.mismatches.length
            ? {
                priceChanges: order.pricing.mismatches.map((m) => ({
                  ...(m.externalLineId ? { externalLineId: m.externalLineId } : {}),
                  sku: m.sku,
                  orderedUnitPrice: m.orderedUnitPrice,
                  unitPrice: m.contractUnitPrice,
                })),
              }
            : {}),
          lines: lines.map((l) => {
            // A mapped line is told back in the channel's terms (buildStatusUpdate converts the
            // counters); its price is the one the channel sent for its unit, else the hub's × multiplier.
            const multiplier = l.channelMultiplier ?? 1
            const unitPriceMinor = !l.channelSku
              ? l.unitPriceMinor
              : (l.channelUnitPriceMinor ??
                (l.unitPriceMinor === null ? null : l.unitPriceMinor * multiplier))
            return {
              externalLineId: l.externalLineId,
              sku: l.sku,
              quantity: l.quantity,
              allocatedQty: l.allocatedQty,
              backorderedQty: l.backorderedQty,
              shippedQty: 0,
              cancelledQty: 0,
              unitPrice: unitPriceMinor === null ? null : fromMinorUnits(unitPriceMinor, order.currency),
              channelSku: l.channelSku ?? null,
              channelMultiplier: multiplier,
            }
          }),
          shipments: [],
          occurredAt: now,
        }),
      }),
    )
  }

  return {
    order,
    status,
    holdReason,
    lines,
    allocations,
    fulfilments,
    events,
    decision: { id: uuidv7(now), plan },
    outbox,
  }
}
