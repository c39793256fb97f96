import type { RowOf } from '../db/row-of'
import type { SqlDb, SqlRunner } from '../db/sql/sql-db'
import { ConflictError, NotFoundError, ValidationError } from '../errors'
import { uuidv7 } from '../ids'
import type { PreparedOrder } from '../orders/intake/prepared-order'
import { readPoolsForUpdate } from './pools'
import type { ReservationSchema, ReservationStatus } from './reservation.entity'
import { StockLedger } from './stock-ledger'
import { readStockForUpdate } from './stock-writer'

export interface ReservationView {
  id: string
  channelInstanceId: string
  status: ReservationStatus
  reference: string | null
  expiresAt: string
  orderId: string | null
  lines: { sku: string; locationId: string; quantity: number }[]
}

type Line = { sku: string; locationId: string; quantity: number }

/**
 * Holds for carts and POS: stock set aside for a channel for a while. An order that cites the
 * reservation turns it into its allocation; expiry gives it back (a sweep, safe with several hub
 * processes). Reservations take shared stock only, never a pool's protected units.
 */
export class ReservationService {
  constructor(
    private readonly db: SqlDb,
    private readonly clock: () => number = Date.now,
  ) {}

  async create(input: {
    channelInstanceId: string
    lines: { sku: string; quantity: number }[]
    ttlSeconds: number
    reference?: string
  }): Promise<ReservationView> {
    const now = this.clock()
    const id = uuidv7(now)
    await this.db.transaction(async (tx) => {
      const skus = input.lines.map((l) => l.sku)
      const rows = await readStockForUpdate(tx, skus)
      const known = new Set(rows.map((r) => r.sku))
      const unknown = input.lines.flatMap((l, i) =>
        known.has(l.sku) ? [] : [{ field: `lines[${i}].sku`, message: `no stock record for '${l.sku}'` }],
      )
      if (unknown.length > 0) throw new ValidationError('unknown skus', unknown, 'UNKNOWN_SKU')
      const ledger = new StockLedger(rows, await readPoolsForUpdate(tx, skus))
      const held: Line[] = []
      const short: { field: string; message: string }[] = []
      input.lines.forEach((l, i) => {
        let left = l.quantity
        // Deepest stock first: a hold should not strand the last units of a small store.
        const here = rows
          .filter((r) => r.sku === l.sku)
          .sort(
            (a, b) =>
              ledger.available(b.sku, b.location_id) - ledger.available(a.sku, a.location_id) ||
              (a.location_id < b.location_id ? -1 : 1),
          )
        for (const r of here) {
          const take = Math.min(left, ledger.available(r.sku, r.location_id))
          if (take <= 0) continue
          ledger.take(r.sku, r.location_id, take)
          held.push({ sku: r.sku, locationId: r.location_id, quantity: take })
          left -= take
        }
        if (left > 0)
          short.push({
            field: `lines[${i}].quantity`,
            message: `only ${l.quantity - left} of ${l.sku} available to hold`,
          })
      })
      if (short.length > 0) throw new ValidationError('not enough stock to hold', short, 'INSUFFICIENT_STOCK')
      await tx.run(
        `insert into reservation (id, channel_instance_id, status, reference, expires_at, order_id, created_at, updated_at)
         values (?, ?, 'active', ?, ?, null, ?, ?)`,
        [id, input.channelInstanceId, input.reference ?? null, now + input.ttlSeconds * 1000, now, now],
      )
      for (const l of held.sort((a, b) =>
        `${a.sku}\u0000${a.locationId}` < `${b.sku}\u0000${b.locationId}` ? -1 : 1,
      )) {
        const changed = await tx.run(
          `update inventory_level set reserved = reserved + ?, updated_at = ?
            where sku = ? and location_id = ? and on_hand - allocated - reserved - safety_stock - protected >= ?`,
          [l.quantity, now, l.sku, l.locationId, l.quantity],
        )
        if (changed !== 1)
          throw new ConflictError(`stock of ${l.sku} at ${l.locationId} changed`, 'ALLOCATION_CONFLICT')
        await tx.run(
          'insert into reservation_line (id, reservation_id, sku, location_id, quantity) values (?, ?, ?, ?, ?)',
          [uuidv7(now), id, l.sku, l.locationId, l.quantity],
        )
      }
    })
    return this.get(id)
  }

  async release(id: string, channelScope?: string | null): Promise<ReservationView> {
    await this.db.transaction(async (tx) => {
      const r = await tx.one<{ status: string; channel_instance_id: string }>(
        `select status, channel_instance_id from reservation where id = ?${tx.dialect === 'postgresql' ? ' for update' : ''}`,
        [id],
      )
      if (!r || (channelScope && r.channel_instance_id !== channelScope))
        throw new NotFoundError('reservation', id, 'RESERVATION_NOT_FOUND')
      if (r.status !== 'active')
        throw new ConflictError(`reservation ${id} is ${r.status}`, 'RESERVATION_CLOSED', {
          status: r.status,
        })
      await giveBack(tx, id, 'released', this.clock())
    })
    return this.get(id)
  }

  /** Gives back expired holds. Each reservation is claimed by one process (SKIP LOCKED on PostgreSQL). */
  async sweep(limit = 200): Promise<number> {
    const now = this.clock()
    return this.db.transaction(async (tx) => {
      const due = await tx.all<{ id: string }>(
        `select id from reservation where status = 'active' and expires_at <= ? order by id limit ?${tx.dialect === 'postgresql' ? ' for update skip locked' : ''}`,
        [now, limit],
      )
      for (const r of due) await giveBack(tx, r.id, 'expired', now)
      return due.length
    })
  }

  async get(id: string): Promise<ReservationView> {
    const r = await this.db.one<Omit<RowOf<typeof ReservationSchema>, 'created_at' | 'updated_at'>>(
      'select id, channel_instance_id, status, reference, expires_at, order_id from reservation where id = ?',
      [id],
    )
    if (!r) throw new NotFoundError('reservation', id, 'RESERVATION_NOT_FOUND')
    const lines = await this.db.all<{ sku: string; location_id: string; quantity: number }>(
      'select sku, location_id, quantity from reservation_line where reservation_id = ? order by sku, location_id',
      [id],
    )
    return {
      id: r.id,
      channelInstanceId: r.channel_instance_id,
      status: r.status,
      reference: r.reference,
      expiresAt: new Date(Number(r.expires_at)).toISOString(),
      orderId: r.order_id,
      lines: lines.map((l) => ({ sku: l.sku, locationId: l.location_id, quantity: l.quantity })),
    }
  }
}

async function giveBack(
  tx: SqlRunner,
  id: string,
  status: 'released' | 'expired' | 'converted',
  now: number,
  orderId: string | null = null,
): Promise<Line[]> {
  const lines = await tx.all<{ sku: string; location_id: string; quantity: number }>(
    'select sku, location_id, quantity from reservation_line where reservation_id = ? order by sku, location_id',
    [id],
  )
  for (const l of lines) {
    await tx.run(
      'update inventory_level set reserved = reserved - ?, updated_at = ? where sku = ? and location_id = ? and reserved >= ?',
      [l.quantity, now, l.sku, l.location_id, l.quantity],
    )
  }
  await tx.run('update reservation set status = ?, order_id = ?, updated_at = ? where id = ?', [
    status,
    orderId,
    now,
    id,
  ])
  return lines.map((l) => ({ sku: l.sku, locationId: l.location_id, quantity: l.quantity }))
}

/** Skus held by the reservations these orders cite: locked with the orders' own stock rows. */
export async function reservationSkus(tx: SqlRunner, orders: readonly PreparedOrder[]): Promise<string[]> {
  const ids = orders.map((o) => o.reservationId).filter((x): x is string => x !== null)
  if (ids.length === 0) return []
  const rows = await tx.all<{ sku: string }>(
    `select distinct sku from reservation_line where reservation_id in (${ids.map(() => '?').join(',')})`,
    ids,
  )
  return rows.map((r) => r.sku)
}

/**
 * Inside the intake transaction: each order's active reservation is converted (its `reserved`
 * units given back) and its lines returned, keyed by order id, for the ledger. An unknown
 * reservation, or another channel's, refuses the order; an expired one is simply not used.
 */
export async function claimReservations(
  tx: SqlRunner,
  orders: readonly PreparedOrder[],
  now: number,
): Promise<Map<string, Line[]>> {
  const out = new Map<string, Line[]>()
  for (const o of orders) {
    if (!o.reservationId) continue
    const r = await tx.one<{ channel_instance_id: string; status: string; expires_at: number }>(
      'select channel_instance_id, status, expires_at from reservation where id = ?',
      [o.reservationId],
    )
    if (!r || r.channel_instance_id !== o.channelInstanceId) {
      throw new ValidationError(
        'unknown reservation',
        [{ field: 'reservationId', message: `no reservation '${o.reservationId}' for this channel` }],
        'UNKNOWN_RESERVATION',
      )
    }
    if (r.status !== 'active' || Number(r.expires_at) <= now) continue
    out.set(o.id, await giveBack(tx, o.reservationId, 'converted', now, o.id))
  }
  return out
}
