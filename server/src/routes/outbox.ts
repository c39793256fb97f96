import { z } from 'zod'
import { apiRoute, apiRouter, json, jsonBody, problem } from '../http/openapi'
import type { HubContext } from '../hub-context'
import { outboxMessage, outboxMessageDetail } from './views/outbox'

const statuses = ['pending', 'in_flight', 'delivered', 'dead'] as const

/** Operators see and act on deliveries: what failed, why, and retry one or all. */
export function outboxRoutes(hub: HubContext) {
  const app = apiRouter()
  app.openapi(
    apiRoute('outbox:read', {
      operationId: 'listOutbox',
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
        200: json(
          z.object({ items: z.array(outboxMessage), nextCursor: z.string().nullable() }),
          'A page of messages',
        ),
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
      return c.json(page, 200)
    },
  )
  app.openapi(
    apiRoute('outbox:read', {
      operationId: 'getOutboxMessage',
      method: 'get',
      path: '/{id}',
      tags: ['outbox'],
      summary: 'One message with its payload and attempt history',
      request: { params: z.strictObject({ id: z.string().uuid() }) },
      responses: {
        200: json(outboxMessageDetail, 'The message'),
        404: problem('`OUTBOX_MESSAGE_NOT_FOUND`'),
      },
    }),
    async (c) => {
      return c.json(await hub.core.outboxQueries.get(c.req.valid('param').id), 200)
    },
  )
  app.openapi(
    apiRoute('outbox:write', {
      operationId: 'retryOutbox',
      method: 'post',
      path: '/retry',
      tags: ['outbox'],
      summary: 'Give dead messages a fresh set of attempts: the listed ids, or all dead messages',
      description:
        'A fulfilment request whose fulfilment the order has moved on from (the warehouse refused it for good, so it was rejected and its lines routed elsewhere or backordered; or it was cancelled or accepted since) stays dead and is counted in `settled`: sending it again would hand the warehouse work nobody wants.',
      request: {
        body: jsonBody(z.strictObject({ ids: z.array(z.string().uuid()).min(1).max(1000).optional() })),
      },
      responses: {
        200: json(
          z.object({
            requeued: z.number().describe('Dead messages given a fresh set of attempts'),
            settled: z.number().describe('Dead messages left dead because what they asked is settled'),
          }),
          'How many were requeued, and how many were left dead as settled',
        ),
      },
    }),
    async (c) => {
      const result = await hub.core.outbox.retryDead(c.req.valid('json').ids)
      hub.dispatcher?.wake()
      return c.json(result, 200)
    },
  )
  return app
}
