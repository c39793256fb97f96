import type { ShipmentConfirmation } from '@switchyard/plugin-sdk'
import { PLAN_EACH_CALL, type SqlRunner } from '../../db/sql/sql-db'
import { ValidationError } from '../../errors'
import { isUuid } from '../../ids'
import type { FulfilmentStatus } from '../fulfilment.entity'

export interface FulfilmentHead {
  id: string
  orderId: string
  locationId: string
  wmsInstanceId: string | null
  status: FulfilmentStatus
}

export async function loadFulfilment(tx: SqlRunner, id: string): Promise<FulfilmentHead | undefined> {
  // A WMS may name anything; text that cannot be an id is no fulfilment, not a database error.
  if (!isUuid(id)) return undefined
  const f = await tx.one<{
    id: string
    order_id: string
    location_id: string
    wms_instance_id: string | null
    status: FulfilmentStatus
  }>('select id, order_id, location_id, wms_instance_id, status from fulfilment where id = ?', [id])
  return (
    f && {
      id: f.id,
      orderId: f.order_id,
      locationId: f.location_id,
      wmsInstanceId: f.wms_instance_id,
      status: f.status,
    }
  )
}

/**
 * The fulfilment a warehouse reports on (shipped, rejected, cancelled). Only the WMS it was sent to
 * may report on it: anything else is 422 `UNKNOWN_FULFILMENT`, the same for every report.
 */
export async function loadSentFulfilment(
  tx: SqlRunner,
  wmsInstanceId: string,
  fulfilmentId: string,
): Promise<FulfilmentHead> {
  const f = await loadFulfilment(tx, fulfilmentId)
  if (!f || f.wmsInstanceId !== wmsInstanceId) {
    throw new ValidationError(
      'unknown fulfilment',
      [{ field: 'fulfilmentId', message: `no fulfilment '${fulfilmentId}' was sent to ${wmsInstanceId}` }],
      'UNKNOWN_FULFILMENT',
    )
  }
  return f
}

export async function insertFulfilment(
  tx: SqlRunner,
  orderId: string,
  f: { id: string; locationId: string; wmsInstanceId: string | null; status: FulfilmentStatus },
  now: number,
): Promise<void> {
  await tx.run(
    'insert into fulfilment (id, order_id, location_id, wms_instance_id, status, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)',
    [f.id, orderId, f.locationId, f.wmsInstanceId, f.status, now, now],
  )
}

/**
 * Moves a fulfilment to `to`, only from the states in `from` when given (a late or repeated answer
 * then changes nothing). `reason` and `externalRef` are kept when given. Returns whether it moved.
 */
export async function setFulfilmentStatus(
  tx: SqlRunner,
  id: string,
  to: FulfilmentStatus,
  now: number,
  options: { from?: readonly FulfilmentStatus[]; reason?: string; externalRef?: string | null } = {},
): Promise<boolean> {
  const sets = ['status = ?', 'updated_at = ?']
  const params: (string | number | null)[] = [to, now]
  // A warehouse's hold ends with the fulfilment: nothing is left for a person to fix there.
  if (!HOLDABLE.includes(to)) sets.push('hold_reason = null', 'held_at = null')
  if (options.reason !== undefined) {
    sets.push('reason = ?')
    params.push(options.reason.slice(0, 1000))
  }
  if (options.externalRef !== undefined) {
    sets.push('external_ref = ?')
    params.push(options.externalRef)
  }
  const guard = options.from ? ` and status in (${options.from.map(() => '?').join(', ')})` : ''
  const changed = await tx.run(`update fulfilment set ${sets.join(', ')} where id = ?${guard}`, [
    ...params,
    id,
    ...(options.from ?? []),
  ])
  return changed > 0
}

/**
 * Warehouses accepted these requests: each fulfilment still requested (or failed, after an operator
 * retry) becomes accepted with the warehouse's reference, in one statement however many there are
 * (the outbox records a delivery round's acceptances together). Arrays on PostgreSQL, one JSON
 * text on SQLite: the statement's text never changes with the count.
 */
export async function acceptFulfilments(
  tx: SqlRunner,
  items: readonly { fulfilmentId: string; externalRef: string | null }[],
  now: number,
): Promise<void> {
  if (items.length === 0) return
  if (tx.dialect === 'postgresql') {
    await tx.run(
      `${PLAN_EACH_CALL}update fulfilment as f set status = 'accepted', updated_at = ?::bigint, external_ref = v.ref
         from unnest(?::uuid[], ?::text[]) as v(fid, ref)
        where f.id = v.fid and f.status in ('requested', 'failed')`,
      [
        now,
        items.map((i) => i.fulfilmentId),
        items.map((i) => i.externalRef) as unknown as readonly string[],
      ],
    )
    return
  }
  await tx.run(
    `update fulfilment set status = 'accepted', updated_at = ?, external_ref = v.ref
       from (select json_extract(value, '$[0]') as fid, json_extract(value, '$[1]') as ref from json_each(?)) as v
      where fulfilment.id = v.fid and status in ('requested', 'failed')`,
    [now, JSON.stringify(items.map((i) => [i.fulfilmentId, i.externalRef]))],
  )
}

/** A modification gave back everything not with a warehouse: fulfilments still pending close. */
export async function cancelPendingFulfilments(
  tx: SqlRunner,
  orderId: string,
  reason: string,
  now: number,
): Promise<void> {
  await tx.run(
    `update fulfilment set status = 'cancelled', reason = ?, updated_at = ? where order_id = ? and status = 'pending'`,
    [reason, now, orderId],
  )
}

/** States a warehouse can hold a fulfilment in: it has it and has not finished with it. */
export const HOLDABLE: readonly FulfilmentStatus[] = ['requested', 'accepted', 'cancelling']

/**
 * The warehouse holds the fulfilment (`hold` given) or took it up again (null). Only while it is
 * with the warehouse (`HOLDABLE`), and only when this changes something: returns whether it did.
 */
export async function setFulfilmentHold(
  tx: SqlRunner,
  id: string,
  hold: { reason: string } | null,
  now: number,
): Promise<boolean> {
  const open = HOLDABLE.map(() => '?').join(', ')
  const changed = hold
    ? await tx.run(
        `update fulfilment set hold_reason = ?, held_at = coalesce(held_at, ?), updated_at = ?
          where id = ? and status in (${open}) and (hold_reason is null or hold_reason <> ?)`,
        [hold.reason.slice(0, 1000), now, now, id, ...HOLDABLE, hold.reason.slice(0, 1000)],
      )
    : await tx.run(
        `update fulfilment set hold_reason = null, held_at = null, updated_at = ?
          where id = ? and status in (${open}) and hold_reason is not null`,
        [now, id, ...HOLDABLE],
      )
  return changed > 0
}

/** The warehouse shipped it: the tracking goes on the fulfilment. */
export async function recordShipment(
  tx: SqlRunner,
  id: string,
  s: ShipmentConfirmation,
  now: number,
): Promise<void> {
  await tx.run(
    `update fulfilment set status = 'shipped', carrier = ?, tracking_number = ?, tracking_url = ?, external_shipment_id = ?,
       shipped_at = ?, hold_reason = null, held_at = null, updated_at = ? where id = ?`,
    [
      s.carrier,
      s.trackingNumber,
      s.trackingUrl ?? null,
      s.externalShipmentId ?? null,
      s.shippedAt ? Date.parse(s.shippedAt) : now,
      now,
      id,
    ],
  )
}

/** Statuses of the order's fulfilments among `statuses`, oldest first. */
export async function fulfilmentsIn(
  tx: SqlRunner,
  orderId: string,
  statuses: readonly FulfilmentStatus[],
): Promise<{ id: string; locationId: string; status: FulfilmentStatus }[]> {
  const rows = await tx.all<{ id: string; location_id: string; status: FulfilmentStatus }>(
    `select id, location_id, status from fulfilment where order_id = ? and status in (${statuses.map(() => '?').join(', ')}) order by id`,
    [orderId, ...statuses],
  )
  return rows.map((r) => ({ id: r.id, locationId: r.location_id, status: r.status }))
}
