import { type CustomerIdentities, identifiersOf } from '@switchyard/core'
import { currencyCode } from '@switchyard/plugin-sdk'
import { z } from 'zod'
import { entityTag, existing, ifMatchHeader, staleTag, withTag, writeIfMatch } from '../http/etag'
import { apiRoute, apiRouter, json, jsonBody, problem } from '../http/openapi'
import { page, pageOf, pageQuery, updatedSinceQuery } from '../http/paging'
import { ProblemError } from '../http/problem'
import type { HubContext } from '../hub-context'
import { assertChannelInstance } from './pricing'
import { costView, priceListView, priceListWithPrices, rateView } from './views/pricing'

const listNotFound = problem('`PRICE_LIST_NOT_FOUND`')
const written = json(z.object({ written: z.number() }), 'Count written')

const amount = z
  .string()
  .regex(/^\d{1,15}(\.\d{1,6})?$/, 'a non-negative decimal written as a string, e.g. "12.50"')
const percentText = z.string().regex(/^\d{1,4}(\.\d{1,4})?$/, 'a percentage written as a string, e.g. "0.5"')
const instant = z.iso.datetime({ offset: true })
const dateOrInstant = z.union([z.iso.date(), instant])
const sku = z.string().min(1).max(120)
const listId = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'letters, digits, . _ -'),
})

const customerRef = z
  .strictObject({
    id: z.uuid().optional(),
    email: z.email().max(320).optional(),
    channel: z.string().min(1).max(64).optional(),
    externalId: z.string().min(1).max(200).optional(),
  })
  .meta({
    description:
      "The customer: the hub's id, or any of its identifiers: an email (one customer across channels) and/or a channel with the channel's own customer id (an EDI partner's id, a storefront account). A channel account is matched first, then the email; identifiers given together are linked to the same customer record, so an order that carries either one later is that customer.",
  })

const priceListBody = z.strictObject({
  name: z.string().min(1).max(200),
  currency: currencyCode,
  channel: z.string().min(1).max(64).nullable().optional(),
  customerGroup: z
    .string()
    .min(1)
    .max(60)
    .nullable()
    .optional()
    .meta({ description: "Matches the customer's segment" }),
  customer: customerRef
    .nullable()
    .optional()
    .meta({ description: 'Makes the list this customer’s contract' }),
  validFrom: instant.nullable().optional(),
  validTo: instant.nullable().optional(),
  priority: z.number().int().min(-1000).max(1000).optional(),
  tolerance: z
    .strictObject({ amount: amount.optional(), percent: percentText.optional() })
    .optional()
    .meta({ description: 'Contracts: how far an ordered price may differ before the order is held' }),
  prices: z
    .array(z.strictObject({ sku, price: amount }))
    .max(10_000)
    .optional(),
})

const toMs = (v: string | null | undefined) => (v ? Date.parse(v.length === 10 ? `${v}T00:00:00Z` : v) : null)

/** The contract's customer: its identifiers are linked to one customer record now, as an order's would be. */
async function resolveCustomer(
  customers: CustomerIdentities,
  ref: z.infer<typeof customerRef>,
  field: string,
): Promise<string> {
  if (ref.id) return ref.id
  const id = await customers.link(identifiersOf(ref.channel ?? '', ref))
  if (id) return id
  throw new ProblemError(422, 'VALIDATION_FAILED', 'the customer cannot be identified', [
    { field, message: 'give id, email, or channel with externalId' },
  ])
}

/** Price lists and contracts, costs and exchange rates: what quotes and intake price from. */
export function priceListRoutes(hub: HubContext) {
  const app = apiRouter()
  const core = hub.core
  const assertChannel = (id: string, field: string) => assertChannelInstance(hub, id, field)
  /** A list's tag covers its prices: setting or removing one is a change to the list. */
  const tagged = async (id: string) => {
    const list = await existing(() => core.pricingStore.getPriceList(id))
    return list && { etag: entityTag(list), updatedAt: list.updatedAt, list }
  }
  const resource = (id: string) => `price list '${id}'`

  app.openapi(
    apiRoute('catalog:read', {
      operationId: 'listPriceLists',
      method: 'get',
      path: '/price-lists',
      tags: ['pricing'],
      summary: 'Price lists and contracts',
      request: { query: z.strictObject({ ...pageQuery, ...updatedSinceQuery }) },
      responses: { 200: json(pageOf(priceListView), 'Price lists, by id') },
    }),
    async (c) => {
      return c.json(
        page(
          await core.pricingStore.listPriceLists(),
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
      operationId: 'getPriceList',
      method: 'get',
      path: '/price-lists/{id}',
      tags: ['pricing'],
      summary: 'One price list with its prices',
      description:
        'The `ETag` header names this state of the list and its prices: send it back as `If-Match` when replacing or deleting the list or changing its prices.',
      request: { params: listId },
      responses: { 200: withTag(json(priceListWithPrices, 'The price list')), 404: listNotFound },
    }),
    async (c) => {
      const list = await core.pricingStore.getPriceList(c.req.valid('param').id)
      c.header('etag', entityTag(list))
      return c.json(list, 200)
    },
  )

  app.openapi(
    apiRoute('pricing:write', {
      operationId: 'putPriceList',
      method: 'put',
      path: '/price-lists/{id}',
      tags: ['pricing'],
      summary: 'Create or replace a price list (a list with a customer is a contract); prices given are set',
      request: { params: listId, headers: ifMatchHeader, body: jsonBody(priceListBody) },
      responses: { 200: withTag(json(priceListWithPrices, 'The price list')), 412: staleTag },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const b = c.req.valid('json')
      if (b.channel) assertChannel(b.channel, 'channel')
      if (b.customer?.externalId && !b.customer.channel)
        throw new ProblemError(422, 'VALIDATION_FAILED', 'the customer cannot be identified', [
          { field: 'customer.channel', message: "externalId is the channel's own id: give the channel too" },
        ])
      if (b.customer?.externalId) assertChannel(b.customer.channel!, 'customer.channel')
      const customerId = b.customer ? await resolveCustomer(core.customers, b.customer, 'customer') : null
      const saved = await writeIfMatch(
        c.req.header('if-match'),
        resource(id),
        () => tagged(id),
        async () => {
          await core.pricingStore.upsertPriceList({
            id,
            name: b.name,
            currency: b.currency,
            channel: b.channel ?? null,
            customerGroup: b.customerGroup ?? null,
            customerId,
            validFrom: toMs(b.validFrom),
            validTo: toMs(b.validTo),
            priority: b.priority ?? 0,
            toleranceAmount: b.tolerance?.amount ?? null,
            tolerancePercent: b.tolerance?.percent ?? null,
          })
          if (b.prices?.length) await core.pricingStore.setPrices(id, b.prices)
          core.pricing.invalidate()
          return (await tagged(id))!
        },
        hub.core.db,
      )
      c.header('etag', saved.etag)
      return c.json(saved.list, 200)
    },
  )

  app.openapi(
    apiRoute('pricing:write', {
      operationId: 'deletePriceList',
      method: 'delete',
      path: '/price-lists/{id}',
      tags: ['pricing'],
      summary: 'Delete a price list and its prices',
      request: { params: listId, headers: ifMatchHeader },
      responses: { 204: { description: 'Deleted' }, 404: listNotFound, 412: staleTag },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      await writeIfMatch(
        c.req.header('if-match'),
        resource(id),
        () => tagged(id),
        () => core.pricingStore.deletePriceList(id),
        hub.core.db,
      )
      core.pricing.invalidate()
      return c.body(null, 204)
    },
  )

  app.openapi(
    apiRoute('pricing:write', {
      operationId: 'setPrices',
      method: 'put',
      path: '/price-lists/{id}/prices',
      tags: ['pricing'],
      summary: "Set prices on a list (decimal strings in the list's currency); other prices stay",
      request: {
        params: listId,
        headers: ifMatchHeader,
        body: jsonBody(
          z.strictObject({
            items: z
              .array(z.strictObject({ sku, price: amount }))
              .min(1)
              .max(10_000),
          }),
        ),
      },
      responses: { 200: withTag(written), 404: listNotFound, 412: staleTag },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const written = await writeIfMatch(
        c.req.header('if-match'),
        resource(id),
        () => tagged(id),
        () => core.pricingStore.setPrices(id, c.req.valid('json').items),
        hub.core.db,
      )
      core.pricing.invalidate()
      const now = await tagged(id)
      if (now) c.header('etag', now.etag)
      return c.json({ written }, 200)
    },
  )

  app.openapi(
    apiRoute('pricing:write', {
      operationId: 'removePrices',
      method: 'post',
      path: '/price-lists/{id}/prices/remove',
      tags: ['pricing'],
      summary: 'Remove skus from a list',
      request: {
        params: listId,
        headers: ifMatchHeader,
        body: jsonBody(z.strictObject({ skus: z.array(sku).min(1).max(10_000) })),
      },
      responses: {
        200: withTag(json(z.object({ removed: z.number() }), 'Count removed')),
        404: listNotFound,
        412: staleTag,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const removed = await writeIfMatch(
        c.req.header('if-match'),
        resource(id),
        () => tagged(id),
        () => core.pricingStore.removePrices(id, c.req.valid('json').skus),
        hub.core.db,
      )
      core.pricing.invalidate()
      const now = await tagged(id)
      if (now) c.header('etag', now.etag)
      return c.json({ removed }, 200)
    },
  )

  app.openapi(
    apiRoute('catalog:read', {
      operationId: 'listCosts',
      method: 'get',
      path: '/costs',
      tags: ['pricing'],
      summary: 'Cost per sku (for margin floors)',
      request: { query: z.strictObject({ ...pageQuery, ...updatedSinceQuery }) },
      responses: { 200: json(pageOf(costView), 'Costs, by sku') },
    }),
    async (c) => {
      return c.json(
        page(
          await core.pricingStore.listCosts(),
          (x) => x.sku,
          c.req.valid('query'),
          (x) => x.updatedAt,
        ),
        200,
      )
    },
  )

  app.openapi(
    apiRoute('pricing:write', {
      operationId: 'setCosts',
      method: 'put',
      path: '/costs',
      tags: ['pricing'],
      summary: 'Set the cost of skus',
      request: {
        body: jsonBody(
          z.strictObject({
            items: z
              .array(z.strictObject({ sku, cost: amount, currency: currencyCode }))
              .min(1)
              .max(10_000),
          }),
        ),
      },
      responses: { 200: written },
    }),
    async (c) => {
      const written = await core.pricingStore.setCosts(c.req.valid('json').items)
      core.pricing.invalidate()
      return c.json({ written }, 200)
    },
  )

  app.openapi(
    apiRoute('catalog:read', {
      operationId: 'listExchangeRates',
      method: 'get',
      path: '/exchange-rates',
      tags: ['pricing'],
      summary: 'Exchange rates with their as-of times',
      request: {
        query: z.strictObject({
          base: currencyCode.optional(),
          quote: currencyCode.optional(),
          ...pageQuery,
          ...updatedSinceQuery,
        }),
      },
      responses: { 200: json(pageOf(rateView), 'Rates, by pair') },
    }),
    async (c) => {
      const q = c.req.valid('query')
      const rates = await core.pricingStore.listRates({
        ...(q.base ? { base: q.base } : {}),
        ...(q.quote ? { quote: q.quote } : {}),
      })
      return c.json(
        page(
          rates,
          (r) => `${r.base}/${r.quote}/${r.asOf}`,
          q,
          (r) => r.updatedAt,
        ),
        200,
      )
    },
  )

  app.openapi(
    apiRoute('pricing:write', {
      operationId: 'importExchangeRates',
      method: 'post',
      path: '/exchange-rates',
      tags: ['pricing'],
      summary: 'Import exchange rates: units of quote per unit of base, as of a date or time',
      request: {
        body: jsonBody(
          z.strictObject({
            items: z
              .array(
                z.strictObject({
                  base: currencyCode,
                  quote: currencyCode,
                  rate: z.string().regex(/^\d{1,12}(\.\d{1,12})?$/, 'a positive decimal written as a string'),
                  asOf: dateOrInstant,
                }),
              )
              .min(1)
              .max(10_000),
          }),
        ),
      },
      responses: { 200: json(z.object({ imported: z.number() }), 'Count imported') },
    }),
    async (c) => {
      const items = c.req.valid('json').items.map((i) => ({ ...i, asOf: toMs(i.asOf)! }))
      const imported = await core.pricingStore.importRates(items)
      core.pricing.invalidate()
      return c.json({ imported }, 200)
    },
  )

  return app
}
