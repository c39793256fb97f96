import { randomBytes } from 'node:crypto'
import type { CanonicalOrder, ChannelReturn, ReturnReceipt } from '@switchyard/plugin-sdk'
import type { CatalogCache } from '../catalog/catalog-cache'
import { readKitBoms } from '../catalog/kits/kit-boms'
import type { SqlDb, SqlRunner } from '../db/sql/sql-db'
import { readJson } from '../db/sql/sql-db'
import { ConflictError, NotFoundError, ValidationError } from '../errors'
import { isUuid, uuidv7 } from '../ids'
import type { OrderIntake } from '../orders/intake/order-intake'
import { assertOperation } from '../orders/lifecycle/order-operations'
import type { RerouteService } from '../orders/lifecycle/reroute-service'
import { addEvent, findByExternalId, loadRoutingView, loadSnapshot } from '../orders/store'
import type { Page } from '../pagination'
import type { PostcodeCentroids } from '../routing/centroids/postcode-centroids'
import type { RoutingConfig } from '../routing/routing-config'
import type { RuleSetService } from '../rules/rule-set-service'
import type { RefundService } from './refund-service'
import type { ReturnStatus } from './return.entity'
import { listReturns, MAX_RETURNS_PAGE, type ReturnFilter } from './return-list'
import { chooseReturnLocation } from './return-location'
import { type ReturnView, returnViews } from './return-views'

export interface ExchangeRequest {
  lines: { sku: string; quantity: number }[]
  /** `first`: the replacement ships now; `after-receipt`: once the return is received. */
  ship: 'first' | 'after-receipt'
}

export interface CreateReturnInput {
  orderId: string
  lines: { lineId: string; quantity: number }[]
  reason?: string
  exchange?: ExchangeRequest
  externalReturnId?: string
  actor: string
  channelScope?: string | null
}

export type { ReturnView } from './return-views'

export interface ReturnServiceDeps {
  db: SqlDb
  catalog: CatalogCache
  ruleSets: RuleSetService
  routingConfig: RoutingConfig
  centroids: PostcodeCentroids | undefined
  refunds: RefundService
  intake: OrderIntake
  reroute: RerouteService
  clock?: () => number
}

/**
 * Returns (RMAs): authorised for shipped units, sent to a location chosen by the returns rule set,
 * received with each unit's condition. Resellable units go back into that location's stock (and
 * feed backorders); damaged ones are written off; the refund is computed from what came back.
 * An exchange creates a replacement order, shipped at once or after the receipt.
 */
export class ReturnService {
  private readonly now: () => number

  constructor(private readonly deps: ReturnServiceDeps) {
    this.now = deps.clock ?? Date.now
  }

  async create(input: CreateReturnInput): Promise<ReturnView> {
    const { db, catalog } = this.deps
    const now = this.now()
    if (input.lines.length === 0)
      throw new ValidationError('nothing to return', [{ field: 'lines', message: 'name at least one line' }])
    const stored = await loadRoutingView(db, catalog, input.orderId, false)
    if (!stored || (input.channelScope && stored.order.channelInstanceId !== input.channelScope)) {
      throw new NotFoundError('order', input.orderId, 'ORDER_NOT_FOUND')
    }
    if (input.exchange)
      await this.checkSkus(
        input.exchange.lines.map((l) => l.sku),
        'exchange.lines',
      )
    const routingLines = input.lines.flatMap((l) => {
      const line = stored.lines.find((x) => x.lineId === l.lineId)
      return line ? [{ lineId: line.lineId, sku: line.sku, quantity: l.quantity, product: line.product }] : []
    })
    const choice = await chooseReturnLocation(this.deps, {
      order: stored.order,
      lines: routingLines,
      locations: await catalog.activeLocations(),
      now,
    })
    const id = uuidv7(now)
    const rma = `RMA-${new Date(now).toISOString().slice(2, 10).replace(/-/g, '')}-${randomBytes(3).toString('hex').toUpperCase()}`
    await db.transaction(async (tx) => {
      const snap = await loadSnapshot(tx, input.orderId)
      assertOperation('return', snap.status, snap.id)
      const returned = await this.returnedSoFar(tx, snap.id)
      const issues = input.lines.flatMap((l, i) => {
        const line = snap.lines.find((x) => x.id === l.lineId)
        if (!line) return [{ field: `lines[${i}].lineId`, message: `no line '${l.lineId}' on this order` }]
        const room =
          line.shippedQty -
          (returned.get(line.id) ?? 0) -
          input.lines
            .slice(0, i)
            .filter((x) => x.lineId === l.lineId)
            .reduce((n, x) => n + x.quantity, 0)
        return l.quantity > room
          ? [
              {
                field: `lines[${i}].quantity`,
                message: `only ${Math.max(0, room)} shipped and not yet returned`,
              },
            ]
          : []
      })
      if (issues.length > 0) throw new ValidationError('cannot return that', issues, 'RETURN_TOO_MUCH')
      await tx.run(
        `insert into return_request (id, order_id, rma_number, status, reason, location_id, external_return_id, exchange, exchange_order_id,
           decision, actor, created_at, updated_at) values (?, ?, ?, 'authorised', ?, ?, ?, ?, null, ?, ?, ?, ?)`,
        [
          id,
          snap.id,
          rma,
          input.reason ?? null,
          choice.location.id,
          input.externalReturnId ?? null,
          input.exchange ? JSON.stringify(input.exchange) : null,
          JSON.stringify({
            summary: choice.plan.summary,
            strategy: choice.plan.strategy,
            ruleSetVersionId: choice.ruleSetVersionId,
          }),
          input.actor,
          now,
          now,
        ],
      )
      for (const l of input.lines) {
        const line = snap.lines.find((x) => x.id === l.lineId)!
        await tx.run(
          'insert into return_line (id, return_id, order_line_id, sku, quantity, received_resellable, received_damaged) values (?, ?, ?, ?, ?, 0, 0)',
          [uuidv7(now), id, line.id, line.sku, l.quantity],
        )
      }
      await addEvent(
        tx,
        snap.id,
        'return.authorised',
        null,
        null,
        { returnId: id, rmaNumber: rma, location: choice.location.id, reason: input.reason ?? null },
        input.actor,
        now,
      )
    })
    if (input.exchange?.ship === 'first') await this.createExchange(id)
    return this.get(id)
  }

  /** A return the channel reports, its lines matched by the channel's line ids or skus. */
  async createFromChannel(channelInstanceId: string, r: ChannelReturn): Promise<ReturnView> {
    const existing = await this.deps.db.one<{ id: string }>(
      `select r.id from return_request r join orders o on o.id = r.order_id
        where o.channel_instance_id = ? and r.external_return_id = ?`,
      [channelInstanceId, r.externalReturnId],
    )
    if (existing) return this.get(existing.id)
    const orderId = await findByExternalId(this.deps.db, channelInstanceId, r.externalOrderId)
    if (!orderId) throw new NotFoundError('order', r.externalOrderId, 'ORDER_NOT_FOUND')
    const order = { id: orderId }
    const lines = await this.deps.db.all<{ id: string; sku: string; external_line_id: string | null }>(
      'select id, sku, external_line_id from order_line where order_id = ? order by line_no',
      [order.id],
    )
    const mapped = r.lines.map((l, i) => {
      const line = lines.find((x) =>
        l.externalLineId ? x.external_line_id === l.externalLineId : x.sku === l.sku,
      )
      if (!line)
        throw new ValidationError('unknown line', [
          { field: `lines[${i}]`, message: `no line for ${l.externalLineId ?? l.sku} on the order` },
        ])
      return { lineId: line.id, quantity: l.quantity }
    })
    return this.create({
      orderId: order.id,
      lines: mapped,
      ...(r.reason ? { reason: r.reason } : {}),
      externalReturnId: r.externalReturnId,
      actor: `channel:${channelInstanceId}`,
    })
  }

  /**
   * The channel withdrew a return it reported (declined, or closed before anything came back): an
   * authorised return nothing has been received for is cancelled, with the reason in the order's
   * history. One that units already came back for stays as it is (what arrived was handled) and is
   * answered as it is; a return the hub never had is null (nothing to undo).
   */
  async cancelFromChannel(
    channelInstanceId: string,
    externalReturnId: string,
    reason: string,
  ): Promise<ReturnView | null> {
    const now = this.now()
    const id = await this.deps.db.transaction(async (tx) => {
      const r = await tx.one<{ id: string; order_id: string; status: ReturnStatus; rma_number: string }>(
        `select r.id, r.order_id, r.status, r.rma_number from return_request r join orders o on o.id = r.order_id
          where o.channel_instance_id = ? and r.external_return_id = ?${tx.dialect === 'postgresql' ? ' for update of r' : ''}`,
        [channelInstanceId, externalReturnId],
      )
      if (!r) return null
      if (r.status !== 'authorised') return r.id
      await tx.run("update return_request set status = 'cancelled', updated_at = ? where id = ?", [now, r.id])
      await addEvent(
        tx,
        r.order_id,
        'return.cancelled',
        null,
        null,
        { returnId: r.id, rmaNumber: r.rma_number, reason },
        `channel:${channelInstanceId}`,
        now,
      )
      return r.id
    })
    return id === null ? null : this.get(id)
  }

  /** A warehouse (or an operator) received the return: restock, write off, refund. */
  async receive(
    receipt: ReturnReceipt,
    actor: string,
  ): Promise<ReturnView & { refund: { id: string; amount: string } | null }> {
    const { db } = this.deps
    const now = this.now()
    const restocked = new Set<string>()
    let refundId: string | null = null
    const returnId = await db.transaction(async (tx) => {
      const r = await tx.one<{
        id: string
        order_id: string
        status: ReturnStatus
        location_id: string
        reason: string | null
      }>(
        `select id, order_id, status, location_id, reason from return_request where id = ? or rma_number = ?${tx.dialect === 'postgresql' ? ' for update' : ''}`,
        [
          isUuid(receipt.returnId) ? receipt.returnId : '00000000-0000-0000-0000-000000000000',
          receipt.returnId,
        ],
      )
      if (!r)
        throw new ValidationError(
          'unknown return',
          [{ field: 'returnId', message: `no return '${receipt.returnId}'` }],
          'UNKNOWN_RETURN',
        )
      if (r.status === 'cancelled' || r.status === 'received') {
        throw new ConflictError(`return ${receipt.returnId} is ${r.status}`, 'RETURN_CLOSED', {
          status: r.status,
        })
      }
      const lines = await tx.all<{
        id: string
        order_line_id: string
        sku: string
        quantity: number
        received_resellable: number
        received_damaged: number
      }>(
        'select id, order_line_id, sku, quantity, received_resellable, received_damaged from return_line where return_id = ? order by id',
        [r.id],
      )
      const received: { orderLineId: string; sku: string; units: number }[] = []
      const issues: { field: string; message: string }[] = []
      receipt.lines.forEach((rl, i) => {
        let left = rl.quantity
        for (const l of lines.filter((x) => x.sku === rl.sku)) {
          const room = l.quantity - l.received_resellable - l.received_damaged
          const take = Math.min(room, left)
          if (take <= 0) continue
          if (rl.condition === 'resellable') l.received_resellable += take
          else l.received_damaged += take
          received.push({ orderLineId: l.order_line_id, sku: l.sku, units: take })
          left -= take
        }
        if (left > 0)
          issues.push({
            field: `lines[${i}].quantity`,
            message: `${left} more ${rl.sku} than the return expects`,
          })
      })
      if (issues.length > 0)
        throw new ValidationError('receipt does not match the return', issues, 'RECEIPT_MISMATCH')

      for (const l of lines) {
        await tx.run('update return_line set received_resellable = ?, received_damaged = ? where id = ?', [
          l.received_resellable,
          l.received_damaged,
          l.id,
        ])
      }
      // A kit comes back as its components: they are what goes back on the shelf.
      const kits = await readKitBoms(
        tx,
        receipt.lines.map((rl) => rl.sku),
      )
      for (const rl of receipt.lines) {
        if (rl.condition === 'resellable') {
          for (const part of kits.get(rl.sku) ?? [{ sku: rl.sku, quantity: 1 }]) {
            await tx.run(
              `insert into inventory_level (sku, location_id, on_hand, allocated, reserved, safety_stock, updated_at) values (?, ?, ?, 0, 0, 0, ?)
               on conflict (sku, location_id) do update set on_hand = inventory_level.on_hand + excluded.on_hand, updated_at = excluded.updated_at`,
              [part.sku, r.location_id, rl.quantity * part.quantity, now],
            )
            restocked.add(part.sku)
          }
        } else {
          await tx.run(
            `insert into stock_write_off (id, sku, location_id, quantity, reason, return_id, created_at) values (?, ?, ?, ?, 'returned-damaged', ?, ?)`,
            [uuidv7(now), rl.sku, r.location_id, rl.quantity, r.id, now],
          )
        }
      }
      const complete = lines.every((l) => l.received_resellable + l.received_damaged >= l.quantity)
      await tx.run('update return_request set status = ?, updated_at = ? where id = ?', [
        complete ? 'received' : 'partially_received',
        now,
        r.id,
      ])
      await addEvent(
        tx,
        r.order_id,
        'return.received',
        null,
        null,
        {
          returnId: r.id,
          resellable: receipt.lines
            .filter((l) => l.condition === 'resellable')
            .reduce((n, l) => n + l.quantity, 0),
          damaged: receipt.lines.filter((l) => l.condition === 'damaged').reduce((n, l) => n + l.quantity, 0),
        },
        actor,
        now,
      )
      refundId = await this.deps.refunds.refundReturnInTx(tx, {
        orderId: r.order_id,
        returnId: r.id,
        received,
        reason: r.reason,
        actor,
        now,
      })
      return r.id
    })
    if (restocked.size > 0) await this.deps.reroute.routeBackorders([...restocked])
    const view = await this.get(returnId)
    if (view.exchangeOrderId === null) {
      const exchange = await this.exchangeOf(returnId)
      if (exchange?.ship === 'after-receipt' && view.status === 'received')
        await this.createExchange(returnId)
    }
    const after = await this.get(returnId)
    const refund = refundId ? after.refunds.find((f) => f.id === refundId) : undefined
    return { ...after, refund: refund ? { id: refund.id, amount: refund.amount } : null }
  }

  async get(id: string): Promise<ReturnView> {
    const [view] = await returnViews(this.deps.db, this.deps.refunds, [id])
    if (!view) throw new NotFoundError('return', id, 'RETURN_NOT_FOUND')
    return view
  }

  async forOrder(orderId: string): Promise<ReturnView[]> {
    return (await this.list({ orderId }, { limit: MAX_RETURNS_PAGE })).items
  }

  /** Returns across orders, filtered, a page at a time (return-list.ts). */
  list(filter: ReturnFilter, page: { limit?: number; cursor?: string } = {}): Promise<Page<ReturnView>> {
    return listReturns(this.deps.db, this.deps.refunds, filter, page)
  }

  private async returnedSoFar(tx: SqlRunner, orderId: string): Promise<Map<string, number>> {
    const rows = await tx.all<{ order_line_id: string; n: number }>(
      `select rl.order_line_id, sum(rl.quantity) as n from return_line rl join return_request r on r.id = rl.return_id
        where r.order_id = ? and r.status <> 'cancelled' group by rl.order_line_id`,
      [orderId],
    )
    return new Map(rows.map((r) => [r.order_line_id, Number(r.n)]))
  }

  private async checkSkus(skus: string[], field: string): Promise<void> {
    const { missing } = await this.deps.catalog.products(skus)
    if (missing.length > 0) {
      throw new ValidationError(
        'unknown skus',
        skus.flatMap((s, i) =>
          missing.includes(s) ? [{ field: `${field}[${i}].sku`, message: `unknown sku '${s}'` }] : [],
        ),
        'UNKNOWN_SKU',
      )
    }
  }

  private async exchangeOf(returnId: string): Promise<ExchangeRequest | null> {
    const row = await this.deps.db.one<{ exchange: unknown }>(
      'select exchange from return_request where id = ?',
      [returnId],
    )
    return row?.exchange ? readJson<ExchangeRequest>(row.exchange) : null
  }

  /** The replacement order: same channel and address, no charge, linked to the return. */
  private async createExchange(returnId: string): Promise<void> {
    const { db } = this.deps
    const exchange = await this.exchangeOf(returnId)
    if (!exchange) return
    const o = (await db.one<{
      order_id: string
      rma_number: string
      channel_instance_id: string
      external_order_id: string
      currency: string
      ship_to: unknown
      service_level: string
      email: string | null
    }>(
      `select r.order_id, r.rma_number, o.channel_instance_id, o.external_order_id, o.currency, o.ship_to, o.service_level, o.email
         from return_request r join orders o on o.id = r.order_id where r.id = ?`,
      [returnId],
    ))!
    const order: CanonicalOrder = {
      externalId: `${o.external_order_id}/${o.rma_number}`,
      currency: o.currency,
      shipTo: readJson(o.ship_to),
      serviceLevel: o.service_level as CanonicalOrder['serviceLevel'],
      ...(o.email ? { customer: { email: o.email } } : {}),
      lines: exchange.lines.map((l) => ({ sku: l.sku, quantity: l.quantity, unitPrice: '0' })),
      tags: ['exchange'],
      notes: `Exchange for return ${o.rma_number}`,
    }
    const result = await this.deps.intake.submit(o.channel_instance_id, order, `return:${o.rma_number}`)
    await db.run('update return_request set exchange_order_id = ?, updated_at = ? where id = ?', [
      result.orderId,
      this.now(),
      returnId,
    ])
    await addEvent(
      db,
      o.order_id,
      'return.exchange_created',
      null,
      null,
      { returnId, exchangeOrderId: result.orderId },
      `return:${o.rma_number}`,
      this.now(),
    )
  }
}
