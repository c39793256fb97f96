import type { InboundEvent, PluginContext, PollResult } from '@switchyard/plugin-sdk'
import { type ShipbobOrder, type ShipbobShipment, shipbobRequest } from './api'
import type { ShipbobConfig } from './config'

/**
 * ShipBob's shipment statuses that stop a shipment until a person acts: `OnHold` (an invalid
 * address, missing customs data, a payment problem, a merchant's hold) and `Exception` (out of
 * stock, an inactive or unknown sku). Both are shown on the hub's fulfilment as a warehouse hold.
 */
const STOPPED = new Set(['OnHold', 'On Hold', 'Exception'])

/** What a person reads: the status and each status detail ShipBob gives (`InvalidAddress`: Invalid Address). */
export function holdReason(shipment: Pick<ShipbobShipment, 'status' | 'status_details'>): string {
  const status = shipment.status === 'Exception' ? 'Exception' : 'On Hold'
  const details = (shipment.status_details ?? [])
    .map((d) =>
      d.description && d.name && d.name !== d.description
        ? `${d.description} (${d.name})`
        : (d.description ?? d.name ?? ''),
    )
    .filter(Boolean)
  return `ShipBob ${status}${details.length > 0 ? `: ${details.join('; ')}` : ''}`
}

/** A shipment webhook (`order.shipment.on_hold`, `order.shipment.exception`) as a hold on its fulfilment. */
export function heldEvent(
  shipment: ShipbobShipment & { order_reference_id?: string },
): InboundEvent | undefined {
  const fulfilmentId = shipment.order_reference_id ?? shipment.reference_id
  if (!fulfilmentId) return undefined
  return { type: 'fulfilment.held', fulfilmentId, reason: holdReason(shipment) }
}

/** Orders the hub made carry its tag; ShipBob orders from other sources on the channel are not its. */
const isHubs = (order: ShipbobOrder) =>
  !!order.reference_id && (order.tags ?? []).some((t) => t.name === 'switchyard_order_id')

/**
 * Where an order the hub sent stands: held while any shipment is stopped, else resumed. ShipBob
 * sends no webhook when a hold is lifted, so the poll reads it; a report that changes nothing is a
 * no-op at the hub.
 */
export function holdState(order: ShipbobOrder): InboundEvent | undefined {
  if (!isHubs(order)) return undefined
  const live = (order.shipments ?? []).filter((s) => s.status !== 'Cancelled')
  if (live.length === 0) return undefined
  const stopped = live.find((s) => STOPPED.has(s.status ?? ''))
  if (stopped)
    return { type: 'fulfilment.held', fulfilmentId: order.reference_id, reason: holdReason(stopped) }
  return { type: 'fulfilment.resumed', fulfilmentId: order.reference_id }
}

const PAGE = 250
const MAX_PAGES = 20
/** Orders updated this long before the last poll are read again: ShipBob's clock and ours differ. */
const OVERLAP_MS = 2 * 60_000
/** A first poll looks back this far for holds. */
const FIRST_LOOKBACK_MS = 24 * 60 * 60_000

/**
 * Orders updated since the cursor (`LastUpdateStartDate`), paged, each read as held or resumed.
 * The cursor is when this poll began, so nothing updated while it ran is missed.
 */
export async function pollHolds(
  cursor: string | null,
  ctx: PluginContext<ShipbobConfig>,
): Promise<PollResult> {
  const started = ctx.clock.now()
  const since = cursor
    ? new Date(Date.parse(cursor) - OVERLAP_MS)
    : new Date(started.getTime() - FIRST_LOOKBACK_MS)
  const events: InboundEvent[] = []
  for (let page = 1; page <= MAX_PAGES; page++) {
    const res = await shipbobRequest(
      ctx,
      'GET',
      `/order?LastUpdateStartDate=${encodeURIComponent(since.toISOString())}&SortOrder=Oldest&Page=${page}&Limit=${PAGE}`,
    )
    const orders = res.json<ShipbobOrder[]>()
    const list = Array.isArray(orders) ? orders : []
    for (const order of list) {
      if (order.channel?.id !== undefined && String(order.channel.id) !== ctx.config.channelId) continue
      const event = holdState(order)
      if (event) events.push(event)
    }
    if (list.length < PAGE) break
  }
  return { events, cursor: started.toISOString() }
}
