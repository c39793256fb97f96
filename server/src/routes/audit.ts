import { z } from 'zod'
import { apiRoute, apiRouter, json } from '../http/openapi'
import type { HubContext } from '../hub-context'

const auditEntry = z
  .object({
    id: z.string(),
    at: z.string(),
    keyId: z.string(),
    keyName: z.string().meta({ description: "The key's name when it wrote: who, as people call it" }),
    role: z.string(),
    channelScope: z.string().nullable(),
    method: z.string(),
    path: z.string(),
    route: z.string().meta({ description: 'The route pattern: what kind of write' }),
    status: z.number().int(),
    requestId: z.string().nullable(),
    request: z.unknown().meta({ description: 'The body sent (JSON), secrets masked' }),
    before: z.unknown().meta({ description: 'The resource before a change to an existing one' }),
    after: z.unknown().meta({ description: 'The resource after, or what a create answered' }),
  })
  .meta({ id: 'AuditEntry' })

/** The audit trail: every write made through the API, newest first. Admins only. */
export function auditRoutes(hub: HubContext) {
  const app = apiRouter()
  app.openapi(
    apiRoute('audit:read', {
      operationId: 'listAudit',
      method: 'get',
      path: '/',
      tags: ['audit'],
      summary: 'Who changed what: every write through the API, newest first',
      request: {
        query: z.strictObject({
          key: z.string().max(64).optional().meta({ description: 'Writes of this API key id' }),
          method: z.enum(['POST', 'PUT', 'PATCH', 'DELETE']).optional(),
          path: z
            .string()
            .max(500)
            .optional()
            .meta({ description: 'Paths starting with this, e.g. /api/v1/rules' }),
          since: z.iso.datetime({ offset: true }).optional(),
          until: z.iso.datetime({ offset: true }).optional(),
          limit: z.coerce.number().int().min(1).max(200).optional(),
          cursor: z.string().max(400).optional(),
        }),
      },
      responses: {
        200: json(
          z.object({ items: z.array(auditEntry), nextCursor: z.string().nullable() }),
          'A page of entries',
        ),
      },
    }),
    async (c) => {
      const q = c.req.valid('query')
      const page = await hub.core.audit.list({
        ...(q.key ? { keyId: q.key } : {}),
        ...(q.method ? { method: q.method } : {}),
        ...(q.path ? { path: q.path } : {}),
        ...(q.since ? { since: Date.parse(q.since) } : {}),
        ...(q.until ? { until: Date.parse(q.until) } : {}),
        ...(q.limit ? { limit: q.limit } : {}),
        ...(q.cursor ? { cursor: q.cursor } : {}),
      })
      return c.json(page, 200)
    },
  )
  return app
}
