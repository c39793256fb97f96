import {
  type CanonicalOrder,
  canonicalOrderSchema,
  type InboundEvent,
  PayloadError,
  type PayloadIssue,
  type ServiceLevel,
  zodIssues,
} from '@switchyard/plugin-sdk'
import { scaleOf, toDecimal, toUnits, unitPriceOf } from './money'
import type { EbayLineItem, EbayOrder } from './types'

/** eBay's shipping service codes name their speed (`USPSPriorityExpress`, `UPSNextDay`, `UK_RoyalMailFirstClassStandard`). */
export function serviceLevelOf(code: string | undefined): ServiceLevel {
  if (!code) return 'standard'
  if (/next\s*day|overnight|one\s*day|sameday|same_day/i.test(code)) return 'overnight'
  if (/express|expedited|priority|2day|second\s*day/i.test(code)) return 'express'
  if (/economy|saver|media|ground_?advantage/i.test(code)) return 'economy'
  if (/pickup|collect|click/i.test(code)) return 'pickup'
  return 'standard'
}

/** The line's promotions, summed: eBay lists each markdown or coupon apart. */
const discountOf = (item: EbayLineItem) => {
  const values = (item.appliedPromotions ?? []).map((p) => p.discountAmount?.value)
  if (values.every((v) => !v)) return undefined
  const scale = scaleOf(values)
  const sum = values.reduce((s, v) => s + toUnits(v, scale), 0n)
  return sum > 0n ? toDecimal(sum, scale) : undefined
}

/** An order eBay has been paid for, as the hub's canonical order; a `PayloadError` names what is missing. */
export function toCanonicalOrder(order: EbayOrder): CanonicalOrder {
  const issues: PayloadIssue[] = []
  const step = order.fulfillmentStartInstructions?.find((i) => i.shippingStep)?.shippingStep
  const to = step?.shipTo
  if (!to?.contactAddress)
    issues.push({ field: 'fulfillmentStartInstructions[0].shippingStep.shipTo', message: 'is missing' })
  const lines = order.lineItems ?? []
  if (lines.length === 0) issues.push({ field: 'lineItems', message: 'is empty' })
  for (const [i, item] of lines.entries())
    if (!item.sku?.trim())
      issues.push({
        field: `lineItems[${i}].sku`,
        message: 'is missing: the listing has no custom label (SKU)',
      })
  if (issues.length > 0) throw new PayloadError(`eBay order ${order.orderId} cannot be taken`, issues)

  const address = to!.contactAddress!
  const registered = order.buyer?.buyerRegistrationAddress
  const email = to?.email ?? registered?.email
  const candidate = {
    externalId: order.orderId,
    orderNumber: order.orderId,
    ...(order.creationDate ? { placedAt: order.creationDate } : {}),
    currency: order.pricingSummary?.total?.currency ?? lines[0]?.lineItemCost?.currency ?? '',
    customer: {
      ...(order.buyer?.username ? { externalId: order.buyer.username } : {}),
      ...(registered?.fullName || to?.fullName ? { name: registered?.fullName ?? to?.fullName } : {}),
      ...(email ? { email } : {}),
      ...(registered?.primaryPhone?.phoneNumber ? { phone: registered.primaryPhone.phoneNumber } : {}),
    },
    shipTo: {
      ...(to?.fullName ? { name: to.fullName } : {}),
      line1: address.addressLine1 ?? '',
      ...(address.addressLine2 ? { line2: address.addressLine2 } : {}),
      ...(address.city ? { city: address.city } : {}),
      ...(address.stateOrProvince ? { region: address.stateOrProvince } : {}),
      ...(address.postalCode ? { postcode: address.postalCode } : {}),
      country: address.countryCode ?? '',
      ...(to?.primaryPhone?.phoneNumber ? { phone: to.primaryPhone.phoneNumber } : {}),
    },
    serviceLevel: serviceLevelOf(step?.shippingServiceCode),
    lines: lines.map((item) => {
      // lineItemCost is the unit price times the quantity, before discounts.
      const unitPrice = unitPriceOf(item.lineItemCost?.value, item.quantity)
      const discount = discountOf(item)
      return {
        externalLineId: item.lineItemId,
        sku: item.sku!.trim(),
        quantity: item.quantity,
        ...(unitPrice ? { unitPrice } : {}),
        ...(discount ? { discount } : {}),
        ...(item.title ? { name: item.title.slice(0, 300) } : {}),
      }
    }),
    ...(order.pricingSummary?.deliveryCost?.value
      ? { shippingTotal: order.pricingSummary.deliveryCost.value }
      : {}),
    ...(order.pricingSummary?.total?.value ? { total: order.pricingSummary.total.value } : {}),
    tags: ['ebay', ...(lines[0]?.listingMarketplaceId ? [lines[0].listingMarketplaceId.slice(0, 60)] : [])],
    raw: order,
  }
  if (Object.keys(candidate.customer).length === 0) delete (candidate as { customer?: unknown }).customer
  const parsed = canonicalOrderSchema.safeParse(candidate)
  if (!parsed.success)
    throw new PayloadError(`eBay order ${order.orderId} is invalid`, zodIssues(parsed.error))
  return parsed.data
}

/**
 * What an order in getOrders means to the hub. Only paid orders waiting to ship are taken (the
 * Fulfillment API lists only orders past checkout; an unpaid one must not ship); an order eBay
 * cancelled is a cancellation; everything else (shipped, fully refunded, a cancellation the buyer
 * asked for and the seller has not answered) is not the hub's to act on.
 */
export function orderEvent(order: EbayOrder): InboundEvent {
  if (order.cancelStatus?.cancelState === 'CANCELED')
    return { type: 'order.cancelled', externalOrderId: order.orderId, reason: 'cancelled on eBay' }
  const paid = order.orderPaymentStatus === 'PAID' || order.orderPaymentStatus === 'PARTIALLY_REFUNDED'
  const open =
    order.orderFulfillmentStatus === 'NOT_STARTED' || order.orderFulfillmentStatus === 'IN_PROGRESS'
  if (paid && open) return { type: 'order', order: toCanonicalOrder(order) }
  return {
    type: 'ignored',
    reason: `order ${order.orderId} is ${order.orderPaymentStatus ?? 'of unknown payment status'}, ${order.orderFulfillmentStatus ?? 'of unknown fulfilment status'}`,
  }
}
