import { type DeliveryResult, type OrderStatusUpdate, PermanentError } from '@switchyard/plugin-sdk'
import { type Ctx, isCode, readJson, refused, tradeMe } from './api'
import type { TradeMeResult } from './types'

/** TradeMe's `CourierCompany` names for the carriers a New Zealand WMS reports. */
const COURIERS: Record<string, string> = {
  'nz post': 'CourierPost',
  'new zealand post': 'CourierPost',
  courierpost: 'CourierPost',
  'courier post': 'CourierPost',
  aramex: 'Fastway',
  fastway: 'Fastway',
  'nz couriers': 'New Zealand Couriers',
  'new zealand couriers': 'New Zealand Couriers',
  'post haste': 'Post Haste',
  gosweetspot: 'GoSweetSpot',
  'castle parcels': 'Castle Parcels',
}

export function courierCompany(carrier: string, overrides: Record<string, string>): string {
  const name = carrier.trim()
  return overrides[name.toLowerCase()] ?? COURIERS[name.toLowerCase()] ?? name
}

function purchaseIdOf(update: OrderStatusUpdate): number {
  const id = Number(update.externalOrderId)
  if (!Number.isSafeInteger(id) || id <= 0)
    throw new PermanentError(
      `order ${update.orderId} has no TradeMe PurchaseId ('${update.externalOrderId}')`,
    )
  return id
}

/**
 * Tells TradeMe a sale shipped: each of the hub's shipments as a courier parcel
 * (`POST /v1/MyTradeMe/CourierParcels.json`, so the buyer can track it), then, once the whole
 * order has shipped, the sale's status `GoodsShipped` (`POST /v1/MyTradeMe/Status/{id}/GoodsShipped`).
 * Each parcel is recorded in state once told; TradeMe answers a parcel it already has with
 * `ParcelAlreadyExists`, so a retry between the call and the record is harmless too.
 */
export async function shipSale(update: OrderStatusUpdate, ctx: Ctx): Promise<DeliveryResult> {
  const purchaseId = purchaseIdOf(update)
  const refs: string[] = []
  for (const shipment of update.shipments) {
    const doneKey = `parcel:${shipment.fulfilmentId}:${shipment.trackingNumber}`
    const done = await ctx.state.get<string>(doneKey)
    if (done) {
      refs.push(done)
      continue
    }
    const res = await tradeMe(ctx, 'POST', '/v1/MyTradeMe/CourierParcels.json', {
      Parcel: {
        CourierCompany: courierCompany(shipment.carrier, ctx.config.couriers),
        TrackingReference: shipment.trackingNumber,
        AuctionSoldIds: [purchaseId],
      },
    })
    const result = readJson<TradeMeResult>(res, 'CourierParcels')
    if (!result.Success && !isCode(result.Code, 1, 'ParcelAlreadyExists'))
      throw refused(`the parcel ${shipment.trackingNumber} of sale ${purchaseId}`, result)
    await ctx.state.set(doneKey, shipment.trackingNumber)
    refs.push(shipment.trackingNumber)
  }
  if (update.status === 'shipped') {
    const res = await tradeMe(ctx, 'POST', `/v1/MyTradeMe/Status/${purchaseId}/GoodsShipped.json`)
    const result = readJson<TradeMeResult>(res, 'Status')
    if (!result.Success) throw refused(`the status GoodsShipped for sale ${purchaseId}`, result)
  }
  return { status: 'accepted', externalRef: `parcels:${refs.join(',')}` }
}

export { purchaseIdOf }
