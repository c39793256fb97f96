import type { SqlDb } from '../db/sql/sql-db'
import { ValidationError } from '../errors'
import { uuidv7 } from '../ids'
import { forgetPool } from '../orders/store'

export interface PoolInput {
  channelInstanceId: string
  sku: string
  /** Absent or null: network-wide. */
  locationId?: string | null
  /** Units protected for the channel; setting it tops the pool up to this many. */
  protectedQty: number
  /** May the channel take shared stock once its pool runs dry (default true)? */
  mayBorrow?: boolean
  /** At most this many units of the sku in the channel's open orders. */
  capUnits?: number | null
  /** At most this share of the shared stock, in percent. */
  capPercent?: number | null
}

export interface PoolView {
  id: string
  channelInstanceId: string
  sku: string
  locationId: string | null
  protectedQty: number
  remaining: number
  mayBorrow: boolean
  capUnits: number | null
  capPercent: number | null
  /** The last write: a setting, or an allocation or release that moved `remaining`. */
  updatedAt: string
}

interface PoolRowFull {
  id: string
  channel_instance_id: string
  sku: string
  location_id: string | null
  protected_qty: number
  remaining: number
  may_borrow: number | boolean
  cap_units: number | null
  cap_percent: number | null
  updated_at: number | string
}

const view = (r: PoolRowFull): PoolView => ({
  id: r.id,
  channelInstanceId: r.channel_instance_id,
  sku: r.sku,
  locationId: r.location_id,
  protectedQty: r.protected_qty,
  remaining: r.remaining,
  mayBorrow: Boolean(r.may_borrow),
  capUnits: r.cap_units,
  capPercent: r.cap_percent === null ? null : Number(r.cap_percent),
  updatedAt: new Date(Number(r.updated_at)).toISOString(),
})

/**
 * Channel pools and caps. Setting a pool's protected quantity (re)fills it: `remaining` becomes
 * that quantity, and for a location pool the units are moved out of shared stock into the
 * location's protected count, never more than the location has free (the rest is refused).
 */
export class PoolService {
  constructor(private readonly db: SqlDb) {}

  async upsert(input: PoolInput, now = Date.now()): Promise<PoolView> {
    const locationId = input.locationId ?? null
    return this.db.transaction(async (tx) => {
      const lock = tx.dialect === 'postgresql' ? ' for update' : ''
      if (locationId) {
        // The stock row first, then the pool: the lock order of every allocation.
        const level = await tx.one<{ free: number }>(
          `select on_hand - allocated - reserved - safety_stock - protected as free from inventory_level where sku = ? and location_id = ?${lock}`,
          [input.sku, locationId],
        )
        if (!level) {
          throw new ValidationError(
            'no stock record',
            [{ field: 'locationId', message: `no stock of ${input.sku} is recorded at ${locationId}` }],
            'UNKNOWN_REFERENCE',
          )
        }
        const existing = await tx.one<{ remaining: number }>(
          `select remaining from channel_pool where channel_instance_id = ? and sku = ? and location_id = ?${lock}`,
          [input.channelInstanceId, input.sku, locationId],
        )
        const delta = input.protectedQty - (existing?.remaining ?? 0)
        if (delta > Number(level.free)) {
          throw new ValidationError(
            'not enough free stock to protect',
            [
              {
                field: 'protectedQty',
                message: `only ${Math.max(0, Number(level.free) + (existing?.remaining ?? 0))} can be protected at ${locationId}`,
              },
            ],
            'INSUFFICIENT_STOCK',
          )
        }
        await tx.run(
          'update inventory_level set protected = protected + ?, updated_at = ? where sku = ? and location_id = ?',
          [delta, now, input.sku, locationId],
        )
      }
      const existing = await tx.one<{ id: string }>(
        `select id from channel_pool where channel_instance_id = ? and sku = ? and ${locationId ? 'location_id = ?' : 'location_id is null'}`,
        locationId ? [input.channelInstanceId, input.sku, locationId] : [input.channelInstanceId, input.sku],
      )
      const id = existing?.id ?? uuidv7(now)
      const values = [
        input.protectedQty,
        input.protectedQty,
        tx.dialect === 'sqlite' ? Number(input.mayBorrow ?? true) : String(input.mayBorrow ?? true),
        input.capUnits ?? null,
        input.capPercent ?? null,
        now,
      ]
      if (existing) {
        await tx.run(
          'update channel_pool set protected_qty = ?, remaining = ?, may_borrow = ?, cap_units = ?, cap_percent = ?, updated_at = ? where id = ?',
          [...values, id],
        )
      } else {
        await tx.run(
          `insert into channel_pool (id, channel_instance_id, sku, location_id, protected_qty, remaining, may_borrow, cap_units, cap_percent, created_at, updated_at)
           values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [id, input.channelInstanceId, input.sku, locationId, ...values.slice(0, 5), now, now],
        )
      }
      return view((await tx.one<PoolRowFull>('select * from channel_pool where id = ?', [id]))!)
    })
  }

  /** Removes a pool; a location pool's remaining units go back to shared stock. */
  async remove(id: string, now = Date.now()): Promise<void> {
    await this.db.transaction(async (tx) => {
      const p = await tx.one<PoolRowFull>('select * from channel_pool where id = ?', [id])
      if (!p) return
      if (p.location_id) {
        await tx.run(
          'update inventory_level set protected = protected - ?, updated_at = ? where sku = ? and location_id = ? and protected >= ?',
          [p.remaining, now, p.sku, p.location_id, p.remaining],
        )
      }
      await forgetPool(tx, id)
      await tx.run('delete from channel_pool where id = ?', [id])
    })
  }

  async list(filter: { channelInstanceId?: string; sku?: string } = {}): Promise<PoolView[]> {
    const where: string[] = []
    const params: string[] = []
    if (filter.channelInstanceId) {
      where.push('channel_instance_id = ?')
      params.push(filter.channelInstanceId)
    }
    if (filter.sku) {
      where.push('sku = ?')
      params.push(filter.sku)
    }
    const rows = await this.db.all<PoolRowFull>(
      `select * from channel_pool ${where.length ? `where ${where.join(' and ')}` : ''} order by sku, channel_instance_id, location_id`,
      params,
    )
    return rows.map(view)
  }
}
