import { type FieldIssue, MAX_MULTIPLIER, malformedEntries, ValidationError } from '@switchyard/core'
import { z } from 'zod'
import { assertChannelScope } from '../http/auth'
import {
  type EntryCheck,
  entityTag,
  ifMatchHeader,
  staleTag,
  withTag,
  writeIfEachMatches,
  writeIfMatch,
} from '../http/etag'
import { apiRoute, apiRouter, json, jsonBody, problem } from '../http/openapi'
import { ProblemError } from '../http/problem'
import type { HubContext } from '../hub-context'
import { skuMappingPage, skuMappingView, skuMappingWriteResult } from './views/sku-mappings'

const instanceParam = z.strictObject({ instance: z.string().min(1).max(64) })
const mappingParam = z.strictObject({
  instance: z.string().min(1).max(64),
  channelSku: z.string().min(1).max(120),
})
/** What If-Match writes of one mapping take turns on: the single and the bulk write name it alike. */
const mappingResource = (instance: string, channelSku: string) =>
  `the mapping of '${channelSku}' on '${instance}'`
const unknownChannel = problem('`UNKNOWN_CHANNEL`: no channel instance by that id')
const multiplierText = `Hub units per channel unit: a whole number from 1 to ${MAX_MULTIPLIER}; 1 when left out`
/** The one-mapping routes name a body field as it is (`multiplier`), not as a bulk entry. */
const ONE = 'mapping'
const asBodyField = (issues: FieldIssue[]) =>
  issues.map((i) => ({ ...i, field: i.field.replace(`${ONE}[0].`, '') }))

/**
 * Channel sku mappings (core/src/channels/sku-mappings): per channel instance, the channel's sku →
 * the hub's sku and a pack multiplier. Everyone who reads the catalogue reads them (a channel-scoped
 * key its own channel's only); admins and integrators write them.
 */
export function skuMappingRoutes(hub: HubContext) {
  const app = apiRouter()
  const core = hub.core
  /** The channel-scope check first, so a scoped key cannot learn which other instances exist. */
  const channelFor = (principal: Parameters<typeof assertChannelScope>[0], instance: string) => {
    assertChannelScope(principal, instance)
    if (hub.registry.get(instance)?.definition.kind !== 'channel')
      throw new ProblemError(404, 'UNKNOWN_CHANNEL', `no channel instance '${instance}'`)
  }
  const tagged = async (instance: string, channelSku: string) => {
    const mapping = await core.skuMappings.get(instance, channelSku)
    return mapping && { etag: entityTag(mapping), updatedAt: mapping.updatedAt, mapping }
  }
  const noMapping = (instance: string, channelSku: string) =>
    new ProblemError(404, 'NOT_FOUND', `channel sku '${channelSku}' has no mapping on '${instance}'`)

  app.openapi(
    apiRoute('catalog:read', {
      operationId: 'listSkuMappings',
      method: 'get',
      path: '/{instance}/sku-mappings',
      tags: ['catalog'],
      summary: "A channel instance's sku mappings, in channel-sku order",
      request: {
        params: instanceParam,
        query: z.strictObject({
          limit: z.coerce.number().int().min(1).max(1000).optional(),
          cursor: z.string().max(400).optional(),
          updatedSince: z.iso
            .datetime({ offset: true })
            .optional()
            .meta({ description: 'Only mappings written at or after this instant (an incremental sync)' }),
        }),
      },
      responses: { 200: json(skuMappingPage, 'A page of mappings'), 404: unknownChannel },
    }),
    async (c) => {
      const { instance } = c.req.valid('param')
      channelFor(c.get('principal'), instance)
      const q = c.req.valid('query')
      const page = await core.skuMappings.list(instance, {
        limit: q.limit,
        cursor: q.cursor,
        updatedSince: q.updatedSince ? Date.parse(q.updatedSince) : undefined,
      })
      return c.json({ ...page, items: page.items.map((m) => ({ ...m, etag: entityTag(m) })) }, 200)
    },
  )

  app.openapi(
    apiRoute('catalog:write', {
      operationId: 'putSkuMappings',
      method: 'put',
      path: '/{instance}/sku-mappings',
      tags: ['catalog'],
      summary: 'Map channel skus to hub skus, in bulk (all or nothing); hubSku null removes a mapping',
      description:
        'Each entry maps the channel\'s sku (or listing id) to a hub sku: one channel unit is `multiplier` hub units (a "6-pack" is 6). Intake turns a mapped line into the hub sku × multiplier; the stock push tells the channel floor(available ÷ multiplier) under its own sku, the price push the hub price × multiplier unless a price list prices the listing itself. Other mappings of the instance stay. A multiplier that is not a whole number from 1 to ' +
        `${MAX_MULTIPLIER}, an empty sku or a channel sku named twice is 400 naming the field (\`mappings[3].multiplier\`); a hub sku the catalogue does not have is 422 \`UNKNOWN_REFERENCE\` (\`mappings[3].hubSku\`). Nothing is written then.\n\nConcurrent edits: each entry may carry \`ifMatch\`, the mapping's ETag as the list (\`items[].etag\`) or GET of the one mapping gave it. The write then goes ahead only if every entry that names a tag is still in that state, else 412 naming each stale entry, and nothing is written. The tag is per mapping, not of the whole set, so edits to other mappings of the instance never refuse yours. An \`If-Match\` header on this URL is refused (400): it would name no state of a set that has no tag.`,
      request: {
        params: instanceParam,
        body: jsonBody(
          z.strictObject({
            mappings: z
              .array(
                z.strictObject({
                  channelSku: z.string().max(400),
                  hubSku: z.string().max(400).nullable(),
                  // Checked by the route, not here: a bad multiplier is 400 naming it (see description).
                  multiplier: z.number().optional().meta({ description: multiplierText }),
                  ifMatch: z.string().max(1000).optional().meta({
                    description:
                      "The mapping's ETag as you read it (the list's `etag`): this entry, and so the whole write, goes ahead only if the mapping is still in that state (`*`: only if it exists); else 412. Left out: written whatever the mapping is now.",
                  }),
                }),
              )
              .min(1)
              .max(5000),
          }),
        ),
      },
      responses: {
        200: json(skuMappingWriteResult, 'What was written'),
        400: problem(
          '`VALIDATION_FAILED`: an entry is malformed (multiplier, empty sku, a channel sku named twice); `errors` names each field',
        ),
        404: unknownChannel,
        412: problem(
          "`PRECONDITION_FAILED`: an entry's `ifMatch` names a state that is no longer current; `errors` names each such entry (`mappings[3].ifMatch`), `details.current` gives each one's current `etag` and `updatedAt` by channel sku (etag null when the mapping is gone). Nothing is written then.",
        ),
      },
    }),
    async (c) => {
      const { instance } = c.req.valid('param')
      channelFor(c.get('principal'), instance)
      // Ignored, a header would promise a check the write does not make.
      if (c.req.header('if-match') !== undefined)
        throw new ProblemError(400, 'VALIDATION_FAILED', 'the bulk write takes If-Match per entry', [
          {
            field: 'If-Match',
            message: "the set has no ETag: send each mapping's tag as its entry's ifMatch",
          },
        ])
      const { mappings } = c.req.valid('json')
      const malformed = malformedEntries(mappings)
      if (malformed.length > 0)
        throw new ProblemError(400, 'VALIDATION_FAILED', 'invalid sku mappings', malformed)
      const checks: EntryCheck[] = mappings.flatMap((m, i) =>
        m.ifMatch === undefined
          ? []
          : [
              {
                resource: mappingResource(instance, m.channelSku),
                key: m.channelSku,
                field: `mappings[${i}].ifMatch`,
                ifMatch: m.ifMatch,
              },
            ],
      )
      const entries = mappings.map(({ ifMatch: _, ...entry }) => entry)
      const result = await writeIfEachMatches(
        checks,
        async (skus) => {
          const now = await core.skuMappings.getMany(instance, skus)
          return new Map([...now].map(([sku, m]) => [sku, { etag: entityTag(m), updatedAt: m.updatedAt }]))
        },
        () => core.skuMappings.put(instance, entries),
        hub.core.db,
      )
      return c.json(result, 200)
    },
  )

  app.openapi(
    apiRoute('catalog:read', {
      operationId: 'getSkuMapping',
      method: 'get',
      path: '/{instance}/sku-mappings/{channelSku}',
      tags: ['catalog'],
      summary: "One channel sku's mapping",
      description:
        'The `ETag` header names this state of the mapping: send it back as `If-Match` when changing or removing it.',
      request: { params: mappingParam },
      responses: {
        200: withTag(json(skuMappingView, 'The mapping')),
        404: problem('`UNKNOWN_CHANNEL`, or `NOT_FOUND`: the channel sku has no mapping'),
      },
    }),
    async (c) => {
      const { instance, channelSku } = c.req.valid('param')
      channelFor(c.get('principal'), instance)
      const now = await tagged(instance, channelSku)
      if (!now) throw noMapping(instance, channelSku)
      c.header('etag', now.etag)
      return c.json(now.mapping, 200)
    },
  )

  app.openapi(
    apiRoute('catalog:write', {
      operationId: 'putSkuMapping',
      method: 'put',
      path: '/{instance}/sku-mappings/{channelSku}',
      tags: ['catalog'],
      summary: "Map one channel sku (create or replace), for edits that must not overwrite another's",
      description:
        'As one entry of the bulk write, with `If-Match` honoured: send the `ETag` you read and the write is refused with 412 `PRECONDITION_FAILED` (naming the current tag) if the mapping changed since. A multiplier or sku that is not valid is 400 naming the field; a hub sku the catalogue does not have is 422 `UNKNOWN_REFERENCE` (`hubSku`).',
      request: {
        params: mappingParam,
        headers: ifMatchHeader,
        body: jsonBody(
          z.strictObject({
            hubSku: z.string().max(400),
            // Checked by the route, as in the bulk write: a bad multiplier is 400 naming it.
            multiplier: z.number().optional().meta({ description: multiplierText }),
          }),
        ),
      },
      responses: {
        200: withTag(json(skuMappingView, 'The mapping as saved')),
        400: problem('`VALIDATION_FAILED`: the multiplier or a sku is malformed; `errors` names the field'),
        404: unknownChannel,
        412: staleTag,
      },
    }),
    async (c) => {
      const { instance, channelSku } = c.req.valid('param')
      channelFor(c.get('principal'), instance)
      const entry = { channelSku, ...c.req.valid('json') }
      const malformed = malformedEntries([entry], ONE)
      if (malformed.length > 0)
        throw new ProblemError(400, 'VALIDATION_FAILED', 'invalid sku mapping', asBodyField(malformed))
      await writeIfMatch(
        c.req.header('if-match'),
        mappingResource(instance, channelSku),
        () => tagged(instance, channelSku),
        () =>
          core.skuMappings.put(instance, [entry], { prefix: ONE }).catch((error: unknown) => {
            if (error instanceof ValidationError)
              throw new ValidationError(error.message, asBodyField(error.issues), error.code)
            throw error
          }),
        hub.core.db,
      )
      const saved = (await tagged(instance, channelSku))!
      c.header('etag', saved.etag)
      return c.json(saved.mapping, 200)
    },
  )

  app.openapi(
    apiRoute('catalog:write', {
      operationId: 'deleteSkuMapping',
      method: 'delete',
      path: '/{instance}/sku-mappings/{channelSku}',
      tags: ['catalog'],
      summary: "Remove one channel sku's mapping (its orders then name the sku as it is)",
      request: { params: mappingParam, headers: ifMatchHeader },
      responses: {
        204: { description: 'Removed' },
        404: problem('`UNKNOWN_CHANNEL`, or `NOT_FOUND`: the channel sku has no mapping'),
        412: staleTag,
      },
    }),
    async (c) => {
      const { instance, channelSku } = c.req.valid('param')
      channelFor(c.get('principal'), instance)
      const removed = await writeIfMatch(
        c.req.header('if-match'),
        mappingResource(instance, channelSku),
        () => tagged(instance, channelSku),
        () => core.skuMappings.remove(instance, [channelSku]),
        hub.core.db,
      )
      if (removed === 0) throw noMapping(instance, channelSku)
      return c.body(null, 204)
    },
  )

  return app
}
