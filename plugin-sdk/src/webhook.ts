import type { ShipmentConfirmation } from './canonical/fulfilment'
import type { InventorySnapshot } from './canonical/inventory'
import type { CanonicalOrder } from './canonical/order'
import type { ChannelRefund } from './canonical/refund'
import type { ChannelReturn, ReturnReceipt } from './canonical/returns'
import type { InboundReceipt, InboundSupplyNotice } from './canonical/supply'

/** The raw HTTP request as it arrived, body untouched so signatures can be checked over its bytes. */
export interface RawRequest {
  method: string
  /** The part of the path after `/webhooks/<instance>`, starting with `/` (may be just `/`). */
  path: string
  /** Header names in lower case. */
  headers: Record<string, string>
  query: Record<string, string>
  rawBody: Uint8Array
}

export type VerifyResult = { ok: true } | { ok: false; reason: string }

/** One thing a webhook or a poll told the hub. */
export type InboundEvent =
  | { type: 'order'; order: CanonicalOrder }
  /**
   * The channel changed an order it sent (Shopify's `orders/updated`), given as the whole order as
   * it is now: every line it still has, with its `externalLineId`. SDK 1.3. Before release the hub
   * applies the new address and quantities as a modification; an order it does not hold yet is
   * taken as a new one; after release the change is reported as not applied.
   */
  | { type: 'order.updated'; order: CanonicalOrder }
  | { type: 'order.cancelled'; externalOrderId: string; reason?: string }
  /** The channel refunded (part of) an order, e.g. Shopify `refunds/create`. */
  | { type: 'order.refunded'; refund: ChannelRefund }
  | { type: 'shipment'; shipment: ShipmentConfirmation }
  | { type: 'fulfilment.rejected'; fulfilmentId: string; reason: string }
  | { type: 'fulfilment.cancelled'; fulfilmentId: string; reason?: string }
  /**
   * The warehouse (or drop-ship supplier) refuses a cancellation the hub asked for, when it answers
   * later rather than in the cancel call itself (an EDI 865 rejecting the 860). SDK 1.5. The hub
   * treats it as a refused cancel call: the fulfilment goes on (`accepted`), the order leaves
   * `cancelling`, the history says why (`order.cancel_refused`) and the channel is told. Nothing
   * changes when no cancellation was waiting.
   */
  | { type: 'fulfilment.cancel_refused'; fulfilmentId: string; reason: string }
  /**
   * The warehouse stopped work on a fulfilment it accepted until something is fixed (ShipBob's
   * `On Hold`: an invalid address, missing customs data, a merchant's hold). SDK 1.4. `reason` is
   * what a person must act on, in the warehouse's words. The hub shows the fulfilment as held (API,
   * console, history) until `fulfilment.resumed`, a shipment or a cancellation; stock and the
   * order's status do not change. A repeated hold with the same reason changes nothing.
   */
  | { type: 'fulfilment.held'; fulfilmentId: string; reason: string }
  /** The warehouse took a held fulfilment up again. SDK 1.4. Nothing changes when it was not held. */
  | { type: 'fulfilment.resumed'; fulfilmentId: string }
  /**
   * A store picked a pick request (`deliveryMethod: 'pickup'`) and holds the order at the counter.
   * SDK 1.4. The hub moves the order to `ready_for_pickup` and tells its channel; a repeat changes
   * nothing.
   */
  | { type: 'fulfilment.picked'; fulfilmentId: string }
  /**
   * Ship to store: a transfer another location sent to this pickup store (its request carried
   * `shipToStore`) arrived; reported by the store's WMS or POS with the transfer's fulfilment id.
   * SDK 1.5. The hub takes the units into the store's stock and sends the store its pick request;
   * a repeat changes nothing.
   */
  | { type: 'fulfilment.arrived'; fulfilmentId: string }
  | { type: 'inventory'; snapshots: InventorySnapshot[] }
  /**
   * Stock on its way: a purchase order or inbound shipment expected at a location on a date
   * (a WMS's ASN, an ERP's PO). SDK 1.5. Reported again under the same reference it is updated.
   */
  | { type: 'inbound.expected'; supply: InboundSupplyNotice }
  /** Units of an expected supply arrived and are on hand. SDK 1.5. */
  | { type: 'inbound.received'; receipt: InboundReceipt }
  /** The channel asks for a return (RMA) on the customer's behalf. */
  | { type: 'return.requested'; return: ChannelReturn }
  /**
   * The channel withdrew a return it reported (Shopify's `returns/decline`, or a return closed
   * before anything came back). SDK 1.3. The hub cancels it while nothing has been received.
   */
  | { type: 'return.cancelled'; externalOrderId: string; externalReturnId: string; reason?: string }
  /** The warehouse received a return and counted each unit's condition. */
  | { type: 'return.received'; receipt: ReturnReceipt }
  | { type: 'ignored'; reason: string }

export interface WebhookResult {
  /** A key unique per delivery (e.g. a webhook id header); a repeated key is acknowledged and skipped. */
  dedupeKey?: string
  events: InboundEvent[]
  /** A response the peer needs verbatim (verification handshakes, pings); otherwise the host answers. */
  reply?: { status: number; body?: string; contentType?: string }
}

export type InboundEventType = InboundEvent['type']

/** Every event type a plugin may report; the conformance kit holds a plugin's events to it. */
export const inboundEventTypes = [
  'order',
  'order.updated',
  'order.cancelled',
  'order.refunded',
  'shipment',
  'fulfilment.rejected',
  'fulfilment.cancelled',
  'fulfilment.cancel_refused',
  'fulfilment.held',
  'fulfilment.resumed',
  'fulfilment.picked',
  'fulfilment.arrived',
  'inventory',
  'inbound.expected',
  'inbound.received',
  'return.requested',
  'return.cancelled',
  'return.received',
  'ignored',
] as const satisfies readonly InboundEventType[]

// A new InboundEvent without its name above fails to compile here.
const everyType: [Exclude<InboundEventType, (typeof inboundEventTypes)[number]>] extends [never]
  ? true
  : never = true
void everyType
