import {
  type InboundEvent,
  mapStoredRecord,
  PayloadError,
  type PollResult,
  type UnmappedRecord,
  unmappedRecord,
} from '@switchyard/plugin-sdk'
import { type Ctx, readJson, tradeMe } from './api'
import { tradeMeTime } from './dates'
import { rememberListings } from './listings'
import { awaitingAddress, channelSku, toCanonicalOrder } from './map-sale'
import { advance, filterFor, keyOf, OLDEST_MS, readCursor, taken, windowFrom } from './sold-window'
import type { TradeMeSoldItem, TradeMeSoldItems } from './types'

/**
 * Sold items (`GET /v1/MyTradeMe/SoldItems/{filter}.json`), one page per call. TradeMe has no
 * webhook for sales, so this poll is the intake. Each sale is one order; a sale whose buyer has not
 * given a delivery address yet is read again on later polls until it comes (or reported after
 * `addressWaitSec`); a sale the mapping refuses is reported in `unmapped`.
 */
export async function pollSoldItems(raw: string | null, ctx: Ctx): Promise<PollResult> {
  const { config } = ctx
  const now = ctx.clock.now().getTime()
  const overlapMs = config.overlapSec * 1000
  const cursor = readCursor(raw, () => config.reconcileFrom ?? new Date(now - 24 * 3600_000).toISOString())
  // TradeMe keeps 45 days of sales; a window cannot reach further back.
  const from = Math.max(windowFrom(cursor, overlapMs), now - OLDEST_MS)
  const filter = cursor.walk?.filter ?? filterFor(from, now)
  const page = cursor.walk?.page ?? 1
  const params = new URLSearchParams({ page: String(page), rows: String(config.rows) })
  const res = await tradeMe(ctx, 'GET', `/v1/MyTradeMe/SoldItems/${filter}.json?${params}`)
  const answer = readJson<TradeMeSoldItems>(res, 'SoldItems')
  const list = Array.isArray(answer?.List) ? answer.List : []

  const events: InboundEvent[] = []
  const unmapped: UnmappedRecord[] = []
  const takenNow: string[] = []
  const waitingNow: string[] = []
  for (const item of list) {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      unmapped.push(
        unmappedRecord(
          item,
          undefined,
          new PayloadError('not a sale', [{ field: 'List[]', message: 'is not an object' }]),
        ),
      )
      continue
    }
    const soldAt = tradeMeTime(item.SoldDate)
    const id = Number.isSafeInteger(item.PurchaseId) ? item.PurchaseId : undefined
    if (soldAt !== undefined && soldAt < from) continue
    const key = id !== undefined && soldAt !== undefined ? keyOf(id, soldAt) : undefined
    if (key && taken(cursor, key)) continue
    if (key && awaitingAddress(item) && now - soldAt! < config.addressWaitSec * 1000) {
      waitingNow.push(key)
      continue
    }
    if (key) takenNow.push(key)
    try {
      if (key && awaitingAddress(item))
        throw new PayloadError(`TradeMe sale ${id} has no delivery address`, [
          {
            field: 'DeliveryAddress.Address1',
            message: `the buyer gave none within ${config.addressWaitSec} s of the sale`,
          },
        ])
      events.push({ type: 'order', order: toCanonicalOrder(item) })
    } catch (error) {
      // Reported, not skipped: the hub keeps it as an intake exception and the page goes on.
      unmapped.push(unmappedRecord(item, id !== undefined ? String(id) : undefined, error))
      ctx.logger.warn({ purchaseId: id, error: (error as Error).message }, 'TradeMe sale not mappable')
    }
  }
  // A sale names its listing and the listing's SKU: what the stock push needs to find the listing.
  const labelled = list.filter(
    (i: TradeMeSoldItem) => Number.isSafeInteger(i?.ListingId) && typeof i.SKU === 'string' && i.SKU.trim(),
  )
  await rememberListings(
    ctx,
    labelled.map((i): [string, number] => [channelSku(i), i.ListingId]),
  )
  const total = typeof answer?.TotalCount === 'number' ? answer.TotalCount : 0
  const more = list.length > 0 && page * config.rows < total
  const next = advance(cursor, { filter, from, page, more }, takenNow, waitingNow, overlapMs, now)
  return {
    events,
    ...(unmapped.length > 0 ? { unmapped } : {}),
    cursor: JSON.stringify(next),
    ...(more ? { more: true } : {}),
  }
}

/** One stored sale mapped again, as `pollSoldItems` maps it (a replayed intake exception). */
export function mapSaleRecord(payload: string): InboundEvent {
  return mapStoredRecord(payload, (item: TradeMeSoldItem) => ({
    type: 'order',
    order: toCanonicalOrder(item),
  }))
}
