import {
  type ChannelInventoryLevel,
  type ChannelPrice,
  type DeliveryResult,
  PermanentError,
  type PluginContext,
} from '@switchyard/plugin-sdk'
import { wooRequest } from './api'
import type { WoocommerceConfig } from './config'

type Ctx = PluginContext<WoocommerceConfig>

/** A product or variation at the shop; `parent` is the variable product of a variation, 0 otherwise. */
interface Listing {
  id: number
  parent: number
}

/** WooCommerce's batch endpoints take at most 100 items a request. */
const BATCH = 100

interface BatchAnswer {
  update?: ({ id: number; error?: undefined } | { id: number; error: { code: string; message: string } })[]
}

/**
 * Each sku's product or variation: from state, else looked up by sku once and kept. With a sku
 * filter `GET /products` searches variations too, each with its `parent_id`.
 */
async function listings(skus: readonly string[], ctx: Ctx): Promise<Map<string, Listing>> {
  const found = new Map<string, Listing>()
  const unknown: string[] = []
  for (const sku of new Set(skus)) {
    const cached = await ctx.state.get<Listing>(`listing:${sku}`)
    if (cached) found.set(sku, cached)
    // A sku with a comma cannot be asked for (the filter splits on commas): it is not sold there.
    else if (!sku.includes(',')) unknown.push(sku)
  }
  for (let i = 0; i < unknown.length; i += BATCH) {
    const chunk = unknown.slice(i, i + BATCH)
    const res = await wooRequest(
      ctx,
      'GET',
      `/wc/v3/products?sku=${encodeURIComponent(chunk.join(','))}&per_page=${BATCH}`,
    )
    for (const p of res.json<{ id: number; parent_id?: number; sku?: string }[]>()) {
      if (!p.sku || !chunk.includes(p.sku)) continue
      const listing = { id: p.id, parent: p.parent_id ?? 0 }
      found.set(p.sku, listing)
      await ctx.state.set(`listing:${p.sku}`, listing)
    }
  }
  return found
}

/**
 * Writes one field set per sku through the batch endpoints: products in `/products/batch`,
 * variations in `/products/{parent}/variations/batch`, 100 a request. Absolute values, so a retry
 * writes the same. An item the shop refuses is reported after the others are written; one whose
 * listing is gone (deleted at the shop) is forgotten, so the next push looks it up again.
 */
async function writeBatches(
  entries: readonly { sku: string; fields: Record<string, unknown> }[],
  ctx: Ctx,
  what: string,
): Promise<DeliveryResult> {
  const known = await listings(
    entries.map((e) => e.sku),
    ctx,
  )
  const byParent = new Map<number, { sku: string; item: Record<string, unknown> }[]>()
  for (const e of entries) {
    const listing = known.get(e.sku)
    if (!listing) continue
    const group = byParent.get(listing.parent) ?? []
    group.push({ sku: e.sku, item: { id: listing.id, ...e.fields } })
    byParent.set(listing.parent, group)
  }
  if (byParent.size === 0) return { status: 'skipped', reason: 'no sku is sold at the shop' }
  const refused: string[] = []
  for (const [parent, items] of byParent) {
    const path = parent ? `/wc/v3/products/${parent}/variations/batch` : '/wc/v3/products/batch'
    for (let i = 0; i < items.length; i += BATCH) {
      const chunk = items.slice(i, i + BATCH)
      const answer = (
        await wooRequest(ctx, 'POST', path, { update: chunk.map((c) => c.item) })
      ).json<BatchAnswer>()
      for (const a of answer.update ?? []) {
        if (!a.error) continue
        const sku = chunk.find((c) => c.item.id === a.id)?.sku ?? String(a.id)
        if (/invalid_id/.test(a.error.code)) await ctx.state.delete(`listing:${sku}`)
        refused.push(`${sku}: ${a.error.message} (${a.error.code})`)
      }
    }
  }
  if (refused.length > 0) throw new PermanentError(`WooCommerce refused ${what} of ${refused.join('; ')}`)
  return { status: 'accepted' }
}

/** Stock: each product's or variation's `stock_quantity`, with stock management turned on. */
export function pushInventory(levels: ChannelInventoryLevel[], ctx: Ctx): Promise<DeliveryResult> {
  return writeBatches(
    levels.map((l) => ({
      sku: l.sku,
      fields: { manage_stock: true, stock_quantity: Math.max(0, l.available) },
    })),
    ctx,
    'the stock',
  )
}

/**
 * Prices: each product's or variation's `regular_price`, when channel pricing is on. WooCommerce
 * sells in the store's one currency: a price in another is refused, naming the sku.
 */
export async function pushPrices(prices: ChannelPrice[], ctx: Ctx): Promise<DeliveryResult> {
  const currency = ctx.config.currency
  const foreign = currency ? prices.filter((p) => p.currency !== currency) : []
  if (foreign.length > 0)
    throw new PermanentError(
      `WooCommerce sells in ${currency}: ${foreign.map((p) => `${p.sku} is priced in ${p.currency}`).join('; ')}`,
    )
  return writeBatches(
    prices.map((p) => ({ sku: p.sku, fields: { regular_price: p.price } })),
    ctx,
    'the prices',
  )
}
