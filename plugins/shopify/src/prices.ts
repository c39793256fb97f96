import {
  type ChannelPrice,
  type DeliveryResult,
  PermanentError,
  type PluginContext,
} from '@switchyard/plugin-sdk'
import { checkUserErrors, graphql } from './admin-api'
import type { ShopifyConfig } from './config'

type Ctx = PluginContext<ShopifyConfig>

/** A variant and the product it belongs to: bulk updates go by product. */
interface Variant {
  id: string
  product: string
}

const VARIANTS_BY_SKU = `query VariantIdsBySku($query: String!) {
  productVariants(first: 100, query: $query) { nodes { id sku product { id } } }
}`

const VARIANTS_UPDATE = `mutation VariantPrices($productId: ID!, $variants: [ProductVariantsBulkInput!]!) {
  productVariantsBulkUpdate(productId: $productId, variants: $variants) {
    productVariants { id price }
    userErrors { field message }
  }
}`

/** Each sku's variant: from state, else looked up by sku (100 a query) and kept. */
async function variants(skus: readonly string[], ctx: Ctx): Promise<Map<string, Variant>> {
  const found = new Map<string, Variant>()
  const unknown: string[] = []
  for (const sku of new Set(skus)) {
    const cached = await ctx.state.get<Variant>(`variant:${sku}`)
    if (cached) found.set(sku, cached)
    else unknown.push(sku)
  }
  for (let i = 0; i < unknown.length; i += 100) {
    const chunk = unknown.slice(i, i + 100)
    const query = chunk.map((s) => `sku:'${s.replace(/'/g, "\\'")}'`).join(' OR ')
    const answer = await graphql<{
      productVariants: { nodes: { id: string; sku: string; product: { id: string } }[] }
    }>(ctx, VARIANTS_BY_SKU, { query })
    for (const v of answer.productVariants.nodes) {
      if (!chunk.includes(v.sku)) continue
      const variant = { id: v.id, product: v.product.id }
      found.set(v.sku, variant)
      await ctx.state.set(`variant:${v.sku}`, variant)
    }
  }
  return found
}

/**
 * Prices, when channel pricing is on: each variant's price through `productVariantsBulkUpdate`, one
 * call per product. Absolute prices, so a retried delivery writes the same. A price in another
 * currency than the shop's is refused, naming the sku.
 */
export async function pushPrices(prices: ChannelPrice[], ctx: Ctx): Promise<DeliveryResult> {
  const currency = ctx.config.currency
  const foreign = currency ? prices.filter((p) => p.currency !== currency) : []
  if (foreign.length > 0)
    throw new PermanentError(
      `the shop sells in ${currency}: ${foreign.map((p) => `${p.sku} is priced in ${p.currency}`).join('; ')}`,
    )
  const known = await variants(
    prices.map((p) => p.sku),
    ctx,
  )
  const byProduct = new Map<string, { id: string; price: string }[]>()
  for (const p of prices) {
    const variant = known.get(p.sku)
    if (!variant) continue
    const list = byProduct.get(variant.product) ?? []
    list.push({ id: variant.id, price: p.price })
    byProduct.set(variant.product, list)
  }
  if (byProduct.size === 0) return { status: 'skipped', reason: 'no sku is sold at Shopify' }
  for (const [productId, list] of byProduct) {
    const result = await graphql<{
      productVariantsBulkUpdate: { userErrors: { field: string[] | null; message: string }[] }
    }>(ctx, VARIANTS_UPDATE, { productId, variants: list })
    checkUserErrors('the prices', result.productVariantsBulkUpdate.userErrors)
  }
  return { status: 'accepted' }
}
