import { roles } from '@switchyard/core'
import { configJsonSchema } from '@switchyard/plugin-sdk'
import { z } from 'zod'
import { apiRoute, apiRouter, json, jsonBody, problem } from '../http/openapi'
import { page, pageOf, pageQuery, updatedSinceQuery } from '../http/paging'
import { ProblemError } from '../http/problem'
import type { HubContext } from '../hub-context'
import { invokePlugin } from '../plugins/invoke'
import { describeInstance } from '../plugins/loader'

/** A "Test connection" waits this long for the partner; a check that outlives it is a failed check. */
const CHECK_DEADLINE_MS = 10_000

const pluginInstance = z
  .object({
    id: z.string(),
    plugin: z.string(),
    source: z.string(),
    kind: z.string(),
    version: z.string(),
    capabilities: z.array(z.string()),
    status: z.string(),
    lastSuccessAt: z.string().nullable(),
    lastErrorAt: z.string().nullable(),
    lastError: z.string().nullable(),
    consecutiveFailures: z.number(),
    openExceptions: z
      .number()
      .meta({ description: 'Open intake exceptions of this instance (orders it sent that wait for a fix)' }),
    webhookUrl: z.string().nullable(),
    canCheck: z
      .boolean()
      .meta({ description: 'The plugin has a live connection check (POST …/{instance}/check)' }),
    configSchema: z
      .record(z.string(), z.unknown())
      .meta({ description: "JSON Schema of the instance's config" }),
    updatedAt: z.string().nullable().meta({
      description:
        'The last change to what this shows: loaded from the config at a start, a call succeeded or failed, an intake exception of it opened or closed. Null for an instance no hub has recorded yet.',
    }),
  })
  .meta({ id: 'PluginInstance' })

/** The later of two instants (ISO text or epoch ms), null when neither is known. */
const later = (a: string | undefined, b: number | undefined): string | null => {
  const ms = Math.max(a ? Date.parse(a) : 0, b ?? 0)
  return ms > 0 ? new Date(ms).toISOString() : null
}

export function pluginRoutes(hub: HubContext) {
  const app = apiRouter()
  app.openapi(
    apiRoute('plugins:read', {
      operationId: 'listPlugins',
      method: 'get',
      path: '/',
      tags: ['plugins'],
      summary: 'Plugin instances with their capabilities and health',
      description:
        'Instances come from the config file; their health and open exceptions change as they work. `updatedSince` keeps the instances whose `updatedAt` is at or after it.',
      request: { query: z.strictObject({ ...pageQuery, ...updatedSinceQuery }) },
      responses: {
        200: json(pageOf(pluginInstance), 'Instances, by id'),
      },
    }),
    async (c) => {
      const health = new Map((await hub.core.pluginInstances.list()).map((h) => [h.id, h]))
      const [open, exceptionsChanged] = await Promise.all([
        hub.core.intakeExceptions.openCountsByInstance(),
        hub.core.intakeExceptions.changedByInstance(),
      ])
      const items = hub.registry.all().map((i) => {
        const h = health.get(i.id)
        return {
          ...describeInstance(i),
          status: h?.status ?? 'active',
          lastSuccessAt: h?.lastSuccessAt ?? null,
          lastErrorAt: h?.lastErrorAt ?? null,
          lastError: h?.lastError ?? null,
          consecutiveFailures: h?.consecutiveFailures ?? 0,
          openExceptions: open.get(i.id) ?? 0,
          webhookUrl: i.definition.capabilities.webhook ? `${hub.settings.publicUrl}/webhooks/${i.id}` : null,
          canCheck: typeof i.definition.check === 'function',
          configSchema: configJsonSchema(i.definition.config),
          updatedAt: later(h?.updatedAt, exceptionsChanged.get(i.id)),
        }
      })
      return c.json(
        page(
          items,
          (i) => i.id,
          c.req.valid('query'),
          (i) => i.updatedAt,
        ),
        200,
      )
    },
  )

  app.openapi(
    apiRoute('plugins:check', {
      operationId: 'checkPlugin',
      method: 'post',
      path: '/{instance}/check',
      tags: ['plugins'],
      summary: "Test connection: runs the plugin's live check against its partner",
      description:
        'A partner that fails the check, or does not answer within 10 s, is `ok: false` with the reason (never a 5xx: the hub is fine, the partner is not). A plugin without a check answers `ok: false` saying so.',
      request: { params: z.strictObject({ instance: z.string().max(64) }) },
      responses: {
        200: json(
          z
            .strictObject({
              ok: z.boolean(),
              message: z.string().nullable().meta({ description: 'Why the check failed; null when ok' }),
              ms: z.number().meta({ description: 'How long the check took' }),
            })
            .meta({ id: 'PluginCheck' }),
          'The outcome',
        ),
        404: problem('`NOT_FOUND`: no such plugin instance'),
      },
    }),
    async (c) => {
      const { instance: id } = c.req.valid('param')
      const instance = hub.registry.get(id)
      if (!instance) throw new ProblemError(404, 'NOT_FOUND', `no plugin instance '${id}'`)
      const check = instance.definition.check
      if (!check)
        return c.json({ ok: false, message: `${instance.definition.id} has no connection check`, ms: 0 }, 200)
      const started = performance.now()
      const ms = () => Math.round(performance.now() - started)
      try {
        const verdict = await invokePlugin(
          instance,
          'check',
          CHECK_DEADLINE_MS,
          (signal) => check.call(instance.definition, hub.contexts(instance, { signal })),
          undefined,
          hub.observePluginCall,
        )
        return c.json({ ok: verdict.ok, message: verdict.ok ? null : verdict.message, ms: ms() }, 200)
      } catch (error) {
        // invokePlugin has already scrubbed secrets from the message and classified a timeout.
        return c.json({ ok: false, message: (error as Error).message, ms: ms() }, 200)
      }
    },
  )
  return app
}

const notFound = problem('`NOT_FOUND`: no such key')

const keyView = z.strictObject({
  keyId: z.string(),
  name: z.string(),
  role: z.enum(roles),
  channelInstanceId: z.string().nullable(),
})

export function keyRoutes(hub: HubContext) {
  const app = apiRouter()
  app.openapi(
    apiRoute('keys:manage', {
      operationId: 'createKey',
      method: 'post',
      path: '/',
      tags: ['keys'],
      summary: 'Create an API key (the key is shown once)',
      request: {
        body: jsonBody(
          z.strictObject({
            name: z.string().min(1).max(200),
            role: z.enum(roles),
            channel: z.string().max(64).optional(),
          }),
        ),
      },
      responses: {
        201: json(keyView.extend({ token: z.string() }), 'Created'),
      },
    }),
    async (c) => {
      const body = c.req.valid('json')
      if (body.channel && hub.registry.get(body.channel)?.definition.kind !== 'channel') {
        throw new ProblemError(422, 'UNKNOWN_CHANNEL', 'unknown channel', [
          { field: 'channel', message: `no channel instance '${body.channel}'` },
        ])
      }
      const key = await hub.core.apiKeys.create({
        name: body.name,
        role: body.role,
        channelInstanceId: body.channel ?? null,
      })
      return c.json(key, 201)
    },
  )
  app.openapi(
    apiRoute('keys:manage', {
      operationId: 'listKeys',
      method: 'get',
      path: '/',
      tags: ['keys'],
      summary: 'List API keys (never the keys themselves)',
      request: { query: z.strictObject({ ...pageQuery, ...updatedSinceQuery }) },
      responses: {
        200: json(
          pageOf(keyView.extend({ createdAt: z.string(), revokedAt: z.string().nullable() })),
          'Keys, by id',
        ),
      },
    }),
    async (c) => {
      return c.json(
        // A key changes when it is made and when it is revoked (its last use is not a change to sync).
        page(
          await hub.core.apiKeys.list(),
          (k) => k.keyId,
          c.req.valid('query'),
          (k) => k.revokedAt ?? k.createdAt,
        ),
        200,
      )
    },
  )
  app.openapi(
    apiRoute('keys:manage', {
      operationId: 'revokeKey',
      method: 'delete',
      path: '/{id}',
      tags: ['keys'],
      summary: 'Revoke an API key',
      description:
        'Every hub of the database refuses the key within a second (the same cache rule as a role change).',
      request: { params: z.strictObject({ id: z.string().uuid() }) },
      responses: { 204: { description: 'Revoked' }, 404: notFound },
    }),
    async (c) => {
      await hub.core.apiKeys.revoke(c.req.valid('param').id)
      return c.body(null, 204)
    },
  )
  app.openapi(
    apiRoute('keys:manage', {
      operationId: 'setKeyRole',
      method: 'patch',
      path: '/{id}',
      tags: ['keys'],
      summary: 'Change the role of an API key',
      description:
        'Takes effect on every hub of the database within a second, as a revocation does: each hub ' +
        'caches key lookups for at most half a second, and a change clears every cache at once ' +
        '(PostgreSQL LISTEN/NOTIFY).',
      request: {
        params: z.strictObject({ id: z.string().uuid() }),
        body: jsonBody(z.strictObject({ role: z.enum(roles) })),
      },
      responses: {
        200: json(keyView, 'The key with its new role'),
        404: notFound,
      },
    }),
    async (c) => {
      const key = await hub.core.apiKeys.setRole(c.req.valid('param').id, c.req.valid('json').role)
      return c.json(key, 200)
    },
  )
  app.openapi(
    apiRoute('keys:manage', {
      operationId: 'rotateKey',
      method: 'post',
      path: '/{id}/rotate',
      tags: ['keys'],
      summary: 'Rotate an API key: a new key now, the old one revoked after a grace period',
      request: {
        params: z.strictObject({ id: z.string().uuid() }),
        body: {
          required: false,
          content: {
            'application/json': {
              schema: z.strictObject({
                graceSeconds: z
                  .number()
                  .int()
                  .min(0)
                  .max(7 * 24 * 3600)
                  .default(0),
              }),
            },
          },
        },
      },
      responses: {
        201: json(keyView.extend({ token: z.string() }), 'The new key'),
        404: notFound,
      },
    }),
    async (c) => {
      const body = c.req.valid('json') ?? { graceSeconds: 0 }
      const key = await hub.core.apiKeys.rotate(c.req.valid('param').id, body.graceSeconds ?? 0)
      return c.json(key, 201)
    },
  )
  return app
}
