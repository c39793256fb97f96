import { returnConditions } from '@switchyard/plugin-sdk'
import { z } from 'zod'
import { assertOrderInScope } from '../http/channel-scope'
import { apiRoute, apiRouter, commonErrors } from '../http/openapi'
import type { HubContext } from '../hub-context'

const returnView = z.record(z.string(), z.unknown()).meta({ id: 'Return' })
const json = (schema: z.ZodType, description: string) => ({
  description,
  content: { 'application/json': { schema } },
})

/** Returns (RMAs), their receipt, and the refunds they lead to. */
export function returnRoutes(hub: HubContext) {
  const app = apiRouter()

  app.openapi(
    apiRoute('orders:write', {
      method: 'post',
      path: '/orders/{id}/returns',
      tags: ['returns'],
      summary: 'Authorise a return (RMA) of shipped lines, optionally with an exchange',
      description:
        'The return location is chosen by the live returns rule set (or the built-in policy: high-value goods to a location tagged returns-centre, else the nearest that accepts returns).',
      request: {
        params: z.strictObject({ id: z.string().uuid() }),
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z.strictObject({
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
            },
          },
        },
      },
      responses: { 201: json(returnView, 'Authorised'), ...commonErrors, 409: commonErrors[403] },
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
      hub.dispatcher?.wake()
      return c.json(view as unknown as Record<string, unknown>, 201)
    },
  )

  app.openapi(
    apiRoute('orders:read', {
      method: 'get',
      path: '/orders/{id}/returns',
      tags: ['returns'],
      summary: "An order's returns and refunds",
      request: { params: z.strictObject({ id: z.string().uuid() }) },
      responses: {
        200: json(
          z.object({ returns: z.array(returnView), refunds: z.array(z.record(z.string(), z.unknown())) }),
          'Returns and refunds',
        ),
        ...commonErrors,
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
      return c.json(
        {
          returns: returns as unknown as Record<string, unknown>[],
          refunds: refunds as unknown as Record<string, unknown>[],
        },
        200,
      )
    },
  )

  app.openapi(
    apiRoute('orders:read', {
      method: 'get',
      path: '/returns/{id}',
      tags: ['returns'],
      summary: 'One return with its lines and refunds',
      request: { params: z.strictObject({ id: z.string().uuid() }) },
      responses: { 200: json(returnView, 'The return'), ...commonErrors },
    }),
    async (c) => {
      const principal = c.get('principal')
      const view = await hub.core.returns.get(c.req.valid('param').id)
      await assertOrderInScope(hub.core, principal, view.orderId)
      return c.json(view as unknown as Record<string, unknown>, 200)
    },
  )

  app.openapi(
    apiRoute('orders:write', {
      method: 'post',
      path: '/returns/{id}/receipt',
      tags: ['returns'],
      summary:
        'Record what came back, unit by unit: resellable units are restocked, damaged ones written off, the refund follows',
      request: {
        params: z.strictObject({ id: z.string().uuid() }),
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z.strictObject({
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
            },
          },
        },
      },
      responses: { 200: json(returnView, 'Received'), ...commonErrors, 409: commonErrors[403] },
    }),
    async (c) => {
      const principal = c.get('principal')
      const returnId = c.req.valid('param').id
      await assertOrderInScope(hub.core, principal, (await hub.core.returns.get(returnId)).orderId)
      const view = await hub.core.returns.receive(
        { returnId, lines: c.req.valid('json').lines },
        `key:${principal.keyId}`,
      )
      hub.dispatcher?.wake()
      return c.json(view as unknown as Record<string, unknown>, 200)
    },
  )
  return app
}
