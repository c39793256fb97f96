import type { PluginContext } from '@switchyard/plugin-sdk'
import type { ShipbobConfig } from './config'

/** ShipBob's REST API as this plugin uses it: bearer token and channel header on every call. */
export function shipbobRequest(
  ctx: PluginContext<ShipbobConfig>,
  method: string,
  path: string,
  body?: unknown,
  acceptStatus?: (status: number) => boolean,
) {
  const { config } = ctx
  return ctx.http.request(`${config.baseUrl.replace(/\/$/, '')}${path}`, {
    method,
    timeoutMs: config.timeoutMs,
    headers: {
      authorization: `Bearer ${config.apiToken}`,
      shipbob_channel_id: config.channelId,
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    ...(acceptStatus ? { acceptStatus } : {}),
  })
}

export interface ShipbobOrder {
  id: number
  reference_id: string
  /** The sales channel the order was created under (our `shipbob_channel_id` for ours). */
  channel?: { id?: number | string; name?: string }
  order_number?: string
  status?: string
  products?: ShipbobProduct[]
  shipments?: ShipbobShipment[]
  tags?: { name: string; value?: string }[]
}

export interface ShipbobProduct {
  reference_id?: string
  sku?: string
  quantity?: number
  inventory_items?: { quantity?: number }[]
}

export interface ShipbobShipment {
  id: number
  /** `Processing`, `Completed`, `Exception`, `OnHold`, `Cancelled`, `LabeledCreated`, … */
  status?: string
  /** Why a shipment is in `OnHold` or `Exception`, e.g. `{ id: 401, name: 'InvalidAddress', description: 'Invalid Address' }`. */
  status_details?: { id?: number; name?: string; description?: string }[] | null
  /** The order's `reference_id` (the hub's fulfilment id) on shipment payloads. */
  reference_id?: string
  actual_fulfillment_date?: string | null
  tracking?: {
    carrier?: string
    carrier_service?: string
    tracking_number?: string
    tracking_url?: string
  } | null
  products?: ShipbobProduct[]
}

export interface InventoryLevelItem {
  inventory_id: number
  sku?: string
  name?: string
  locations?: {
    location_id: number
    location_name?: string
    on_hand_quantity?: number
    fulfillable_quantity?: number
  }[]
}
