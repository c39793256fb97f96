import type { ServiceLevel } from './order'

export const orderStatuses = [
  'received',
  'held',
  'backordered',
  'allocated',
  'released',
  'partially_shipped',
  'shipped',
  'cancelled',
] as const
export type OrderStatus = (typeof orderStatuses)[number]

export interface ShipmentInfo {
  fulfilmentId: string
  carrier: string
  trackingNumber: string
  trackingUrl?: string
  shippedAt: string
  lines: { externalLineId?: string; sku: string; quantity: number }[]
}

/** What a channel hears about its order: the new status and, once shipped, the tracking. */
export interface OrderStatusUpdate {
  orderId: string
  externalOrderId: string
  orderNumber?: string
  status: OrderStatus
  previousStatus?: OrderStatus
  serviceLevel?: ServiceLevel
  reason?: string
  lines: {
    externalLineId?: string
    sku: string
    quantity: number
    allocated: number
    backordered: number
    shipped: number
    cancelled: number
  }[]
  shipments: ShipmentInfo[]
  occurredAt: string
}
