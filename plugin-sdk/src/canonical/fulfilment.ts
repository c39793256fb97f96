import { z } from 'zod'
import { addressSchema } from './address'
import { deliveryMethodSchema, serviceLevelSchema } from './order'

/** What the hub asks one location's WMS to ship. `fulfilmentId` is the hub's id and the idempotency key. */
export const fulfilmentRequestSchema = z.object({
  fulfilmentId: z.string(),
  orderId: z.string(),
  externalOrderId: z.string(),
  orderNumber: z.string().optional(),
  channelInstanceId: z.string(),
  location: z.object({ id: z.string(), name: z.string() }),
  shipTo: addressSchema,
  serviceLevel: serviceLevelSchema,
  /**
   * `pickup`: a pick request, not a shipment. The customer collects the order at this location;
   * the WMS or POS reports `fulfilment.picked` once it is at the counter, and the hub confirms the
   * collection. Absent means `ship`. SDK 1.4.
   */
  deliveryMethod: deliveryMethodSchema.optional(),
  /**
   * Ship to store: this location sends the parcel to the store a click-and-collect customer
   * collects from; `shipTo` is the store's address (the customer's name on it, the store as
   * company). The store receives it and the hub sends the store its pick request. SDK 1.5.
   */
  shipToStore: z.object({ locationId: z.string(), name: z.string() }).optional(),
  lines: z.array(
    z.object({
      lineId: z.string(),
      sku: z.string(),
      quantity: z.number().int().positive(),
      name: z.string().optional(),
      /**
       * A drop-ship supplier's own part number for `sku`, when the hub has one for the location
       * (`PUT /api/v1/locations/{id}/supplier-items`): its purchase order names both. SDK 1.5.
       */
      supplierPartNumber: z.string().optional(),
      /**
       * A kit (bundle): the components one unit is made of, `quantity` of each per kit, for a WMS
       * that picks the parts and packs the kit. Absent for an ordinary product. SDK 1.4.
       */
      components: z.array(z.object({ sku: z.string(), quantity: z.number().int().positive() })).optional(),
    }),
  ),
  requestedAt: z.string(),
})
export type FulfilmentRequest = z.infer<typeof fulfilmentRequestSchema>

export const shipmentConfirmationSchema = z.strictObject({
  fulfilmentId: z.string().min(1),
  externalShipmentId: z.string().max(200).optional(),
  carrier: z.string().min(1).max(100),
  trackingNumber: z.string().min(1).max(200),
  trackingUrl: z.url().optional(),
  shippedAt: z.iso.datetime({ offset: true }).optional(),
  /** Lines shipped; absent means every line of the fulfilment. */
  lines: z
    .array(z.strictObject({ sku: z.string().min(1), quantity: z.number().int().positive() }))
    .optional(),
})
export type ShipmentConfirmation = z.infer<typeof shipmentConfirmationSchema>

export const fulfilmentCancelRequestSchema = z.object({
  fulfilmentId: z.string(),
  externalRef: z.string().optional(),
  reason: z.string().optional(),
})
export type FulfilmentCancelRequest = z.infer<typeof fulfilmentCancelRequestSchema>
