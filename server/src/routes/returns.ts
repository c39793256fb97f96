import { returnConditions } from '@switchyard/plugin-sdk'
import { z } from 'zod'
import { assertOrderInScope } from '../http/channel-scope'
import { apiRoute, apiRouter, json, jsonBody, problem } from '../http/openapi'
import type { HubContext } from '../hub-context'
import { refundView, returnView } from './views/returns'

/** Returns (RMAs), their receipt, and the refunds they lead to. */
export function returnRoutes(hub: HubContext) {
  const app = apiRouter()

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
