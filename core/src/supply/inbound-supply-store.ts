import type { RowOf } from '../db/row-of'
import type { SqlRunner } from '../db/sql/sql-db'
import { isUuid } from '../ids'
import type { InboundStatus, InboundSupplySchema } from './inbound-supply.entity'
import type { SupplyLot } from './promise-walk'

type SupplyRow = RowOf<typeof InboundSupplySchema>

/** An inbound supply as the API shows it. */
export interface InboundSupplyView {
  id: string
  sku: string
  locationId: string
  quantityExpected: number
  quantityReceived: number
  expectedDate: string
  status: InboundStatus
  source: string
  externalRef: string | null
  createdAt: string
  updatedAt: string
}

const COLUMNS =
  'id, sku, location_id, quantity_expected, quantity_received, expected_date, status, source, external_ref, created_at, updated_at'

export const toView = (r: SupplyRow): InboundSupplyView => ({
  id: r.id,
  sku: r.sku,
  locationId: r.location_id,
  quantityExpected: Number(r.quantity_expected),
  quantityReceived: Number(r.quantity_received),
  expectedDate: r.expected_date,
  status: r.status as InboundStatus,
  source: r.source,
  externalRef: r.external_ref,
  createdAt: new Date(Number(r.created_at)).toISOString(),
  updatedAt: new Date(Number(r.updated_at)).toISOString(),
})

/** One supply. */
export async function readSupply(tx: SqlRunner, id: string): Promise<SupplyRow | undefined> {
  // PostgreSQL refuses a malformed uuid outright; such an id names nothing.
  if (!isUuid(id)) return undefined
  return tx.one<SupplyRow>(`select ${COLUMNS} from inbound_supply where id = ?`, [id])
}

export async function readByReference(
  tx: SqlRunner,
  source: string,
  externalRef: string,
): Promise<SupplyRow | undefined> {
  return tx.one<SupplyRow>(`select ${COLUMNS} from inbound_supply where source = ? and external_ref = ?`, [
    source,
    externalRef,
  ])
}

export async function insertSupply(tx: SqlRunner, r: SupplyRow): Promise<void> {
  await tx.run(`insert into inbound_supply (${COLUMNS}) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, [
    r.id,
    r.sku,
    r.location_id,
    r.quantity_expected,
    r.quantity_received,
    r.expected_date,
    r.status,
    r.source,
    r.external_ref,
    r.created_at,
    r.updated_at,
  ])
}

/** A new date or quantity for an open supply (a delay, a changed PO); false when it is not open. */
export async function rescheduleSupply(
  tx: SqlRunner,
  id: string,
  change: { expectedDate: string; quantityExpected: number },
  now: number,
): Promise<boolean> {
  const changed = await tx.run(
    `update inbound_supply set expected_date = ?, quantity_expected = ?,
            status = case when quantity_received >= ? then 'received' else status end, updated_at = ?
      where id = ? and status = 'open' and quantity_received <= ?`,
    [change.expectedDate, change.quantityExpected, change.quantityExpected, now, id, change.quantityExpected],
  )
  return changed > 0
}

/** Closes an open supply that will not come (what was received stays on hand); false when not open. */
export async function cancelSupply(tx: SqlRunner, id: string, now: number): Promise<boolean> {
  const changed = await tx.run(
    `update inbound_supply set status = 'cancelled', updated_at = ? where id = ? and status = 'open'`,
    [now, id],
  )
  return changed > 0
}

/** Counts units received; the supply closes once everything expected came. */
export async function recordReceipt(
  tx: SqlRunner,
  id: string,
  quantity: number,
  now: number,
): Promise<boolean> {
  const changed = await tx.run(
    `update inbound_supply set quantity_received = quantity_received + ?,
            status = case when quantity_received + ? >= quantity_expected then 'received' else status end,
            updated_at = ?
      where id = ? and status = 'open' and quantity_received + ? <= quantity_expected`,
    [quantity, quantity, now, id, quantity],
  )
  return changed > 0
}

/** A sku's open supply: units still to arrive, by date. */
export async function openLots(tx: SqlRunner, sku: string): Promise<SupplyLot[]> {
  const rows = await tx.all<{ id: string; expected_date: string; open: number }>(
    `select id, expected_date, quantity_expected - quantity_received as open from inbound_supply
      where sku = ? and status = 'open' order by expected_date, id`,
    [sku],
  )
  return rows.map((r) => ({ id: r.id, expectedDate: r.expected_date, open: Number(r.open) }))
}

/** Whether any of these skus has supply still to arrive. */
export async function hasOpenSupply(tx: SqlRunner, skus: readonly string[]): Promise<boolean> {
  const row = await tx.one<{ x: number }>(
    `select 1 as x from inbound_supply where status = 'open' and sku in (${skus.map(() => '?').join(',')}) limit 1`,
    [...skus],
  )
  return row !== undefined
}

/** Open supply of these skus by location, arriving on or before `on` (YYYY-MM-DD). */
export async function inboundBy(
  tx: SqlRunner,
  skus: readonly string[],
  on: string,
): Promise<
  {
    sku: string
    locationId: string
    quantity: number
    expectedDate: string
    id: string
    quantityExpected: number
  }[]
> {
  if (skus.length === 0) return []
  const rows = await tx.all<SupplyRow>(
    `select ${COLUMNS} from inbound_supply where status = 'open' and expected_date <= ? and sku in (${skus.map(() => '?').join(',')})
      order by sku, expected_date, id`,
    [on, ...skus],
  )
  return rows.map((r) => ({
    id: r.id,
    sku: r.sku,
    locationId: r.location_id,
    quantity: Number(r.quantity_expected) - Number(r.quantity_received),
    quantityExpected: Number(r.quantity_expected),
    expectedDate: r.expected_date,
  }))
}

/** Supplies in id order (creation), a page at a time, optionally of one sku, location or status. */
export async function listSupplies(
  tx: SqlRunner,
  filter: { sku?: string; locationId?: string; status?: InboundStatus; after?: string; limit: number },
): Promise<SupplyRow[]> {
  const where: string[] = []
  const params: string[] = []
  for (const [column, value] of [
    ['sku', filter.sku],
    ['location_id', filter.locationId],
    ['status', filter.status],
  ] as const) {
    if (value === undefined) continue
    where.push(`${column} = ?`)
    params.push(value)
  }
  if (filter.after) {
    where.push('id > ?')
    params.push(filter.after)
  }
  return tx.all<SupplyRow>(
    `select ${COLUMNS} from inbound_supply ${where.length ? `where ${where.join(' and ')}` : ''} order by id limit ${Number(filter.limit)}`,
    params,
  )
}

/**
 * A pre-order sku's room (at most `cap` units of each open supply, all it still brings without a
 * cap) and the units its backordered orders wait for. `lock`: the supply rows are locked first
 * (PostgreSQL), so concurrent intakes of the sku count one another's orders.
 */
export async function preorderRoom(
  tx: SqlRunner,
  sku: string,
  cap: number | null,
  lock = false,
): Promise<{ room: number; waiting: number }> {
  const forUpdate = lock && tx.dialect === 'postgresql' ? ' order by id for update' : ''
  const lots = await tx.all<{ open: number }>(
    `select quantity_expected - quantity_received as open from inbound_supply where sku = ? and status = 'open'${forUpdate}`,
    [sku],
  )
  const room = lots.reduce((s, l) => s + Math.min(Number(l.open), cap ?? Number.POSITIVE_INFINITY), 0)
  const waiting = await tx.one<{ n: number | string | null }>(
    `select sum(l.backordered_qty) as n from order_line l join orders o on o.id = l.order_id
      where l.sku = ? and o.status = 'backordered' and l.backordered_qty > 0`,
    [sku],
  )
  return { room, waiting: Number(waiting?.n ?? 0) }
}

/** Whether a stock movement with this event id from `source` was applied already. */
export async function eventSeen(tx: SqlRunner, source: string, eventId: string): Promise<boolean> {
  const row = await tx.one<{ x: number }>(
    'select 1 as x from inventory_event where source = ? and event_id = ?',
    [source, eventId],
  )
  return row !== undefined
}
