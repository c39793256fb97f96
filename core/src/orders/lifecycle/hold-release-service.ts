import type { OrderStatus } from '@switchyard/plugin-sdk'
import type { SqlDb } from '../../db/sql/sql-db'
import { ValidationError } from '../../errors'
import { addEvent, backorderUnplaced, loadSnapshot, setHoldReason } from '../store'
import { assertOperation } from './order-operations'
import type { RerouteService } from './reroute-service'

export interface ReleaseHoldInput {
  orderId: string
  /** Why a person let it through: kept in the order's history. */
  reason: string
  actor: string
  channelScope?: string | null
}

export interface ReleaseHoldOutcome {
  orderId: string
  /** What routing made of it: allocated, released or backordered. */
  status: OrderStatus
  /** The hold that was lifted, as the order recorded it. */
  releasedHold: string | null
  allocated: number
  backordered: number
}

/**
 * Lets a held order through: a person checked what the hold rule or the price check flagged. The
 * order is routed at once, in the same transaction, and hold rules never hold it again (nor on a
 * later re-route after a modification or a backorder fill); every other rule still applies.
 */
export class HoldReleaseService {
  constructor(
    private readonly db: SqlDb,
    private readonly reroute: RerouteService,
    private readonly clock: () => number = Date.now,
  ) {}

  async release(input: ReleaseHoldInput): Promise<ReleaseHoldOutcome> {
    const reason = input.reason.trim()
    if (!reason)
      throw new ValidationError('a reason is required', [
        { field: 'reason', message: 'say why the hold may be lifted; it is kept in the order history' },
      ])
    const locations = await this.reroute.prepareRouting()
    return this.db.transaction(async (tx) => {
      const now = this.clock()
      const snap = await loadSnapshot(tx, input.orderId, { channelScope: input.channelScope })
      assertOperation('release-hold', snap.status, snap.id)
      // A held order was never routed: its open quantity waits for the router, as after a modification.
      await backorderUnplaced(tx, snap.id)
      await setHoldReason(tx, snap.id, null)
      await addEvent(
        tx,
        snap.id,
        'order.hold_released',
        null,
        null,
        { reason, hold: snap.holdReason },
        input.actor,
        now,
      )
      const outcome = await this.reroute.routeOpenInTx(tx, snap.id, locations, input.actor, 'hold-released')
      return {
        orderId: snap.id,
        status: outcome.status,
        releasedHold: snap.holdReason,
        allocated: outcome.allocated,
        backordered: outcome.backordered,
      }
    })
  }
}
