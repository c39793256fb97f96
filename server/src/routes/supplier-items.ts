import { currencyCode } from '@switchyard/plugin-sdk'
import { z } from 'zod'
import { apiRoute, apiRouter, json, jsonBody, problem } from '../http/openapi'
import { page, pageOf, pageQuery } from '../http/paging'
import type { HubContext } from '../hub-context'

const idParam = z.strictObject({ id: z.string().min(1).max(64) })
const notFound = problem('`LOCATION_NOT_FOUND`')

const supplierItem = z
  .object({
    sku: z.string(),
    unitCost: z
      .string()
      .nullable()
      .meta({ description: 'What one unit costs the merchant at this supplier, a decimal of `currency`' }),
    currency: z.string().nullable(),
    supplierPartNumber: z.string().nullable().meta({
      description: "The supplier's own part number: the 850 names it (VP) beside the hub's sku (BP)",
    }),
    updatedAt: z.string(),
  })
  .meta({ id: 'SupplierItem' })

const itemInput = z.strictObject({
  sku: z.string().min(1).max(120),
  unitCost: z
    .string()
    .regex(/^\d{1,15}(\.\d{1,6})?$/, 'a non-negative decimal written as a string, e.g. "12.50"')
    .nullable()
    .optional(),
  currency: currencyCode.nullable().optional(),
  supplierPartNumber: z
    .string()
    .regex(/^[^*~^:|>\s][^*~^:|>]{0,47}$/, 'at most 48 characters, none of * ~ ^ : | > (X12 separators)')
    .nullable()
    .optional(),
})

/**
 * A drop-ship supplier's items (issue 20, core/src/catalog/suppliers): per sku, the unit cost the
 * routing cost weighs and the supplier's part number its purchase orders carry.
 */
export function supplierItemRoutes(hub: HubContext) {
  const app = apiRouter()
  app.openapi(
    apiRoute('catalog:read', {
      operationId: 'listSupplierItems',
      method: 'get',
      path: '/{id}/supplier-items',
      tags: ['catalog'],
      summary: "A drop-ship supplier's unit costs and part numbers, by sku",
      request: { params: idParam, query: z.strictObject(pageQuery) },
      responses: {
        200: json(pageOf(supplierItem), "The supplier's items, by sku"),
        404: notFound,
      },
    }),
    async (c) => {
      const items = await hub.core.supplierItems.list(c.req.valid('param').id)
      return c.json(
        page(items, (i) => i.sku, c.req.valid('query')),
        200,
      )
    },
  )
  app.openapi(
    apiRoute('catalog:write', {
      operationId: 'setSupplierItems',
      method: 'put',
      path: '/{id}/supplier-items',
      tags: ['catalog'],
      summary: "Set a drop-ship supplier's unit costs and part numbers",
      description:
        "Each entry replaces that sku's item at the supplier (a field left out is cleared). The location must be of type `dropship`; a unit cost needs its currency. Routing weighs the unit cost × the units the supplier would ship; the 850 names the part number.",
      request: {
        params: idParam,
        body: jsonBody(z.strictObject({ items: z.array(itemInput).min(1).max(10_000) })),
      },
      responses: {
        200: json(z.object({ written: z.number() }), 'Count written'),
        404: notFound,
      },
    }),
    async (c) => {
      const written = await hub.core.supplierItems.set(c.req.valid('param').id, c.req.valid('json').items)
      return c.json({ written }, 200)
    },
  )
  return app
}
