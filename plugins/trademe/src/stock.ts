import {
  type ChannelInventoryLevel,
  type DeliveryResult,
  isPluginError,
  PermanentError,
} from '@switchyard/plugin-sdk'
import { type Ctx, readJson, refused, tradeMe } from './api'
import { isWithdrawn, listingOf, markWithdrawn } from './listings'
import type { TradeMeResult } from './types'

const LISTING_WAS_NOT_SOLD = 2

/**
 * Sets a listing's quantity to what the hub lets TradeMe sell. TradeMe edits a listing whole: the
 * listing is read in its editable form (`GET /v1/Selling/Listings/{id}.json`, an
 * EditListingRequest) and sent back with the new `Quantity` (`POST /v1/Selling/Edit.json`). The
 * value is absolute, so a retried message sets the same number again.
 */
async function setQuantity(ctx: Ctx, listingId: number, quantity: number): Promise<'edited' | 'unchanged'> {
  const current = readJson<Record<string, unknown>>(
    await tradeMe(ctx, 'GET', `/v1/Selling/Listings/${listingId}.json`),
    'Selling/Listings',
  )
  if (current.Quantity === quantity) return 'unchanged'
  const result = readJson<TradeMeResult>(
    await tradeMe(ctx, 'POST', '/v1/Selling/Edit.json', {
      ...current,
      ListingId: listingId,
      Quantity: quantity,
    }),
    'Selling/Edit',
  )
  if (!result.Success) throw refused(`the quantity ${quantity} of listing ${listingId}`, result)
  return 'edited'
}

/**
 * At zero a listing must stop selling. TradeMe's documentation does not say whether a
 * multiple-quantity listing takes a quantity of 0, so it is tried first; when TradeMe refuses it,
 * the listing is withdrawn (`POST /v1/Selling/Withdraw.json`). A withdrawn listing cannot be brought
 * back by the API: when stock returns, a person lists the item again (the push says so).
 */
async function stopSelling(ctx: Ctx, listingId: number): Promise<string> {
  try {
    await setQuantity(ctx, listingId, 0)
    return `${listingId}=0`
  } catch (error) {
    if (!isPluginError(error) || error.failure !== 'permanent') throw error
  }
  const result = readJson<TradeMeResult>(
    await tradeMe(ctx, 'POST', '/v1/Selling/Withdraw.json', {
      ListingId: listingId,
      Type: LISTING_WAS_NOT_SOLD,
      Reason: 'Out of stock',
    }),
    'Selling/Withdraw',
  )
  if (!result.Success) throw refused(`the withdrawal of listing ${listingId}`, result)
  await markWithdrawn(ctx, listingId, true)
  return `${listingId}=withdrawn`
}

/**
 * `inventoryPush`: each sku the hub reports is set on the listing that sells it (see `listingOf`).
 * A sku no listing sells is passed over; one listing TradeMe refuses to edit (it ended, it has
 * bids) is logged and the others still go, and only a batch where nothing could be set fails.
 */
export async function pushInventory(levels: ChannelInventoryLevel[], ctx: Ctx): Promise<DeliveryResult> {
  const set: string[] = []
  const problems: string[] = []
  for (const level of levels) {
    const listingId = await listingOf(ctx, level.sku)
    if (!listingId) continue
    const quantity = Math.max(0, Math.floor(level.available))
    try {
      if (await isWithdrawn(ctx, listingId)) {
        if (quantity > 0)
          problems.push(`listing ${listingId} (${level.sku}) was withdrawn at zero: list it again`)
        continue
      }
      if (quantity === 0) set.push(await stopSelling(ctx, listingId))
      else if ((await setQuantity(ctx, listingId, quantity)) === 'edited')
        set.push(`${listingId}=${quantity}`)
    } catch (error) {
      if (!isPluginError(error) || error.failure !== 'permanent') throw error
      problems.push(`listing ${listingId} (${level.sku}): ${error.message}`)
    }
  }
  for (const problem of problems) ctx.logger.warn({ problem }, 'TradeMe listing quantity not set')
  if (set.length === 0 && problems.length > 0) throw new PermanentError(problems.join('; '))
  if (set.length === 0) return { status: 'skipped', reason: 'no TradeMe listing to change' }
  return { status: 'accepted', externalRef: `listings:${set.join(',')}`.slice(0, 500) }
}
