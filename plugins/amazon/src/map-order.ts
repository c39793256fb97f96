import {
  type CanonicalOrder,
  canonicalOrderSchema,
  type InboundEvent,
  PayloadError,
  type PayloadIssue,
  type ServiceLevel,
  zodIssues,
} from '@switchyard/plugin-sdk'
import type { AmazonOrder } from './types'

function serviceLevelOf(level: string | undefined): ServiceLevel {
  switch (level) {
    case 'Expedited':
    case 'Priority':
      return 'express'
    case 'NextDay':
    case 'SameDay':
      return 'overnight'
    case 'FreeEconomy':
    case 'Scheduled':
      return 'economy'
    default:
      return 'standard'
  }
}

export function toCanonicalOrder(order: AmazonOrder): CanonicalOrder {
  const issues: PayloadIssue[] = []
  const to = order.recipient?.deliveryAddress
  if (!to)
    issues.push({
      field: 'recipient.deliveryAddress',
      message: 'is missing: the application needs the RECIPIENT data role',
    })
  for (const [i, item] of (order.orderItems ?? []).entries())
    if (!item.product?.sellerSku)
      issues.push({ field: `orderItems[${i}].product.sellerSku`, message: 'is required' })
  if (issues.length > 0) throw new PayloadError(`Amazon order ${order.orderId} cannot be taken`, issues)
  const sellerOrderId = order.orderAliases?.find((a) => a.aliasType === 'SELLER_ORDER_ID')?.aliasId
  const total = order.proceeds?.grandTotal
  const candidate = {
    externalId: order.orderId,
    orderNumber: sellerOrderId ?? order.orderId,
    ...(order.createdTime ? { placedAt: order.createdTime } : {}),
    currency: total?.currencyCode ?? order.orderItems?.[0]?.product?.price?.unitPrice?.currencyCode ?? '',
    ...(order.buyer?.buyerName || order.buyer?.buyerEmail
      ? {
          customer: {
            ...(order.buyer.buyerName ? { name: order.buyer.buyerName } : {}),
            ...(order.buyer.buyerEmail ? { email: order.buyer.buyerEmail } : {}),
          },
        }
      : {}),
    shipTo: {
      ...(to?.name ? { name: to.name } : {}),
      line1: to?.addressLine1 ?? '',
      ...(to?.addressLine2 || to?.addressLine3
        ? { line2: [to.addressLine2, to.addressLine3].filter(Boolean).join(', ') }
        : {}),
      ...(to?.city ? { city: to.city } : {}),
      ...(to?.stateOrRegion ? { region: to.stateOrRegion } : {}),
      ...(to?.postalCode ? { postcode: to.postalCode } : {}),
      country: to?.countryCode ?? '',
      ...(to?.phone ? { phone: to.phone } : {}),
    },
    serviceLevel: serviceLevelOf(order.fulfillment?.fulfillmentServiceLevel),
    lines: (order.orderItems ?? []).map((item) => ({
      externalLineId: item.orderItemId,
      sku: item.product!.sellerSku!,
      quantity: item.quantityOrdered,
      ...(item.product?.price?.unitPrice?.amount ? { unitPrice: item.product.price.unitPrice.amount } : {}),
      ...(item.product?.title ? { name: item.product.title.slice(0, 300) } : {}),
    })),
    ...(total?.amount ? { total: total.amount } : {}),
    tags: [
      'amazon',
      ...(order.salesChannel?.channelName ? [order.salesChannel.channelName.slice(0, 60)] : []),
    ],
    raw: order,
  }
  const parsed = canonicalOrderSchema.safeParse(candidate)
  if (!parsed.success)
    throw new PayloadError(`Amazon order ${order.orderId} is invalid`, zodIssues(parsed.error))
  return parsed.data
}

/**
 * Only seller-fulfilled orders waiting to ship are taken (FBA orders ship from Amazon's own
 * network; `PENDING` ones are not yet paid and must not ship).
 */
export function orderEvent(order: AmazonOrder): InboundEvent {
  const status = order.fulfillment?.fulfillmentStatus
  if (order.fulfillment?.fulfilledBy === 'AMAZON')
    return { type: 'ignored', reason: `order ${order.orderId} is fulfilled by Amazon` }
  if (status === 'UNSHIPPED' || status === 'PARTIALLY_SHIPPED')
    return { type: 'order', order: toCanonicalOrder(order) }
  if (status === 'CANCELLED')
    return { type: 'order.cancelled', externalOrderId: order.orderId, reason: 'cancelled on Amazon' }
  return { type: 'ignored', reason: `order ${order.orderId} is ${status ?? 'of unknown status'}` }
}
