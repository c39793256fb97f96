import { z } from 'zod'

/**
 * A purchase order or inbound shipment a WMS or ERP expects at a location (SDK 1.5). `reference`
 * is the sender's own (PO or ASN number): the same reference again updates that supply, so a new
 * `expectedDate` is a delay (the hub moves the promises it carried and tells the channels) and a
 * new `quantity` a changed order. `expectedDate` is the location's local day (YYYY-MM-DD).
 */
export const inboundSupplyNoticeSchema = z.strictObject({
  reference: z.string().min(1).max(120),
  sku: z.string().min(1).max(120),
  locationId: z.string().min(1).max(64),
  quantity: z.number().int().min(1),
  expectedDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
})
export type InboundSupplyNotice = z.infer<typeof inboundSupplyNoticeSchema>

/**
 * Units of an expected supply arrived (SDK 1.5), named by the reference it was expected under.
 * They go on hand at its location once per `eventId` (a redelivered receipt adds nothing), and
 * backorders and pre-orders allocate in order of placement.
 */
export const inboundReceiptSchema = z.strictObject({
  reference: z.string().min(1).max(120),
  quantity: z.number().int().min(1),
  eventId: z.string().min(1).max(200),
})
export type InboundReceipt = z.infer<typeof inboundReceiptSchema>
