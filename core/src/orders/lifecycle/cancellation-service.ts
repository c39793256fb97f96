import type { FulfilmentCancelRequest, OrderStatus } from '@switchyard/plugin-sdk'
import type { CatalogCache } from '../../catalog/catalog-cache'
import type { SqlDb, SqlRunner } from '../../db/sql/sql-db'
import { ConflictError, NotFoundError, ValidationError } from '../../errors'
import { uuidv7 } from '../../ids'
import { releaseStock } from '../../inventory/stock-writer'
import { writeOutbox } from '../../outbox/outbox-writer'
import type { IntegrationDirectory, NewOutboxMessage } from '../../outbox/topics'
import { transferOnItsWay } from '../pickup/ship-to-store-service'
import { releaseLooseAllocations } from '../release'
import {
  addEvent,
  findByExternalId,
  insertAllocation,
  loadFulfilment,
  loadSentFulfilment,
  loadSnapshot,
  type OrderSnapshot,
  type SnapshotAllocation,
  setFulfilmentStatus,
  shiftLine,
  shrinkAllocation,
} from '../store'
import { deriveStatus } from './derive-status'
import { assertOperation, OperationNotAllowedError } from './order-operations'
import { changeStatus } from './status-change'

export interface CancelInput {
  orderId: string
  /** Lines and quantities to cancel; absent means everything not yet shipped. */
  lines?: { lineId: string; quantity: number }[]
  reason?: string
  actor: string
  channelScope?: string | null
}

export interface CancelOutcome {
  orderId: string
  status: OrderStatus
  /** Cancelled at once: backordered quantity and stock not yet with a warehouse. */
  cancelled: { lineId: string; quantity: number }[]
  /** Fulfilments the warehouse was asked to cancel; their lines are cancelled when it confirms. */
  awaitingWarehouse: string[]
}

/**
 * Cancels a whole order or some quantity of some lines. Before release the stock is freed in the
 * same transaction; after release the WMS is asked to cancel the fulfilment (whole: warehouses
 * cancel fulfilment orders, not parts of them) and the lines are cancelled only when it confirms.
 * If it has already shipped, the cancellation is refused. The channel is told every outcome.
 */
export class CancellationService {
  constructor(
    private readonly db: SqlDb,
    private readonly catalog: CatalogCache,
    private readonly directory: IntegrationDirectory,
    private readonly clock: () => number = Date.now,
  ) {}

  async cancel(input: CancelInput): Promise<CancelOutcome> {
    const locations = await this.catalog.activeLocations()
    return this.db.transaction(async (tx) => {
      const now = this.clock()
      const snap = await loadSnapshot(tx, input.orderId, { channelScope: input.channelScope })
      assertOperation('cancel', snap.status, snap.id)
      if (await transferOnItsWay(tx, snap))
        throw new OperationNotAllowedError(
          'cancel',
          snap.status,
          snap.id,
          'part of the order is on its way to the pickup store: cancel it once the store has received it',
        )
      const want = this.requested(snap, input.lines)
      const outbox: NewOutboxMessage[] = []
      const cancelled: CancelOutcome['cancelled'] = []
      const askWarehouse = new Map<string, number>()

      for (const line of snap.lines) {
        let q = want.get(line.id) ?? 0
        if (q === 0) continue
        let done = 0
        let fromStock = 0
        // A held order was never routed: what is neither allocated, backordered, shipped nor
        // cancelled goes first, with nothing to give back.
        const unrouted =
          line.quantity - line.allocatedQty - line.backorderedQty - line.shippedQty - line.cancelledQty
        const fromUnrouted = Math.min(q, Math.max(0, unrouted))
        done += fromUnrouted
        q -= fromUnrouted
        const fromBackorder = Math.min(q, line.backorderedQty)
        done += fromBackorder
        q -= fromBackorder
        // Newest allocations first: the oldest are the likeliest to be in a warehouse's hands.
        const open = snap.allocations
          .filter((a) => a.lineId === line.id && (a.status === 'allocated' || a.status === 'released'))
          .reverse()
        for (const a of open) {
          if (q === 0) break
          if (this.withWarehouse(snap, a)) continue
          const take = Math.min(q, a.quantity)
          await this.freeAllocation(tx, snap.id, a, take, now)
          fromStock += take
          done += take
          q -= take
        }
        for (const a of open) {
          if (q === 0) break
          if (!this.withWarehouse(snap, a)) continue
          const take = Math.min(q, a.quantity)
          askWarehouse.set(a.fulfilmentId!, (askWarehouse.get(a.fulfilmentId!) ?? 0) + take)
          q -= take
        }
        if (done > 0) {
          await shiftLine(tx, line.id, {
            cancelled: done,
            backordered: -fromBackorder,
            allocated: -fromStock,
          })
          cancelled.push({ lineId: line.id, quantity: done })
        }
      }

      const awaitingWarehouse = await this.askWarehouses(tx, snap, askWarehouse, input.reason, now, outbox)
      await this.closeEmptyFulfilments(tx, snap, now)
      if (cancelled.length > 0) {
        await addEvent(
          tx,
          snap.id,
          'order.lines_cancelled',
          null,
          null,
          { lines: cancelled, reason: input.reason ?? null },
          input.actor,
          now,
        )
      }
      if (awaitingWarehouse.length > 0) {
        await addEvent(
          tx,
          snap.id,
          'order.cancel_requested',
          null,
          null,
          { fulfilments: awaitingWarehouse, reason: input.reason ?? null },
          input.actor,
          now,
        )
      }
      const fresh = await loadSnapshot(tx, snap.id)
      let target = deriveStatus(fresh)
      if (
        target === 'allocated' &&
        (await releaseLooseAllocations(tx, snap.id, locations, this.directory, now, outbox))
      )
        target = 'released'
      const moved = await changeStatus(tx, snap, target, {
        now,
        actor: input.actor,
        notify: cancelled.length > 0,
        directory: this.directory,
        ...(input.reason ? { reason: input.reason } : {}),
      })
      await writeOutbox(tx, [...outbox, ...moved.outbox])
      return { orderId: snap.id, status: moved.status, cancelled, awaitingWarehouse }
    })
  }

  /** The channel cancelled the order (e.g. a Shopify orders/cancelled webhook). */
  async cancelByChannel(
    channelInstanceId: string,
    externalOrderId: string,
    reason: string | undefined,
  ): Promise<CancelOutcome> {
    const orderId = await findByExternalId(this.db, channelInstanceId, externalOrderId)
    if (!orderId) throw new NotFoundError('order', externalOrderId, 'ORDER_NOT_FOUND')
    return this.cancel({
      orderId,
      reason: reason ?? 'cancelled by the channel',
      actor: `channel:${channelInstanceId}`,
    })
  }

  /**
   * A WMS reports a fulfilment cancelled. If the hub asked for it, the cancellation is complete
   * (`confirmed`); otherwise the warehouse gave it up on its own (`unrequested`), which the caller
   * treats as a rejection and routes elsewhere.
   */
  async warehouseCancelled(
    wmsInstanceId: string,
    fulfilmentId: string,
  ): Promise<'confirmed' | 'unrequested'> {
    return this.db.transaction(async (tx) => {
      const f = await loadSentFulfilment(tx, wmsInstanceId, fulfilmentId)
      if (f.status === 'cancelled') return 'confirmed'
      if (f.status !== 'cancelling') return 'unrequested'
      await this.confirmInTx(tx, fulfilmentId, `wms:${wmsInstanceId}`)
      return 'confirmed'
    })
  }

  /**
   * The warehouse answered a cancellation later, refusing it (an EDI supplier's 865): as a refused
   * cancel call (`refuseInTx`). False when no cancellation of that fulfilment was waiting.
   */
  async warehouseRefused(wmsInstanceId: string, fulfilmentId: string, why: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const f = await loadSentFulfilment(tx, wmsInstanceId, fulfilmentId)
      if (f.status !== 'cancelling') return false
      await this.refuseInTx(tx, fulfilmentId, why, `wms:${wmsInstanceId}`)
      return true
    })
  }

  /** The WMS confirmed the cancellation: the fulfilment's lines are cancelled and its stock freed. */
  async confirmInTx(tx: SqlRunner, fulfilmentId: string, actor: string, now = this.clock()): Promise<void> {
    const f = await loadFulfilment(tx, fulfilmentId)
    if (!f || f.status === 'cancelled') return
    const snap = await loadSnapshot(tx, f.orderId)
    const freed: { lineId: string; quantity: number }[] = []
    for (const a of snap.allocations.filter(
      (x) => x.fulfilmentId === fulfilmentId && (x.status === 'allocated' || x.status === 'released'),
    )) {
      const quantity = a.quantity
      await this.freeAllocation(tx, snap.id, a, quantity, now)
      await shiftLine(tx, a.lineId, { cancelled: quantity, allocated: -quantity })
      freed.push({ lineId: a.lineId, quantity })
    }
    await setFulfilmentStatus(tx, fulfilmentId, 'cancelled', now)
    await addEvent(
      tx,
      snap.id,
      'fulfilment.cancelled',
      null,
      null,
      { fulfilmentId, lines: freed },
      actor,
      now,
    )
    const fresh = await loadSnapshot(tx, snap.id)
    const moved = await changeStatus(tx, snap, deriveStatus(fresh), {
      now,
      actor,
      notify: true,
      reason: 'cancellation confirmed by the warehouse',
      directory: this.directory,
    })
    await writeOutbox(tx, moved.outbox)
  }

  /** The WMS would not cancel (it already shipped, say): the fulfilment goes on and the channel is told. */
  async refuseInTx(
    tx: SqlRunner,
    fulfilmentId: string,
    why: string,
    actor: string,
    now = this.clock(),
  ): Promise<void> {
    const f = await loadFulfilment(tx, fulfilmentId)
    if (f?.status !== 'cancelling') return
    await setFulfilmentStatus(tx, fulfilmentId, 'accepted', now, { reason: why })
    const snap = await loadSnapshot(tx, f.orderId)
    await addEvent(tx, snap.id, 'order.cancel_refused', null, null, { fulfilmentId, reason: why }, actor, now)
    const moved = await changeStatus(tx, snap, snap.status, {
      now,
      actor,
      notify: true,
      reason: `cancellation refused: ${why}`,
      directory: this.directory,
    })
    await writeOutbox(tx, moved.outbox)
  }

  private requested(snap: OrderSnapshot, lines: CancelInput['lines']): Map<string, number> {
    const pending = new Set(snap.fulfilments.filter((f) => f.status === 'cancelling').map((f) => f.id))
    const cancellable = (lineId: string) => {
      const l = snap.lines.find((x) => x.id === lineId)!
      const inCancellation = snap.allocations
        .filter(
          (a) =>
            a.lineId === lineId && a.fulfilmentId && pending.has(a.fulfilmentId) && a.status !== 'cancelled',
        )
        .reduce((n, a) => n + a.quantity, 0)
      return l.quantity - l.shippedQty - l.cancelledQty - inCancellation
    }
    const want = new Map<string, number>()
    if (!lines) {
      for (const l of snap.lines) {
        const q = cancellable(l.id)
        if (q > 0) want.set(l.id, q)
      }
      if (want.size === 0)
        throw new ConflictError(
          'nothing left to cancel: the rest has shipped or is being cancelled',
          'NOTHING_TO_CANCEL',
        )
      return want
    }
    const issues = lines.flatMap((l, i) => {
      if (!snap.lines.some((x) => x.id === l.lineId))
        return [{ field: `lines[${i}].lineId`, message: `no line '${l.lineId}' on this order` }]
      const total = (want.get(l.lineId) ?? 0) + l.quantity
      const max = cancellable(l.lineId)
      if (total > max)
        return [{ field: `lines[${i}].quantity`, message: `only ${max} can still be cancelled` }]
      want.set(l.lineId, total)
      return []
    })
    if (issues.length > 0) throw new ValidationError('cannot cancel that much', issues, 'CANCEL_TOO_MUCH')
    return want
  }

  private withWarehouse(snap: OrderSnapshot, a: SnapshotAllocation): boolean {
    const f = snap.fulfilments.find((x) => x.id === a.fulfilmentId)
    return f !== undefined && (f.status === 'requested' || f.status === 'accepted' || f.status === 'failed')
  }

  private async freeAllocation(
    tx: SqlRunner,
    orderId: string,
    a: SnapshotAllocation,
    quantity: number,
    now: number,
  ): Promise<void> {
    await releaseStock(tx, a.sku, a.locationId, quantity, now, a.poolId)
    await shrinkAllocation(tx, a.id, a.quantity - quantity, now)
    // A part cancelled keeps its own row: the line's allocations show what it lost.
    if (quantity < a.quantity)
      await insertAllocation(tx, { ...a, orderId, quantity, status: 'cancelled', poolId: null }, now)
    a.quantity -= quantity
    if (a.quantity === 0) a.status = 'cancelled'
  }

  /** Fulfilments with a warehouse can only be cancelled whole; each gets one cancel request. */
  private async askWarehouses(
    tx: SqlRunner,
    snap: OrderSnapshot,
    asked: Map<string, number>,
    reason: string | undefined,
    now: number,
    outbox: NewOutboxMessage[],
  ): Promise<string[]> {
    const ids: string[] = []
    for (const [fulfilmentId, quantity] of asked) {
      const f = snap.fulfilments.find((x) => x.id === fulfilmentId)!
      const whole = snap.allocations
        .filter(
          (a) => a.fulfilmentId === fulfilmentId && (a.status === 'allocated' || a.status === 'released'),
        )
        .reduce((n, a) => n + a.quantity, 0)
      if (quantity !== whole) {
        throw new ConflictError(
          `fulfilment ${fulfilmentId} at ${f.locationId} is with the warehouse and can only be cancelled whole (${whole} units), not ${quantity}`,
          'PARTIAL_CANCEL_AFTER_RELEASE',
          { fulfilmentId, units: whole, requested: quantity, status: snap.status },
        )
      }
      if (!f.wmsInstanceId || !this.directory.accepts(f.wmsInstanceId, 'fulfilment.cancel')) {
        throw new ConflictError(
          `the warehouse at ${f.locationId} cannot be asked to cancel`,
          'WMS_CANNOT_CANCEL',
          { fulfilmentId },
        )
      }
      await setFulfilmentStatus(tx, fulfilmentId, 'cancelling', now)
      const request: FulfilmentCancelRequest = {
        fulfilmentId,
        ...(f.externalRef ? { externalRef: f.externalRef } : {}),
        ...(reason ? { reason } : {}),
      }
      outbox.push({
        id: uuidv7(now),
        topic: 'fulfilment.cancel',
        instanceId: f.wmsInstanceId,
        orderId: snap.id,
        idempotencyKey: await cancelKey(tx, fulfilmentId),
        payload: request,
        createdAt: now,
      })
      ids.push(fulfilmentId)
    }
    return ids
  }

  /** A fulfilment whose every allocation was cancelled before it reached a warehouse is closed. */
  private async closeEmptyFulfilments(tx: SqlRunner, snap: OrderSnapshot, now: number): Promise<void> {
    for (const f of snap.fulfilments) {
      if (f.status !== 'pending') continue
      const live = snap.allocations.some(
        (a) => a.fulfilmentId === f.id && (a.status === 'allocated' || a.status === 'released'),
      )
      if (!live) await setFulfilmentStatus(tx, f.id, 'cancelled', now)
    }
  }
}

/**
 * The outbox key of a request to cancel the fulfilment: `fulfilment.cancel:<id>`, then `:2`, `:3`…
 * for a cancellation asked again after the warehouse refused one (the key is unique, and each ask
 * is a request of its own, which the warehouse must not take for a retry of the refused one).
 */
async function cancelKey(tx: SqlRunner, fulfilmentId: string): Promise<string> {
  const key = `fulfilment.cancel:${fulfilmentId}`
  const row = await tx.one<{ n: number | string }>(
    'select count(*) as n from outbox_message where idempotency_key = ? or idempotency_key like ?',
    [key, `${key}:%`],
  )
  const asked = Number(row?.n ?? 0)
  return asked === 0 ? key : `${key}:${asked + 1}`
}
