import { ValidationError } from '@switchyard/core'
import {
  addressSchema,
  canonicalOrderSchema,
  decimalString,
  orderStatuses,
  serviceLevelSchema,
} from '@switchyard/plugin-sdk'
import { z } from 'zod'
import { assertChannelScope } from '../http/auth'
import { apiRoute, apiRouter, json, jsonBody, orderConflict, problem } from '../http/openapi'
import { ProblemError } from '../http/problem'
import type { HubContext } from '../hub-context'
import { orderDetail, orderSummary, routingDecision } from './views/orders'

const listQuery = z.strictObject({
  status: z
    .string()
    .optional()
    .refine((s) => !s || s.split(',').every((v) => (orderStatuses as readonly string[]).includes(v)), {
      message: `comma-separated statuses from: ${orderStatuses.join(', ')}`,
    }),
  channel: z.string().max(64).optional(),
  externalId: z.string().max(200).optional(),
  receivedFrom: z.iso.datetime({ offset: true }).optional(),
  receivedTo: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  cursor: z.string().max(400).optional(),
})

const createBody = z.strictObject({
  channel: z.string().min(1).max(64).meta({ description: 'The channel instance the order belongs to' }),
  order: canonicalOrderSchema,
})

const intakeResult = z.strictObject({
  orderId: z.string(),
  externalOrderId: z.string(),
  status: z.enum(orderStatuses),
  created: z.boolean(),
})

const notFound = problem("`ORDER_NOT_FOUND` (also another channel's, for a scoped key)")

const idParam = z.strictObject({ id: z.string().uuid() })

const cancelOutcome = z.object({
  orderId: z.string(),
  status: z.enum(orderStatuses),
  cancelled: z.array(z.object({ lineId: z.string(), quantity: z.number() })),
  awaitingWarehouse: z.array(z.string()),
})

export function orderRoutes(hub: HubContext) {
  const app = apiRouter()

  app.openapi(
    apiRoute('orders:read', {
      operationId: 'listOrders',
      method: 'get',
      path: '/',
      tags: ['orders'],
      summary: 'List orders, newest first',
      request: { query: listQuery },
      responses: {
        200: json(
          z.strictObject({ items: z.array(orderSummary), nextCursor: z.string().nullable() }),
          'A page of orders',
        ),
      },
    }),
    async (c) => {
      const principal = c.get('principal')
      const q = c.req.valid('query')
      if (q.channel) assertChannelScope(principal, q.channel)
      const page = await hub.core.orders.list({
        status: q.status ? (q.status.split(',') as (typeof orderStatuses)[number][]) : undefined,
        channelInstanceId: principal.channelInstanceId ?? q.channel,
        externalOrderId: q.externalId,
        receivedFrom: q.receivedFrom ? new Date(q.receivedFrom) : undefined,
        receivedTo: q.receivedTo ? new Date(q.receivedTo) : undefined,
        limit: q.limit,
        cursor: q.cursor,
      })
      return c.json(page, 200)
    },
  )

  app.openapi(
    apiRoute('orders:write', {
      operationId: 'submitOrder',
      method: 'post',
      path: '/',
      tags: ['orders'],
      summary: 'Submit an order for a channel instance (idempotent on channel + externalId)',
      request: { body: jsonBody(createBody) },
      responses: {
        201: json(intakeResult, 'Created, routed and allocated (or backordered)'),
        200: json(intakeResult, 'Already received: the existing order'),
      },
    }),
    async (c) => {
      const principal = c.get('principal')
      const { channel, order } = c.req.valid('json')
      assertChannelScope(principal, channel)
      const instance = hub.registry.get(channel)
      if (instance?.definition.kind !== 'channel') {
        throw new ProblemError(422, 'UNKNOWN_CHANNEL', `no channel instance '${channel}'`, [
          { field: 'channel', message: `no channel instance '${channel}' is configured` },
        ])
      }
      const result = await hub.core.intake
        .submit(channel, order, `key:${principal.keyId}`)
        .catch((error: unknown) => {
          // Intake names fields within the order; in this body they sit under `order`.
          if (error instanceof ValidationError) {
            throw new ValidationError(
              error.message,
              error.issues.map((i) => ({ ...i, field: `order.${i.field}` })),
              error.code,
            )
          }
          throw error
        })
      c.set('logOrderIds', [result.orderId])
      return c.json(result, result.created ? 201 : 200)
    },
  )

  app.openapi(
    apiRoute('orders:read', {
      operationId: 'getOrder',
      method: 'get',
      path: '/{id}',
      tags: ['orders'],
      summary: 'One order with lines, allocations, fulfilments, routing decision and history',
      request: { params: idParam },
      responses: {
        200: json(orderDetail, 'The order'),
        404: notFound,
      },
    }),
    async (c) => {
      const principal = c.get('principal')
      const order = await hub.core.orders.get(c.req.valid('param').id, principal.channelInstanceId)
      return c.json(order, 200)
    },
  )

  app.openapi(
    apiRoute('orders:read', {
      operationId: 'getOrderDecision',
      method: 'get',
      path: '/{id}/decision',
      tags: ['orders'],
      summary: "The order's latest routing decision and its explanation",
      description:
        "`summary` is one paragraph in words; `explanation` holds every candidate's exclusion or score, the rules that fired, the strategies tried and `split`: the split policy the deciding strategy routed under (`policy`, `maxShipments`, `minShipmentValue`), who set it (`source`: `rule`, `strategy` or `default`; `rules`; the strategy settings a rule `overrides`) and, on a re-route, the shipments `remaining` after those already sent. A fired split rule wins over the strategy's own split settings; of several, the strictest. A re-route's summary starts with what the re-route left the order holding.",
      request: { params: idParam },
      responses: {
        200: json(routingDecision, 'The decision'),
        404: problem(
          "`ORDER_NOT_FOUND` (also another channel's, for a scoped key), or `NO_DECISION`: not routed yet",
        ),
      },
    }),
    async (c) => {
      const principal = c.get('principal')
      const order = await hub.core.orders.get(c.req.valid('param').id, principal.channelInstanceId)
      if (!order.routingDecision) throw new ProblemError(404, 'NO_DECISION', 'the order has not been routed')
      return c.json(order.routingDecision, 200)
    },
  )
  app.openapi(
    apiRoute('orders:write', {
      operationId: 'cancelOrder',
      method: 'post',
      path: '/{id}/cancel',
      tags: ['orders'],
      summary: 'Cancel an order, or some quantity of some lines',
      description:
        'Before release the stock is freed at once (200). After release the warehouse is asked to cancel the whole fulfilment; the lines are cancelled when it confirms (202). The channel is told every outcome.',
      request: {
        params: idParam,
        body: {
          required: false,
          content: {
            'application/json': {
              schema: z.strictObject({
                lines: z
                  .array(z.strictObject({ lineId: z.string().uuid(), quantity: z.number().int().positive() }))
                  .min(1)
                  .max(500)
                  .optional(),
                reason: z.string().min(1).max(500).optional(),
              }),
            },
          },
        },
      },
      responses: {
        200: json(cancelOutcome, 'Cancelled'),
        202: json(cancelOutcome, 'Waiting for the warehouse to confirm'),
        404: notFound,
        409: orderConflict,
      },
    }),
    async (c) => {
      const principal = c.get('principal')
      const body = c.req.valid('json') ?? {}
      const outcome = await hub.core.cancellations.cancel({
        orderId: c.req.valid('param').id,
        ...(body.lines ? { lines: body.lines } : {}),
        ...(body.reason ? { reason: body.reason } : {}),
        actor: `key:${principal.keyId}`,
        channelScope: principal.channelInstanceId,
      })
      return c.json(outcome, outcome.awaitingWarehouse.length > 0 ? 202 : 200)
    },
  )
  app.openapi(
    apiRoute('orders:release-hold', {
      operationId: 'releaseOrderHold',
      method: 'post',
      path: '/{id}/release-hold',
      tags: ['orders'],
      summary: 'Let a held order through: it is routed at once, and hold rules do not hold it again',
      description:
        'For orders a hold rule or the contract price check stopped. The reason is kept in the order history. Admin and analyst keys only; channel-scoped keys may not release their own orders.',
      request: {
        params: idParam,
        body: jsonBody(z.strictObject({ reason: z.string().trim().min(1).max(500) })),
      },
      responses: {
        200: json(
          z.object({
            orderId: z.string(),
            status: z.string(),
            releasedHold: z.string().nullable(),
            allocated: z.number(),
            backordered: z.number(),
          }),
          'Released and routed',
        ),
        404: notFound,
        409: orderConflict,
      },
    }),
    async (c) => {
      const principal = c.get('principal')
      const outcome = await hub.core.holds.release({
        orderId: c.req.valid('param').id,
        reason: c.req.valid('json').reason,
        actor: `key:${principal.keyId}`,
        channelScope: principal.channelInstanceId,
      })
      return c.json(outcome, 200)
    },
  )
  app.openapi(
    apiRoute('orders:write', {
      operationId: 'modifyOrder',
      method: 'patch',
      path: '/{id}',
      tags: ['orders'],
      summary: 'Modify an order before release: address, service level, quantities, lines',
      description:
        'The order is routed again with its new shape; a held order stays held until released. Added lines without a price are priced as at intake (422 naming the line when nothing prices it). Refused with 409 naming the state once the order is with a warehouse.',
      request: {
        params: idParam,
        body: jsonBody(
          z.strictObject({
            shipTo: addressSchema.optional(),
            serviceLevel: serviceLevelSchema.optional(),
            lines: z
              .array(
                z.strictObject({
                  lineId: z.string().uuid(),
                  quantity: z.number().int().min(0).max(1_000_000),
                }),
              )
              .max(500)
              .optional(),
            addLines: z
              .array(
                z.strictObject({
                  sku: z.string().min(1).max(120),
                  quantity: z.number().int().positive().max(1_000_000),
                  unitPrice: decimalString.optional(),
                  externalLineId: z.string().max(200).optional(),
                }),
              )
              .max(500)
              .optional(),
            reason: z.string().min(1).max(500).optional(),
          }),
        ),
      },
      responses: {
        200: json(
          z.object({
            orderId: z.string(),
            status: z.enum(orderStatuses),
            changed: z.array(z.string()),
          }),
          'Modified and routed again',
        ),
        404: notFound,
        409: orderConflict,
      },
    }),
    async (c) => {
      const principal = c.get('principal')
      const body = c.req.valid('json')
      const outcome = await hub.core.modifications.modify({
        orderId: c.req.valid('param').id,
        ...body,
        actor: `key:${principal.keyId}`,
        channelScope: principal.channelInstanceId,
      })
      return c.json(outcome, 200)
    },
  )
  return app
}
