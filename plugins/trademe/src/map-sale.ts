import {
  type CanonicalOrder,
  canonicalOrderSchema,
  PayloadError,
  type PayloadIssue,
  type ServiceLevel,
  zodIssues,
} from '@switchyard/plugin-sdk'
import { tradeMeTime } from './dates'
import type { TradeMeAddress, TradeMeSoldItem } from './types'

/** TradeMe writes the country as a name; the ones its buyers ship to. */
const COUNTRIES: Record<string, string> = {
  'new zealand': 'NZ',
  nz: 'NZ',
  'aotearoa new zealand': 'NZ',
  australia: 'AU',
}

const PICKUP = 3

/** TradeMe money is a JSON number in NZD; the hub takes decimals as strings. */
function money(value: unknown): string | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value) >= 1e12) return undefined
  return value.toFixed(2)
}

function serviceLevelOf(item: TradeMeSoldItem): ServiceLevel {
  if (item.ShippingType === PICKUP) return 'pickup'
  const chosen = item.SelectedShipping ?? ''
  if (/overnight|next day/i.test(chosen)) return 'overnight'
  if (/express|urgent|priority/i.test(chosen)) return 'express'
  return 'standard'
}

/** The line's sku as the channel knows it: the listing's own SKU, or the listing id to map in the hub. */
export function channelSku(item: TradeMeSoldItem): string {
  const sku = typeof item.SKU === 'string' ? item.SKU.trim() : ''
  return sku ? sku : String(item.ListingId)
}

/** A sale the buyer has not yet given a delivery address for (and not one they collect). */
export function awaitingAddress(item: TradeMeSoldItem): boolean {
  const line1 = item.DeliveryAddress?.Address1
  return item.ShippingType !== PICKUP && (typeof line1 !== 'string' || line1.trim() === '')
}

/** A text field trimmed; anything else that is there is named as an issue. */
function text(value: unknown, field: string, issues: PayloadIssue[]): string {
  if (value === undefined || value === null) return ''
  if (typeof value === 'string') return value.trim()
  issues.push({ field, message: 'must be text' })
  return ''
}

function addressOf(to: TradeMeAddress | undefined, issues: PayloadIssue[]) {
  const field = (name: keyof TradeMeAddress) => text(to?.[name], `DeliveryAddress.${name}`, issues)
  const [name, line1, address2, suburb, city, postcode, countryName, phone] = (
    ['Name', 'Address1', 'Address2', 'Suburb', 'City', 'Postcode', 'Country', 'PhoneNumber'] as const
  ).map(field)
  const country =
    COUNTRIES[countryName!.toLowerCase()] ?? (/^[A-Z]{2}$/.test(countryName!) ? countryName : undefined)
  if (!line1) issues.push({ field: 'DeliveryAddress.Address1', message: 'is required' })
  // An empty country is New Zealand: TradeMe delivers domestically unless told otherwise.
  if (countryName && !country)
    issues.push({
      field: 'DeliveryAddress.Country',
      message: `'${countryName}' is not a country the hub knows`,
    })
  const line2 = [address2, suburb].filter(Boolean)
  return {
    ...(name ? { name } : {}),
    line1: line1!,
    ...(line2.length > 0 ? { line2: line2.join(', ') } : {}),
    ...(city ? { city } : {}),
    ...(postcode ? { postcode } : {}),
    country: country ?? 'NZ',
    ...(phone ? { phone } : {}),
  }
}

/**
 * One TradeMe sale as a canonical order: a purchase is one buyer buying `QuantitySold` units of one
 * listing, so one order of one line, keyed by the PurchaseId (what shipping and refunds name).
 */
export function toCanonicalOrder(item: TradeMeSoldItem): CanonicalOrder {
  const issues: PayloadIssue[] = []
  if (!Number.isSafeInteger(item.PurchaseId))
    issues.push({ field: 'PurchaseId', message: 'must be a whole number' })
  if (!Number.isSafeInteger(item.ListingId))
    issues.push({ field: 'ListingId', message: 'must be a whole number' })
  const quantity = item.QuantitySold ?? 1
  if (!Number.isSafeInteger(quantity) || quantity < 1)
    issues.push({ field: 'QuantitySold', message: 'must be a whole number of at least 1' })
  const soldAt = tradeMeTime(item.SoldDate)
  if (item.SoldDate !== undefined && soldAt === undefined)
    issues.push({ field: 'SoldDate', message: `'${String(item.SoldDate)}' is not a TradeMe date` })
  const shipTo = addressOf(item.DeliveryAddress, issues)
  const reference = text(item.ReferenceNumber, 'ReferenceNumber', issues)
  const title = text(item.Title, 'Title', issues)
  const message = text(item.MessageFromBuyer, 'MessageFromBuyer', issues)
  const email = text(item.Buyer?.Email, 'Buyer.Email', issues)
  const nickname = text(item.Buyer?.Nickname, 'Buyer.Nickname', issues)
  const memberId = Number.isSafeInteger(item.Buyer?.MemberId) ? String(item.Buyer!.MemberId) : ''
  if (issues.length > 0)
    throw new PayloadError(`TradeMe sale ${String(item.PurchaseId)} cannot be taken`, issues)
  const unitPrice = money(item.Price)
  const buyerName = shipTo.name ?? nickname
  const candidate = {
    externalId: String(item.PurchaseId),
    orderNumber: reference || `P${item.PurchaseId}`,
    ...(soldAt !== undefined ? { placedAt: new Date(soldAt).toISOString() } : {}),
    currency: 'NZD',
    ...(memberId || email || buyerName
      ? {
          customer: {
            ...(memberId ? { externalId: memberId } : {}),
            ...(email ? { email } : {}),
            ...(buyerName ? { name: buyerName } : {}),
          },
        }
      : {}),
    shipTo,
    serviceLevel: serviceLevelOf(item),
    lines: [
      {
        externalLineId: String(item.PurchaseId),
        sku: channelSku(item),
        quantity,
        ...(unitPrice ? { unitPrice } : {}),
        ...(title ? { name: title.slice(0, 300) } : {}),
      },
    ],
    ...(money(item.TotalShippingPrice ?? item.ShippingPrice) !== undefined
      ? { shippingTotal: money(item.TotalShippingPrice ?? item.ShippingPrice) }
      : {}),
    ...(money(item.TotalSalePrice) !== undefined ? { total: money(item.TotalSalePrice) } : {}),
    ...(message ? { notes: message.slice(0, 2000) } : {}),
    tags: ['trademe', ...(item.IsPayNowPurchase ? ['pay-now'] : [])],
    raw: item,
  }
  const parsed = canonicalOrderSchema.safeParse(candidate)
  if (!parsed.success)
    throw new PayloadError(`TradeMe sale ${String(item.PurchaseId)} is invalid`, zodIssues(parsed.error))
  return parsed.data
}
