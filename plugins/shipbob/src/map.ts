import type {
  FulfilmentRequest,
  InboundEvent,
  InventorySnapshot,
  ShipmentConfirmation,
} from '@switchyard/plugin-sdk'
import type { InventoryLevelItem, ShipbobOrder, ShipbobShipment } from './api'
import type { ShipbobConfig } from './config'

const DEFAULT_METHODS = {
  standard: 'Standard',
  economy: 'Standard',
  express: 'Expedited',
  overnight: 'Overnight',
  pickup: 'Standard',
} as const

/**
 * The hub's fulfilment request as a ShipBob order. `reference_id` is the hub's fulfilment id: ShipBob
 * keeps it unique per account, so a retried create is refused as a duplicate instead of shipping
 * twice, and every webhook names the fulfilment it is about.
 */
export function toShipbobOrder(request: FulfilmentRequest, config: ShipbobConfig) {
  const to = request.shipTo
  const centre = fulfillmentCentreOf(request.location.id, config)
  return {
    reference_id: request.fulfilmentId,
    // The centre the hub's routing chose; without a mapping ShipBob picks one itself.
    ...(centre !== undefined ? { location_id: centre } : {}),
    order_number: request.orderNumber ?? request.externalOrderId,
    type: 'DTC',
    shipping_method: config.shippingMethods[request.serviceLevel] ?? DEFAULT_METHODS[request.serviceLevel],
    recipient: {
      name: to.name ?? to.company ?? 'Recipient',
      ...(to.phone ? { phone_number: to.phone } : {}),
      address: {
        address1: to.line1,
        ...(to.line2 ? { address2: to.line2 } : {}),
        ...(to.company ? { company_name: to.company } : {}),
        city: to.city ?? '',
        state: to.region ?? '',
        country: to.country,
        zip_code: to.postcode ?? '',
      },
    },
    products: request.lines.map((l) => ({
      reference_id: l.sku,
      name: l.name ?? l.sku,
      quantity: l.quantity,
    })),
    tags: [
      { name: 'switchyard_order_id', value: request.orderId },
      { name: 'channel', value: request.channelInstanceId },
      { name: 'location', value: request.location.id },
    ],
  }
}

/**
 * The ShipBob fulfillment centre id for a hub location (`config.locations` maps centres to hub
 * locations); the lowest id when several centres map to the one location.
 */
export function fulfillmentCentreOf(locationId: string, config: ShipbobConfig): number | undefined {
  const centres = Object.entries(config.locations)
    .filter(([, hub]) => hub === locationId)
    .map(([centre]) => Number(centre))
    .sort((a, b) => a - b)
  return centres[0]
}

function shippedLines(shipment: ShipbobShipment): ShipmentConfirmation['lines'] {
  const bySku = new Map<string, number>()
  for (const p of shipment.products ?? []) {
    const sku = p.reference_id ?? p.sku
    if (!sku) continue
    const qty = (p.inventory_items ?? []).reduce((n, i) => n + (i.quantity ?? 0), 0)
    if (qty > 0) bySku.set(sku, (bySku.get(sku) ?? 0) + qty)
  }
  return bySku.size > 0 ? [...bySku].map(([sku, quantity]) => ({ sku, quantity })) : undefined
}

/**
 * `order.shipped` carries the order with its shipments, each with its own tracking. The hub ships a
 * fulfilment whole, so the first shipment with tracking confirms it; the others are reported with
 * their tracking too and the hub acknowledges them as already applied.
 */
export function shipmentEvents(order: ShipbobOrder): InboundEvent[] {
  const shipments = (order.shipments ?? []).filter(
    (s) => s.status !== 'Cancelled' && s.tracking?.tracking_number,
  )
  return shipments.map((s) => {
    const lines = shipments.length === 1 ? shippedLines(s) : undefined
    const shipment: ShipmentConfirmation = {
      fulfilmentId: order.reference_id,
      externalShipmentId: String(s.id),
      carrier: s.tracking!.carrier || 'unknown',
      trackingNumber: s.tracking!.tracking_number!,
      ...(s.tracking?.tracking_url ? { trackingUrl: s.tracking.tracking_url } : {}),
      ...(s.actual_fulfillment_date ? { shippedAt: new Date(s.actual_fulfillment_date).toISOString() } : {}),
      ...(lines ? { lines } : {}),
    }
    return { type: 'shipment', shipment }
  })
}

/** Levels per fulfillment centre, for the centres mapped to hub locations. */
export function inventorySnapshots(
  items: readonly InventoryLevelItem[],
  config: ShipbobConfig,
  asOf: string,
): InventorySnapshot[] {
  const out: InventorySnapshot[] = []
  for (const item of items) {
    if (!item.sku) continue
    for (const loc of item.locations ?? []) {
      const locationId = config.locations[String(loc.location_id)]
      if (!locationId) continue
      out.push({
        locationId,
        sku: item.sku,
        onHand: Math.max(0, Math.trunc(loc.on_hand_quantity ?? 0)),
        asOf,
        eventId: `shipbob:${loc.location_id}:${item.inventory_id}:${asOf}`,
      })
    }
  }
  return out
}
