import { serviceLevels } from '@switchyard/plugin-sdk'
import { z } from 'zod'
import { apiRoute, apiRouter, json, jsonBody } from '../http/openapi'
import { page, pageOf, pageQuery, updatedSinceQuery } from '../http/paging'
import { weekdaySet } from '../http/weekdays'
import type { HubContext } from '../hub-context'
import { carrierCalendar, carrierLane } from './views/rules'

const written = json(z.object({ written: z.number() }), 'Count written')

const laneSchema = z.strictObject({
  id: z.string().min(1).max(64),
  carrier: z.string().min(1).max(100),
  serviceLevel: z.enum(serviceLevels),
  originLocationId: z.string().max(64).nullable().optional(),
  destCountry: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code'),
  destRegion: z.string().max(120).nullable().optional(),
  destPostcodePrefix: z.string().max(20).nullable().optional(),
  transitDays: z.number().int().min(0).max(60),
  cost: z.string().regex(/^\d+(\.\d+)?$/, 'a decimal amount such as 8.50'),
  currency: z.string().regex(/^[A-Z]{3}$/),
  calendarId: z.string().max(64).nullable().optional(),
})
const calendarSchema = z.strictObject({
  id: z.string().min(1).max(64),
  name: z.string().min(1).max(200),
  nonDeliveryDays: weekdaySet(0, 6).meta({
    description:
      'Weekdays the carrier does not deliver (mon…sun), each once, at most six: promise dates skip them as they skip holidays. Lanes without a calendar, and estimated transit, skip Saturday and Sunday.',
  }),
  holidays: z.array(z.iso.date()).max(1000),
})

/** Carrier lanes and calendars, under /rules: what promise dates and shipping costs are computed from. */
export function carrierRoutes(hub: HubContext) {
  const app = apiRouter()
  const core = hub.core

  app.openapi(
    apiRoute('rules:read', {
      operationId: 'listCarrierLanes',
      method: 'get',
      path: '/carrier-lanes',
      tags: ['rules'],
      summary: 'Carrier lanes: transit and cost per destination zone',
      request: { query: z.strictObject({ ...pageQuery, ...updatedSinceQuery }) },
      responses: { 200: json(pageOf(carrierLane), 'Lanes, by id') },
    }),
    async (c) => {
      return c.json(
        page(
          await core.carrierNetwork.listLanes(),
          (l) => l.id,
          c.req.valid('query'),
          (l) => l.updatedAt,
        ),
        200,
      )
    },
  )
  app.openapi(
    apiRoute('rules:write', {
      operationId: 'putCarrierLanes',
      method: 'put',
      path: '/carrier-lanes',
      tags: ['rules'],
      summary: 'Create or replace lanes by id',
      request: {
        body: jsonBody(z.strictObject({ items: z.array(laneSchema).min(1).max(5000) })),
      },
      responses: { 200: written },
    }),
    async (c) => {
      const written = await core.carrierNetwork.upsertLanes(c.req.valid('json').items)
      core.routingConfig.invalidate()
      return c.json({ written }, 200)
    },
  )
  app.openapi(
    apiRoute('rules:read', {
      operationId: 'listCarrierCalendars',
      method: 'get',
      path: '/carrier-calendars',
      tags: ['rules'],
      summary: 'Carrier calendars: non-delivery days and holidays',
      request: { query: z.strictObject({ ...pageQuery, ...updatedSinceQuery }) },
      responses: { 200: json(pageOf(carrierCalendar), 'Calendars, by id') },
    }),
    async (c) => {
      return c.json(
        page(
          await core.carrierNetwork.listCalendars(),
          (l) => l.id,
          c.req.valid('query'),
          (l) => l.updatedAt,
        ),
        200,
      )
    },
  )
  app.openapi(
    apiRoute('rules:write', {
      operationId: 'putCarrierCalendars',
      method: 'put',
      path: '/carrier-calendars',
      tags: ['rules'],
      summary: 'Create or replace calendars by id',
      request: {
        body: jsonBody(z.strictObject({ items: z.array(calendarSchema).min(1).max(500) })),
      },
      responses: { 200: written },
    }),
    async (c) => {
      const written = await core.carrierNetwork.upsertCalendars(c.req.valid('json').items)
      core.routingConfig.invalidate()
      return c.json({ written }, 200)
    },
  )
  return app
}
