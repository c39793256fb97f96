import type { LocationFacts } from '../../catalog/facts'
import type { ActionParams } from '../../rules/sourcing-actions'
import { distanceKm } from '../geo'
import type { RoutingPlan, RoutingRequest, Shipment } from '../router'
import { addBlock, type Candidate } from './candidates'
import type { SourcingRule } from './compiled-rule-set'
import { type LaneIndex, normalisePostcode } from './lanes'
import { PICKUP_RULE, pickupSummary } from './pickup'
import { matchesTarget } from './rule-effects'

/** The built-in check that keeps a store which cannot fill the whole order out of a ship-to-store decision. */
export const SHIP_TO_STORE_RULE = 'ship-to-store'

/**
 * Days the store takes to receive a transfer and put it aside for the customer, counted after the
 * carrier delivers it (as one more delivery day of the lane's calendar).
 */
export const STORE_RECEIVING_DAYS = 1

/** A pickup order that ships to its store: the store, the rule that allowed it, and who may send it. */
export interface ShipToStore {
  store: LocationFacts
  rule: string
  reason: string | undefined
}

export interface ShipToStoreInput {
  req: RoutingRequest
  orderFired: readonly SourcingRule[]
  candidates: readonly Candidate[]
  stockOf: readonly (readonly number[])[]
  indexOf: (locationId: string) => number
  lanes: LaneIndex
  network: readonly LocationFacts[]
}

/**
 * Ship to store: a pickup order whose store cannot fill all of it, under a fired `shipToStore`
 * rule, may be sent to the store by the locations the rule names. Those candidates lose the
 * pickup-store block and are quoted for the transfer (standard service to the store's address, plus
 * the store's receiving day); the store itself is blocked, so the customer collects once, when the
 * whole order is there. A store that can fill everything keeps the order (no transfer is quicker).
 * Returns undefined, changing nothing, when the order is not shipped to its store.
 */
export function applyShipToStore(x: ShipToStoreInput): ShipToStore | undefined {
  const { req, candidates } = x
  const storeId = req.order.pickupLocationId
  if (storeId === undefined) return undefined
  const rule = x.orderFired.find((r) => r.action.type === 'shipToStore')
  const store = x.network.find((l) => l.id === storeId)
  if (!rule || !store || storeFillsAll(x, storeId)) return undefined
  const params = rule.action.params as ActionParams<'shipToStore'>
  const toStore = lanesToStore(x.lanes, store, x.network)
  for (const c of candidates) {
    if (c.location.id === storeId) {
      addBlock(c, {
        lineId: null,
        strategies: null,
        exclusion: {
          rule: SHIP_TO_STORE_RULE,
          reason: `the pickup store cannot fill the whole order: rule '${rule.compiled.name}' ships it to the store complete`,
        },
      })
      continue
    }
    if (!matchesTarget(params, c.location)) continue
    c.blocks = c.blocks.filter((b) => b.exclusion.rule !== PICKUP_RULE)
    const km = distanceKm(c.location.lat, c.location.lon, store.lat, store.lon)
    const quote = toStore(c.location, km, req.order.currency, c.position)
    c.distanceKm = km
    c.quote = { ...quote, transitDays: quote.transitDays + STORE_RECEIVING_DAYS }
  }
  return { store, rule: rule.compiled.name, reason: params.reason }
}

/** Whether the store holds every line in full and nothing blocks it from the whole order. */
function storeFillsAll(x: ShipToStoreInput, storeId: string): boolean {
  const at = x.indexOf(storeId)
  if (at < 0) return false
  const c = x.candidates[at]!
  if (c.blocks.some((b) => b.lineId === null && b.strategies === null)) return false
  return x.req.lines.every((l, li) => x.stockOf[li]![at]! >= l.quantity)
}

/** Transfers go at standard service to the store's own address. */
function lanesToStore(lanes: LaneIndex, store: LocationFacts, network: readonly LocationFacts[]) {
  return lanes.quotes(
    { country: store.country, region: store.region, postcode: normalisePostcode(store.postcode) },
    'standard',
    network,
  )
}

/**
 * The decision's shipments as transfers: each one not from the store goes to it at standard
 * service, its transit the lane's (the receiving day named apart), its promise the day the order
 * is ready for pickup.
 */
export function markTransfers(shipments: Shipment[], toStore: ShipToStore | undefined): void {
  if (!toStore) return
  for (const s of shipments) {
    if (s.locationId === toStore.store.id) continue
    s.serviceLevel = 'standard'
    s.transitDays -= STORE_RECEIVING_DAYS
    s.shipToStore = { locationId: toStore.store.id, receivingDays: STORE_RECEIVING_DAYS }
  }
}

/** The sentence a ship-to-store decision's summary starts with. */
export function shipToStoreSummary(
  toStore: ShipToStore,
  shipments: readonly Shipment[],
  unfilledText: string,
): string {
  const sent = shipments.filter((s) => s.shipToStore)
  const why = `rule '${toStore.rule}'${toStore.reason ? ` (${toStore.reason})` : ''}`
  const name = toStore.store.name
  const legs = sent
    .map(
      (s) =>
        `from ${s.locationId} (ships ${s.shipDate}, ${s.transitDays} day${s.transitDays === 1 ? '' : 's'} to the store, ${STORE_RECEIVING_DAYS} receiving day: ready for pickup by ${s.promiseDate})`,
    )
    .join(' and ')
  const head = `Click and collect at ${name}, shipped to the store: the store cannot fill the whole order, so ${why} sends it`
  if (sent.length === 0)
    return `${head}, but no allowed location can; the order waits for stock (backordered). `
  return `${head} ${legs}.${unfilledText ? ` Still waiting: ${unfilledText} (backordered).` : ''} `
}

/** A pickup decision's opening sentence: shipped to the store, or collected from the store's own stock. */
export function pickupOpening(
  req: RoutingRequest,
  network: readonly LocationFacts[],
  plan: Pick<RoutingPlan, 'unfilled' | 'hold' | 'shipments'>,
  toStore: ShipToStore | undefined,
): string {
  if (!toStore || plan.hold) return pickupSummary(req, network, plan)
  return shipToStoreSummary(
    toStore,
    plan.shipments ?? [],
    plan.unfilled.map((u) => `${u.quantity} × ${u.sku}`).join(', '),
  )
}
