import { z } from 'zod'
import { currencyCode, decimalString } from './money'

const refundLineSchema = z.object({
  externalLineId: z.string().max(200).optional(),
  sku: z.string().min(1).max(120),
  quantity: z.number().int().positive(),
  /** Put the units back into stock at the channel. */
  restock: z.boolean().optional(),
})

/** A refund the channel reports (a customer was paid back). Money stays a decimal string. */
export const channelRefundSchema = z.object({
  externalOrderId: z.string().min(1).max(200),
  externalRefundId: z.string().min(1).max(200),
  amount: decimalString.optional(),
  currency: currencyCode.optional(),
  reason: z.string().max(1000).optional(),
  lines: z.array(refundLineSchema).default([]),
  refundedAt: z.iso.datetime({ offset: true }).optional(),
})
export type ChannelRefund = z.infer<typeof channelRefundSchema>

/**
 * A refund the hub asks a channel to make. `refundId` is the hub's id: plugins derive the channel's
 * idempotency key from it, so a retried request never pays out twice.
 */
export const refundRequestSchema = z.object({
  refundId: z.string().min(1),
  orderId: z.string().min(1),
  externalOrderId: z.string().min(1),
  amount: decimalString.optional(),
  currency: currencyCode.optional(),
  reason: z.string().max(1000).optional(),
  /**
   * Each line's units, and (when the hub computed the refund) what they are paid back: their share
   * of the line after discount, before any restocking fee. Channels that refund per item (Amazon's
   * adjustment feed) need it; others refund `amount` as a whole.
   */
  lines: z.array(refundLineSchema.extend({ amount: decimalString.optional() })).default([]),
  /** Shipping paid back, part of `amount`. */
  shipping: decimalString.optional(),
  /** Kept back from the items (a restocking fee), already taken off `amount`. */
  restockingFee: decimalString.optional(),
  notifyCustomer: z.boolean().default(false),
})
export type RefundRequest = z.infer<typeof refundRequestSchema>
