import type { Address, CanonicalOrder, OrderStatus, ServiceLevel } from '@switchyard/plugin-sdk'
import type { CatalogCache } from '../../catalog/catalog-cache'
import { toMinorUnits } from '../../catalog/money'
import type { SqlDb, SqlRunner } from '../../db/sql/sql-db'
import { ValidationError } from '../../errors'
import { releaseStock } from '../../inventory/stock-writer'
import { writeOutbox } from '../../outbox/outbox-writer'
import type { IntegrationDirectory } from '../../outbox/topics'
import {
  addEvent,
  addLine,
  cancelPendingFulfilments,
  findByExternalId,
  findSnapshot,
  loadSnapshot,
  type OrderSnapshot,
  recomputeTotals,
  setAllocationStatus,
  setDelivery,
  setLineQuantity,
  unrouteLines,
} from '../store'
import { channelChanges } from './channel-update'
import { OperationNotAllowedError, orderOperations } from './order-operations'
import type { RerouteService } from './reroute-service'
import { changeStatus } from './status-change'

export interface ModifyInput {
  orderId: string
  shipTo?: Address
  serviceLevel?: ServiceLevel
  /** New quantities of existing lines (0 removes the line). */
  lines?: { lineId: string; quantity: number }[]
  addLines?: { sku: string; quantity: number; unitPrice?: string; externalLineId?: string }[]
  reason?: string
  actor: string
  channelScope?: string | null
}

/** Prices lines a modification adds without a price, as intake would (price lists, contracts, rules). */
export interface AddedLinePricer {
  quote(request: {
    channel: string
    customer: { id: string } | null
    currency: string
    lines: readonly { sku: string; quantity: number }[]
  }): Promise<{ lines: readonly { unitPrice: string | null; error: string | null }[] }>
}

export type ChannelUpdateOutcome =
  | ({ outcome: 'modified' } & ModifyOutcome)
  | { outcome: 'unchanged' | 'too-late'; orderId: string; status: OrderStatus }
  | { outcome: 'not-found' }

export interface ModifyOutcome {
  orderId: string
  status: OrderStatus
  changed: string[]
}

/**
 * Changes an order before release: shipping address, service level, line quantities, lines added
 * or removed. Every allocation not yet with a warehouse is given back and the order is routed
 * again with its new shape, in one transaction. After release the change is refused: none of the
 * WMS plugins accepts modifications of a fulfilment order in flight.
 */
export class ModificationService {
  constructor(
    private readonly db: SqlDb,
    private readonly catalog: CatalogCache,
    private readonly reroute: RerouteService,
    private readonly directory: IntegrationDirectory,
    private readonly pricing?: AddedLinePricer,
    private readonly clock: () => number = Date.now,
  ) {}

  /**
   * The channel changed an order it sent (`order.updated`): before release its new address and
   * quantities are applied as a modification, as an operator's would be; `unchanged` when the
   * update changes nothing the hub holds; `too-late` once the order is with a warehouse or done
   * (the channel's change is not applied; the warehouse has the order as it was); `not-found` when
   * the hub has no such order yet (the caller takes it as a new order).
   */
  async fromChannel(channelInstanceId: string, order: CanonicalOrder): Promise<ChannelUpdateOutcome> {
    const orderId = await findByExternalId(this.db, channelInstanceId, order.externalId)
    if (!orderId) return { outcome: 'not-found' }
    const held = await loadSnapshot(this.db, orderId)
    const changes = channelChanges(held, order)
    if (!changes) return { outcome: 'unchanged', orderId, status: held.status }
    if (!orderOperations.modify.includes(held.status))
      return { outcome: 'too-late', orderId, status: held.status }
    try {
      const done = await this.modify({
        orderId,
        ...changes,
        reason: 'changed in the channel',
        actor: `channel:${channelInstanceId}`,
      })
      return { outcome: 'modified', ...done }
    } catch (error) {
      // Released between the read and the change: the same answer as above.
      if (error instanceof OperationNotAllowedError)
        return { outcome: 'too-late', orderId, status: held.status }
      throw error
    }
  }

  async modify(input: ModifyInput): Promise<ModifyOutcome> {
    const changed = this.describe(input)
    if (changed.length === 0) {
      throw new ValidationError('nothing to change', [
        { field: '(body)', message: 'give shipTo, serviceLevel, lines or addLines' },
      ])
    }
    const added = input.addLines ?? []
    const { found, missing } = await this.catalog.products(added.map((l) => l.sku))
    if (missing.length > 0) {
      throw new ValidationError(
        'unknown skus',
        added.flatMap((l, i) =>
          missing.includes(l.sku) ? [{ field: `addLines[${i}].sku`, message: `unknown sku '${l.sku}'` }] : [],
        ),
        'UNKNOWN_SKU',
      )
    }
    const addLines = await this.priceAdded(input.orderId, added)
    const locations = await this.reroute.prepareRouting()
    return this.db.transaction(async (tx) => {
      const now = this.clock()
      const snap = await loadSnapshot(tx, input.orderId, { channelScope: input.channelScope })
      if (!orderOperations.modify.includes(snap.status)) {
        const why =
          snap.status === 'released' || snap.status === 'partially_shipped'
            ? `the order is with the warehouse (state '${snap.status}') and its WMS plugin does not accept modifications; cancel and re-order instead`
            : undefined
        throw new OperationNotAllowedError('modify', snap.status, snap.id, why)
      }
      this.checkLines(snap, input)
      await this.freeAllocations(tx, snap, now)
      await setDelivery(tx, snap.id, {
        ...(input.shipTo ? { shipTo: input.shipTo } : {}),
        ...(input.serviceLevel ? { serviceLevel: input.serviceLevel } : {}),
      })
      for (const l of input.lines ?? []) await setLineQuantity(tx, l.lineId, l.quantity)
      let lineNo = Math.max(0, ...snap.lines.map((l) => l.lineNo))
      for (const l of addLines) {
        const line = {
          lineNo: ++lineNo,
          externalLineId: l.externalLineId ?? null,
          sku: l.sku,
          name: found.get(l.sku)!.name,
          quantity: l.quantity,
          unitPriceMinor: l.unitPrice === undefined ? null : toMinorUnits(l.unitPrice, snap.currency),
        }
        await addLine(tx, snap.id, line, now)
      }
      // A held order waits for a person (a hold rule, a price check): changing it does not decide
      // the hold, so it stays held and unrouted until someone releases it. Anything else open waits
      // to be routed again, counted as backordered until the router places it.
      const held = snap.status === 'held'
      await unrouteLines(tx, snap.id, held)
      await recomputeTotals(tx, snap.id)
      await addEvent(
        tx,
        snap.id,
        'order.modified',
        null,
        null,
        { changed, reason: input.reason ?? null },
        input.actor,
        now,
      )
      const outcome = held
        ? { status: snap.status }
        : await this.reroute.routeOpenInTx(tx, snap.id, locations, input.actor, 'modified')
      if (outcome.status === snap.status) {
        // Same status, different order: the channel still hears what changed.
        const told = await changeStatus(tx, { ...snap, status: outcome.status }, outcome.status, {
          now,
          actor: input.actor,
          notify: true,
          reason: `order modified: ${changed.join(', ')}`,
          directory: this.directory,
        })
        await writeOutbox(tx, told.outbox)
      }
      return { orderId: snap.id, status: outcome.status, changed }
    })
  }

  /**
   * Lines added without a price are priced as intake would price them (the order's channel,
   * customer and currency). A line nothing can price is refused, naming it: an order line without a
   * price could not be invoiced.
   */
  private async priceAdded(
    orderId: string,
    added: NonNullable<ModifyInput['addLines']>,
  ): Promise<NonNullable<ModifyInput['addLines']>> {
    const unpriced = added.map((l, i) => ({ l, i })).filter(({ l }) => l.unitPrice === undefined)
    if (unpriced.length === 0 || !this.pricing) return added
    const order = await findSnapshot(this.db, orderId, false)
    if (!order) return added
    const quote = await this.pricing.quote({
      channel: order.channelInstanceId,
      customer: order.customer.id ? { id: order.customer.id } : null,
      currency: order.currency,
      lines: unpriced.map(({ l }) => ({ sku: l.sku, quantity: l.quantity })),
    })
    const issues = unpriced.flatMap(({ l, i }, n) =>
      quote.lines[n]?.unitPrice
        ? []
        : [
            {
              field: `addLines[${i}].unitPrice`,
              message: `no price for '${l.sku}' on this channel${quote.lines[n]?.error ? ` (${quote.lines[n]!.error})` : ''}; give one`,
            },
          ],
    )
    if (issues.length > 0) throw new ValidationError('added lines without a price', issues, 'UNPRICED_LINE')
    const priced = new Map(unpriced.map(({ i }, n) => [i, quote.lines[n]!.unitPrice!]))
    return added.map((l, i) => (priced.has(i) ? { ...l, unitPrice: priced.get(i)! } : l))
  }

  private describe(input: ModifyInput): string[] {
    const changed: string[] = []
    if (input.shipTo) changed.push('shipping address')
    if (input.serviceLevel) changed.push('service level')
    if (input.lines?.length) changed.push('line quantities')
    if (input.addLines?.length) changed.push('lines added')
    return changed
  }

  private checkLines(snap: OrderSnapshot, input: ModifyInput): void {
    const issues = (input.lines ?? []).flatMap((l, i) => {
      const line = snap.lines.find((x) => x.id === l.lineId)
      if (!line) return [{ field: `lines[${i}].lineId`, message: `no line '${l.lineId}' on this order` }]
      if (l.quantity !== 0 && l.quantity < line.cancelledQty + line.shippedQty) {
        return [
          {
            field: `lines[${i}].quantity`,
            message: `must be at least ${line.cancelledQty + line.shippedQty}, already cancelled or shipped`,
          },
        ]
      }
      return []
    })
    const open = snap.lines.filter((l) => {
      const change = input.lines?.find((x) => x.lineId === l.id)
      return (change ? change.quantity : l.quantity) > l.cancelledQty
    })
    if (open.length === 0 && (input.addLines ?? []).length === 0) {
      issues.push({ field: 'lines', message: 'an order needs at least one line; cancel it instead' })
    }
    if (issues.length > 0) throw new ValidationError('invalid modification', issues)
  }

  /** Gives back every allocation not with a warehouse, and closes fulfilments left empty. */
  private async freeAllocations(tx: SqlRunner, snap: OrderSnapshot, now: number): Promise<void> {
    for (const a of snap.allocations) {
      if (a.status !== 'allocated') continue
      await releaseStock(tx, a.sku, a.locationId, a.quantity, now, a.poolId)
      await setAllocationStatus(tx, a.id, 'cancelled', now)
    }
    await cancelPendingFulfilments(tx, snap.id, 'order modified', now)
  }
}
