import { z } from 'zod'
import { addressSchema } from './address'
import { currencyCode, decimalString } from './money'

export const serviceLevels = ['standard', 'express', 'overnight', 'economy', 'pickup'] as const
export const serviceLevelSchema = z.enum(serviceLevels)
export type ServiceLevel = z.infer<typeof serviceLevelSchema>

/**
 * How the customer gets the order (SDK 1.4): `ship` to `shipTo` (the default), or `pickup` at one
 * of the hub's locations that accepts pickup (click and collect, `pickupLocationId`).
 */
export const deliveryMethods = ['ship', 'pickup'] as const
export const deliveryMethodSchema = z.enum(deliveryMethods)
export type DeliveryMethod = z.infer<typeof deliveryMethodSchema>

export const customerSchema = z.strictObject({
  externalId: z.string().max(200).optional(),
  email: z.email().max(320).optional(),
  name: z.string().max(200).optional(),
  phone: z.string().max(40).optional(),
  tier: z.string().max(60).optional(),
  segment: z.string().max(60).optional(),
})
export type Customer = z.infer<typeof customerSchema>

export const orderLineSchema = z.strictObject({
  externalLineId: z.string().min(1).max(200).optional(),
  sku: z.string().min(1).max(120),
  quantity: z
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .positive('must be greater than zero')
    .max(1_000_000),
  unitPrice: decimalString.optional(),
  discount: decimalString.optional(),
  name: z.string().max(300).optional(),
})
export type CanonicalOrderLine = z.infer<typeof orderLineSchema>

/**
 * The order every channel plugin produces, whatever the channel's own shape. `raw` keeps the
 * channel's untouched payload for audit and for fields the canonical model does not carry yet.
 */
export const canonicalOrderSchema = z.strictObject({
  externalId: z.string().min(1).max(200),
  orderNumber: z.string().max(100).optional(),
  placedAt: z.iso.datetime({ offset: true }).optional(),
  currency: currencyCode,
  customer: customerSchema.optional(),
  shipTo: addressSchema,
  billTo: addressSchema.optional(),
  serviceLevel: serviceLevelSchema.default('standard'),
  /** Absent means `ship`. SDK 1.4. */
  deliveryMethod: deliveryMethodSchema.optional(),
  /**
   * The hub location id of the store the customer collects from; required with `pickup`, refused
   * without it. The hub checks that the location exists and accepts pickup. SDK 1.4.
   */
  pickupLocationId: z.string().min(1).max(64).optional(),
  lines: z.array(orderLineSchema).min(1, 'an order needs at least one line').max(500),
  shippingTotal: decimalString.optional(),
  total: decimalString.optional(),
  tags: z.array(z.string().max(60)).max(50).optional(),
  reservationId: z.string().max(100).optional(),
  notes: z.string().max(2000).optional(),
  raw: z.unknown().optional(),
})
export type CanonicalOrder = z.infer<typeof canonicalOrderSchema>
export type CanonicalOrderInput = z.input<typeof canonicalOrderSchema>
