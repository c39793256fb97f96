import type { Address, FulfilmentRequest, ServiceLevel } from '@switchyard/plugin-sdk'
import type { LocationFacts } from '../catalog/facts'
import type { KitBoms } from '../catalog/kits/kit-boms'
import { uuidv7 } from '../ids'
import type { IntegrationDirectory, NewOutboxMessage } from '../outbox/topics'
import type { FulfilmentStatus } from './fulfilment.entity'
import { type StoreAddressFacts, storeAddress } from './pickup/transfer-address'

/** What a fulfilment request says about its order. */
export interface FulfilmentOrder {
  id: string
  externalOrderId: string
  orderNumber: string | null
  channelInstanceId: string
  shipTo: Address
  serviceLevel: ServiceLevel
  /** Click and collect: the request is a pick request (`deliveryMethod: 'pickup'`). */
  pickupLocationId?: string | null
}

/** An allocation in no fulfilment yet. */
export interface LooseAllocation {
  lineId: string
  sku: string
  locationId: string
  quantity: number
}

export interface PlannedFulfilment<A extends LooseAllocation = LooseAllocation> {
  id: string
  locationId: string
  /** The WMS it is requested of; null when the location has none that takes requests (`pending`). */
  wmsInstanceId: string | null
  status: 'requested' | 'pending'
  allocations: A[]
}

export interface FulfilmentPlanInput<A extends LooseAllocation> {
  order: FulfilmentOrder
  /** Grouped per location in the order given. */
  allocations: readonly A[]
  lineName: (lineId: string) => string | null | undefined
  /** Bills of materials of the kits among the allocations: the warehouse is told what a kit is made of. */
  kits?: KitBoms
  /** A location's name and WMS; for a ship-to-store order, the store's address too. */
  location: (
    id: string,
  ) =>
    | (Pick<LocationFacts, 'name' | 'wmsInstanceId' | 'supplierItems'> & Partial<StoreAddressFacts>)
    | undefined
  directory: Pick<IntegrationDirectory, 'accepts'>
  now: number
}

/**
 * One fulfilment per location for allocations in none yet, and a `fulfilment.request` to the
 * location's WMS for each one a WMS takes; the others wait as `pending`. Intake, release and
 * re-route all plan fulfilments here, so the requests they send cannot differ.
 */
export function planFulfilments<A extends LooseAllocation>(input: FulfilmentPlanInput<A>) {
  const { order, now } = input
  const byLocation = new Map<string, PlannedFulfilment<A>>()
  for (const a of input.allocations) {
    let f = byLocation.get(a.locationId)
    if (!f) {
      const wms = input.location(a.locationId)?.wmsInstanceId ?? null
      const usable = wms !== null && input.directory.accepts(wms, 'fulfilment.request')
      f = {
        id: uuidv7(now),
        locationId: a.locationId,
        wmsInstanceId: usable ? wms : null,
        status: usable ? 'requested' : 'pending',
        allocations: [],
      }
      byLocation.set(a.locationId, f)
    }
    f.allocations.push(a)
  }
  const fulfilments = [...byLocation.values()]
  const outbox: NewOutboxMessage[] = []
  for (const f of fulfilments) {
    if (f.wmsInstanceId === null) continue
    const supplierItems = input.location(f.locationId)?.supplierItems
    const request: FulfilmentRequest = {
      fulfilmentId: f.id,
      orderId: order.id,
      externalOrderId: order.externalOrderId,
      ...(order.orderNumber ? { orderNumber: order.orderNumber } : {}),
      channelInstanceId: order.channelInstanceId,
      location: { id: f.locationId, name: input.location(f.locationId)?.name ?? f.locationId },
      ...delivery(order, f.locationId, input.location),
      lines: f.allocations.map((a) => {
        const name = input.lineName(a.lineId)
        const parts = input.kits?.get(a.sku)
        // A drop-ship supplier's own number for the sku, for its purchase order.
        const part = supplierItems?.get(a.sku)?.partNumber
        return {
          lineId: a.lineId,
          sku: a.sku,
          quantity: a.quantity,
          ...(name ? { name } : {}),
          ...(part ? { supplierPartNumber: part } : {}),
          ...(parts ? { components: parts.map((p) => ({ sku: p.sku, quantity: p.quantity })) } : {}),
        }
      }),
      requestedAt: new Date(now).toISOString(),
    }
    outbox.push({
      id: uuidv7(now),
      topic: 'fulfilment.request',
      instanceId: f.wmsInstanceId,
      orderId: order.id,
      idempotencyKey: `fulfilment.request:${f.id}`,
      payload: request,
      createdAt: now,
    })
  }
  return { fulfilments, outbox }
}

/**
 * Where a request's parcel goes. Ship to store (a pickup order's fulfilment at another location):
 * to the store at standard service, marked `shipToStore`; at the store itself, a pick request;
 * otherwise to the customer.
 */
function delivery(
  order: FulfilmentOrder,
  locationId: string,
  location: FulfilmentPlanInput<LooseAllocation>['location'],
): Pick<FulfilmentRequest, 'shipTo' | 'serviceLevel' | 'deliveryMethod' | 'shipToStore'> {
  const storeId = order.pickupLocationId
  if (!storeId) return { shipTo: order.shipTo, serviceLevel: order.serviceLevel }
  if (storeId === locationId)
    return { shipTo: order.shipTo, serviceLevel: order.serviceLevel, deliveryMethod: 'pickup' }
  const store = location(storeId)
  const facts: StoreAddressFacts = {
    id: storeId,
    name: store?.name ?? storeId,
    country: store?.country ?? order.shipTo.country,
    region: store?.region ?? null,
    postcode: store?.postcode ?? null,
    lat: store?.lat ?? 0,
    lon: store?.lon ?? 0,
    ...(store?.line1 ? { line1: store.line1 } : {}),
    ...(store?.city ? { city: store.city } : {}),
  }
  return {
    shipTo: storeAddress(facts, order.shipTo),
    serviceLevel: 'standard',
    shipToStore: { locationId: storeId, name: facts.name },
  }
}

/**
 * Fulfilments still open for the order's units. `cancelling` is among them: the warehouse holds
 * the parcel until it confirms the cancellation, and may yet ship it (a refused cancel), as
 * `deriveStatus` counts it live too.
 */
export const OPEN_FULFILMENT: readonly FulfilmentStatus[] = ['pending', 'requested', 'accepted', 'cancelling']

/** True when the order has open fulfilments and every one is with a warehouse: it is `released`. */
export function allWithWarehouse(statuses: readonly FulfilmentStatus[]): boolean {
  const open = statuses.filter((s) => OPEN_FULFILMENT.includes(s))
  return open.length > 0 && open.every((s) => s !== 'pending')
}
