import { locationTypes, weekdays } from '@switchyard/core'
import { actionTypes, criteria, decoratorsByType, factCatalog, operatorsByType } from '@switchyard/core/rules'
import { canonicalOrderSchema, deliveryMethods, serviceLevels } from '@switchyard/plugin-sdk'
import { z } from 'zod'
import { ifMatchHeader } from '../http/etag'
import { apiRoute, apiRouter, json, jsonBody, problem } from '../http/openapi'
import { page, pageOf, pageQuery, updatedSinceQuery } from '../http/paging'
import { ProblemError, zodFieldIssues } from '../http/problem'
import type { HubContext } from '../hub-context'
import {
  backtest,
  ruleFacts,
  ruleSetVersion,
  ruleSetView,
  ruleSetWithVersions,
  simulation,
  validationReport,
  versionWithValidation,
} from './views/rules'

const setNotFound = problem('`RULE_SET_NOT_FOUND`')
const versionNotFound = problem('`RULE_SET_NOT_FOUND` or `VERSION_NOT_FOUND`')
const notDraft = problem('`VERSION_NOT_DRAFT`: published and archived versions are immutable')

const setParam = z.strictObject({ id: z.string().min(1).max(64) })
const versionParam = z.strictObject({ id: z.string().min(1).max(64), v: z.coerce.number().int().min(1) })
const versionBody = z.strictObject({
  rules: z.array(z.unknown()).max(10_000).meta({ description: 'json-rules-engine rules (RuleProperties[])' }),
  graph: z.unknown().optional().meta({ description: "The editor's graph document, stored as sent" }),
  settings: z
    .strictObject({ timezone: z.string().max(64).optional() })
    .nullable()
    .optional(),
  author: z.string().max(200).nullable().optional().meta({
    description:
      "Ignored: a version records the name of the API key that wrote it (kept so older clients' bodies still validate)",
  }),
  comment: z.string().max(2000).nullable().optional(),
})
const iana = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz })
    return true
  } catch {
    return false
  }
}, 'must be an IANA time zone such as Pacific/Auckland')

/**
 * Rule sets and the sourcing engine's data: facts for the editor, versions (draft → published →
 * archived), validation, simulation and backtest.
 */
/** A success that carries the saved state's ETag. */
const withTag = <R extends { description: string }>(response: R) => ({
  ...response,
  headers: z.object({ etag: z.string().meta({ description: 'The saved state; send it as If-Match' }) }),
})

const staleTag = problem(
  '`PRECONDITION_FAILED`: `If-Match` names a state that is no longer current; `details.current` says what it is now',
)

export function ruleRoutes(hub: HubContext) {
  const app = apiRouter()
  const core = hub.core

  app.openapi(
    apiRoute('rules:read', {
      operationId: 'getRuleFacts',
      method: 'get',
      path: '/facts',
      tags: ['rules'],
      summary: 'Facts rules may test, with types, operators and live value lists',
      responses: { 200: json(ruleFacts, 'The fact catalogue') },
    }),
    async (c) => {
      const [locations, categories, productTags, tiers, segments, lanes, recent] = await Promise.all([
        core.catalog.listLocations(),
        core.catalog.categories(),
        core.catalog.productTags(),
        core.customers.tiers(),
        core.customers.segments(),
        core.carrierNetwork.listLanes(),
        core.orders.recentValues(),
      ])
      const tags = [...new Set(locations.flatMap((l) => l.tags))].sort()
      const countries = [
        ...new Set([
          ...locations.map((l) => l.country),
          ...lanes.map((l) => l.destCountry),
          ...core.centroids.countries(),
        ]),
      ].sort()
      const body = {
        facts: factCatalog.map((f) => ({
          ...f,
          operators: [...operatorsByType[f.type]],
          decorators: [...decoratorsByType[f.type]],
        })),
        actions: actionTypes,
        criteria: [...criteria],
        values: {
          channels: hub.registry
            .all()
            .filter((i) => i.definition.kind === 'channel')
            .map((i) => i.id)
            .sort(),
          locations: locations.map((l) => ({ id: l.id, name: l.name, type: l.type })),
          tags,
          countries,
          serviceLevels: [...serviceLevels],
          deliveryMethods: [...deliveryMethods],
          locationTypes: [...locationTypes],
          weekdays: [...weekdays],
          categories,
          tiers,
          segments,
          currencies: recent.currencies,
          orderTags: recent.tags,
          productTags,
        },
      }
      return c.json(body, 200)
    },
  )

  app.openapi(
    apiRoute('rules:read', {
      operationId: 'listRuleSets',
      method: 'get',
      path: '/sets',
      tags: ['rules'],
      summary: 'Rule sets, with their live and latest versions',
      request: {
        query: z.strictObject({
          kind: z.enum(['sourcing', 'pricing', 'returns']).optional(),
          ...pageQuery,
          ...updatedSinceQuery,
        }),
      },
      responses: { 200: json(pageOf(ruleSetView), 'Rule sets, by id') },
    }),
    async (c) => {
      const q = c.req.valid('query')
      return c.json(
        page(
          await core.ruleSets.list(q.kind),
          (s) => s.id,
          q,
          (s) => s.updatedAt,
        ),
        200,
      )
    },
  )

  app.openapi(
    apiRoute('rules:write', {
      operationId: 'createRuleSet',
      method: 'post',
      path: '/sets',
      tags: ['rules'],
      summary: 'Create a rule set',
      request: {
        body: jsonBody(
          z.strictObject({
            id: z.string().regex(/^[a-z0-9][a-z0-9-_]{0,63}$/, 'lower case letters, digits, - and _'),
            kind: z.enum(['sourcing', 'pricing', 'returns']),
            name: z.string().min(1).max(200),
            description: z.string().max(2000).nullable().optional(),
          }),
        ),
      },
      responses: {
        201: json(ruleSetView, 'Created'),
        409: problem('`RULE_SET_EXISTS`: a rule set has this id'),
      },
    }),
    async (c) => {
      return c.json(await core.ruleSets.create(c.req.valid('json')), 201)
    },
  )

  app.openapi(
    apiRoute('rules:read', {
      operationId: 'getRuleSet',
      method: 'get',
      path: '/sets/{id}',
      tags: ['rules'],
      summary: 'A rule set and its versions',
      request: { params: setParam },
      responses: { 200: json(ruleSetWithVersions, 'The rule set'), 404: setNotFound },
    }),
    async (c) => {
      return c.json(await core.ruleSets.get(c.req.valid('param').id), 200)
    },
  )

  app.openapi(
    apiRoute('rules:write', {
      operationId: 'createRuleVersion',
      method: 'post',
      path: '/sets/{id}/versions',
      tags: ['rules'],
      summary: 'Save a new draft version (validated; errors are reported, not refused)',
      request: {
        params: setParam,
        body: jsonBody(versionBody),
      },
      responses: {
        201: json(versionWithValidation, 'The draft and its validation report'),
        404: setNotFound,
      },
    }),
    async (c) => {
      const principal = c.get('principal')
      const body = c.req.valid('json')
      if (body.settings?.timezone && !iana.safeParse(body.settings.timezone).success)
        throw new ProblemError(422, 'VALIDATION_FAILED', 'invalid settings', [
          { field: 'settings.timezone', message: 'must be an IANA time zone' },
        ])
      const r = await core.ruleSets.createVersion(c.req.valid('param').id, {
        ...body,
        // The version records the key that wrote it, never a name the caller supplies.
        author: principal.name,
      })
      c.header('etag', r.version.etag)
      return c.json(r, 201)
    },
  )

  app.openapi(
    apiRoute('rules:read', {
      operationId: 'getRuleVersion',
      method: 'get',
      path: '/sets/{id}/versions/{v}',
      tags: ['rules'],
      summary: 'One version: rules, graph, status',
      description:
        'The `ETag` header (also `etag` in the body) names this saved state: send it back as `If-Match` when saving or publishing.',
      request: { params: versionParam },
      responses: { 200: withTag(json(ruleSetVersion, 'The version')), 404: versionNotFound },
    }),
    async (c) => {
      const { id, v } = c.req.valid('param')
      const version = await core.ruleSets.getVersion(id, v)
      c.header('etag', version.etag)
      return c.json(version, 200)
    },
  )

  app.openapi(
    apiRoute('rules:write', {
      operationId: 'updateRuleVersion',
      method: 'put',
      path: '/sets/{id}/versions/{v}',
      tags: ['rules'],
      summary: 'Update a draft (published versions are immutable: 409)',
      description:
        'Send the `ETag` you read as `If-Match`: if someone saved the draft since, the save is refused with 412 `PRECONDITION_FAILED` naming the current state (`details.current`: its etag, when and by whom), and nothing is overwritten. Without `If-Match` the save goes ahead.',
      request: {
        params: versionParam,
        headers: ifMatchHeader,
        body: jsonBody(versionBody.partial()),
      },
      responses: {
        200: withTag(json(versionWithValidation, 'The draft and its validation report')),
        404: versionNotFound,
        409: notDraft,
        412: staleTag,
      },
    }),
    async (c) => {
      const { id, v } = c.req.valid('param')
      const body = c.req.valid('json')
      // Whoever saves a draft is its author now: the key's own name, never one the caller supplies.
      const r = await core.ruleSets.updateDraft(
        id,
        v,
        { ...body, author: c.get('principal').name },
        c.req.header('if-match'),
      )
      c.header('etag', r.version.etag)
      return c.json(r, 200)
    },
  )

  app.openapi(
    apiRoute('rules:read', {
      operationId: 'validateRuleVersion',
      method: 'post',
      path: '/sets/{id}/versions/{v}/validate',
      tags: ['rules'],
      summary: 'Validate a version against the live catalogue',
      description:
        "Errors and warnings, each naming the rule and the field. Every action's params are checked against the action's schema: an unknown key or a wrongly typed value is an `INVALID_ACTION` error at its own path (e.g. `rules[3].event.params.bogus`), for sourcing, returns and pricing rule sets alike. Publishing refuses (422) while any error remains.",
      request: { params: versionParam },
      responses: { 200: json(validationReport, 'Validation report'), 404: versionNotFound },
    }),
    async (c) => {
      const { id, v } = c.req.valid('param')
      const version = await core.ruleSets.getVersion(id, v)
      const report = await core.ruleSets.validate(version.rules, await core.ruleSets.kindOf(id))
      return c.json(report, 200)
    },
  )

  app.openapi(
    apiRoute('rules:write', {
      operationId: 'publishRuleVersion',
      method: 'post',
      path: '/sets/{id}/versions/{v}/publish',
      tags: ['rules'],
      summary: 'Publish a draft (refused with 422 while it has errors); optional effective-from',
      description:
        "Send the draft's `ETag` as `If-Match` to publish exactly the state you saved or read: if someone saved the draft since, 412 `PRECONDITION_FAILED` naming the current state, and nothing is published.",
      request: {
        params: versionParam,
        headers: ifMatchHeader,
        body: {
          required: false,
          content: {
            'application/json': {
              schema: z.strictObject({
                author: z
                  .string()
                  .max(200)
                  .nullable()
                  .optional()
                  .meta({ description: 'Ignored: the publisher recorded is the API key that publishes' }),
                comment: z.string().max(2000).nullable().optional(),
                effectiveFrom: z.iso.datetime({ offset: true }).nullable().optional(),
              }),
            },
          },
        },
      },
      responses: {
        200: withTag(json(versionWithValidation, 'The published version')),
        404: versionNotFound,
        409: notDraft,
        412: staleTag,
      },
    }),
    async (c) => {
      const principal = c.get('principal')
      const { id, v } = c.req.valid('param')
      const body = (c.req.header('content-length') === '0' ? {} : await c.req.json().catch(() => ({}))) as {
        author?: string | null
        comment?: string | null
        effectiveFrom?: string | null
      }
      const parsed = z
        .strictObject({
          author: z.string().max(200).nullable().optional(),
          comment: z.string().max(2000).nullable().optional(),
          effectiveFrom: z.iso.datetime({ offset: true }).nullable().optional(),
        })
        .safeParse(body ?? {})
      if (!parsed.success)
        throw new ProblemError(
          422,
          'VALIDATION_FAILED',
          'the request body is invalid',
          zodFieldIssues(parsed.error),
        )
      const r = await core.ruleSets.publish(
        id,
        v,
        {
          author: principal.name,
          comment: parsed.data.comment ?? null,
          effectiveFrom: parsed.data.effectiveFrom ? Date.parse(parsed.data.effectiveFrom) : null,
        },
        c.req.header('if-match'),
      )
      c.header('etag', r.version.etag)
      return c.json(r, 200)
    },
  )

  app.openapi(
    apiRoute('rules:write', {
      operationId: 'archiveRuleVersion',
      method: 'post',
      path: '/sets/{id}/versions/{v}/archive',
      tags: ['rules'],
      summary: 'Archive a version (it stops routing orders)',
      request: { params: versionParam },
      responses: { 200: json(ruleSetVersion, 'The archived version'), 404: versionNotFound },
    }),
    async (c) => {
      const { id, v } = c.req.valid('param')
      return c.json(await core.ruleSets.archive(id, v), 200)
    },
  )

  app.openapi(
    apiRoute('rules:read', {
      operationId: 'simulateRuleVersion',
      method: 'post',
      path: '/sets/{id}/versions/{v}/simulate',
      tags: ['rules'],
      summary: 'Route an order against a version without persisting anything',
      description:
        "Routes as of the order's placedAt (now when it has none): cut-offs, ship days, the capacity day and promise dates are those an intake at that moment would have used.",
      request: {
        params: versionParam,
        body: jsonBody(
          z.strictObject({
            channel: z.string().min(1).max(64),
            order: canonicalOrderSchema,
            stock: z
              .array(
                z.strictObject({
                  sku: z.string().min(1),
                  locationId: z.string().min(1),
                  available: z.number().int().min(0),
                }),
              )
              .max(10_000)
              .optional()
              .meta({
                description: 'What-if stock, replacing the current available quantity for these pairs',
              }),
          }),
        ),
      },
      responses: {
        200: json(simulation, 'The decision, with its explanation and a trace of every order rule'),
        404: versionNotFound,
      },
    }),
    async (c) => {
      const { id, v } = c.req.valid('param')
      const body = c.req.valid('json')
      const r = await core.simulation.simulate(id, v, body.channel, body.order, { stock: body.stock })
      return c.json(r, 200)
    },
  )

  app.openapi(
    apiRoute('rules:read', {
      operationId: 'backtestRuleVersion',
      method: 'post',
      path: '/sets/{id}/versions/{v}/backtest',
      tags: ['rules'],
      summary:
        'Re-route recent real orders against this version and compare with the live version (or another)',
      description:
        'Each order is routed as of its own placedAt (cut-offs, ship days, capacity day, promise dates), not the time of the backtest, against current stock.',
      request: {
        params: versionParam,
        body: {
          required: false,
          content: {
            'application/json': {
              schema: z.strictObject({
                limit: z.number().int().min(1).max(1000).optional(),
                from: z.iso.datetime({ offset: true }).optional(),
                to: z.iso.datetime({ offset: true }).optional(),
                against: z.number().int().min(1).optional().meta({
                  description: 'Compare with this version of the same rule set instead of the live rules',
                }),
              }),
            },
          },
        },
      },
      responses: {
        200: json(backtest, 'Changed decisions, cost, transit and promise-date deltas, split counts'),
        404: versionNotFound,
      },
    }),
    async (c) => {
      const { id, v } = c.req.valid('param')
      const body = c.req.valid('json') ?? {}
      const r = await core.simulation.backtest(id, v, {
        ...(body.limit ? { limit: body.limit } : {}),
        ...(body.from ? { from: Date.parse(body.from) } : {}),
        ...(body.to ? { to: Date.parse(body.to) } : {}),
        ...(body.against ? { against: body.against } : {}),
      })
      return c.json(r, 200)
    },
  )

  return app
}
