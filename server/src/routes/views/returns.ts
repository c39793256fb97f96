import { z } from 'zod'

/** A return's states (core's ReturnStatus). */
export const returnStatuses = ['authorised', 'partially_received', 'received', 'cancelled'] as const

/** The response shapes of the returns routes (core's ReturnView and RefundView). */
export const refundView = z
  .object({ id: z.string(), status: z.string(), amount: z.string(), currency: z.string() })
  .meta({ id: 'Refund' })

export const returnView = z
  .object({
    id: z.string(),
    orderId: z.string(),
    channel: z.string().meta({ description: "The channel instance of the return's order" }),
    rmaNumber: z.string(),
    status: z.enum(returnStatuses),
    reason: z.string().nullable(),
    location: z.object({ id: z.string(), name: z.string() }),
    exchangeOrderId: z.string().nullable(),
    lines: z.array(
      z.object({
        id: z.string(),
        orderLineId: z.string(),
        sku: z.string(),
        quantity: z.number(),
        receivedResellable: z.number(),
        receivedDamaged: z.number(),
      }),
    ),
    refunds: z.array(refundView),
    createdAt: z.string(),
    updatedAt: z.string().meta({
      description:
        'The last change: authorised, received, cancelled, an exchange order placed, a refund confirmed or refused',
    }),
  })
  .meta({ id: 'Return' })
