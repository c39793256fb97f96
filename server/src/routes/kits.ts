import { z } from 'zod'
import { apiRoute, apiRouter, json, jsonBody, problem } from '../http/openapi'
import type { HubContext } from '../hub-context'

const skuParam = z.strictObject({ sku: z.string().min(1).max(120) })

const kitView = z
  .object({
    sku: z.string(),
    name: z.string(),
    components: z.array(
      z.object({
        sku: z.string(),
        name: z.string(),
        quantity: z.number().meta({ description: 'Units of this component in one kit' }),
      }),
    ),
    createdAt: z.string(),
  })
  .meta({ id: 'Kit' })

const kitBody = z
  .strictObject({
    components: z
      .array(
        z.strictObject({
          sku: z.string().min(1).max(120),
          quantity: z.number().int().min(1).max(10_000),
        }),
      )
      .min(1)
      .max(50),
  })
  .meta({ id: 'KitDefinition' })

/**
 * Kits and bundles (issue 20): a product sold as one sku and made of components. Kits do not nest.
 * A kit has no stock of its own: its availability is the fewest whole kits its components make.
 */
export function kitRoutes(hub: HubContext) {
  const app = apiRouter()
  app.openapi(
    apiRoute('catalog:read', {
      operationId: 'listKits',
      method: 'get',
      path: '/',
      tags: ['catalog'],
      summary: 'List kits by sku, with their bills of materials',
      request: {
        query: z.strictObject({
          limit: z.coerce.number().int().min(1).max(500).optional(),
          cursor: z.string().max(400).optional(),
        }),
      },
      responses: {
        200: json(
          z.strictObject({ items: z.array(kitView), nextCursor: z.string().nullable() }),
          'A page of kits',
        ),
      },
    }),
    async (c) => c.json(await hub.core.kits.list(c.req.valid('query')), 200),
  )
  app.openapi(
    apiRoute('catalog:read', {
      operationId: 'getKit',
      method: 'get',
      path: '/{sku}',
      tags: ['catalog'],
      summary: 'One kit and its bill of materials',
      request: { params: skuParam },
      responses: {
        200: json(kitView, 'The kit'),
        404: problem('`KIT_NOT_FOUND`: the sku is not a kit'),
      },
    }),
    async (c) => c.json(await hub.core.kits.get(c.req.valid('param').sku), 200),
  )
  app.openapi(
    apiRoute('catalog:write', {
      operationId: 'defineKit',
      method: 'put',
      path: '/{sku}',
      tags: ['catalog'],
      summary: 'Make a product a kit of components',
      description:
        'The product (`PUT /products`) becomes a kit: one sku sold and routed as a whole, made of `components`, ' +
        'each an ordinary product with stock (kits do not nest: a component that is a kit is 422 naming it). ' +
        'The kit has no stock of its own: at each location its availability is the fewest whole kits its ' +
        "components make (floor(component ATP ÷ quantity)), per channel too; an order's kit line takes its " +
        "components' stock at one location, ships from there, and a returned kit puts its components back. " +
        'A bill of materials does not change once defined: the same bill again is 200 with nothing changed, ' +
        'another one 409 `KIT_IMMUTABLE` (define a new sku). A sku that already has stock rows, order lines, ' +
        'channel pools or is a component of a kit cannot become one (409 `KIT_SKU_IN_USE`).',
      request: { params: skuParam, body: jsonBody(kitBody) },
      responses: {
        200: json(kitView, 'The kit was defined already with this bill; nothing changed'),
        201: json(kitView, 'The kit is defined'),
        404: problem('`PRODUCT_NOT_FOUND`: create the product first'),
        409: problem(
          '`KIT_IMMUTABLE`: the kit has another bill of materials; `KIT_SKU_IN_USE`: the sku already has stock, orders, pools or is a component',
        ),
      },
    }),
    async (c) => {
      const { kit, created } = await hub.core.kits.define(
        c.req.valid('param').sku,
        c.req.valid('json').components,
      )
      return created ? c.json(kit, 201) : c.json(kit, 200)
    },
  )
  return app
}
