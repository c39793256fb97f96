import { availability, availabilityOn } from '@switchyard/core'
import { countryCode, serviceLevelSchema } from '@switchyard/plugin-sdk'
import { z } from 'zod'
import { assertChannelScope, hideOtherChannel } from '../http/auth'
import { entityTag, ifMatchHeader, staleTag, withTag, writeIfMatch } from '../http/etag'
import { apiRoute, apiRouter, json, jsonBody, problem } from '../http/openapi'
import { page, pageOf, pageQuery, updatedSinceQuery } from '../http/paging'
import { ProblemError } from '../http/problem'
import type { HubContext } from '../hub-context'
import { poolView, reservationView, skuAvailability } from './views/stock'

/** Channel pools and caps, reservations, availability, and stock movements. */
export function stockRoutes(hub: HubContext) {
  const app = apiRouter()
  type Pool = z.infer<typeof poolView>
  // What a person sets; `remaining` moves with every allocation and is not part of the tag.
  const poolTag = (p: Pool) =>
    entityTag([
      p.id,
      p.channelInstanceId,
      p.sku,
      p.locationId,
      p.protectedQty,
      p.mayBorrow,
      p.capUnits,
      p.capPercent,
    ])
  const tagged = (p: Pool | undefined) => p && { etag: poolTag(p) }
  const poolById = async (id: string) => (await hub.core.pools.list()).find((p) => p.id === id)
  const poolFor = async (channel: string, sku: string, locationId: string | null) =>
    (await hub.core.pools.list({ channelInstanceId: channel, sku })).find((p) => p.locationId === locationId)
  const poolNotFound = (id: string) => new ProblemError(404, 'NOT_FOUND', `pool '${id}' not found`)
  const channelExists = (id: string, field: string) => {
    if (hub.registry.get(id)?.definition.kind !== 'channel') {
      throw new ProblemError(422, 'UNKNOWN_CHANNEL', `no channel instance '${id}'`, [
        { field, message: `no channel instance '${id}'` },
      ])
    }
  }

  app.openapi(
    apiRoute('inventory:read', {
      operationId: 'getAvailability',
      method: 'get',
      path: '/availability',
      tags: ['inventory'],
      summary:
        'Available-to-promise per sku: per location, in total, and for a channel (its pools and caps applied)',
      description:
        'With a destination (`country`, optionally `postcode`, `region`, `serviceLevel`, `quantity`), each sku also gets `promise`: the earliest delivery date the live sourcing rules would promise for that quantity now (ship date, location, whether transit was estimated), or null when they would hold the order or nothing can ship it whole.',
      request: {
        query: z.strictObject({
          sku: z.string().min(1).max(2000).meta({ description: 'One sku or several, comma-separated' }),
          channel: z.string().max(64).optional(),
          country: countryCode.optional(),
          postcode: z.string().max(20).optional(),
          region: z.string().max(120).optional(),
          serviceLevel: serviceLevelSchema.optional(),
          quantity: z.coerce.number().int().min(1).max(100_000).optional(),
          on: z.iso.date('must be a calendar date, YYYY-MM-DD').optional().meta({
            description:
              'Availability by this day: each location adds the open inbound supply expected there by then (`inbound`, `availableOn`), and `on` gives the total less what backorders wait for',
          }),
        }),
      },
      responses: { 200: json(z.object({ items: z.array(skuAvailability) }), 'Availability') },
    }),
    async (c) => {
      const principal = c.get('principal')
      const q = c.req.valid('query')
      const channel = q.channel ?? principal.channelInstanceId ?? undefined
      if (channel) {
        assertChannelScope(principal, channel)
        channelExists(channel, 'channel')
      }
      const skus = [
        ...new Set(
          q.sku
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
        ),
      ].slice(0, 200)
      const now = await availability(hub.core.db, skus, channel)
      const items = q.on ? await availabilityOn(hub.core.db, hub.core.catalogCache, now, q.on) : now
      if (!q.country) return c.json({ items }, 200)
      const shipTo = {
        line1: '(availability)',
        country: q.country,
        ...(q.postcode ? { postcode: q.postcode } : {}),
        ...(q.region ? { region: q.region } : {}),
      }
      const withPromise = []
      for (const item of items) {
        const promise = await hub.core.simulation.promise({
          channelInstanceId: channel ?? '',
          sku: item.sku,
          quantity: q.quantity ?? 1,
          shipTo,
          serviceLevel: q.serviceLevel ?? 'standard',
          stock: item.locations.map((l) => ({
            sku: item.sku,
            locationId: l.locationId,
            available: l.availableToChannel ?? l.available,
          })),
        })
        withPromise.push({ ...item, promise })
      }
      return c.json({ items: withPromise }, 200)
    },
  )

  app.openapi(
    apiRoute('inventory:read', {
      operationId: 'listPools',
      method: 'get',
      path: '/pools',
      tags: ['inventory'],
      summary: 'Channel pools and caps',
      request: {
        query: z.strictObject({
          channel: z.string().max(64).optional(),
          sku: z.string().max(120).optional(),
          ...pageQuery,
          ...updatedSinceQuery,
        }),
      },
      responses: { 200: json(pageOf(poolView), 'Pools, by id') },
    }),
    async (c) => {
      const principal = c.get('principal')
      const q = c.req.valid('query')
      if (q.channel) assertChannelScope(principal, q.channel)
      const channel = principal.channelInstanceId ?? q.channel
      const items = await hub.core.pools.list({
        ...(channel ? { channelInstanceId: channel } : {}),
        ...(q.sku ? { sku: q.sku } : {}),
      })
      return c.json(
        page(
          items,
          (p) => p.id,
          q,
          (p) => p.updatedAt,
        ),
        200,
      )
    },
  )

  app.openapi(
    apiRoute('inventory:read', {
      operationId: 'getPool',
      method: 'get',
      path: '/pools/{id}',
      tags: ['inventory'],
      summary: 'One channel pool',
      description:
        'The `ETag` header names its settings (not `remaining`, which allocations move): send it back as `If-Match` when changing or removing the pool.',
      request: { params: z.strictObject({ id: z.string().uuid() }) },
      responses: { 200: withTag(json(poolView, 'The pool')), 404: problem('`NOT_FOUND`') },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const pool = await poolById(id)
      if (!pool) throw poolNotFound(id)
      hideOtherChannel(c.get('principal'), pool.channelInstanceId, () => poolNotFound(id))
      c.header('etag', poolTag(pool))
      return c.json(pool, 200)
    },
  )

  app.openapi(
    apiRoute('inventory:write', {
      operationId: 'putPool',
      method: 'put',
      path: '/pools',
      tags: ['inventory'],
      summary: 'Create or refill a channel pool (protected stock) and set its caps',
      description:
        'A pool at a location protects units there; without a location it protects units network-wide. Setting protectedQty refills the pool to that many units.',
      request: {
        headers: ifMatchHeader,
        body: jsonBody(
          z.strictObject({
            channel: z.string().min(1).max(64),
            sku: z.string().min(1).max(120),
            locationId: z.string().min(1).max(64).nullable().optional(),
            protectedQty: z.number().int().min(0).max(100_000_000),
            mayBorrow: z.boolean().optional(),
            capUnits: z.number().int().min(0).nullable().optional(),
            capPercent: z.number().min(0).max(100).nullable().optional(),
          }),
        ),
      },
      responses: { 200: withTag(json(poolView, 'The pool')), 412: staleTag },
    }),
    async (c) => {
      const b = c.req.valid('json')
      channelExists(b.channel, 'channel')
      const locationId = b.locationId ?? null
      // If-Match names the pool this body addresses (its channel, sku and location).
      const pool = await writeIfMatch(
        c.req.header('if-match'),
        `pool for ${b.channel}/${b.sku}${locationId ? ` at ${locationId}` : ''}`,
        async () => tagged(await poolFor(b.channel, b.sku, locationId)),
        () =>
          hub.core.pools.upsert({
            channelInstanceId: b.channel,
            sku: b.sku,
            locationId,
            protectedQty: b.protectedQty,
            ...(b.mayBorrow !== undefined ? { mayBorrow: b.mayBorrow } : {}),
            capUnits: b.capUnits ?? null,
            capPercent: b.capPercent ?? null,
          }),
        hub.core.db,
      )
      c.header('etag', poolTag(pool))
      return c.json(pool, 200)
    },
  )

  app.openapi(
    apiRoute('inventory:write', {
      operationId: 'deletePool',
      method: 'delete',
      path: '/pools/{id}',
      tags: ['inventory'],
      summary: 'Remove a pool; its protected units go back to shared stock',
      request: { params: z.strictObject({ id: z.string().uuid() }), headers: ifMatchHeader },
      responses: { 204: { description: 'Removed' }, 412: staleTag },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      await writeIfMatch(
        c.req.header('if-match'),
        `pool '${id}'`,
        async () => tagged(await poolById(id)),
        () => hub.core.pools.remove(id),
        hub.core.db,
      )
      return c.body(null, 204)
    },
  )

  app.openapi(
    apiRoute('orders:write', {
      operationId: 'createReservation',
      method: 'post',
      path: '/reservations',
      tags: ['inventory'],
      summary:
        'Hold stock for a cart or POS for a while; an order citing the reservation turns it into its allocation',
      request: {
        body: jsonBody(
          z.strictObject({
            channel: z.string().min(1).max(64),
            lines: z
              .array(
                z.strictObject({
                  sku: z.string().min(1).max(120),
                  quantity: z.number().int().positive().max(100_000),
                }),
              )
              .min(1)
              .max(200),
            ttlSeconds: z
              .number()
              .int()
              .min(1)
              .max(7 * 24 * 3600),
            reference: z.string().max(200).optional(),
          }),
        ),
      },
      responses: { 201: json(reservationView, 'Held') },
    }),
    async (c) => {
      const principal = c.get('principal')
      const b = c.req.valid('json')
      assertChannelScope(principal, b.channel)
      channelExists(b.channel, 'channel')
      const r = await hub.core.reservations.create({
        channelInstanceId: b.channel,
        lines: b.lines,
        ttlSeconds: b.ttlSeconds,
        ...(b.reference ? { reference: b.reference } : {}),
      })
      return c.json(r, 201)
    },
  )

  app.openapi(
    apiRoute('orders:read', {
      operationId: 'getReservation',
      method: 'get',
      path: '/reservations/{id}',
      tags: ['inventory'],
      summary: 'One reservation',
      request: { params: z.strictObject({ id: z.string().uuid() }) },
      responses: {
        200: json(reservationView, 'The reservation'),
        404: problem("`RESERVATION_NOT_FOUND` (also another channel's, for a scoped key)"),
      },
    }),
    async (c) => {
      const principal = c.get('principal')
      const r = await hub.core.reservations.get(c.req.valid('param').id)
      hideOtherChannel(
        principal,
        r.channelInstanceId,
        () => new ProblemError(404, 'RESERVATION_NOT_FOUND', 'reservation not found'),
      )
      return c.json(r, 200)
    },
  )

  app.openapi(
    apiRoute('orders:write', {
      operationId: 'releaseReservation',
      method: 'delete',
      path: '/reservations/{id}',
      tags: ['inventory'],
      summary: 'Release a reservation before it expires',
      request: { params: z.strictObject({ id: z.string().uuid() }) },
      responses: {
        200: json(reservationView, 'Released'),
        404: problem("`RESERVATION_NOT_FOUND` (also another channel's, for a scoped key)"),
        409: problem(
          '`RESERVATION_CLOSED`: the reservation is no longer active (converted, released or expired)',
        ),
      },
    }),
    async (c) => {
      const principal = c.get('principal')
      const r = await hub.core.reservations.release(c.req.valid('param').id, principal.channelInstanceId)
      return c.json(r, 200)
    },
  )

  app.openapi(
    apiRoute('inventory:write', {
      operationId: 'applyInventoryAdjustments',
      method: 'post',
      path: '/inventory/adjustments',
      tags: ['inventory'],
      summary: 'Stock movements (received, counted, lost), each applied once by its event id',
      request: {
        body: jsonBody(
          z.strictObject({
            source: z.string().min(1).max(64).default('api'),
            events: z
              .array(
                z.strictObject({
                  eventId: z.string().min(1).max(200),
                  sku: z.string().min(1).max(120),
                  locationId: z.string().min(1).max(64),
                  delta: z
                    .number()
                    .int()
                    .min(-100_000_000)
                    .max(100_000_000)
                    .refine((d) => d !== 0, 'must not be zero'),
                  occurredAt: z.iso.datetime({ offset: true }).optional(),
                  reason: z.string().max(200).optional(),
                }),
              )
              .min(1)
              .max(10_000),
          }),
        ),
      },
      responses: {
        200: json(z.object({ applied: z.number(), duplicate: z.number() }), 'Applied'),
      },
    }),
    async (c) => {
      const b = c.req.valid('json')
      return c.json(await hub.core.inventory.applyAdjustments(b.source, b.events), 200)
    },
  )
  return app
}
