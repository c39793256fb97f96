import {
  type InboundEvent,
  mapStoredRecord,
  PayloadError,
  type PollResult,
  pager,
  type UnmappedRecord,
  unmappedRecord,
  windowCursor,
} from '@switchyard/plugin-sdk'
import { type Ctx, tradeMe } from './api'
import type { TradeMeConfig } from './config'
import { tradeMeTime } from './dates'
import { rememberListings } from './listings'
import { awaitingAddress, channelSku, toCanonicalOrder } from './map-sale'
import { filterFor, OLDEST_MS, readWaiting, timeOfKey, waitingKey, withWaiting } from './sold-window'
import type { TradeMeSoldItem } from './types'

const windowsOf = (c: TradeMeConfig) =>
  windowCursor({
    overlapMs: c.overlapSec * 1000,
    start: (now) => c.reconcileFrom ?? new Date(now.getTime() - 24 * 3600_000).toISOString(),
    maxSeen: 5000,
  })

/** TradeMe pages with `page` (from 1) and `rows`, and says how many there are in `TotalCount`. */
const soldItemsOf = (c: TradeMeConfig) =>
  pager<TradeMeSoldItem>({
    style: 'page',
    pageParam: 'page',
    sizeParam: 'rows',
    size: c.rows,
    records: 'List',
    totalPages: (body) => {
      const total = (body as { TotalCount?: unknown } | null)?.TotalCount
      return typeof total === 'number' ? Math.ceil(total / c.rows) : undefined
    },
    what: 'TradeMe SoldItems',
  })

/**
 * Sold items (`GET /v1/MyTradeMe/SoldItems/{filter}.json`), one page per call, with the SDK's
 * window cursor (overlap, sales already taken left out) and pager. TradeMe has no webhook for sales,
 * so this poll is the intake. Each sale is one order; a sale whose buyer has not given a delivery
 * address yet is read again on later polls until it comes (or reported after `addressWaitSec`); a
 * sale the mapping refuses is reported in `unmapped`.
 */
export async function pollSoldItems(raw: string | null, ctx: Ctx): Promise<PollResult> {
  const { config } = ctx
  const windows = windowsOf(config)
  const clock = ctx.clock.now()
  const now = clock.getTime()
  const state = windows.read(raw, clock)
  const waiting = readWaiting(raw)
  // The window reaches back to the oldest sale still waiting for its address, and no further than
  // TradeMe keeps sales.
  const from = Math.max(
    Math.min(Date.parse(windows.from(state)), ...waiting.waiting.map(timeOfKey)),
    now - OLDEST_MS,
  )
  const filter = (state.page && waiting.walk?.filter) || filterFor(from, now)
  const base = `${config.baseUrl.replace(/\/$/, '')}/v1/MyTradeMe/SoldItems/${filter}.json`
  const page = await soldItemsOf(config).fetch((url) => tradeMe(ctx, 'GET', url), base, state.page)

  const events: InboundEvent[] = []
  const unmapped: UnmappedRecord[] = []
  const taken: { id: string; modifiedAt: string | undefined }[] = []
  const waitingNow: string[] = []
  for (const item of page.records) {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      const issue = { field: 'List[]', message: 'is not an object' }
      unmapped.push(unmappedRecord(item, undefined, new PayloadError('not a sale', [issue])))
      continue
    }
    const soldAt = tradeMeTime(item.SoldDate)
    if (soldAt !== undefined && soldAt < from) continue
    const id = Number.isSafeInteger(item.PurchaseId) ? item.PurchaseId : undefined
    const record = {
      id: id === undefined ? '' : String(id),
      modifiedAt: soldAt === undefined ? undefined : new Date(soldAt).toISOString(),
    }
    if (id !== undefined && !windows.fresh(state, record)) continue
    const waitsForAddress = id !== undefined && soldAt !== undefined && awaitingAddress(item)
    if (waitsForAddress && now - soldAt < config.addressWaitSec * 1000) {
      waitingNow.push(waitingKey(id, soldAt))
      continue
    }
    taken.push(record)
    try {
      if (waitsForAddress)
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
  const labelled = page.records.filter(
    (i) => Number.isSafeInteger(i?.ListingId) && typeof i.SKU === 'string' && i.SKU.trim() !== '',
  )
  await rememberListings(
    ctx,
    labelled.map((i): [string, number] => [channelSku(i), i.ListingId]),
  )
  const more = page.next !== undefined
  const cursor = withWaiting(
    windows.advance(state, taken, page.next, clock),
    waiting,
    { filter, waiting: waitingNow, more },
    now,
  )
  return { events, ...(unmapped.length > 0 ? { unmapped } : {}), cursor, ...(more ? { more: true } : {}) }
}

/** One stored sale mapped again, as `pollSoldItems` maps it (a replayed intake exception). */
export function mapSaleRecord(payload: string): InboundEvent {
  return mapStoredRecord(payload, (item: TradeMeSoldItem) => ({
    type: 'order',
    order: toCanonicalOrder(item),
  }))
}
