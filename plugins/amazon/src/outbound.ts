import {
  type DeliveryResult,
  type OrderStatusUpdate,
  PermanentError,
  type PluginContext,
} from '@switchyard/plugin-sdk'
import type { AmazonConfig } from './config'
import { spRequest } from './sp-api'

type Ctx = PluginContext<AmazonConfig>

/** Amazon's carrier codes for the carriers whose names the WMS reports; anything else is `Other`. */
const CARRIER_CODES: Record<string, string> = {
  ups: 'UPS',
  usps: 'USPS',
  fedex: 'FedEx',
  dhl: 'DHL',
  'dhl express': 'DHL',
  'royal mail': 'Royal Mail',
  'canada post': 'Canada Post',
  'australia post': 'Australia Post',
  'nz post': 'Other',
}

function carrier(name: string): { carrierCode: string; carrierName?: string } {
  const code = CARRIER_CODES[name.trim().toLowerCase()] ?? 'Other'
  // carrierName is required whenever carrierCode is Other.
  return code === 'Other'
    ? { carrierCode: 'Other', carrierName: name }
    : { carrierCode: code, carrierName: name }
}

/**
 * confirmShipment (Orders v0, not deprecated): one call per package. Each of the hub's fulfilments
 * gets a packageReferenceId once, kept in state; re-sending the same id edits that package at
 * Amazon, so a retried confirmation never declares a second parcel.
 */
export async function confirmShipments(update: OrderStatusUpdate, ctx: Ctx): Promise<DeliveryResult> {
  const orderId = encodeURIComponent(update.externalOrderId)
  const refs: string[] = []
  for (const shipment of update.shipments) {
    const key = `package:${update.externalOrderId}:${shipment.fulfilmentId}`
    let ref = await ctx.state.get<string>(key)
    if (!ref) {
      ref = String(await ctx.state.increment(`package-count:${update.externalOrderId}`))
      await ctx.state.set(key, ref)
    }
    const missing = shipment.lines.filter((l) => !l.externalLineId)
    if (missing.length > 0)
      throw new PermanentError(`shipment ${shipment.trackingNumber} has lines without an Amazon orderItemId`)
    await spRequest(ctx, 'POST', `/orders/v0/orders/${orderId}/shipmentConfirmation`, {
      marketplaceId: ctx.config.marketplaceId,
      packageDetail: {
        packageReferenceId: ref,
        ...carrier(shipment.carrier),
        trackingNumber: shipment.trackingNumber,
        shipDate: new Date(shipment.shippedAt).toISOString(),
        orderItems: shipment.lines.map((l) => ({ orderItemId: l.externalLineId!, quantity: l.quantity })),
      },
    })
    refs.push(ref)
  }
  return { status: 'accepted', externalRef: `packages:${refs.join(',')}` }
}

export const xml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** The POST_ORDER_ACKNOWLEDGEMENT_DATA document: Success acknowledges, Failure cancels. */
export function acknowledgementXml(
  sellerId: string,
  update: OrderStatusUpdate,
  status: 'Success' | 'Failure',
): string {
  const items = update.lines
    .filter((l) => l.externalLineId)
    .map(
      (l) =>
        `<Item><AmazonOrderItemCode>${xml(l.externalLineId!)}</AmazonOrderItemCode>${
          status === 'Failure' ? '<CancelReason>GeneralAdjustment</CancelReason>' : ''
        }</Item>`,
    )
    .join('')
  return `<?xml version="1.0" encoding="UTF-8"?>
<AmazonEnvelope xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="amzn-envelope.xsd">
<Header><DocumentVersion>1.01</DocumentVersion><MerchantIdentifier>${xml(sellerId)}</MerchantIdentifier></Header>
<MessageType>OrderAcknowledgement</MessageType>
<Message><MessageID>1</MessageID><OrderAcknowledgement><AmazonOrderID>${xml(update.externalOrderId)}</AmazonOrderID><MerchantOrderID>${xml(update.orderId)}</MerchantOrderID><StatusCode>${status}</StatusCode>${items}</OrderAcknowledgement></Message>
</AmazonEnvelope>
`
}

/**
 * One document through the Feeds API: create a feed document, upload the XML to its pre-signed URL
 * (no SP-API token there), then create the feed. Returns the feed id.
 */
export async function submitFeed(ctx: Ctx, feedType: string, body: string): Promise<string> {
  const contentType = 'text/xml; charset=UTF-8'
  const doc = (await spRequest(ctx, 'POST', '/feeds/2021-06-30/documents', { contentType })).json<{
    feedDocumentId: string
    url: string
  }>()
  await ctx.http.request(doc.url, {
    method: 'PUT',
    timeoutMs: ctx.config.timeoutMs,
    headers: { 'content-type': contentType },
    body,
  })
  const feed = (
    await spRequest(ctx, 'POST', '/feeds/2021-06-30/feeds', {
      feedType,
      marketplaceIds: [ctx.config.marketplaceId],
      inputFeedDocumentId: doc.feedDocumentId,
    })
  ).json<{ feedId: string }>()
  return feed.feedId
}

/** Order acknowledgement as a POST_ORDER_ACKNOWLEDGEMENT_DATA feed, recorded in state once done. */
export async function acknowledge(
  update: OrderStatusUpdate,
  status: 'Success' | 'Failure',
  ctx: Ctx,
): Promise<DeliveryResult> {
  const doneKey = `ack:${update.externalOrderId}:${status}`
  const done = await ctx.state.get<string>(doneKey)
  if (done) return { status: 'accepted', externalRef: done }
  const feedId = await submitFeed(
    ctx,
    'POST_ORDER_ACKNOWLEDGEMENT_DATA',
    acknowledgementXml(ctx.config.sellerId, update, status),
  )
  await ctx.state.set(doneKey, feedId)
  return { status: 'accepted', externalRef: feedId }
}
