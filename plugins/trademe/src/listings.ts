import type { Ctx } from './api'

const STATE_KEY = 'listings'

/**
 * Which TradeMe listing sells which channel sku: the config's `listings` first, then what sales
 * taught (a sale names its listing and the listing's SKU), then a sku that is itself a listing id
 * (a listing without a SKU is sold under its id, mapped to a hub sku in the hub's sku mappings).
 */
export async function listingOf(ctx: Ctx, sku: string): Promise<number | undefined> {
  const configured = ctx.config.listings[sku]
  if (configured) return configured
  const learned = (await ctx.state.get<Record<string, number>>(STATE_KEY))?.[sku]
  if (learned) return learned
  return /^[1-9]\d{0,15}$/.test(sku) && Number.isSafeInteger(Number(sku)) ? Number(sku) : undefined
}

/** Records listings sales named, writing state only when something changed. */
export async function rememberListings(ctx: Ctx, pairs: [string, number][]): Promise<void> {
  if (pairs.length === 0) return
  const known = (await ctx.state.get<Record<string, number>>(STATE_KEY)) ?? {}
  let changed = false
  for (const [sku, listingId] of pairs) {
    if (known[sku] === listingId) continue
    known[sku] = listingId
    changed = true
  }
  if (changed) await ctx.state.set(STATE_KEY, known)
}

/** A listing withdrawn when its sku ran out, so a later "available" knows it cannot just be edited. */
export async function markWithdrawn(ctx: Ctx, listingId: number, withdrawn: boolean): Promise<void> {
  const key = `withdrawn:${listingId}`
  if (withdrawn) await ctx.state.set(key, true)
  else await ctx.state.delete(key)
}

export const isWithdrawn = async (ctx: Ctx, listingId: number): Promise<boolean> =>
  (await ctx.state.get<boolean>(`withdrawn:${listingId}`)) === true
