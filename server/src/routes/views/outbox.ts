import { z } from 'zod'

/** The response shapes of the outbox routes (core's OutboxMessageView). */
export const outboxMessage = z
  .object({
    id: z.string(),
    topic: z.string(),
    instanceId: z.string(),
    orderId: z.string().nullable(),
    idempotencyKey: z.string(),
    status: z.enum(['pending', 'in_flight', 'delivered', 'dead']),
    attempts: z.number(),
    maxAttempts: z.number(),
    nextAttemptAt: z.string(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    deliveredAt: z.string().nullable(),
  })
  .meta({ id: 'OutboxMessage' })

export const outboxMessageDetail = outboxMessage
  .extend({
    payload: z
      .unknown()
      .meta({ description: "The message as the plugin receives it; its shape is the topic's" }),
    history: z.array(
      z.object({
        attempt: z.number(),
        worker: z.string(),
        at: z.string().nullable(),
        durationMs: z.number(),
        outcome: z.string(),
        error: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'OutboxMessageDetail' })
