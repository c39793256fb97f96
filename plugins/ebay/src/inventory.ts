import {
  type ChannelInventoryLevel,
  type ChannelPrice,
  type DeliveryResult,
  jsonResponse,
  TransientError,
} from '@switchyard/plugin-sdk'
import { type Ctx, ebay } from './api'

/** bulkUpdatePriceQuantity takes at most 25 inventory items per call. */
const BATCH = 25
/** Offer ids are read again after this long: a listing ended or relisted gets new ones. */
const OFFERS_TTL_MS = 3600_000

interface Offers {
  ids: string[]
  currency?: string
  at: number
}

interface PriceQuantity {
  sku: string
  shipToLocationAvailability?: { quantity: number }
  offers: { offerId: string; availableQuantity?: number; price?: { value: string; currency: string } }[]
}

/**
 * The sku's published offers on the instance's marketplace (getOffers), cached in state: an offer's
 * quantity and price can only be changed through its id, and a sku with no offer is not listed.
 */
async function offersOf(sku: string, ctx: Ctx): Promise<Offers> {
  const key = `offers:${sku}`
  const cached = await ctx.state.get<Offers>(key)
  const now = ctx.clock.now().getTime()
  if (cached && now - cached.at < OFFERS_TTL_MS) return cached
  const res = await ebay(
    ctx,
    'GET',
    `/sell/inventory/v1/offer?${new URLSearchParams({ sku, marketplace_id: ctx.config.marketplaceId, limit: '25' })}`,
    // 404 (errorId 25713): no inventory item or offer for the sku, i.e. not sold on eBay.
    { acceptStatus: (s) => s === 404 },
  )
  type Answer = {
    offers?: { offerId?: string; status?: string; pricingSummary?: { price?: { currency?: string } } }[]
  }
  const body: Answer = res.status === 404 ? {} : jsonResponse<Answer>(res, { what: 'eBay getOffers' })
  const published = (body.offers ?? []).filter((o) => o.offerId && o.status !== 'UNPUBLISHED')
  const offers: Offers = {
    ids: published.map((o) => o.offerId!),
    ...(published[0]?.pricingSummary?.price?.currency
      ? { currency: published[0].pricingSummary.price.currency }
      : {}),
    at: now,
  }
  await ctx.state.set(key, offers)
  return offers
}

/** Sends the requests 25 at a time; a 5xx for any item is retried, a 4xx for one is reported. */
async function bulkUpdate(requests: PriceQuantity[], ctx: Ctx): Promise<string[]> {
  const refused: string[] = []
  for (let i = 0; i < requests.length; i += BATCH) {
    const res = await ebay(ctx, 'POST', '/sell/inventory/v1/bulk_update_price_quantity', {
      body: { requests: requests.slice(i, i + BATCH) },
      // 207 Multi-Status: some items failed; each item's statusCode says which.
      acceptStatus: (s) => s === 207,
    })
    const answer = jsonResponse<{
      responses?: { statusCode?: number; sku?: string; offerId?: string; errors?: { message?: string }[] }[]
    }>(res, { what: 'eBay bulkUpdatePriceQuantity' })
    for (const item of answer.responses ?? []) {
      const status = item.statusCode ?? 200
      if (status >= 500)
        throw new TransientError(`eBay could not update ${item.sku ?? item.offerId} (${status})`)
      if (status >= 400)
        refused.push(
          `${item.sku ?? item.offerId}: ${item.errors?.map((e) => e.message).join('; ') || status}`,
        )
    }
  }
  return refused
}

function outcome(sent: number, notListed: string[], refused: string[]): DeliveryResult {
  if (sent === 0) return { status: 'skipped', reason: `not listed on eBay: ${notListed.join(', ')}` }
  const notes = [
    ...(notListed.length > 0 ? [`not listed: ${notListed.join(', ')}`] : []),
    ...(refused.length > 0 ? [`refused: ${refused.join(' | ')}`] : []),
  ]
  return {
    status: 'accepted',
    externalRef: `items:${sent}${notes.length > 0 ? `; ${notes.join('; ')}` : ''}`.slice(0, 500),
  }
}

/**
 * What eBay may still sell, per sku: the inventory item's ship-to-home quantity and every
 * published offer's available quantity, both set (eBay lists the smaller of the two).
 */
export async function pushInventory(levels: ChannelInventoryLevel[], ctx: Ctx): Promise<DeliveryResult> {
  const requests: PriceQuantity[] = []
  const notListed: string[] = []
  for (const level of levels) {
    const offers = await offersOf(level.sku, ctx)
    if (offers.ids.length === 0) {
      notListed.push(level.sku)
      continue
    }
    const quantity = Math.max(0, level.available)
    requests.push({
      sku: level.sku,
      shipToLocationAvailability: { quantity },
      offers: offers.ids.map((offerId) => ({ offerId, availableQuantity: quantity })),
    })
  }
  return outcome(requests.length, notListed, await bulkUpdate(requests, ctx))
}

/** The hub's price per sku on each published offer; a price in another currency than the listing's is left out. */
export async function pushPrices(prices: ChannelPrice[], ctx: Ctx): Promise<DeliveryResult> {
  const requests: PriceQuantity[] = []
  const notListed: string[] = []
  for (const p of prices) {
    const offers = await offersOf(p.sku, ctx)
    if (offers.ids.length === 0 || (offers.currency && offers.currency !== p.currency)) {
      notListed.push(
        offers.ids.length === 0 ? p.sku : `${p.sku} (listed in ${offers.currency}, not ${p.currency})`,
      )
      continue
    }
    requests.push({
      sku: p.sku,
      offers: offers.ids.map((offerId) => ({ offerId, price: { value: p.price, currency: p.currency } })),
    })
  }
  return outcome(requests.length, notListed, await bulkUpdate(requests, ctx))
}
