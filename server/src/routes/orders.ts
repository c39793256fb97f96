import { type OrderFilter, type Principal, replayDecision, ValidationError } from '@switchyard/core'
import {
  addressSchema,
  canonicalOrderSchema,
  decimalString,
  type OrderStatus,
  orderStatuses,
  serviceLevelSchema,
} from '@switchyard/plugin-sdk'
import { z } from 'zod'
import { assertChannelScope } from '../http/auth'
import { apiRoute, apiRouter, json, jsonBody, orderConflict, problem } from '../http/openapi'
import { ProblemError } from '../http/problem'
import type { HubContext } from '../hub-context'
import { pickupRoutes } from './pickup'
import { orderDetail, orderSummary, routingDecision } from './views/orders'

const statusList = z
  .string()
  .refine((s) => s.split(',').every((v) => (orderStatuses as readonly string[]).includes(v)), {
    message: `comma-separated statuses from: ${orderStatuses.join(', ')}`,
  })
const instant = z.iso.datetime({ offset: true })
const flag = z.enum(['true', 'false'])

/** The list's filters; the counts route takes the same. */
const filterQuery = z.strictObject({
  status: statusList.optional().meta({ description: 'Comma-separated statuses: any of them' }),
  channel: z
    .string()
    .max(1000)
    .refine((s) => s.split(',').every((v) => v.length >= 1 && v.length <= 64), {
      message: 'comma-separated channel instance ids (1-64 characters each)',
    })
    .optional()
    .meta({ description: 'Comma-separated channel instances: any of them' }),
  externalId: z.string().max(200).optional().meta({ description: "The channel's order id, exactly" }),
  location: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .meta({ description: 'Orders with an allocation or a fulfilment at this location' }),
  placedFrom: instant.optional().meta({ description: 'Placed at or after' }),
  placedTo: instant.optional().meta({ description: 'Placed before' }),
  receivedFrom: instant.optional(),
  receivedTo: instant.optional(),
  updatedSince: instant.optional().meta({ description: 'Changed at or after' }),
  promiseBefore: z.iso
    .date()
    .optional()
    .meta({ description: 'Promised delivery day before this day (YYYY-MM-DD)' }),
  late: flag.optional().meta({
    description: '`true`: the promise day has passed (UTC) and the order is neither shipped nor cancelled',
  }),
  holdReason: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .meta({ description: 'The hold reason contains this text, any case' }),
  hasExceptions: flag
    .optional()
    .meta({ description: '`true`: orders that came in by replaying an intake exception' }),
  cancelRequested: flag
    .optional()
    .meta({ description: '`true`: a warehouse was asked to cancel a fulfilment and has not answered' }),
  warehouseHold: flag.optional().meta({
    description: '`true`: a warehouse holds a fulfilment of the order until a person fixes something there',
  }),
  returnsOpen: flag.optional().meta({ description: '`true`: a return is authorised or partly received' }),
  q: z
    .string()
    .min(1)
    .max(200)
    .refine((s) => s.trim().length > 0, { message: 'must not be blank' })
    .optional()
    .meta({
      description:
        "Free text: the external order id or order number exactly, a sku exactly, or the start of the customer's name or of one of their email addresses (any case)",
    }),
})

const listQuery = filterQuery.extend({
  sort: z.enum(['placed', '-placed', 'promise', '-promise']).optional().meta({
    description:
      'Date placed or promise day, ascending, or descending with `-`; default `-placed`. Orders without a promise day come last in either promise sort.',
  }),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  cursor: z
    .string()
    .max(400)
    .optional()
    .meta({ description: 'nextCursor of the previous page, with the same sort' }),
})

/** The console's saved queues: each one is a query string of this route (and of /counts). */
const QUEUES = [
  'Saved queues are filter presets:',
  '- Held: `status=held`',
  '- Backordered: `status=backordered`',
  '- Late: `late=true&sort=promise`',
  '- Partially shipped: `status=partially_shipped`',
  '- Cancel requested (a warehouse was asked to cancel and has not answered): `cancelRequested=true`',
  '- Held at warehouse (a WMS holds a fulfilment, e.g. ShipBob On Hold): `warehouseHold=true`',
  '- Returns open (authorised or partly received): `returnsOpen=true`',
  'A channel-scoped key sees its own channel only; naming another in `channel` is 403.',
].join('\n')

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

/**
 * The query as core's search. A scoped key's own channel always applies; naming another channel
 * is 403 rather than an empty page, as everywhere else.
 */
function searchOf(principal: Principal, q: z.infer<typeof filterQuery>): OrderFilter {
  const channels = q.channel?.split(',')
  for (const channel of channels ?? []) assertChannelScope(principal, channel)
  const ms = (iso: string | undefined) => (iso === undefined ? undefined : Date.parse(iso))
  const search: OrderFilter = {
    channels: principal.channelInstanceId ? [principal.channelInstanceId] : channels,
    statuses: q.status?.split(',') as OrderStatus[] | undefined,
    externalOrderId: q.externalId,
    location: q.location,
    placedFrom: ms(q.placedFrom),
    placedTo: ms(q.placedTo),
    receivedFrom: ms(q.receivedFrom),
    receivedTo: ms(q.receivedTo),
    updatedSince: ms(q.updatedSince),
    promiseBefore: q.promiseBefore,
    late: q.late === 'true',
    holdReason: q.holdReason,
    hasExceptions: q.hasExceptions === 'true',
    cancelRequested: q.cancelRequested === 'true',
    warehouseHold: q.warehouseHold === 'true',
    returnsOpen: q.returnsOpen === 'true',
    q: q.q,
  }
  // Absent filters stay absent (exactOptionalPropertyTypes).
  return Object.fromEntries(Object.entries(search).filter(([, v]) => v !== undefined)) as OrderFilter
}

export function orderRoutes(hub: HubContext) {
  const app = apiRouter()

  app.openapi(
    apiRoute('orders:read', {
      operationId: 'listOrders',
      method: 'get',
      path: '/',
      tags: ['orders'],
      summary: 'List orders across channels, filtered and sorted, newest first by default',
      description: QUEUES,
      request: { query: listQuery },
      responses: {
        200: json(
          z.strictObject({ items: z.array(orderSummary), nextCursor: z.string().nullable() }),
          'A page of orders',
        ),
        400: problem('A filter, the sort or the cursor is invalid: `errors` names the parameter'),
      },
    }),
    async (c) => {
      const q = c.req.valid('query')
      const page = await hub.core.orders
        .list({
          ...searchOf(c.get('principal'), q),
          ...(q.sort ? { sort: q.sort } : {}),
          ...(q.limit !== undefined ? { limit: q.limit } : {}),
          ...(q.cursor !== undefined ? { cursor: q.cursor } : {}),
        })
        .catch((error: unknown) => {
          // A cursor is a query parameter like the others: a bad one is 400, naming it.
          if (error instanceof ValidationError && error.code === 'INVALID_CURSOR')
            throw new ProblemError(400, error.code, error.message, error.issues)
          throw error
        })
      return c.json(page, 200)
    },
  )

  app.openapi(
    apiRoute('orders:read', {
      operationId: 'countOrders',
      method: 'get',
      path: '/counts',
      tags: ['orders'],
      summary: 'How many orders match the filters, per status',
      description: `Takes the list's filters. ${QUEUES}`,
      request: { query: filterQuery },
      responses: {
        200: json(
          z.strictObject({
            total: z.number(),
            byStatus: z.record(z.enum(orderStatuses), z.number()).meta({
              description: 'Every status, with 0 where none match',
            }),
          }),
          'Counts',
        ),
      },
    }),
    async (c) => {
      const counts = await hub.core.orders.counts(searchOf(c.get('principal'), c.req.valid('query')))
      const byStatus = Object.fromEntries(orderStatuses.map((s) => [s, counts[s] ?? 0])) as Record<
        (typeof orderStatuses)[number],
        number
      >
      return c.json({ total: Object.values(byStatus).reduce((a, b) => a + b, 0), byStatus }, 200)
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
        "`summary` is one paragraph in words; `explanation` (compact, as stored: the chosen locations and the best few alternatives with their scores, the other locations holding stock counted, excluded ones by rule with the first few named; `every=true` replays the decision with every active location and its exclusion or score) holds the rules that fired, the strategies tried and `split`: the split policy the deciding strategy routed under (`policy`, `maxShipments`, `minShipmentValue`), who set it (`source`: `rule`, `strategy` or `default`; `rules`; the strategy settings a rule `overrides`) and, on a re-route, the shipments `remaining` after those already sent. A fired split rule wins over the strategy's own split settings; of several, the strictest. A re-route's summary starts with what the re-route left the order holding.",
      request: {
        params: idParam,
        query: z.strictObject({
          every: flag.optional().meta({
            description:
              'true: every active location with its exclusion or score, by routing the order again as it was routed (writes nothing); the stored decision keeps the compact form',
          }),
        }),
      },
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
      if (c.req.valid('query').every !== 'true') return c.json(order.routingDecision, 200)
      const { core } = hub
      const replay = await replayDecision(
        {
          db: core.db,
          catalog: core.catalogCache,
          ruleSets: core.ruleSets,
          config: core.routingConfig,
          loadOrder: core.simulation.loadOrder,
        },
        order.id,
      )
      if (!replay) return c.json(order.routingDecision, 200)
      return c.json(
        {
          ...order.routingDecision,
          explanation: { candidates: replay.plan.candidates, ...replay.plan.details },
          replayed: { at: replay.at, sameAsStored: replay.sameAsStored },
        },
        200,
      )
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
  app.route('/', pickupRoutes(hub))
  return app
}
