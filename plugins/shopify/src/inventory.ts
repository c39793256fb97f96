import { createHash } from 'node:crypto'
import {
  type ChannelInventoryLevel,
  type DeliveryResult,
  PermanentError,
  type PluginContext,
  TransientError,
} from '@switchyard/plugin-sdk'
import { graphql } from './admin-api'
import type { ShopifyConfig } from './config'

type Ctx = PluginContext<ShopifyConfig>

const VARIANTS_BY_SKU = `query VariantsBySku($query: String!) {
  productVariants(first: 100, query: $query) { nodes { sku inventoryItem { id } } }
}`

const AVAILABLE_AT = `query AvailableAt($ids: [ID!]!, $locationId: ID!) {
  nodes(ids: $ids) {
    ... on InventoryItem { id inventoryLevel(locationId: $locationId) { quantities(names: ["available"]) { name quantity } } }
  }
}`

const INVENTORY_SET = `mutation InventorySet($input: InventorySetQuantitiesInput!, $idempotencyKey: String!) {
  inventorySetQuantities(input: $input) @idempotent(key: $idempotencyKey) {
    inventoryAdjustmentGroup { id }
    userErrors { code field message }
  }
}`

/** Lost races in a row before the push fails (transient: the outbox tries again later). */
const MAX_ATTEMPTS = 4

interface UserError {
  code?: string | null
  field?: string[] | null
  message: string
}

/** Each known sku's inventory item id: from state, else looked up by sku once and kept. */
async function inventoryItems(
  levels: readonly ChannelInventoryLevel[],
  ctx: Ctx,
): Promise<Map<string, string>> {
  const items = new Map<string, string>()
  const unknown: string[] = []
  for (const l of levels) {
    const cached = await ctx.state.get<string>(`inventory-item:${l.sku}`)
    if (cached) items.set(l.sku, cached)
    else unknown.push(l.sku)
  }
  if (unknown.length > 0) {
    const query = unknown.map((s) => `sku:'${s.replace(/'/g, "\\'")}'`).join(' OR ')
    const found = await graphql<{
      productVariants: { nodes: { sku: string; inventoryItem: { id: string } }[] }
    }>(ctx, VARIANTS_BY_SKU, { query })
    for (const v of found.productVariants.nodes) {
      if (!unknown.includes(v.sku)) continue
      items.set(v.sku, v.inventoryItem.id)
      await ctx.state.set(`inventory-item:${v.sku}`, v.inventoryItem.id)
    }
  }
  return items
}

/** What Shopify holds as "available" for each item at the location; null where it is not stocked. */
async function availableAt(
  ids: readonly string[],
  locationId: string,
  ctx: Ctx,
): Promise<Map<string, number | null>> {
  const answer = await graphql<{
    nodes: ({
      id: string
      inventoryLevel: { quantities: { name: string; quantity: number }[] } | null
    } | null)[]
  }>(ctx, AVAILABLE_AT, { ids, locationId })
  const found = new Map<string, number | null>()
  for (const node of answer.nodes) {
    if (!node) continue
    const available = node.inventoryLevel?.quantities.find((q) => q.name === 'available')?.quantity
    found.set(node.id, typeof available === 'number' ? available : null)
  }
  return found
}

/**
 * Sets "available" at the configured location to what the hub lets Shopify sell, with the 2026-04
 * compare-and-swap: each quantity carries `changeFromQuantity`, the level read just before, so a
 * change Shopify made meanwhile is never overwritten blindly. A lost race
 * (`CHANGE_FROM_QUANTITY_STALE`) reads the fresh level and tries again; a sale Shopify took meanwhile
 * (a drop the hub has not heard of yet) is kept off the figure, never a rise, so Shopify never shows
 * more than the hub's figure. Levels already right are not written. The idempotency key names the
 * exact change, so a retried delivery repeats it and a changed one is a new request.
 */
export async function setInventory(levels: ChannelInventoryLevel[], ctx: Ctx): Promise<DeliveryResult> {
  const locationId = ctx.config.locationId
  if (!locationId) return { status: 'skipped', reason: 'no locationId configured' }
  const items = await inventoryItems(levels, ctx)
  const wanted = new Map<string, number>()
  for (const l of levels) {
    const id = items.get(l.sku)
    if (id) wanted.set(id, Math.max(0, l.available))
  }
  if (wanted.size === 0) return { status: 'skipped', reason: 'no sku is known at Shopify' }
  let expected = await availableAt([...wanted.keys()], locationId, ctx)
  const target = new Map(wanted)
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const quantities = [...target]
      .filter(([id, quantity]) => expected.get(id) !== quantity)
      .map(([inventoryItemId, quantity]) => ({
        inventoryItemId,
        locationId,
        quantity,
        // Mandatory from 2026-04. Null opts out: an item not stocked there has nothing to race with.
        changeFromQuantity: expected.get(inventoryItemId) ?? null,
      }))
    if (quantities.length === 0)
      return attempt === 1
        ? { status: 'skipped', reason: 'Shopify already shows these levels' }
        : { status: 'accepted' }
    const base = ctx.idempotencyKey ?? 'switchyard-inventory'
    const idempotencyKey = `${base}:${createHash('sha256').update(JSON.stringify(quantities)).digest('hex').slice(0, 24)}`
    const result = await graphql<{ inventorySetQuantities: { userErrors: UserError[] } }>(
      ctx,
      INVENTORY_SET,
      {
        idempotencyKey,
        input: { name: 'available', reason: 'correction', quantities },
      },
    )
    const errors = result.inventorySetQuantities.userErrors
    if (errors.length === 0) return { status: 'accepted' }
    if (!errors.every((e) => e.code === 'CHANGE_FROM_QUANTITY_STALE')) {
      const text = errors.map((e) => `${e.field?.join('.') ?? '(input)'}: ${e.message}`).join('; ')
      throw new PermanentError(`Shopify refused the inventory levels: ${text}`, {
        details: { userErrors: errors },
      })
    }
    // Lost the race: read again and keep any drop Shopify made meanwhile (a sale not yet at the hub).
    const fresh = await availableAt([...wanted.keys()], locationId, ctx)
    for (const [id, quantity] of target) {
      const before = expected.get(id)
      const now = fresh.get(id)
      if (typeof before === 'number' && typeof now === 'number' && now < before)
        target.set(id, Math.max(0, quantity - (before - now)))
    }
    expected = fresh
  }
  throw new TransientError(`Shopify's inventory kept changing: ${MAX_ATTEMPTS} attempts lost the race`)
}
