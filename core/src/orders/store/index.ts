/**
 * The order store: the only code that writes orders, their lines, allocations, fulfilments,
 * history and routing decisions (order-store-owner.test.ts holds every other file to that).
 * Services read an order through `loadSnapshot` and change it through these functions.
 */
export {
  assignToFulfilment,
  forgetPool,
  fulfilmentAllocations,
  insertAllocation,
  looseAllocations,
  type OpenAllocation,
  setAllocationStatus,
  shrinkAllocation,
} from './allocations'
export { lastToldPromises, type WaitingLine, waitingLines } from './backorder-promises'
export { addDecision, addRejection, rejectedLocations } from './decisions'
export {
  acceptFulfilments,
  cancelPendingFulfilments,
  type FulfilmentHead,
  fulfilmentsIn,
  HOLDABLE,
  insertFulfilment,
  loadFulfilment,
  loadSentFulfilment,
  recordShipment,
  setFulfilmentHold,
  setFulfilmentStatus,
} from './fulfilments'
export { addEvent, hasEvent } from './history'
export {
  addLine,
  backorderedLines,
  backorderUnplaced,
  setLineQuantity,
  shiftLine,
  unrouteLines,
} from './lines'
export { insertOrderBatch } from './order-batch'
export {
  backorderedOrders,
  findByExternalId,
  loadOrderHead,
  moveOrdersToCustomer,
  moveOrderTo,
  type OrderHead,
  readHoldReason,
  recomputeTotals,
  setBackorderPriorities,
  setBackorderPromise,
  setDelivery,
  setHoldReason,
  setOrderStatus,
  touchOrder,
} from './order-head'
export { pickupStoreOf, readyForPickupBefore, receivedTransfers, setPickupReady } from './pickup'
export {
  loadRoutingView,
  type RoutableLine,
  type RoutingView,
  routingView,
  storedOrderForRouting,
} from './routing-view'
export {
  findSnapshot,
  loadLines,
  loadShipments,
  loadSnapshot,
  type OrderSnapshot,
  type SnapshotAllocation,
  type SnapshotFulfilment,
  type SnapshotLine,
} from './snapshot'
