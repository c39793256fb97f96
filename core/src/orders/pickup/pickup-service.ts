import type { FulfilmentCancelRequest, OrderStatus } from '@switchyard/plugin-sdk'
import type { SqlDb, SqlRunner } from '../../db/sql/sql-db'
import { uuidv7 } from '../../ids'
import { releaseStock, shipStock } from '../../inventory/stock-writer'
import { writeOutbox } from '../../outbox/outbox-writer'
import type { IntegrationDirectory, NewOutboxMessage } from '../../outbox/topics'
import { assertOperation } from '../lifecycle/order-operations'
import { changeStatus } from '../lifecycle/status-change'
import {
  addEvent,
  loadSentFulfilment,
  loadSnapshot,
  type OrderSnapshot,
  readyForPickupBefore,
  recordShipment,
  setAllocationStatus,
  setFulfilmentStatus,
  setPickupReady,
  shiftLine,
  shrinkAllocation,
} from '../store'
import { unitsAwayFromStore } from './ship-to-store-service'

export interface PickedOutcome {
  orderId: string
  fulfilmentId: string
  status: OrderStatus
  /** False when the report changed nothing (a repeat, or an order that is not waiting for it). */
  changed: boolean
  reason?: string
}

export interface CollectedOutcome {
  orderId: string
  status: OrderStatus
}

/** Carrier name on a collected order's shipment, so the channel's "shipped" says how it left. */
export const COLLECTED_CARRIER = 'in-store pickup'

const AT_STORE = new Set(['requested', 'accepted'])
const LIVE_ALLOCATION = new Set(['allocated', 'released'])

/**
 * Click and collect after routing: the store reports the order picked (`ready_for_pickup`, the
 * channel told), a person confirms the customer collected it (`shipped`, with a shipment whose
 * carrier is `in-store pickup`), or it expires uncollected (`cancelled`: the units go back to the
 * store's stock, the store is asked to cancel its pick, the channel told). Each in one transaction.
 */
export class PickupService {
  constructor(
    private readonly db: SqlDb,
    private readonly directory: IntegrationDirectory,
    private readonly clock: () => number = Date.now,
  ) {}

  /** The store's WMS or POS has the order at the counter (`fulfilment.picked`). */
  picked(wmsInstanceId: string, fulfilmentId: string): Promise<PickedOutcome> {
    return this.db.transaction(async (tx) => {
      const now = this.clock()
      const f = await loadSentFulfilment(tx, wmsInstanceId, fulfilmentId)
      const snap = await loadSnapshot(tx, f.orderId)
      const quiet = (reason: string): PickedOutcome => ({
        orderId: snap.id,
        fulfilmentId,
        status: snap.status,
        changed: false,
        reason,
      })
      if (!snap.pickupLocationId) return quiet('not a click-and-collect order: nothing to pick up')
      if (snap.status === 'ready_for_pickup') return quiet('already ready for pickup')
      if (snap.status !== 'released' || !AT_STORE.has(f.status))
        return quiet(`the order is ${snap.status} and its fulfilment ${f.status}: not waiting to be picked`)
      // Ship to store: the customer collects once, when everything sent to the store is there.
      const away = unitsAwayFromStore(snap)
      if (away > 0) return quiet(`${away} unit(s) are still on their way to the store`)
      await setPickupReady(tx, snap.id, now)
      const moved = await changeStatus(tx, snap, 'ready_for_pickup', {
        now,
        actor: `wms:${wmsInstanceId}`,
        notify: true,
        reason: `ready for pickup at ${f.locationId}`,
        directory: this.directory,
        data: { fulfilmentId, locationId: f.locationId },
      })
      await writeOutbox(tx, moved.outbox)
      return { orderId: snap.id, fulfilmentId, status: moved.status, changed: true }
    })
  }

  /** The customer collected the order: its units leave the store's stock, the order is shipped. */
  collect(orderId: string, actor: string, channelScope?: string | null): Promise<CollectedOutcome> {
    return this.db.transaction(async (tx) => {
      const now = this.clock()
      const snap = await loadSnapshot(tx, orderId, { channelScope })
      assertOperation('collect', snap.status, snap.id)
      for (const f of snap.fulfilments.filter((x) => AT_STORE.has(x.status))) {
        for (const a of liveAllocations(snap, f.id)) {
          await shipStock(tx, a.sku, a.locationId, a.quantity, now)
          await setAllocationStatus(tx, a.id, 'shipped', now)
          await shiftLine(tx, a.lineId, { shipped: a.quantity, allocated: -a.quantity })
        }
        await recordShipment(
          tx,
          f.id,
          { fulfilmentId: f.id, carrier: COLLECTED_CARRIER, trackingNumber: `collected:${f.id}` },
          now,
        )
      }
      await addEvent(
        tx,
        snap.id,
        'order.collected',
        null,
        null,
        { locationId: snap.pickupLocationId },
        actor,
        now,
      )
      const moved = await changeStatus(tx, snap, 'shipped', {
        now,
        actor,
        notify: true,
        reason: 'collected by the customer',
        directory: this.directory,
      })
      await writeOutbox(tx, moved.outbox)
      return { orderId: snap.id, status: moved.status }
    })
  }

  /**
   * Cancels orders left at the counter longer than `expiryMs`, each in its own transaction (the
   * order row locked, so two hubs never cancel one twice). Returns the ids cancelled.
   */
  async expire(expiryMs: number, limit = 100): Promise<string[]> {
    const now = this.clock()
    const due = await this.db.transaction((tx) => readyForPickupBefore(tx, now - expiryMs, limit))
    const expired: string[] = []
    for (const id of due) {
      const done = await this.db.transaction((tx) => this.expireOne(tx, id, expiryMs, now))
      if (done) expired.push(id)
    }
    return expired
  }

  private async expireOne(tx: SqlRunner, orderId: string, expiryMs: number, now: number): Promise<boolean> {
    const snap = await loadSnapshot(tx, orderId)
    // Collected, cancelled or expired by another hub since the list was read.
    if (snap.status !== 'ready_for_pickup' || snap.pickupReadyAt === null) return false
    if (snap.pickupReadyAt >= now - expiryMs) return false
    const hours = Math.round((expiryMs / 3_600_000) * 10) / 10
    const reason = `not collected within ${hours} h of being ready for pickup`
    const outbox: NewOutboxMessage[] = []
    const freed: { lineId: string; quantity: number }[] = []
    for (const f of snap.fulfilments.filter((x) => AT_STORE.has(x.status))) {
      for (const a of liveAllocations(snap, f.id)) {
        // Back on the store's shelf: allocated goes down, on-hand stays.
        await releaseStock(tx, a.sku, a.locationId, a.quantity, now, a.poolId)
        await shrinkAllocation(tx, a.id, 0, now)
        await shiftLine(tx, a.lineId, { cancelled: a.quantity, allocated: -a.quantity })
        freed.push({ lineId: a.lineId, quantity: a.quantity })
      }
      await setFulfilmentStatus(tx, f.id, 'cancelled', now, { reason })
      // The store is told to put the pick back; its answer changes nothing here any more.
      if (f.wmsInstanceId && this.directory.accepts(f.wmsInstanceId, 'fulfilment.cancel')) {
        const request: FulfilmentCancelRequest = {
          fulfilmentId: f.id,
          ...(f.externalRef ? { externalRef: f.externalRef } : {}),
          reason,
        }
        outbox.push({
          id: uuidv7(now),
          topic: 'fulfilment.cancel',
          instanceId: f.wmsInstanceId,
          orderId: snap.id,
          idempotencyKey: `fulfilment.cancel:${f.id}`,
          payload: request,
          createdAt: now,
        })
      }
    }
    await addEvent(
      tx,
      snap.id,
      'order.pickup_expired',
      null,
      null,
      { lines: freed, reason },
      'system:pickup-expiry',
      now,
    )
    const moved = await changeStatus(tx, snap, 'cancelled', {
      now,
      actor: 'system:pickup-expiry',
      notify: true,
      reason,
      directory: this.directory,
    })
    await writeOutbox(tx, [...outbox, ...moved.outbox])
    return true
  }
}

function liveAllocations(snap: OrderSnapshot, fulfilmentId: string) {
  return snap.allocations.filter((a) => a.fulfilmentId === fulfilmentId && LIVE_ALLOCATION.has(a.status))
}
