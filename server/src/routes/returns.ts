import { DEFAULT_RETURNS_PAGE, MAX_RETURNS_PAGE, type Principal, type ReturnFilter } from '@switchyard/core'
import { returnConditions } from '@switchyard/plugin-sdk'
import { z } from 'zod'
import { assertChannelScope } from '../http/auth'
import { assertOrderInScope } from '../http/channel-scope'
import { apiRoute, apiRouter, json, jsonBody, problem } from '../http/openapi'
import { pageOf, updatedSinceQuery } from '../http/paging'
import type { HubContext } from '../hub-context'
import { refundView, returnStatuses, returnView } from './views/returns'

const listQuery = z.strictObject({
  status: z
    .string()
    .refine((s) => s.split(',').every((v) => (returnStatuses as readonly string[]).includes(v)), {
      message: `comma-separated statuses from: ${returnStatuses.join(', ')}`,
    })
    .optional()
    .meta({ description: 'Comma-separated statuses: any of them' }),
  channel: z
    .string()
    .max(1000)
    .refine((s) => s.split(',').every((v) => v.length >= 1 && v.length <= 64), {
      message: 'comma-separated channel instance ids (1-64 characters each)',
    })
    .optional()
    .meta({ description: "Comma-separated channel instances (of the returns' orders): any of them" }),
  orderId: z.string().uuid().optional().meta({ description: "One order's returns" }),
  ...updatedSinceQuery,
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_RETURNS_PAGE)
    .optional()
    .meta({ description: `Returns per page, up to ${MAX_RETURNS_PAGE} (default ${DEFAULT_RETURNS_PAGE})` }),
  cursor: z.string().max(400).optional().meta({ description: 'nextCursor of the previous page' }),
})

/**
 * The query as core's filter. A scoped key's own channel always applies; naming another channel
 * is 403, as on the orders list.
 */
function filterOf(principal: Principal, q: z.infer<typeof listQuery>): ReturnFilter {
  const channels = q.channel?.split(',')
  for (const channel of channels ?? []) assertChannelScope(principal, channel)
  const scoped = principal.channelInstanceId ? [principal.channelInstanceId] : channels
  return {
    ...(scoped ? { channels: scoped } : {}),
    ...(q.status ? { statuses: q.status.split(',') as ReturnFilter['statuses'] } : {}),
    ...(q.orderId ? { orderId: q.orderId } : {}),
    ...(q.updatedSince ? { updatedSince: Date.parse(q.updatedSince) } : {}),
  }
}

/** Returns (RMAs), their receipt, and the refunds they lead to. */
export function returnRoutes(hub: HubContext) {
  const app = apiRouter()

  app.openapi(
    apiRoute('orders:read', {
      operationId: 'listReturns',
      method: 'get',
      path: '/returns',
      tags: ['returns'],
      summary: 'Returns across orders, oldest first, filtered and paged',
      description: [
        'In the order they were authorised. An incremental sync passes `updatedSince` (the time its last run began) and reads every page: a return authorised, received, cancelled, given an exchange order, or whose refund the channel confirmed or refused since then is in it.',
        'A channel-scoped key sees its own channel only; naming another in `channel` is 403.',
      ].join('\n'),
      request: { query: listQuery },
      responses: {
        200: json(pageOf(returnView), 'A page of returns'),
        400: problem('A filter or the cursor is invalid: `errors` names the parameter'),
        403: problem('`FORBIDDEN_SCOPE`: `channel` names a channel the key is not scoped to'),
      },
    }),
    async (c) => {
      const q = c.req.valid('query')
      const page = await hub.core.returns.list(filterOf(c.get('principal'), q), {
        ...(q.limit !== undefined ? { limit: q.limit } : {}),
        ...(q.cursor !== undefined ? { cursor: q.cursor } : {}),
      })
      return c.json(page, 200)
    },
  )

  app.openapi(
    apiRoute('orders:write', {
      operationId: 'createReturn',
      method: 'post',
      path: '/orders/{id}/returns',
      tags: ['returns'],
      summary: 'Authorise a return (RMA) of shipped lines, optionally with an exchange',
      description:
        'The return location is chosen by the live returns rule set (or the built-in policy: high-value goods to a location tagged returns-centre, else the nearest that accepts returns).',
      request: {
        params: z.strictObject({ id: z.string().uuid() }),
        body: jsonBody(
          z.strictObject({
            lines: z
              .array(z.strictObject({ lineId: z.string().uuid(), quantity: z.number().int().positive() }))
              .min(1)
              .max(500),
            reason: z.string().min(1).max(100).optional(),
            exchange: z
              .strictObject({
                lines: z
                  .array(
                    z.strictObject({
                      sku: z.string().min(1).max(120),
                      quantity: z.number().int().positive(),
                    }),
                  )
                  .min(1)
                  .max(100),
                ship: z.enum(['first', 'after-receipt']),
              })
              .optional(),
          }),
        ),
      },
      responses: {
        201: json(returnView, 'Authorised'),
        404: problem("`ORDER_NOT_FOUND` (also another channel's, for a scoped key)"),
      },
    }),
    async (c) => {
      const principal = c.get('principal')
      const body = c.req.valid('json')
      const view = await hub.core.returns.create({
        orderId: c.req.valid('param').id,
        lines: body.lines,
        ...(body.reason ? { reason: body.reason } : {}),
        ...(body.exchange ? { exchange: body.exchange } : {}),
        actor: `key:${principal.keyId}`,
        channelScope: principal.channelInstanceId,
      })
      return c.json(view, 201)
    },
  )

  app.openapi(
    apiRoute('orders:read', {
      operationId: 'listOrderReturns',
      method: 'get',
      path: '/orders/{id}/returns',
      tags: ['returns'],
      summary: "An order's returns and refunds",
      request: { params: z.strictObject({ id: z.string().uuid() }) },
      responses: {
        200: json(
          z.object({ returns: z.array(returnView), refunds: z.array(refundView) }),
          'Returns and refunds',
        ),
        404: problem('`ORDER_NOT_FOUND` (a scoped key: not an order of its channel)'),
      },
    }),
    async (c) => {
      const principal = c.get('principal')
      const id = c.req.valid('param').id
      await assertOrderInScope(hub.core, principal, id)
      const [returns, refunds] = await Promise.all([
        hub.core.returns.forOrder(id),
        hub.core.refunds.forOrder(id),
      ])
      return c.json({ returns, refunds }, 200)
    },
  )

  app.openapi(
    apiRoute('orders:read', {
      operationId: 'getReturn',
      method: 'get',
      path: '/returns/{id}',
      tags: ['returns'],
      summary: 'One return with its lines and refunds',
      request: { params: z.strictObject({ id: z.string().uuid() }) },
      responses: {
        200: json(returnView, 'The return'),
        404: problem('`RETURN_NOT_FOUND`, or `ORDER_NOT_FOUND` for a scoped key'),
      },
    }),
    async (c) => {
      const principal = c.get('principal')
      const view = await hub.core.returns.get(c.req.valid('param').id)
      await assertOrderInScope(hub.core, principal, view.orderId)
      return c.json(view, 200)
    },
  )

  app.openapi(
    apiRoute('orders:write', {
      operationId: 'receiveReturn',
      method: 'post',
      path: '/returns/{id}/receipt',
      tags: ['returns'],
      summary:
        'Record what came back, unit by unit: resellable units are restocked, damaged ones written off, the refund follows',
      request: {
        params: z.strictObject({ id: z.string().uuid() }),
        body: jsonBody(
          z.strictObject({
            lines: z
              .array(
                z.strictObject({
                  sku: z.string().min(1).max(120),
                  quantity: z.number().int().positive(),
                  condition: z.enum(returnConditions),
                }),
              )
              .min(1)
              .max(500),
          }),
        ),
      },
      responses: {
        200: json(returnView, 'Received'),
        404: problem('`RETURN_NOT_FOUND`, or `ORDER_NOT_FOUND` for a scoped key'),
        409: problem('`RETURN_CLOSED`: the return was already received or closed'),
      },
    }),
    async (c) => {
      const principal = c.get('principal')
      const returnId = c.req.valid('param').id
      await assertOrderInScope(hub.core, principal, (await hub.core.returns.get(returnId)).orderId)
      const view = await hub.core.returns.receive(
        { returnId, lines: c.req.valid('json').lines },
        `key:${principal.keyId}`,
      )
      return c.json(view, 200)
    },
  )
  return app
}
