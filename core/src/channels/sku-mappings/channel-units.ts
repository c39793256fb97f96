import type { ChannelPrice } from '@switchyard/plugin-sdk'
import { fromMinorUnits, toMinorUnits } from '../../catalog/money'
import type { MappedSku, SkuMappingSet } from './sku-mapping-cache'

/**
 * Between the channel's units and the hub's: a channel sku mapped to `multiplier` × a hub sku.
 * Pure functions; intake, the stock push and the price push call them with an instance's mappings.
 */

/** One order line in the hub's terms, and what the channel called it. */
export interface HubLine {
  hubSku: string
  /** Hub units: the channel's quantity × multiplier. */
  quantity: number
  /** Null when the channel's sku is not mapped (it is the hub's sku). */
  channelSku: string | null
  multiplier: number
}

export function toHubLine(channelSku: string, channelQuantity: number, mappings: SkuMappingSet): HubLine {
  const m: MappedSku | undefined = mappings.get(channelSku)
  if (!m) return { hubSku: channelSku, quantity: channelQuantity, channelSku: null, multiplier: 1 }
  return { hubSku: m.hubSku, quantity: channelQuantity * m.multiplier, channelSku, multiplier: m.multiplier }
}

/**
 * The hub's unit price of a pack line, in minor units, and the line's discount, such that the line
 * total stays exactly what the channel charged: `unit × quantity × multiplier − discount` equals
 * `packPrice × quantity − packDiscount`. When the pack price does not divide by the multiplier
 * (a 6-pack at 10.00 is 1.666… a unit), the unit price is rounded up to the next minor unit and
 * the excess over the whole line (here 0.02 per pack) is added to the line's discount: no money
 * appears or vanishes, the discount never goes negative, and unit prices stay whole minor units.
 */
export function hubUnitPrice(
  packPriceMinor: number | null,
  packDiscountMinor: number,
  channelQuantity: number,
  multiplier: number,
): { unitPriceMinor: number | null; discountMinor: number } {
  if (packPriceMinor === null || multiplier === 1)
    return { unitPriceMinor: packPriceMinor, discountMinor: packDiscountMinor }
  const unit = Math.ceil(packPriceMinor / multiplier)
  const excessPerPack = unit * multiplier - packPriceMinor
  return { unitPriceMinor: unit, discountMinor: packDiscountMinor + excessPerPack * channelQuantity }
}

/** Counters of one line in the hub's units, as the order store keeps them. */
export interface LineCounts {
  quantity: number
  allocatedQty: number
  backorderedQty: number
  shippedQty: number
  cancelledQty: number
}

/**
 * The same counters in the channel's units (packs). A pack counts as allocated, shipped or
 * cancelled only when all its units are (floor); whatever is neither allocated nor shipped nor
 * cancelled is backordered, so the counters still add up to the channel's quantity.
 */
export function toChannelCounts(c: LineCounts, multiplier: number): LineCounts {
  if (multiplier === 1) return c
  const quantity = Math.floor(c.quantity / multiplier)
  const allocatedQty = Math.floor(c.allocatedQty / multiplier)
  const shippedQty = Math.floor(c.shippedQty / multiplier)
  const cancelledQty = Math.floor(c.cancelledQty / multiplier)
  const backorderedQty =
    c.backorderedQty === 0 ? 0 : Math.max(0, quantity - allocatedQty - shippedQty - cancelledQty)
  return { quantity, allocatedQty, backorderedQty, shippedQty, cancelledQty }
}

/**
 * What a channel is told it may sell, under its own skus: every hub sku as itself, except a hub
 * sku's name that the channel uses for a listing of its own (a mapping's channel sku wins), and
 * each mapped listing as floor(hub available ÷ multiplier) of the hub sku it stands for.
 * `hubAvailable` holds the channel's available-to-promise per hub sku; a missing sku has 0.
 */
export function toChannelAvailability(
  hubAvailable: ReadonlyMap<string, number>,
  mappings: SkuMappingSet,
): Map<string, number> {
  const out = new Map<string, number>()
  for (const [sku, available] of hubAvailable) if (!mappings.has(sku)) out.set(sku, available)
  for (const [channelSku, m] of mappings)
    out.set(channelSku, Math.floor(Math.max(0, hubAvailable.get(m.hubSku) ?? 0) / m.multiplier))
  return out
}

/**
 * The prices a channel is told, under its own skus: every hub price as itself, except a hub sku's
 * name that the channel uses for a listing of its own, and each mapped listing at its own price when
 * `hubPrices` has one for the channel sku (a price list prices the listing itself), else at the
 * hub sku's unit price × multiplier, exact in minor units. A listing whose hub sku has no price is
 * left out, as an unpriced hub sku is.
 */
export function toChannelPrices(hubPrices: readonly ChannelPrice[], mappings: SkuMappingSet): ChannelPrice[] {
  if (mappings.size === 0) return [...hubPrices]
  const bySku = new Map(hubPrices.map((p) => [p.sku, p]))
  const out = hubPrices.filter((p) => !mappings.has(p.sku))
  for (const [channelSku, m] of mappings) {
    const own = bySku.get(channelSku)
    const hub = bySku.get(m.hubSku)
    if (own && own.sku !== m.hubSku) out.push(own)
    else if (hub)
      out.push({
        ...hub,
        sku: channelSku,
        price: fromMinorUnits(toMinorUnits(hub.price, hub.currency) * m.multiplier, hub.currency),
      })
  }
  return out
}
