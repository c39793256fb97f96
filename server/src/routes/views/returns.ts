import { z } from 'zod'

/** The response shapes of the returns routes (core's ReturnView and RefundView). */
export const refundView = z
  .object({ id: z.string(), status: z.string(), amount: z.string(), currency: z.string() })
  .meta({ id: 'Refund' })

export const returnView = z
  .object({
    id: z.string(),
    orderId: z.string(),
    rmaNumber: z.string(),
    status: z.string(),
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
  })
  .meta({ id: 'Return' })
