import {
  DEFAULT_FULFILMENTS_PAGE,
  type FulfilmentFilter,
  MAX_FULFILMENTS_PAGE,
  type Principal,
} from '@switchyard/core'
import { z } from 'zod'
import { assertChannelScope } from '../http/auth'
import { apiRoute, apiRouter, json, problem } from '../http/openapi'
import { pageOf, updatedSinceQuery } from '../http/paging'
import type { HubContext } from '../hub-context'

const statuses = [
  'pending',
  'requested',
  'accepted',
  'shipped',
  'cancelling',
  'cancelled',
  'rejected',
  'failed',
] as const

/** A comma-separated list of up to 50 ids (1–64 characters each). */
const idList = (what: string) =>
  z
    .string()
    .max(3300)
    .refine((s) => s.split(',').every((v) => v.length >= 1 && v.length <= 64) && s.split(',').length <= 50, {
      message: `comma-separated ${what} (up to 50, 1-64 characters each)`,
    })
    .optional()

const listQuery = z.strictObject({
  status: z
    .string()
    .refine((s) => s.split(',').every((v) => (statuses as readonly string[]).includes(v)), {
      message: `comma-separated statuses from: ${statuses.join(', ')}`,
    })
    .optional()
    .meta({ description: 'Comma-separated statuses: any of them' }),
  channel: idList('channel instance ids').meta({
    description: "Comma-separated channel instances (of the fulfilments' orders): any of them",
  }),
  location: idList('location ids').meta({ description: 'Comma-separated locations: any of them' }),
  orderId: z.string().uuid().optional().meta({ description: "One order's fulfilments" }),
  ...updatedSinceQuery,
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_FULFILMENTS_PAGE)
    .optional()
    .meta({
      description: `Fulfilments per page, up to ${MAX_FULFILMENTS_PAGE} (default ${DEFAULT_FULFILMENTS_PAGE})`,
    }),
  cursor: z.string().max(400).optional().meta({ description: 'nextCursor of the previous page' }),
})

const fulfilmentItem = z
  .object({
    id: z.string(),
    orderId: z.string(),
    externalOrderId: z.string().meta({ description: "The order's id at its channel" }),
    channelInstanceId: z.string(),
    locationId: z.string(),
    wmsInstanceId: z.string().nullable().meta({ description: 'The WMS plugin instance asked to fulfil it' }),
    status: z.enum(statuses),
    externalRef: z.string().nullable().meta({ description: "The warehouse's own reference, once accepted" }),
    carrier: z.string().nullable(),
    trackingNumber: z.string().nullable(),
    trackingUrl: z.string().nullable(),
    shippedAt: z.string().nullable(),
    reason: z.string().nullable().meta({ description: 'Why it was cancelled, rejected or failed' }),
    hold: z
      .object({ reason: z.string(), since: z.string().nullable() })
      .nullable()
      .meta({ description: 'Set while the warehouse holds it, in its own words' }),
    lines: z.array(z.object({ lineId: z.string(), sku: z.string(), quantity: z.number().int() })),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'FulfilmentListItem' })

/**
 * The query as core's filter. A scoped key's own channel always applies; naming another channel
 * is 403, as on the orders and returns lists.
 */
function filterOf(principal: Principal, q: z.infer<typeof listQuery>): FulfilmentFilter {
  const channels = q.channel?.split(',')
  for (const channel of channels ?? []) assertChannelScope(principal, channel)
  const scoped = principal.channelInstanceId ? [principal.channelInstanceId] : channels
  return {
    ...(scoped ? { channels: scoped } : {}),
    ...(q.status ? { statuses: q.status.split(',') as FulfilmentFilter['statuses'] } : {}),
    ...(q.location ? { locationIds: q.location.split(',') } : {}),
    ...(q.orderId ? { orderId: q.orderId } : {}),
    ...(q.updatedSince ? { updatedSince: Date.parse(q.updatedSince) } : {}),
  }
}

/** Fulfilment requests across orders: what each warehouse was asked for, and how far it got. */
export function fulfilmentRoutes(hub: HubContext) {
  const app = apiRouter()
  app.openapi(
    apiRoute('orders:read', {
      operationId: 'listFulfilments',
      method: 'get',
      path: '/fulfilments',
      tags: ['orders'],
      summary: 'Fulfilment requests across orders, oldest first, filtered and paged',
      description: [
        'In the order they were requested, each with its lines, tracking and any warehouse hold. An incremental sync passes `updatedSince` (the time its last run began) and reads every page: a request accepted, held, shipped, cancelled, rejected or failed since then is in it.',
        'A channel-scoped key sees its own channel only; naming another in `channel` is 403.',
      ].join('\n'),
      request: { query: listQuery },
      responses: {
        200: json(pageOf(fulfilmentItem), 'A page of fulfilments'),
        400: problem('A filter or the cursor is invalid: `errors` names the parameter'),
        403: problem('`FORBIDDEN_SCOPE`: `channel` names a channel the key is not scoped to'),
      },
    }),
    async (c) => {
      const q = c.req.valid('query')
      const page = await hub.core.orders.fulfilments(filterOf(c.get('principal'), q), {
        ...(q.limit !== undefined ? { limit: q.limit } : {}),
        ...(q.cursor !== undefined ? { cursor: q.cursor } : {}),
      })
      return c.json(page, 200)
    },
  )
  return app
}
