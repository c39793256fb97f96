import { weekdays } from '@switchyard/core'
import { describeLine, pricingActionTypes, pricingFactCatalog } from '@switchyard/core/pricing'
import { decoratorsByType, operatorsByType } from '@switchyard/core/rules'
import { currencyCode } from '@switchyard/plugin-sdk'
import { z } from 'zod'
import { assertChannelScope } from '../http/auth'
import { assertOrderInScope } from '../http/channel-scope'
import { apiRoute, apiRouter, json, jsonBody, problem } from '../http/openapi'
import { ProblemError } from '../http/problem'
import type { HubContext } from '../hub-context'
import { orderPricing, quoteResult } from './views/pricing'
import { pricingFacts } from './views/rules'

const instant = z.iso.datetime({ offset: true })
const sku = z.string().min(1).max(120)

const quoteBody = z.strictObject({
  channel: z.string().min(1).max(64),
  customer: z
    .strictObject({
      id: z.uuid().optional(),
      email: z.email().max(320).optional(),
      externalId: z.string().min(1).max(200).optional(),
      tier: z.string().max(60).nullable().optional(),
      segment: z.string().max(60).nullable().optional(),
    })
    .nullable()
    .optional()
    .meta({
      description:
        "The customer: the hub's id, or its email and/or its account id on `channel` (externalId), resolved as intake resolves an order's customer (the channel account first, then the email), so a contract applies whichever identifier is given. Tier and segment default to the customer record's.",
    }),
  currency: currencyCode,
  lines: z
    .array(
      z.strictObject({
        sku,
        quantity: z
          .number()
          .int('must be a whole number')
          .positive('must be greater than zero')
          .max(1_000_000),
      }),
    )
    .min(1, 'a quote needs at least one line')
    .max(500),
  at: instant.optional().meta({ description: 'Price as of this time (validity, rates); now when absent' }),
  tags: z.array(z.string().max(60)).max(50).optional(),
  shipTo: z
    .strictObject({
      country: z
        .string()
        .regex(/^[A-Z]{2}$/)
        .optional(),
      region: z.string().max(120).optional(),
      postcode: z.string().max(20).optional(),
    })
    .nullable()
    .optional(),
  ruleSet: z
    .strictObject({ id: z.string().min(1).max(64), version: z.number().int().min(1) })
    .optional()
    .meta({ description: 'Quote against this version (e.g. a draft) instead of the live one' }),
})

/** A channel named in a pricing body must be a configured channel instance (422 naming the field). */
export function assertChannelInstance(hub: HubContext, id: string, field: string): void {
  if (hub.registry.get(id)?.definition.kind !== 'channel')
    throw new ProblemError(422, 'VALIDATION_FAILED', 'unknown channel', [
      { field, message: `no channel instance '${id}' is configured` },
    ])
}

/**
 * Pricing: the facts pricing rules may use, quotes with their explanation, each order's prices,
 * and price sync to channels whose plugins accept prices. Price lists, costs and rates are
 * price-lists.ts.
 */
export function pricingRoutes(hub: HubContext) {
  const app = apiRouter()
  const core = hub.core
  const assertChannel = (id: string, field: string) => assertChannelInstance(hub, id, field)

  app.openapi(
    apiRoute('rules:read', {
      operationId: 'getPricingFacts',
      method: 'get',
      path: '/facts',
      tags: ['pricing'],
      summary: 'Facts and actions pricing rules may use (the editor builds its pickers from it)',
      responses: { 200: json(pricingFacts, 'The pricing fact catalogue') },
    }),
    async (c) => {
      const [lists, productTags] = await Promise.all([
        core.pricingStore.listPriceLists(),
        core.catalog.productTags(),
      ])
      const body = {
        facts: pricingFactCatalog.map((f) => ({
          ...f,
          operators: [...operatorsByType[f.type]],
          decorators: [...decoratorsByType[f.type]],
        })),
        actions: [...pricingActionTypes],
        values: {
          channels: hub.registry
            .all()
            .filter((i) => i.definition.kind === 'channel')
            .map((i) => i.id)
            .sort(),
          priceLists: lists.filter((l) => l.kind === 'list').map((l) => ({ id: l.id, name: l.name })),
          weekdays: [...weekdays],
          productTags,
        },
      }
      return c.json(body, 200)
    },
  )

  app.openapi(
    apiRoute('catalog:read', {
      operationId: 'quotePrices',
      method: 'post',
      path: '/quote',
      tags: ['pricing'],
      summary:
        'Unit and line prices for a channel, customer and currency, each with the rules that shaped it',
      request: { body: jsonBody(quoteBody) },
      responses: {
        200: json(quoteResult, 'The quote'),
        404: problem('`RULE_SET_NOT_FOUND` or `VERSION_NOT_FOUND` for `ruleSet`'),
      },
    }),
    async (c) => {
      const principal = c.get('principal')
      const q = c.req.valid('json')
      assertChannelScope(principal, q.channel)
      const version = q.ruleSet ? await core.ruleSets.getVersion(q.ruleSet.id, q.ruleSet.version) : undefined
      if (version && (await core.ruleSets.kindOf(q.ruleSet!.id)) !== 'pricing')
        throw new ProblemError(422, 'VALIDATION_FAILED', 'not a pricing rule set', [
          { field: 'ruleSet.id', message: `rule set '${q.ruleSet!.id}' is not of kind pricing` },
        ])
      const result = await core.pricing.quote(
        {
          channel: q.channel,
          customer: q.customer
            ? {
                ...(q.customer.id ? { id: q.customer.id } : {}),
                ...(q.customer.email ? { email: q.customer.email } : {}),
                ...(q.customer.externalId ? { externalId: q.customer.externalId } : {}),
                ...(q.customer.tier !== undefined ? { tier: q.customer.tier } : {}),
                ...(q.customer.segment !== undefined ? { segment: q.customer.segment } : {}),
              }
            : null,
          currency: q.currency,
          lines: q.lines,
          ...(q.at ? { at: Date.parse(q.at) } : {}),
          ...(q.tags ? { tags: q.tags } : {}),
          ...(q.shipTo ? { shipTo: q.shipTo } : {}),
        },
        version ? { version } : {},
      )
      const body = { ...result, lines: result.lines.map((l) => ({ ...l, summary: describeLine(l) })) }
      return c.json(body, 200)
    },
  )

  app.openapi(
    apiRoute('orders:read', {
      operationId: 'getOrderPricing',
      method: 'get',
      path: '/orders/{id}',
      tags: ['pricing'],
      summary: "How intake settled an order's prices: kept, priced (with explanations), mismatches",
      request: { params: z.strictObject({ id: z.uuid() }) },
      responses: {
        200: json(orderPricing, 'The order’s pricing'),
        404: problem("`ORDER_NOT_FOUND` (also another channel's, for a scoped key)"),
      },
    }),
    async (c) => {
      const id = c.req.valid('param').id
      await assertOrderInScope(core, c.get('principal'), id)
      const pricing = await core.pricing.orderPricing(id)
      // No record: intake had nothing to price or check (every line priced, no contract).
      return c.json(
        pricing ?? { mode: 'kept' as const, checked: false, lines: [], mismatches: [], hold: null },
        200,
      )
    },
  )

  app.openapi(
    apiRoute('catalog:write', {
      operationId: 'syncPrices',
      method: 'post',
      path: '/sync',
      tags: ['pricing'],
      summary: 'Send a channel its prices through its plugin (409 when the plugin takes none)',
      request: {
        body: jsonBody(
          z.strictObject({
            channel: z.string().min(1).max(64),
            currency: currencyCode,
            skus: z.array(sku).min(1).max(10_000).optional(),
          }),
        ),
      },
      responses: {
        202: json(z.object({ prices: z.number(), messages: z.number() }), 'Queued'),
        409: problem('`PRICES_NOT_ACCEPTED`: the channel’s plugin takes no prices'),
      },
    }),
    async (c) => {
      const b = c.req.valid('json')
      assertChannel(b.channel, 'channel')
      const r = await core.pricing.syncChannel(b.channel, b.currency, b.skus)
      return c.json(r, 202)
    },
  )

  return app
}
