import type { OrderStatus } from '@switchyard/plugin-sdk'
import type { SqlRunner } from '../../db/sql/sql-db'
import { NotFoundError } from '../../errors'
import type { FulfilmentStatus } from '../fulfilment.entity'

export interface SnapshotLine {
  id: string
  lineNo: number
  externalLineId: string | null
  sku: string
  name: string | null
  quantity: number
  unitPriceMinor: number | null
  discountMinor: number
  allocatedQty: number
  backorderedQty: number
  shippedQty: number
  cancelledQty: number
}

export interface SnapshotAllocation {
  id: string
  lineId: string
  sku: string
  locationId: string
  quantity: number
  status: 'allocated' | 'released' | 'shipped' | 'cancelled'
  fulfilmentId: string | null
  poolId: string | null
}

export interface SnapshotFulfilment {
  id: string
  locationId: string
  wmsInstanceId: string | null
  status: FulfilmentStatus
  externalRef: string | null
}

/** An order's rows as one transaction sees them (the order row locked on PostgreSQL). */
export interface OrderSnapshot {
  id: string
  channelInstanceId: string
  externalOrderId: string
  orderNumber: string | null
  status: OrderStatus
  currency: string
  version: number
  lines: SnapshotLine[]
  allocations: SnapshotAllocation[]
  fulfilments: SnapshotFulfilment[]
}

export async function loadSnapshot(
  tx: SqlRunner,
  orderId: string,
  channelScope?: string | null,
): Promise<OrderSnapshot> {
  const lock = tx.dialect === 'postgresql' ? ' for update' : ''
  const o = await tx.one<{
    id: string
    channel_instance_id: string
    external_order_id: string
    order_number: string | null
    status: OrderStatus
    currency: string
    version: number
  }>(
    `select id, channel_instance_id, external_order_id, order_number, status, currency, version from orders where id = ?${lock}`,
    [orderId],
  )
  if (!o || (channelScope && o.channel_instance_id !== channelScope))
    throw new NotFoundError('order', orderId, 'ORDER_NOT_FOUND')
  const lines = await tx.all<{
    id: string
    line_no: number
    external_line_id: string | null
    sku: string
    name: string | null
    quantity: number
    unit_price_minor: number | null
    discount_minor: number
    allocated_qty: number
    backordered_qty: number
    shipped_qty: number
    cancelled_qty: number
  }>('select * from order_line where order_id = ? order by line_no', [orderId])
  const allocations = await tx.all<{
    id: string
    line_id: string
    sku: string
    location_id: string
    quantity: number
    status: SnapshotAllocation['status']
    fulfilment_id: string | null
    pool_id: string | null
  }>(
    'select id, line_id, sku, location_id, quantity, status, fulfilment_id, pool_id from allocation where order_id = ? order by id',
    [orderId],
  )
  const fulfilments = await tx.all<{
    id: string
    location_id: string
    wms_instance_id: string | null
    status: FulfilmentStatus
    external_ref: string | null
  }>(
    'select id, location_id, wms_instance_id, status, external_ref from fulfilment where order_id = ? order by id',
    [orderId],
  )
  return {
    id: o.id,
    channelInstanceId: o.channel_instance_id,
    externalOrderId: o.external_order_id,
    orderNumber: o.order_number,
    status: o.status,
    currency: o.currency,
    version: o.version,
    lines: lines.map((l) => ({
      id: l.id,
      lineNo: l.line_no,
      externalLineId: l.external_line_id,
      sku: l.sku,
      name: l.name,
      quantity: l.quantity,
      unitPriceMinor: l.unit_price_minor === null ? null : Number(l.unit_price_minor),
      discountMinor: Number(l.discount_minor),
      allocatedQty: l.allocated_qty,
      backorderedQty: l.backordered_qty,
      shippedQty: l.shipped_qty,
      cancelledQty: l.cancelled_qty,
    })),
    allocations: allocations.map((a) => ({
      id: a.id,
      lineId: a.line_id,
      sku: a.sku,
      locationId: a.location_id,
      quantity: a.quantity,
      status: a.status,
      fulfilmentId: a.fulfilment_id,
      poolId: a.pool_id,
    })),
    fulfilments: fulfilments.map((f) => ({
      id: f.id,
      locationId: f.location_id,
      wmsInstanceId: f.wms_instance_id,
      status: f.status,
      externalRef: f.external_ref,
    })),
  }
}
