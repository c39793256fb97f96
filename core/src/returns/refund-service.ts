import type { ChannelRefund, RefundRequest } from '@switchyard/plugin-sdk'
import { fromMinorUnits, toMinorUnits } from '../catalog/money'
import type { SqlDb, SqlRunner } from '../db/sql/sql-db'
import { readJson } from '../db/sql/sql-db'
import { NotFoundError } from '../errors'
import { uuidv7 } from '../ids'
import { addEvent } from '../orders/store'
import { writeOutbox } from '../outbox/outbox-writer'
import type { IntegrationDirectory } from '../outbox/topics'
import {
  computeRefund,
  defaultRefundPolicy,
  type RefundComputation,
  type RefundPolicy,
} from './refund-policy'

export interface RefundView {
  id: string
  status: string
  amount: string
  currency: string
}

interface Breakdown extends RefundComputation {
  units?: never
}

/**
 * Refund orchestration. A refund is computed from what a return brought back, recorded, and sent
 * to the order's channel through the outbox with the refund's id as idempotency key (a retried
 * request never pays twice); it is confirmed when the channel says so. Refunds the channel makes on
 * its own are recorded too, so the hub never pays back more than was paid.
 */
export class RefundService {
  constructor(
    private readonly db: SqlDb,
    private readonly directory: IntegrationDirectory,
    private readonly policy: RefundPolicy = defaultRefundPolicy,
  ) {}

  /** Inside the receipt's transaction: computes, records and queues the refund. Null when nothing is due. */
  async refundReturnInTx(
    tx: SqlRunner,
    input: {
      orderId: string
      returnId: string
      received: { orderLineId: string; sku: string; units: number }[]
      reason: string | null
      actor: string
      now: number
    },
  ): Promise<string | null> {
    const { now } = input
    const order = (await tx.one<{
      channel_instance_id: string
      external_order_id: string
      currency: string
      total_minor: number
      shipping_minor: number
    }>(
      'select channel_instance_id, external_order_id, currency, total_minor, shipping_minor from orders where id = ?',
      [input.orderId],
    ))!
    const lines = await tx.all<{
      id: string
      sku: string
      quantity: number
      unit_price_minor: number | null
      discount_minor: number
      external_line_id: string | null
      shipped_qty: number
    }>(
      'select id, sku, quantity, unit_price_minor, discount_minor, external_line_id, shipped_qty from order_line where order_id = ?',
      [input.orderId],
    )
    // Units received before this receipt, per order line, across every return of the order.
    const receivedNow = new Map<string, number>()
    for (const r of input.received)
      receivedNow.set(r.orderLineId, (receivedNow.get(r.orderLineId) ?? 0) + r.units)
    const totals = await tx.all<{ order_line_id: string; n: number }>(
      `select rl.order_line_id, sum(rl.received_resellable + rl.received_damaged) as n from return_line rl
         join return_request r on r.id = rl.return_id where r.order_id = ? group by rl.order_line_id`,
      [input.orderId],
    )
    const receivedAll = new Map(totals.map((t) => [t.order_line_id, Number(t.n)]))
    const previous = await tx.all<{ amount_minor: number; breakdown: unknown; status: string }>(
      `select amount_minor, breakdown, status from refund where order_id = ? and status in ('requested', 'confirmed', 'recorded')`,
      [input.orderId],
    )
    const refundedBefore = previous.reduce((s, r) => s + Number(r.amount_minor), 0)
    const shippingBefore = previous.some((r) => (readJson<Breakdown>(r.breakdown)?.shippingMinor ?? 0) > 0)
    const shipped = lines.reduce((s, l) => s + l.shipped_qty, 0)
    const returned = [...receivedAll.values()].reduce((s, n) => s + n, 0)

    const computation = computeRefund({
      lines: [...receivedNow.entries()].map(([lineId, units]) => {
        const l = lines.find((x) => x.id === lineId)!
        return {
          orderLineId: l.id,
          sku: l.sku,
          quantity: l.quantity,
          unitPriceMinor: l.unit_price_minor === null ? null : Number(l.unit_price_minor),
          discountMinor: Number(l.discount_minor),
          unitsBefore: (receivedAll.get(l.id) ?? 0) - units,
          units,
        }
      }),
      shippingMinor: Number(order.shipping_minor),
      shippingRefundedBefore: shippingBefore,
      fullyReturned: returned >= shipped,
      reason: input.reason,
      paidMinor: Number(order.total_minor),
      refundedBeforeMinor: refundedBefore,
      policy: this.policy,
    })
    if (computation.amountMinor <= 0) return null
    const id = uuidv7(now)
    const canPush = this.directory.accepts(order.channel_instance_id, 'refund.push')
    await tx.run(
      `insert into refund (id, order_id, return_id, status, amount_minor, currency, breakdown, reason, source, external_refund_id, created_at, confirmed_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, 'hub', null, ?, null)`,
      [
        id,
        input.orderId,
        input.returnId,
        canPush ? 'requested' : 'recorded',
        computation.amountMinor,
        order.currency,
        JSON.stringify(computation),
        input.reason,
        now,
      ],
    )
    await addEvent(
      tx,
      input.orderId,
      canPush ? 'refund.requested' : 'refund.recorded',
      null,
      null,
      {
        refundId: id,
        amount: fromMinorUnits(computation.amountMinor, order.currency),
        currency: order.currency,
        ...(canPush
          ? {}
          : { note: 'the channel cannot refund through its plugin: pay it back there by hand' }),
      },
      input.actor,
      now,
    )
    if (canPush) {
      const request: RefundRequest = {
        refundId: id,
        orderId: input.orderId,
        externalOrderId: order.external_order_id,
        amount: fromMinorUnits(computation.amountMinor, order.currency),
        currency: order.currency,
        ...(input.reason ? { reason: input.reason } : {}),
        lines: computation.lines.map((l) => {
          const line = lines.find((x) => x.id === l.orderLineId)!
          return {
            ...(line.external_line_id ? { externalLineId: line.external_line_id } : {}),
            sku: l.sku,
            quantity: l.units,
            restock: false,
            amount: fromMinorUnits(l.amountMinor, order.currency),
          }
        }),
        ...(computation.shippingMinor > 0
          ? { shipping: fromMinorUnits(computation.shippingMinor, order.currency) }
          : {}),
        ...(computation.restockingFeeMinor > 0
          ? { restockingFee: fromMinorUnits(computation.restockingFeeMinor, order.currency) }
          : {}),
        notifyCustomer: true,
      }
      await writeOutbox(tx, [
        {
          id: uuidv7(now),
          topic: 'refund.push',
          instanceId: order.channel_instance_id,
          orderId: input.orderId,
          idempotencyKey: `refund:${id}`,
          payload: request,
          createdAt: now,
        },
      ])
    }
    return id
  }

  /** The channel confirmed the refund it was asked for. */
  async confirmInTx(
    tx: SqlRunner,
    refundId: string,
    externalRefundId: string | undefined,
    now = Date.now(),
  ): Promise<void> {
    const r = await tx.one<{ order_id: string; status: string }>(
      'select order_id, status from refund where id = ?',
      [refundId],
    )
    if (!r || r.status === 'confirmed') return
    await tx.run(
      `update refund set status = 'confirmed', external_refund_id = ?, confirmed_at = ? where id = ?`,
      [externalRefundId ?? null, now, refundId],
    )
    await touchReturnOf(tx, refundId, now)
    await addEvent(
      tx,
      r.order_id,
      'refund.confirmed',
      null,
      null,
      { refundId, externalRefundId: externalRefundId ?? null },
      'channel',
      now,
    )
  }

  async failInTx(tx: SqlRunner, refundId: string, error: string, now = Date.now()): Promise<void> {
    const r = await tx.one<{ order_id: string }>('select order_id from refund where id = ?', [refundId])
    if (!r) return
    if (
      (await tx.run(`update refund set status = 'failed' where id = ? and status = 'requested'`, [
        refundId,
      ])) > 0
    )
      await touchReturnOf(tx, refundId, now)
    await addEvent(
      tx,
      r.order_id,
      'refund.failed',
      null,
      null,
      { refundId, error: error.slice(0, 500) },
      'outbox',
      now,
    )
  }

  /** A refund the channel made on its own (e.g. from the Shopify admin). Ignored when it is one of ours. */
  async recordChannelRefund(
    channelInstanceId: string,
    refund: ChannelRefund,
  ): Promise<{ refundId: string; duplicate: boolean }> {
    return this.db.transaction(async (tx) => {
      const order = await tx.one<{ id: string; currency: string }>(
        'select id, currency from orders where channel_instance_id = ? and external_order_id = ?',
        [channelInstanceId, refund.externalOrderId],
      )
      if (!order) throw new NotFoundError('order', refund.externalOrderId, 'ORDER_NOT_FOUND')
      const known = await tx.one<{ id: string }>(
        'select id from refund where order_id = ? and external_refund_id = ?',
        [order.id, refund.externalRefundId],
      )
      if (known) return { refundId: known.id, duplicate: true }
      const now = Date.now()
      const id = uuidv7(now)
      const amount = refund.amount ? toMinorUnits(refund.amount, refund.currency ?? order.currency) : 0
      await tx.run(
        `insert into refund (id, order_id, return_id, status, amount_minor, currency, breakdown, reason, source, external_refund_id, created_at, confirmed_at)
         values (?, ?, null, 'recorded', ?, ?, ?, ?, 'channel', ?, ?, ?)`,
        [
          id,
          order.id,
          amount,
          refund.currency ?? order.currency,
          JSON.stringify({ lines: refund.lines }),
          refund.reason ?? null,
          refund.externalRefundId,
          now,
          now,
        ],
      )
      await addEvent(
        tx,
        order.id,
        'refund.reported',
        null,
        null,
        { refundId: id, externalRefundId: refund.externalRefundId, amount: refund.amount ?? null },
        `channel:${channelInstanceId}`,
        now,
      )
      return { refundId: id, duplicate: false }
    })
  }

  async forReturn(returnId: string): Promise<RefundView[]> {
    return (await this.forReturns([returnId])).get(returnId) ?? []
  }

  /** The refunds of each of a page of returns (at most 500), by return id. */
  async forReturns(returnIds: readonly string[]): Promise<Map<string, RefundView[]>> {
    const out = new Map<string, RefundView[]>()
    if (returnIds.length === 0) return out
    const rows = await this.db.all<Record<string, unknown>>(
      `select return_id, id, status, amount_minor, currency from refund
        where return_id in (${returnIds.map(() => '?').join(',')}) order by id`,
      returnIds,
    )
    const views = this.view(rows)
    rows.forEach((r, i) => {
      const list = out.get(String(r.return_id)) ?? []
      list.push(views[i]!)
      out.set(String(r.return_id), list)
    })
    return out
  }

  async forOrder(orderId: string): Promise<RefundView[]> {
    return this.view(
      await this.db.all(
        'select id, status, amount_minor, currency from refund where order_id = ? order by id',
        [orderId],
      ),
    )
  }

  private view(rows: Record<string, unknown>[]): RefundView[] {
    return rows.map((r) => ({
      id: String(r.id),
      status: String(r.status),
      amount: fromMinorUnits(Number(r.amount_minor), String(r.currency)),
      currency: String(r.currency),
    }))
  }
}

/**
 * A return shows its refunds: when one settles, the return has changed too (`updatedAt`, and so
 * the returns list's `updatedSince`).
 */
async function touchReturnOf(tx: SqlRunner, refundId: string, now: number): Promise<void> {
  await tx.run(
    'update return_request set updated_at = ? where id = (select return_id from refund where id = ?)',
    [now, refundId],
  )
}
