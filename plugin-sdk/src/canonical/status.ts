import type { ServiceLevel } from './order'

export const orderStatuses = [
  'received',
  'held',
  'backordered',
  'allocated',
  'released',
  /** A click-and-collect order the store has picked: waiting at the counter (SDK 1.4). */
  'ready_for_pickup',
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
    /** The line's unit price (decimal string), when the update comes from intake: what the hub priced it at. */
    unitPrice?: string
  }[]
  shipments: ShipmentInfo[]
  /**
   * A held order's lines whose price, as ordered, differs from the customer's contract: the price
   * the hub expects instead (decimal strings), e.g. for an 855 with a price change.
   */
  priceChanges?: { externalLineId?: string; sku: string; orderedUnitPrice: string; unitPrice: string }[]
  /**
   * A backordered order's promise date (YYYY-MM-DD) from the inbound supply that will fill it, when
   * that date is set or moves (a delayed purchase order); with `reason` saying why. SDK 1.5.
   */
  promiseDate?: string
  occurredAt: string
}
