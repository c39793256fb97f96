import { z } from 'zod'
import { apiRoute, apiRouter, commonErrors } from '../http/openapi'
import type { HubContext } from '../hub-context'

const statuses = ['pending', 'in_flight', 'delivered', 'dead'] as const

/** Operators see and act on deliveries: what failed, why, and retry one or all. */
export function outboxRoutes(hub: HubContext) {
  const app = apiRouter()
  app.openapi(
    apiRoute('outbox:read', {
      method: 'get',
      path: '/',
      tags: ['outbox'],
      summary: 'Outbox messages, newest first (e.g. ?status=dead)',
      request: {
        query: z.strictObject({
          status: z.enum(statuses).optional(),
          instance: z.string().max(64).optional(),
          order: z.string().uuid().optional(),
          limit: z.coerce.number().int().min(1).max(500).optional(),
          cursor: z.string().max(400).optional(),
        }),
      },
      responses: {
        200: {
          description: 'A page of messages',
          content: {
            'application/json': {
              schema: z.object({
                items: z.array(z.record(z.string(), z.unknown())),
                nextCursor: z.string().nullable(),
              }),
            },
          },
        },
        ...commonErrors,
      },
    }),
    async (c) => {
      const q = c.req.valid('query')
      const page = await hub.core.outboxQueries.list({
        status: q.status,
        instanceId: q.instance,
        orderId: q.order,
        limit: q.limit,
        cursor: q.cursor,
      })
      return c.json(page as unknown as { items: Record<string, unknown>[]; nextCursor: string | null }, 200)
    },
  )
  app.openapi(
    apiRoute('outbox:read', {
      method: 'get',
      path: '/{id}',
      tags: ['outbox'],
      summary: 'One message with its payload and attempt history',
      request: { params: z.strictObject({ id: z.string().uuid() }) },
      responses: {
        200: {
          description: 'The message',
          content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } },
        },
        ...commonErrors,
      },
    }),
    async (c) => {
      return c.json(
        (await hub.core.outboxQueries.get(c.req.valid('param').id)) as Record<string, unknown>,
        200,
      )
    },
  )
  app.openapi(
    apiRoute('outbox:write', {
      method: 'post',
      path: '/retry',
      tags: ['outbox'],
      summary: 'Give dead messages a fresh set of attempts: the listed ids, or all dead messages',
      request: {
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z.strictObject({ ids: z.array(z.string().uuid()).min(1).max(1000).optional() }),
            },
          },
        },
      },
      responses: {
        200: {
          description: 'How many were requeued',
          content: { 'application/json': { schema: z.object({ requeued: z.number() }) } },
        },
        ...commonErrors,
      },
    }),
    async (c) => {
      const requeued = await hub.core.outbox.retryDead(c.req.valid('json').ids)
      hub.dispatcher?.wake()
      return c.json({ requeued }, 200)
    },
  )
  return app
}
