import { locationTypes } from '@switchyard/core'
import { countryCode } from '@switchyard/plugin-sdk'
import { z } from 'zod'
import { entityTag, existing, ifMatchHeader, staleTag, withTag, writeIfMatch } from '../http/etag'
import { apiRoute, apiRouter, json, jsonBody } from '../http/openapi'
import { page, pageOf, pageQuery, updatedSinceQuery } from '../http/paging'
import { ProblemError } from '../http/problem'
import { weekdaySet } from '../http/weekdays'
import type { HubContext } from '../hub-context'

const productSchema = z
  .object({
    sku: z.string().min(1).max(120),
    name: z.string().min(1).max(300),
    category: z.string().max(120).nullable().optional(),
    hazmat: z.boolean().optional(),
    highValue: z.boolean().optional(),
    weightGrams: z.number().int().min(0).nullable().optional(),
    attributes: z.record(z.string(), z.unknown()).optional(),
    tags: z
      .array(z.string().trim().min(1).max(60))
      .max(50)
      .optional()
      .meta({
        description:
          'Labels rules test as `line.tags` and `order.productTags` (e.g. fragile, lithium), each once. Kept when omitted; none for a new product.',
        example: ['fragile', 'gift'],
      }),
    preorder: z.boolean().optional().meta({
      description:
        'Sold ahead against inbound supply when out of stock: an order is taken as a backorder promised for the supply it is sold against, and refused (PREORDER_CAP_REACHED) when no open inbound supply has room. Kept when omitted; false for a new product.',
    }),
    preorderCap: z.number().int().min(0).nullable().optional().meta({
      description:
        'Units of each inbound supply that pre-orders may take (null: all it brings). Kept when omitted.',
    }),
  })
  .meta({ id: 'Product' })

const locationSchema = z
  .object({
    name: z.string().min(1).max(200),
    type: z.enum(locationTypes),
    line1: z.string().max(300).nullable().optional(),
    city: z.string().max(120).nullable().optional(),
    region: z.string().max(120).nullable().optional(),
    postcode: z.string().max(20).nullable().optional(),
    country: countryCode,
    lat: z.number().min(-90).max(90),
    lon: z.number().min(-180).max(180),
    timezone: z.string().refine((tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz })
        return true
      } catch {
        return false
      }
    }, 'must be an IANA time zone such as Pacific/Auckland'),
    tags: z.array(z.string().min(1).max(60)).max(50).optional(),
    dailyCapacity: z.number().int().min(0).nullable().optional(),
    cutoffTime: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (24-hour, local time)')
      .optional()
      .meta({
        description:
          'Local time (HH:MM) after which an order ships on the next ship day. Default 15:00 for a new location; kept when omitted.',
      }),
    shipDays: weekdaySet(1, 7)
      .optional()
      .meta({
        description:
          "Weekdays the location hands parcels to carriers (mon…sun), each once; returned Monday first. An order placed after the cut-off, or on another day, ships on the next ship day that is not a holiday of the lane's carrier calendar. Default Monday to Friday for a new location; kept when omitted.",
        example: ['mon', 'tue', 'wed', 'thu', 'fri'],
      }),
    handlingDays: z
      .number()
      .int()
      .min(0)
      .max(30)
      .optional()
      .meta({ description: 'Ship days between the day an order is taken and the day it ships' }),
    active: z.boolean().optional(),
    acceptsReturns: z.boolean().optional(),
    acceptsPickup: z.boolean().optional().meta({
      description:
        'Click and collect: customers may collect orders here (an order with deliveryMethod pickup and this pickupLocationId). Default false for a new location; kept when omitted.',
    }),
    priority: z.number().int().min(0).max(10_000).optional(),
    wmsInstanceId: z.string().max(64).nullable().optional(),
    shipmentFeeMinor: z.number().int().min(0).max(100_000_000).optional().meta({
      description:
        "Added to the shipping cost of every shipment from here, in minor units of its lanes' currency: a drop-ship supplier's fee per purchase order, which routing weighs with the lane's cost. Default 0; kept when omitted.",
    }),
    feedMaxAgeHours: z.number().int().min(1).max(8760).nullable().optional().meta({
      description:
        "Stock whose newest feed snapshot (a WMS's or a drop-ship supplier's inventory report) is older than this many hours is not sold here until a fresh one arrives (GET /inventory shows each row's feedAsOf and feedStale). Null: stock never ages. Kept when omitted.",
    }),
  })
  .meta({ id: 'Location' })

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null)

export function productRoutes(hub: HubContext) {
  const app = apiRouter()
  app.openapi(
    apiRoute('catalog:read', {
      operationId: 'listProducts',
      method: 'get',
      path: '/',
      tags: ['catalog'],
      summary: 'List products by sku',
      request: {
        query: z.strictObject({
          limit: z.coerce.number().int().min(1).max(1000).optional(),
          cursor: z.string().max(400).optional(),
          ...updatedSinceQuery,
        }),
      },
      responses: {
        200: json(
          z.strictObject({ items: z.array(productSchema), nextCursor: z.string().nullable() }),
          'A page of products',
        ),
      },
    }),
    async (c) => {
      const { updatedSince, ...q } = c.req.valid('query')
      const page = await hub.core.catalog.listProducts({
        ...q,
        ...(updatedSince ? { updatedSince: Date.parse(updatedSince) } : {}),
      })
      return c.json(
        {
          items: page.items.map((p) => ({ ...p, createdAt: iso(p.createdAt), updatedAt: iso(p.updatedAt) })),
          nextCursor: page.nextCursor,
        },
        200,
      )
    },
  )
  app.openapi(
    apiRoute('catalog:read', {
      operationId: 'getProduct',
      method: 'get',
      path: '/{sku}',
      tags: ['catalog'],
      summary: 'One product',
      request: { params: z.strictObject({ sku: z.string().min(1).max(120) }) },
      responses: {
        200: json(productSchema, 'The product'),
      },
    }),
    async (c) => {
      const p = await hub.core.catalog.getProduct(c.req.valid('param').sku)
      return c.json({ ...p, createdAt: iso(p.createdAt), updatedAt: iso(p.updatedAt) }, 200)
    },
  )
  app.openapi(
    apiRoute('catalog:write', {
      operationId: 'upsertProducts',
      method: 'put',
      path: '/',
      tags: ['catalog'],
      summary: 'Create or update products in bulk',
      request: {
        body: jsonBody(z.strictObject({ items: z.array(productSchema).min(1).max(5000) })),
      },
      responses: {
        200: json(z.strictObject({ upserted: z.number() }), 'Upserted'),
      },
    }),
    async (c) => {
      const upserted = await hub.core.catalog.upsertProducts(c.req.valid('json').items)
      return c.json({ upserted }, 200)
    },
  )
  return app
}

export function locationRoutes(hub: HubContext) {
  const app = apiRouter()
  const view = (l: Awaited<ReturnType<HubContext['core']['catalog']['getLocation']>>) => ({
    ...l,
    createdAt: iso(l.createdAt),
    updatedAt: iso(l.updatedAt),
  })
  const tagged = async (id: string) => {
    const location = await existing(() => hub.core.catalog.getLocation(id))
    return location && { etag: entityTag(view(location)), updatedAt: iso(location.updatedAt) }
  }
  app.openapi(
    apiRoute('catalog:read', {
      operationId: 'listLocations',
      method: 'get',
      path: '/',
      tags: ['catalog'],
      summary: 'List locations',
      request: { query: z.strictObject({ ...pageQuery, ...updatedSinceQuery }) },
      responses: {
        200: json(pageOf(locationSchema.extend({ id: z.string() })), 'Locations, by id'),
      },
    }),
    async (c) => {
      return c.json(
        page(
          (await hub.core.catalog.listLocations()).map(view),
          (l) => l.id,
          c.req.valid('query'),
          (l) => l.updatedAt,
        ),
        200,
      )
    },
  )
  app.openapi(
    apiRoute('catalog:read', {
      operationId: 'getLocation',
      method: 'get',
      path: '/{id}',
      tags: ['catalog'],
      summary: 'One location',
      description:
        'The `ETag` header names this state: send it back as `If-Match` when replacing the location.',
      request: { params: z.strictObject({ id: z.string().min(1).max(64) }) },
      responses: {
        200: withTag(json(locationSchema.extend({ id: z.string() }), 'The location')),
      },
    }),
    async (c) => {
      const location = view(await hub.core.catalog.getLocation(c.req.valid('param').id))
      c.header('etag', entityTag(location))
      return c.json(location, 200)
    },
  )
  app.openapi(
    apiRoute('catalog:write', {
      operationId: 'putLocation',
      method: 'put',
      path: '/{id}',
      tags: ['catalog'],
      summary: 'Create or replace a location',
      request: {
        params: z.strictObject({
          id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lower-case letters, digits and dashes'),
        }),
        headers: ifMatchHeader,
        body: jsonBody(locationSchema),
      },
      responses: {
        200: withTag(json(locationSchema.extend({ id: z.string() }), 'Saved')),
        412: staleTag,
      },
    }),
    async (c) => {
      const body = c.req.valid('json')
      if (body.wmsInstanceId && hub.registry.get(body.wmsInstanceId)?.definition.kind !== 'wms') {
        throw new ProblemError(422, 'VALIDATION_FAILED', 'unknown WMS instance', [
          { field: 'wmsInstanceId', message: `no WMS plugin instance '${body.wmsInstanceId}'` },
        ])
      }
      const { id } = c.req.valid('param')
      await writeIfMatch(
        c.req.header('if-match'),
        `location '${id}'`,
        () => tagged(id),
        () => hub.core.catalog.upsertLocation({ ...body, id }),
        hub.core.db,
      )
      // Read back, so the answer and its tag are what the next GET gives.
      const saved = view(await hub.core.catalog.getLocation(id))
      c.header('etag', entityTag(saved))
      return c.json(saved, 200)
    },
  )
  return app
}

export function inventoryRoutes(hub: HubContext) {
  const app = apiRouter()
  const level = z.strictObject({
    sku: z.string(),
    locationId: z.string(),
    onHand: z.number(),
    allocated: z.number(),
    reserved: z.number(),
    safetyStock: z.number(),
    available: z.number().meta({ description: 'What may be sold here: 0 while the feed is stale' }),
    updatedAt: z.string(),
    feedAsOf: z.string().nullable().meta({
      description:
        "asOf of the newest feed snapshot applied (a WMS's or a drop-ship supplier's report); null when none",
    }),
    feedStale: z.boolean().meta({
      description:
        "True when the location's feedMaxAgeHours has passed since feedAsOf: the row is not sold until a fresh snapshot arrives",
    }),
  })
  app.openapi(
    apiRoute('inventory:read', {
      operationId: 'listInventory',
      method: 'get',
      path: '/',
      tags: ['inventory'],
      summary: 'Stock levels by sku and location, in that order, a page at a time',
      description:
        'Cursor-paged (`limit` up to 5,000, default 500; follow `nextCursor`). `updatedSince` keeps levels changed at or after that instant: an incremental sync reads every page since its last run.',
      request: {
        query: z.strictObject({
          sku: z.string().max(120).optional(),
          location: z.string().max(64).optional(),
          updatedSince: z.iso.datetime({ offset: true }).optional(),
          limit: z.coerce.number().int().min(1).max(5000).optional(),
          cursor: z.string().max(1000).optional(),
        }),
      },
      responses: {
        200: json(
          z.strictObject({ items: z.array(level), nextCursor: z.string().nullable() }),
          'A page of levels',
        ),
      },
    }),
    async (c) => {
      const q = c.req.valid('query')
      const page = await hub.core.inventory.levels({
        ...(q.sku ? { sku: q.sku } : {}),
        ...(q.location ? { locationId: q.location } : {}),
        ...(q.updatedSince ? { updatedSince: Date.parse(q.updatedSince) } : {}),
        ...(q.limit ? { limit: q.limit } : {}),
        ...(q.cursor ? { cursor: q.cursor } : {}),
      })
      return c.json(page, 200)
    },
  )
  app.openapi(
    apiRoute('inventory:write', {
      operationId: 'setInventory',
      method: 'put',
      path: '/',
      tags: ['inventory'],
      summary: 'Set on-hand (and safety stock) for many sku × location pairs, all or nothing',
      request: {
        body: jsonBody(
          z.strictObject({
            items: z
              .array(
                z.strictObject({
                  sku: z.string().min(1).max(120),
                  locationId: z.string().min(1).max(64),
                  onHand: z.number().int().min(0).max(100_000_000),
                  safetyStock: z.number().int().min(0).max(100_000_000).optional(),
                }),
              )
              .min(1)
              .max(10_000),
          }),
        ),
      },
      responses: {
        200: json(z.strictObject({ upserted: z.number() }), 'Applied'),
      },
    }),
    async (c) => {
      return c.json({ upserted: await hub.core.inventory.upsert(c.req.valid('json').items) }, 200)
    },
  )
  return app
}
