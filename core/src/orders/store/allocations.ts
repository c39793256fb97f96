import type { SqlRunner } from '../../db/sql/sql-db'
import { uuidv7 } from '../../ids'
import type { SnapshotAllocation } from './snapshot'

export type AllocationStatus = SnapshotAllocation['status']

export interface NewAllocation {
  orderId: string
  lineId: string
  sku: string
  locationId: string
  quantity: number
  status: AllocationStatus
  fulfilmentId: string | null
  poolId: string | null
}

export async function insertAllocation(tx: SqlRunner, a: NewAllocation, now: number): Promise<string> {
  const id = uuidv7(now)
  await tx.run(
    `insert into allocation (id, order_id, line_id, sku, location_id, quantity, status, fulfilment_id, created_at, updated_at, pool_id)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [id, a.orderId, a.lineId, a.sku, a.locationId, a.quantity, a.status, a.fulfilmentId, now, now, a.poolId],
  )
  return id
}

export async function setAllocationStatus(
  tx: SqlRunner,
  id: string,
  status: AllocationStatus,
  now: number,
): Promise<void> {
  await tx.run('update allocation set status = ?, updated_at = ? where id = ?', [status, now, id])
}

/** Keeps `keep` units of an allocation; with none kept it is cancelled. */
export async function shrinkAllocation(tx: SqlRunner, id: string, keep: number, now: number): Promise<void> {
  if (keep === 0) return setAllocationStatus(tx, id, 'cancelled', now)
  await tx.run('update allocation set quantity = ?, updated_at = ? where id = ?', [keep, now, id])
}

/** The allocation goes to the warehouse in this fulfilment (`released`), or waits in it (`allocated`). */
export async function assignToFulfilment(
  tx: SqlRunner,
  id: string,
  fulfilmentId: string,
  status: 'allocated' | 'released',
  now: number,
): Promise<void> {
  await tx.run('update allocation set fulfilment_id = ?, status = ?, updated_at = ? where id = ?', [
    fulfilmentId,
    status,
    now,
    id,
  ])
}

/** A pool was deleted: allocations drawn from it keep their stock but no longer count against it. */
export async function forgetPool(tx: SqlRunner, poolId: string): Promise<void> {
  await tx.run('update allocation set pool_id = null where pool_id = ?', [poolId])
}

export interface OpenAllocation {
  id: string
  lineId: string
  sku: string
  locationId: string
  quantity: number
  poolId: string | null
  /** The line's product name, for the warehouse request. */
  name: string | null
}

/** Allocations not in any fulfilment yet: what the router may still move, and what release sends. */
export async function looseAllocations(tx: SqlRunner, orderId: string): Promise<OpenAllocation[]> {
  return openAllocations(tx, 'a.order_id = ? and a.status = ? and a.fulfilment_id is null', [
    orderId,
    'allocated',
  ])
}

/** The units a fulfilment still holds (allocated or released, not shipped or cancelled). */
export async function fulfilmentAllocations(tx: SqlRunner, fulfilmentId: string): Promise<OpenAllocation[]> {
  return openAllocations(tx, `a.fulfilment_id = ? and a.status in ('allocated', 'released')`, [fulfilmentId])
}

async function openAllocations(tx: SqlRunner, where: string, params: string[]): Promise<OpenAllocation[]> {
  const rows = await tx.all<{
    id: string
    line_id: string
    sku: string
    location_id: string
    quantity: number
    pool_id: string | null
    name: string | null
  }>(
    `select a.id, a.line_id, a.sku, a.location_id, a.quantity, a.pool_id, l.name
       from allocation a join order_line l on l.id = a.line_id
      where ${where} order by a.location_id, a.id`,
    params,
  )
  return rows.map((a) => ({
    id: a.id,
    lineId: a.line_id,
    sku: a.sku,
    locationId: a.location_id,
    quantity: Number(a.quantity),
    poolId: a.pool_id,
    name: a.name,
  }))
}
