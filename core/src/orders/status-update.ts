import type { OrderStatus, OrderStatusUpdate, ShipmentInfo } from '@switchyard/plugin-sdk'

export interface StatusLine {
  externalLineId: string | null
  sku: string
  quantity: number
  allocatedQty: number
  backorderedQty: number
  shippedQty: number
  cancelledQty: number
  /** The unit price as decimal text, where the caller knows it (intake does). */
  unitPrice?: string | null
}

/** The message a channel receives when its order changes status. */
export function buildStatusUpdate(input: {
  orderId: string
  externalOrderId: string
  orderNumber: string | null
  status: OrderStatus
  previousStatus: OrderStatus | null
  reason?: string | null
  lines: readonly StatusLine[]
  shipments: readonly ShipmentInfo[]
  priceChanges?: OrderStatusUpdate['priceChanges']
  occurredAt: number
}): OrderStatusUpdate {
  return {
    orderId: input.orderId,
    externalOrderId: input.externalOrderId,
    ...(input.orderNumber ? { orderNumber: input.orderNumber } : {}),
    status: input.status,
    ...(input.previousStatus ? { previousStatus: input.previousStatus } : {}),
    ...(input.reason ? { reason: input.reason } : {}),
    lines: input.lines.map((l) => ({
      ...(l.externalLineId ? { externalLineId: l.externalLineId } : {}),
      sku: l.sku,
      quantity: l.quantity,
      allocated: l.allocatedQty,
      backordered: l.backorderedQty,
      shipped: l.shippedQty,
      cancelled: l.cancelledQty,
      ...(l.unitPrice ? { unitPrice: l.unitPrice } : {}),
    })),
    shipments: [...input.shipments],
    ...(input.priceChanges?.length ? { priceChanges: input.priceChanges } : {}),
    occurredAt: new Date(input.occurredAt).toISOString(),
  }
}
