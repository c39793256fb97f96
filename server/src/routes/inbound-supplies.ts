import { inboundStatuses } from '@switchyard/core'
import { z } from 'zod'
import { apiRoute, apiRouter, json, jsonBody, problem } from '../http/openapi'
import type { HubContext } from '../hub-context'

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date, YYYY-MM-DD')
  .refine(
    (d) =>
      !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    'must be a real calendar date',
  )

const supplyView = z
  .object({
    id: z.string(),
    sku: z.string(),
    locationId: z.string(),
    quantityExpected: z.number(),
    quantityReceived: z.number(),
    expectedDate: z.string(),
    status: z.enum(inboundStatuses),
    source: z.string().meta({ description: '`api`, or the plugin instance whose `inbound.expected` it was' }),
    externalRef: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'InboundSupply' })

const idParam = z.strictObject({ id: z.string().min(1).max(64) })

/**
 * Future supply (issue 20): purchase orders and inbound shipments expected at a location on a date.
 * Backordered orders are promised from them, first come first served; a delay moves those promises
 * and tells the channels; a receipt puts the units on hand and routes the backorders again.
 */
export function inboundSupplyRoutes(hub: HubContext) {
  const app = apiRouter()
  app.openapi(
    apiRoute('inventory:write', {
      operationId: 'expectInboundSupply',
      method: 'post',
      path: '/',
      tags: ['inventory'],
      summary: 'Record a purchase order or inbound shipment expected at a location',
      description:
        'The same `externalRef` again (from the API) updates that supply: a new `expectedDate` moves the promises it carries, ' +
        'a new `quantity` changes what it brings (never below what was received). Backordered orders of the sku are promised ' +
        'again at once: in order of placement, each gets the date of the supply that completes it, and its channel hears the ' +
        'date (`promiseDate` on an order status update). A kit is refused (supply its components).',
      request: {
        body: jsonBody(
          z.strictObject({
            sku: z.string().min(1).max(120),
            locationId: z.string().min(1).max(64),
            quantity: z.number().int().min(1).max(10_000_000),
            expectedDate: day.meta({ description: "The location's local day the supply is expected" }),
            externalRef: z.string().min(1).max(120).optional().meta({ description: 'PO or ASN number' }),
          }),
        ),
      },
      responses: {
        200: json(supplyView, 'The supply with this reference, updated'),
        201: json(supplyView, 'The supply is recorded'),
        409: problem('`CONFLICT`: the reference names supply of another sku or location'),
        422: problem('`UNKNOWN_REFERENCE`: no such sku or location, or the sku is a kit'),
      },
    }),
    async (c) => {
      const body = c.req.valid('json')
      const { supply, created } = await hub.core.inboundSupply.expect({ ...body, source: 'api' })
      return created ? c.json(supply, 201) : c.json(supply, 200)
    },
  )
  app.openapi(
    apiRoute('inventory:read', {
      operationId: 'listInboundSupplies',
      method: 'get',
      path: '/',
      tags: ['inventory'],
      summary: 'List inbound supply, oldest first',
      request: {
        query: z.strictObject({
          sku: z.string().min(1).max(120).optional(),
          locationId: z.string().min(1).max(64).optional(),
          status: z.enum(inboundStatuses).optional(),
          limit: z.coerce.number().int().min(1).max(1000).optional(),
          cursor: z.string().max(400).optional(),
        }),
      },
      responses: {
        200: json(
          z.strictObject({ items: z.array(supplyView), nextCursor: z.string().nullable() }),
          'A page of inbound supply',
        ),
      },
    }),
    async (c) => c.json(await hub.core.inboundSupply.list(c.req.valid('query')), 200),
  )
  app.openapi(
    apiRoute('inventory:read', {
      operationId: 'getInboundSupply',
      method: 'get',
      path: '/{id}',
      tags: ['inventory'],
      summary: 'One inbound supply',
      request: { params: idParam },
      responses: {
        200: json(supplyView, 'The supply'),
        404: problem('`INBOUND_SUPPLY_NOT_FOUND`'),
      },
    }),
    async (c) => c.json(await hub.core.inboundSupply.get(c.req.valid('param').id), 200),
  )
  app.openapi(
    apiRoute('inventory:write', {
      operationId: 'delayInboundSupply',
      method: 'post',
      path: '/{id}/delay',
      tags: ['inventory'],
      summary: 'Move the date an inbound supply is expected',
      description:
        'A delay (or an earlier arrival): backordered orders are promised again from the supply as it now stands, ' +
        'and each order whose promise date moved has it in its history (`order.promise_moved`) and its channel hears the new date.',
      request: {
        params: idParam,
        body: jsonBody(z.strictObject({ expectedDate: day })),
      },
      responses: {
        200: json(supplyView, 'The supply, with its new date'),
        404: problem('`INBOUND_SUPPLY_NOT_FOUND`'),
        409: problem('`INBOUND_SUPPLY_CLOSED`: received in full or cancelled'),
      },
    }),
    async (c) =>
      c.json(
        await hub.core.inboundSupply.reschedule(c.req.valid('param').id, c.req.valid('json').expectedDate),
        200,
      ),
  )
  app.openapi(
    apiRoute('inventory:write', {
      operationId: 'cancelInboundSupply',
      method: 'post',
      path: '/{id}/cancel',
      tags: ['inventory'],
      summary: 'Cancel an inbound supply that will not come',
      description:
        'What it still brought no longer counts: backordered orders are promised again from the supply left (or get no ' +
        'promise), each whose date moved has it in its history and its channel hears it. Units already received stay on hand.',
      request: { params: idParam },
      responses: {
        200: json(supplyView, 'The supply, cancelled'),
        404: problem('`INBOUND_SUPPLY_NOT_FOUND`'),
        409: problem('`INBOUND_SUPPLY_CLOSED`: received in full or cancelled already'),
      },
    }),
    async (c) => c.json(await hub.core.inboundSupply.cancel(c.req.valid('param').id), 200),
  )
  app.openapi(
    apiRoute('inventory:write', {
      operationId: 'receiveInboundSupply',
      method: 'post',
      path: '/{id}/receive',
      tags: ['inventory'],
      summary: 'Receive units of an inbound supply at its location',
      description:
        'The units go on hand at the location in the same transaction (once per `eventId`: a repeated receipt adds nothing), ' +
        'then backordered orders and pre-orders route again in order of placement (first come, first served), and those ' +
        'still waiting are promised again. The supply is `received` once everything expected came.',
      request: {
        params: idParam,
        body: jsonBody(
          z.strictObject({
            quantity: z.number().int().min(1).max(10_000_000),
            eventId: z.string().min(1).max(120).optional(),
          }),
        ),
      },
      responses: {
        200: json(supplyView, 'The supply after the receipt'),
        404: problem('`INBOUND_SUPPLY_NOT_FOUND`'),
        409: problem('`INBOUND_SUPPLY_CLOSED`: received in full or cancelled'),
        422: problem('`RECEIVE_TOO_MUCH`: more than it still brings'),
      },
    }),
    async (c) => {
      const { quantity, eventId } = c.req.valid('json')
      return c.json(await hub.core.inboundSupply.receive(c.req.valid('param').id, quantity, eventId), 200)
    },
  )
  return app
}
