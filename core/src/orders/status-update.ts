import type { OrderStatus, OrderStatusUpdate, ShipmentInfo } from '@switchyard/plugin-sdk'
import { toChannelCounts } from '../channels/sku-mappings/channel-units'

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
  /**
   * Set when a sku mapping turned the channel's sku into `sku`: the channel is told about its own
   * sku, and the counters (hub units) are divided by `channelMultiplier` into its units.
   */
  channelSku?: string | null
  channelMultiplier?: number
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
  promiseDate?: string | null
  occurredAt: number
}): OrderStatusUpdate {
  // Built field by field, in the order the message has always had: conditional spreads cost more
  // than the rest of this function, and it runs for every order at intake.
  const update: OrderStatusUpdate = {
    orderId: input.orderId,
    externalOrderId: input.externalOrderId,
  } as OrderStatusUpdate
  if (input.orderNumber) update.orderNumber = input.orderNumber
  update.status = input.status
  if (input.previousStatus) update.previousStatus = input.previousStatus
  if (input.reason) update.reason = input.reason
  update.lines = input.lines.map((l) => {
    const line = {} as OrderStatusUpdate['lines'][number]
    if (l.externalLineId) line.externalLineId = l.externalLineId
    if (l.channelSku) {
      const c = toChannelCounts(l, l.channelMultiplier ?? 1)
      line.sku = l.channelSku
      line.quantity = c.quantity
      line.allocated = c.allocatedQty
      line.backordered = c.backorderedQty
      line.shipped = c.shippedQty
      line.cancelled = c.cancelledQty
    } else {
      line.sku = l.sku
      line.quantity = l.quantity
      line.allocated = l.allocatedQty
      line.backordered = l.backorderedQty
      line.shipped = l.shippedQty
      line.cancelled = l.cancelledQty
    }
    if (l.unitPrice) line.unitPrice = l.unitPrice
    return line
  })
  update.shipments = [...input.shipments]
  if (input.priceChanges?.length) update.priceChanges = input.priceChanges
  if (input.promiseDate) update.promiseDate = input.promiseDate
  update.occurredAt = new Date(input.occurredAt).toISOString()
  return update
}
