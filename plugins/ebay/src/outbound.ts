import {
  type DeliveryResult,
  jsonResponse,
  type OrderStatusUpdate,
  PermanentError,
  type ShipmentInfo,
} from '@switchyard/plugin-sdk'
import { type Ctx, ebay } from './api'
import type { EbayOrder } from './types'

/** eBay's ShippingCarrierCodeType values for the carriers WMSs name; anything else is `Other`. */
const CARRIER_CODES: Record<string, string> = {
  ups: 'UPS',
  usps: 'USPS',
  fedex: 'FedEx',
  dhl: 'DHL',
  'dhl express': 'DHL',
  'royal mail': 'RoyalMail',
  'canada post': 'CanadaPost',
  'australia post': 'AustraliaPost',
  'nz post': 'NZPost',
  'new zealand post': 'NZPost',
  courierpost: 'CourierPost',
  'deutsche post': 'DeutschePost',
  hermes: 'Hermes',
  evri: 'Hermes',
}

export const carrierCode = (name: string): string => CARRIER_CODES[name.trim().toLowerCase()] ?? 'Other'

const orderPath = (orderId: string) => `/sell/fulfillment/v1/order/${encodeURIComponent(orderId)}`

interface FulfillmentPage {
  fulfillments?: { fulfillmentId?: string; shipmentTrackingNumber?: string }[]
}

/**
 * createShippingFulfillment for each of the hub's shipments: one eBay fulfilment per package, with
 * its line items, carrier and tracking number. eBay has no idempotency key here, so the fulfilment
 * id is kept in state per hub fulfilment, and before creating one the order's fulfilments are read:
 * a retry after a lost answer finds its tracking number there instead of declaring a second parcel.
 */
export async function shipToEbay(update: OrderStatusUpdate, ctx: Ctx): Promise<DeliveryResult> {
  const ids: string[] = []
  let existing: FulfillmentPage | undefined
  for (const shipment of update.shipments) {
    const key = `fulfillment:${update.externalOrderId}:${shipment.fulfilmentId}`
    const done = await ctx.state.get<string>(key)
    if (done) {
      ids.push(done)
      continue
    }
    existing ??= jsonResponse<FulfillmentPage>(
      await ebay(ctx, 'GET', `${orderPath(update.externalOrderId)}/shipping_fulfillment`),
      {
        what: 'eBay getShippingFulfillments',
      },
    )
    const found = existing.fulfillments?.find((f) => f.shipmentTrackingNumber === shipment.trackingNumber)
    const id = found?.fulfillmentId ?? (await createFulfillment(update.externalOrderId, shipment, ctx))
    await ctx.state.set(key, id)
    ids.push(id)
  }
  return { status: 'accepted', externalRef: `fulfillments:${ids.join(',')}` }
}

async function createFulfillment(orderId: string, shipment: ShipmentInfo, ctx: Ctx): Promise<string> {
  const missing = shipment.lines.filter((l) => !l.externalLineId)
  if (missing.length > 0)
    throw new PermanentError(
      `shipment ${shipment.trackingNumber} has lines without an eBay lineItemId (${missing.map((l) => l.sku).join(', ')})`,
    )
  const res = await ebay(ctx, 'POST', `${orderPath(orderId)}/shipping_fulfillment`, {
    body: {
      lineItems: shipment.lines.map((l) => ({ lineItemId: l.externalLineId!, quantity: l.quantity })),
      shippedDate: new Date(shipment.shippedAt).toISOString(),
      shippingCarrierCode: carrierCode(shipment.carrier),
      trackingNumber: shipment.trackingNumber,
    },
  })
  // 201 Created with the new fulfilment's URI in Location and an empty JSON body.
  const location = res.headers.location ?? ''
  const id = decodeURIComponent(location.slice(location.lastIndexOf('/') + 1))
  return id || shipment.trackingNumber
}

/** Whether the buyer paid, and when (eBay asks for the date with a paid order). */
function buyerPaid(order: EbayOrder): { buyerPaid: boolean; buyerPaidDate?: { value: string } } {
  const paid = order.orderPaymentStatus === 'PAID' || order.orderPaymentStatus === 'PARTIALLY_REFUNDED'
  const date = order.paymentSummary?.payments?.find((p) => p.paymentDate)?.paymentDate ?? order.creationDate
  return paid
    ? { buyerPaid: true, ...(date ? { buyerPaidDate: { value: date } } : {}) }
    : { buyerPaid: false }
}

/**
 * The hub cancelled the order: eBay hears it through the Post-Order API's seller cancellation
 * (`POST /post-order/v2/cancellation`, which takes an OAuth token under the `IAF` scheme). The order
 * is read first: one eBay already cancelled (the buyer's cancellation the hub took from the poll)
 * needs nothing, and a cancellation already made is kept in state so a retry does not ask twice.
 */
export async function cancelOnEbay(update: OrderStatusUpdate, ctx: Ctx): Promise<DeliveryResult> {
  const key = `cancel:${update.externalOrderId}`
  const done = await ctx.state.get<string>(key)
  if (done) return { status: 'accepted', externalRef: done }
  const order = jsonResponse<EbayOrder>(await ebay(ctx, 'GET', orderPath(update.externalOrderId)), {
    what: 'eBay getOrder',
  })
  if (order.cancelStatus?.cancelState === 'CANCELED')
    return { status: 'skipped', reason: `eBay order ${update.externalOrderId} is already cancelled` }
  if (order.orderFulfillmentStatus === 'FULFILLED')
    return {
      status: 'refused',
      reason: `eBay order ${update.externalOrderId} has shipped; it cannot be cancelled`,
    }
  const res = await ebay(ctx, 'POST', '/post-order/v2/cancellation', {
    scheme: 'IAF',
    signed: true,
    body: {
      legacyOrderId: order.legacyOrderId ?? update.externalOrderId,
      cancelReason: 'OUT_OF_STOCK_OR_CANNOT_FULFILL',
      ...buyerPaid(order),
    },
  })
  const answer = jsonResponse<{
    cancelId?: string
    orderEligibilityResult?: { eligible?: boolean; failureReason?: string[] }
  }>(res, { what: 'eBay createCancellation' })
  if (!answer.cancelId)
    return {
      status: 'refused',
      reason: `eBay will not cancel order ${update.externalOrderId}: ${answer.orderEligibilityResult?.failureReason?.join(', ') ?? 'not eligible'}`,
    }
  await ctx.state.set(key, answer.cancelId)
  return { status: 'accepted', externalRef: answer.cancelId }
}
