import { z } from 'zod'

/** A return the channel reports (e.g. a customer asked for one on the storefront). */
export const channelReturnSchema = z.strictObject({
  externalOrderId: z.string().min(1).max(200),
  externalReturnId: z.string().min(1).max(200),
  reason: z.string().max(500).optional(),
  lines: z
    .array(
      z.strictObject({
        externalLineId: z.string().max(200).optional(),
        sku: z.string().min(1).max(120),
        quantity: z.number().int().positive(),
      }),
    )
    .min(1),
})
export type ChannelReturn = z.infer<typeof channelReturnSchema>

export const returnConditions = ['resellable', 'damaged'] as const

/** What a warehouse counted off the truck for a return (RMA): each unit resellable or damaged. */
export const returnReceiptSchema = z.strictObject({
  /** The hub's return id or its RMA number, as printed on the return label. */
  returnId: z.string().min(1).max(200),
  lines: z
    .array(
      z.strictObject({
        sku: z.string().min(1).max(120),
        quantity: z.number().int().positive(),
        condition: z.enum(returnConditions),
      }),
    )
    .min(1),
  receivedAt: z.iso.datetime({ offset: true }).optional(),
})
export type ReturnReceipt = z.infer<typeof returnReceiptSchema>
