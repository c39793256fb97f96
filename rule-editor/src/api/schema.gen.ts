/**
 * GENERATED from the hub's OpenAPI document (GET /openapi.json) by tools/openapi-types: do not edit.
 * Regenerate with `pnpm openapi:types`; tools/openapi-types/drift.test.ts fails while this file
 * and the served document differ.
 */

export interface paths {
  '/orders': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * List orders across channels, filtered and sorted, newest first by default
     * @description Saved queues are filter presets:
     *     - Held: `status=held`
     *     - Backordered: `status=backordered`
     *     - Late: `late=true&sort=promise`
     *     - Partially shipped: `status=partially_shipped`
     *     - Cancel requested (a warehouse was asked to cancel and has not answered): `cancelRequested=true`
     *     - Held at warehouse (a WMS holds a fulfilment, e.g. ShipBob On Hold): `warehouseHold=true`
     *     - Returns open (authorised or partly received): `returnsOpen=true`
     *     A channel-scoped key sees its own channel only; naming another in `channel` is 403.
     */
    get: operations['listOrders']
    put?: never
    /** Submit an order for a channel instance (idempotent on channel + externalId) */
    post: operations['submitOrder']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/orders/counts': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * How many orders match the filters, per status
     * @description Takes the list's filters. Saved queues are filter presets:
     *     - Held: `status=held`
     *     - Backordered: `status=backordered`
     *     - Late: `late=true&sort=promise`
     *     - Partially shipped: `status=partially_shipped`
     *     - Cancel requested (a warehouse was asked to cancel and has not answered): `cancelRequested=true`
     *     - Held at warehouse (a WMS holds a fulfilment, e.g. ShipBob On Hold): `warehouseHold=true`
     *     - Returns open (authorised or partly received): `returnsOpen=true`
     *     A channel-scoped key sees its own channel only; naming another in `channel` is 403.
     */
    get: operations['countOrders']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/orders/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** One order with lines, allocations, fulfilments, routing decision and history */
    get: operations['getOrder']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    /**
     * Modify an order before release: address, service level, quantities, lines
     * @description The order is routed again with its new shape; a held order stays held until released. Added lines without a price are priced as at intake (422 naming the line when nothing prices it). Refused with 409 naming the state once the order is with a warehouse.
     */
    patch: operations['modifyOrder']
    trace?: never
  }
  '/orders/{id}/decision': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * The order's latest routing decision and its explanation
     * @description `summary` is one paragraph in words; `explanation` (compact, as stored: the chosen locations and the best few alternatives with their scores, the other locations holding stock counted, excluded ones by rule with the first few named; `every=true` replays the decision with every active location and its exclusion or score) holds the rules that fired, the strategies tried and `split`: the split policy the deciding strategy routed under (`policy`, `maxShipments`, `minShipmentValue`), who set it (`source`: `rule`, `strategy` or `default`; `rules`; the strategy settings a rule `overrides`) and, on a re-route, the shipments `remaining` after those already sent. A fired split rule wins over the strategy's own split settings; of several, the strictest. A re-route's summary starts with what the re-route left the order holding.
     */
    get: operations['getOrderDecision']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/orders/{id}/cancel': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Cancel an order, or some quantity of some lines
     * @description Before release the stock is freed at once (200). After release the warehouse is asked to cancel the whole fulfilment; the lines are cancelled when it confirms (202). The channel is told every outcome.
     */
    post: operations['cancelOrder']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/orders/{id}/release-hold': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Let a held order through: it is routed at once, and hold rules do not hold it again
     * @description For orders a hold rule or the contract price check stopped. The reason is kept in the order history. Admin and analyst keys only; channel-scoped keys may not release their own orders.
     */
    post: operations['releaseOrderHold']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/orders/{id}/pickup': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Click and collect: the customer collected the order at the store
     * @description Only for an order in `ready_for_pickup` (the store reported it picked); anything else is 409 `OPERATION_NOT_ALLOWED` naming the state. The order's units leave the store's stock, its fulfilment is recorded as shipped with carrier `in-store pickup`, the order becomes `shipped` and its channel is told.
     */
    post: operations['confirmOrderPickup']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/orders/{id}/pickup/received': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Ship to store: the pickup store received what was sent to it
     * @description For a click-and-collect order shipped to its store (a `shipToStore` rule): every transfer that has shipped to the store and was not received yet is taken in. The units join the store's stock held for the order, and the store's WMS or POS gets its pick request; its `fulfilment.picked` then makes the order `ready_for_pickup`. 409 `OPERATION_NOT_ALLOWED` when the order is not `released` or nothing is on its way to the store.
     */
    post: operations['receiveOrderAtStore']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/products': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** List products by sku */
    get: operations['listProducts']
    /** Create or update products in bulk */
    put: operations['upsertProducts']
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/products/{sku}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** One product */
    get: operations['getProduct']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/kits': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** List kits by sku, with their bills of materials */
    get: operations['listKits']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/kits/{sku}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** One kit and its bill of materials */
    get: operations['getKit']
    /**
     * Make a product a kit of components
     * @description The product (`PUT /products`) becomes a kit: one sku sold and routed as a whole, made of `components`, each an ordinary product with stock (kits do not nest: a component that is a kit is 422 naming it). The kit has no stock of its own: at each location its availability is the fewest whole kits its components make (floor(component ATP ÷ quantity)), per channel too; an order's kit line takes its components' stock at one location, ships from there, and a returned kit puts its components back. A bill of materials does not change once defined: the same bill again is 200 with nothing changed, another one 409 `KIT_IMMUTABLE` (define a new sku). A sku that already has stock rows, order lines, channel pools or is a component of a kit cannot become one (409 `KIT_SKU_IN_USE`).
     */
    put: operations['defineKit']
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/locations': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** List locations */
    get: operations['listLocations']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/locations/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * One location
     * @description The `ETag` header names this state: send it back as `If-Match` when replacing the location.
     */
    get: operations['getLocation']
    /** Create or replace a location */
    put: operations['putLocation']
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/locations/{id}/supplier-items': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** A drop-ship supplier's unit costs and part numbers, by sku */
    get: operations['listSupplierItems']
    /**
     * Set a drop-ship supplier's unit costs and part numbers
     * @description Each entry replaces that sku's item at the supplier (a field left out is cleared). The location must be of type `dropship`; a unit cost needs its currency. Routing weighs the unit cost × the units the supplier would ship; the 850 names the part number.
     */
    put: operations['setSupplierItems']
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/inventory': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Stock levels by sku and location, in that order, a page at a time
     * @description Cursor-paged (`limit` up to 5,000, default 500; follow `nextCursor`). `updatedSince` keeps levels changed at or after that instant: an incremental sync reads every page since its last run.
     */
    get: operations['listInventory']
    /** Set on-hand (and safety stock) for many sku × location pairs, all or nothing */
    put: operations['setInventory']
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/inbound-supplies': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** List inbound supply, oldest first */
    get: operations['listInboundSupplies']
    put?: never
    /**
     * Record a purchase order or inbound shipment expected at a location
     * @description The same `externalRef` again (from the API) updates that supply: a new `expectedDate` moves the promises it carries, a new `quantity` changes what it brings (never below what was received). Backordered orders of the sku are promised again at once: in order of placement, each gets the date of the supply that completes it, and its channel hears the date (`promiseDate` on an order status update). A kit is refused (supply its components).
     */
    post: operations['expectInboundSupply']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/inbound-supplies/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** One inbound supply */
    get: operations['getInboundSupply']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/inbound-supplies/{id}/delay': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Move the date an inbound supply is expected
     * @description A delay (or an earlier arrival): backordered orders are promised again from the supply as it now stands, and each order whose promise date moved has it in its history (`order.promise_moved`) and its channel hears the new date.
     */
    post: operations['delayInboundSupply']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/inbound-supplies/{id}/cancel': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Cancel an inbound supply that will not come
     * @description What it still brought no longer counts: backordered orders are promised again from the supply left (or get no promise), each whose date moved has it in its history and its channel hears it. Units already received stay on hand.
     */
    post: operations['cancelInboundSupply']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/inbound-supplies/{id}/receive': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Receive units of an inbound supply at its location
     * @description The units go on hand at the location in the same transaction (once per `eventId`: a repeated receipt adds nothing), then backordered orders and pre-orders route again in order of placement (first come, first served), and those still waiting are promised again. The supply is `received` once everything expected came.
     */
    post: operations['receiveInboundSupply']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/plugins': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Plugin instances with their capabilities and health
     * @description Instances come from the config file; their health and open exceptions change as they work. `updatedSince` keeps the instances whose `updatedAt` is at or after it.
     */
    get: operations['listPlugins']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/plugins/{instance}/check': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Test connection: runs the plugin's live check against its partner
     * @description A partner that fails the check, or does not answer within 10 s, is `ok: false` with the reason (never a 5xx: the hub is fine, the partner is not). A plugin without a check answers `ok: false` saying so.
     */
    post: operations['checkPlugin']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/keys': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** List API keys (never the keys themselves) */
    get: operations['listKeys']
    put?: never
    /** Create an API key (the key is shown once) */
    post: operations['createKey']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/keys/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    post?: never
    /**
     * Revoke an API key
     * @description Every hub of the database refuses the key within a second (the same cache rule as a role change).
     */
    delete: operations['revokeKey']
    options?: never
    head?: never
    /**
     * Change the role of an API key
     * @description Takes effect on every hub of the database within a second, as a revocation does: each hub caches key lookups for at most half a second, and a change clears every cache at once (PostgreSQL LISTEN/NOTIFY).
     */
    patch: operations['setKeyRole']
    trace?: never
  }
  '/keys/{id}/rotate': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Rotate an API key: a new key now, the old one revoked after a grace period */
    post: operations['rotateKey']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/outbox': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Outbox messages, newest first (e.g. ?status=dead) */
    get: operations['listOutbox']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/outbox/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** One message with its payload and attempt history */
    get: operations['getOutboxMessage']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/outbox/retry': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Give dead messages a fresh set of attempts: the listed ids, or all dead messages
     * @description A fulfilment request whose fulfilment the order has moved on from (the warehouse refused it for good, so it was rejected and its lines routed elsewhere or backordered; or it was cancelled or accepted since) stays dead and is counted in `settled`: sending it again would hand the warehouse work nobody wants.
     */
    post: operations['retryOutbox']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/exceptions': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Intake exceptions, newest first (e.g. ?status=open&reason=UNKNOWN_SKU) */
    get: operations['listExceptions']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/exceptions/replay': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Replay every open exception matching a filter (oldest first, at most 1,000)
     * @description For example every open exception of instance X with reason UNKNOWN_SKU, once the product exists. Each is run through intake again as the single replay is.
     */
    post: operations['replayExceptions']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/exceptions/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** One exception with its payload, its canonical order and the failing fields marked */
    get: operations['getException']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/exceptions/{id}/replay': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Run the exception through the plugin's parse and intake again, with today's catalogue and mappings
     * @description A webhook's payload is parsed again by the plugin; a polled record is mapped again by the poll's `mapRecord` (or, for a polled order without one, its stored canonical order is used). Replayed: the order it became (`created` false when replayed before: the same order again). Still open: the reasons of this attempt.
     */
    post: operations['replayException']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/exceptions/{id}/discard': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Close an open exception without an order; the reason is required and kept
     * @description A channel that takes it hears of it through the outbox (an EDI partner gets an 855 rejecting the PO).
     */
    post: operations['discardException']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/returns': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Returns across orders, oldest first, filtered and paged
     * @description In the order they were authorised. An incremental sync passes `updatedSince` (the time its last run began) and reads every page: a return authorised, received, cancelled, given an exchange order, or whose refund the channel confirmed or refused since then is in it.
     *     A channel-scoped key sees its own channel only; naming another in `channel` is 403.
     */
    get: operations['listReturns']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/orders/{id}/returns': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** An order's returns and refunds */
    get: operations['listOrderReturns']
    put?: never
    /**
     * Authorise a return (RMA) of shipped lines, optionally with an exchange
     * @description The return location is chosen by the live returns rule set (or the built-in policy: high-value goods to a location tagged returns-centre, else the nearest that accepts returns).
     */
    post: operations['createReturn']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/returns/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** One return with its lines and refunds */
    get: operations['getReturn']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/returns/{id}/receipt': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Record what came back, unit by unit: resellable units are restocked, damaged ones written off, the refund follows */
    post: operations['receiveReturn']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/fulfilments': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Fulfilment requests across orders, oldest first, filtered and paged
     * @description In the order they were requested, each with its lines, tracking and any warehouse hold. An incremental sync passes `updatedSince` (the time its last run began) and reads every page: a request accepted, held, shipped, cancelled, rejected or failed since then is in it.
     *     A channel-scoped key sees its own channel only; naming another in `channel` is 403.
     */
    get: operations['listFulfilments']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/availability': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Available-to-promise per sku: per location, in total, and for a channel (its pools and caps applied)
     * @description With a destination (`country`, optionally `postcode`, `region`, `serviceLevel`, `quantity`), each sku also gets `promise`: the earliest delivery date the live sourcing rules would promise for that quantity now (ship date, location, whether transit was estimated), or null when they would hold the order or nothing can ship it whole.
     */
    get: operations['getAvailability']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/pools': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Channel pools and caps */
    get: operations['listPools']
    /**
     * Create or refill a channel pool (protected stock) and set its caps
     * @description A pool at a location protects units there; without a location it protects units network-wide. Setting protectedQty refills the pool to that many units.
     */
    put: operations['putPool']
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/pools/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * One channel pool
     * @description The `ETag` header names its settings (not `remaining`, which allocations move): send it back as `If-Match` when changing or removing the pool.
     */
    get: operations['getPool']
    put?: never
    post?: never
    /** Remove a pool; its protected units go back to shared stock */
    delete: operations['deletePool']
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/reservations': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Hold stock for a cart or POS for a while; an order citing the reservation turns it into its allocation */
    post: operations['createReservation']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/reservations/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** One reservation */
    get: operations['getReservation']
    put?: never
    post?: never
    /** Release a reservation before it expires */
    delete: operations['releaseReservation']
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/inventory/adjustments': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Stock movements (received, counted, lost), each applied once by its event id */
    post: operations['applyInventoryAdjustments']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/rules/facts': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Facts rules may test, with types, operators and live value lists */
    get: operations['getRuleFacts']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/rules/sets': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Rule sets, with their live and latest versions */
    get: operations['listRuleSets']
    put?: never
    /** Create a rule set */
    post: operations['createRuleSet']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/rules/sets/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** A rule set and its versions */
    get: operations['getRuleSet']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/rules/sets/{id}/versions': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Save a new draft version (validated; errors are reported, not refused) */
    post: operations['createRuleVersion']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/rules/sets/{id}/versions/{v}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * One version: rules, graph, status
     * @description The `ETag` header (also `etag` in the body) names this saved state: send it back as `If-Match` when saving or publishing.
     */
    get: operations['getRuleVersion']
    /**
     * Update a draft (published versions are immutable: 409)
     * @description Send the `ETag` you read as `If-Match`: if someone saved the draft since, the save is refused with 412 `PRECONDITION_FAILED` naming the current state (`details.current`: its etag, when and by whom), and nothing is overwritten. Without `If-Match` the save goes ahead.
     */
    put: operations['updateRuleVersion']
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/rules/sets/{id}/versions/{v}/validate': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Validate a version against the live catalogue
     * @description Errors and warnings, each naming the rule and the field. Every action's params are checked against the action's schema: an unknown key or a wrongly typed value is an `INVALID_ACTION` error at its own path (e.g. `rules[3].event.params.bogus`), for sourcing, returns and pricing rule sets alike. Publishing refuses (422) while any error remains.
     */
    post: operations['validateRuleVersion']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/rules/sets/{id}/versions/{v}/publish': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Publish a draft (refused with 422 while it has errors); optional effective-from
     * @description Send the draft's `ETag` as `If-Match` to publish exactly the state you saved or read: if someone saved the draft since, 412 `PRECONDITION_FAILED` naming the current state, and nothing is published.
     */
    post: operations['publishRuleVersion']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/rules/sets/{id}/versions/{v}/archive': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Archive a version (it stops routing orders) */
    post: operations['archiveRuleVersion']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/rules/sets/{id}/versions/{v}/simulate': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Route an order against a version without persisting anything
     * @description Routes as of the order's placedAt (now when it has none): cut-offs, ship days, the capacity day and promise dates are those an intake at that moment would have used.
     */
    post: operations['simulateRuleVersion']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/rules/sets/{id}/versions/{v}/backtest': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Re-route recent real orders against this version and compare with the live version (or another)
     * @description Each order is routed as of its own placedAt (cut-offs, ship days, capacity day, promise dates), not the time of the backtest, against current stock.
     */
    post: operations['backtestRuleVersion']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/rules/carrier-lanes': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Carrier lanes: transit and cost per destination zone */
    get: operations['listCarrierLanes']
    /** Create or replace lanes by id */
    put: operations['putCarrierLanes']
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/rules/carrier-calendars': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Carrier calendars: non-delivery days and holidays */
    get: operations['listCarrierCalendars']
    /** Create or replace calendars by id */
    put: operations['putCarrierCalendars']
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/pricing/facts': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Facts and actions pricing rules may use (the editor builds its pickers from it) */
    get: operations['getPricingFacts']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/pricing/quote': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Unit and line prices for a channel, customer and currency, each with the rules that shaped it */
    post: operations['quotePrices']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/pricing/orders/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** How intake settled an order's prices: kept, priced (with explanations), mismatches */
    get: operations['getOrderPricing']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/pricing/sync': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Send a channel its prices through its plugin (409 when the plugin takes none) */
    post: operations['syncPrices']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/pricing/price-lists': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Price lists and contracts */
    get: operations['listPriceLists']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/pricing/price-lists/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * One price list with its prices
     * @description The `ETag` header names this state of the list and its prices: send it back as `If-Match` when replacing or deleting the list or changing its prices.
     */
    get: operations['getPriceList']
    /** Create or replace a price list (a list with a customer is a contract); prices given are set */
    put: operations['putPriceList']
    post?: never
    /** Delete a price list and its prices */
    delete: operations['deletePriceList']
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/pricing/price-lists/{id}/prices': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    /** Set prices on a list (decimal strings in the list's currency); other prices stay */
    put: operations['setPrices']
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/pricing/price-lists/{id}/prices/remove': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Remove skus from a list */
    post: operations['removePrices']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/pricing/costs': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Cost per sku (for margin floors) */
    get: operations['listCosts']
    /** Set the cost of skus */
    put: operations['setCosts']
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/pricing/exchange-rates': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Exchange rates with their as-of times */
    get: operations['listExchangeRates']
    put?: never
    /** Import exchange rates: units of quote per unit of base, as of a date or time */
    post: operations['importExchangeRates']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/me': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The calling API key: its name, role and permissions */
    get: operations['getMe']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/audit': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Who changed what: every write through the API, newest first */
    get: operations['listAudit']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/channels/{instance}/sku-mappings': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** A channel instance's sku mappings, in channel-sku order */
    get: operations['listSkuMappings']
    /**
     * Map channel skus to hub skus, in bulk (all or nothing); hubSku null removes a mapping
     * @description Each entry maps the channel's sku (or listing id) to a hub sku: one channel unit is `multiplier` hub units (a "6-pack" is 6). Intake turns a mapped line into the hub sku × multiplier; the stock push tells the channel floor(available ÷ multiplier) under its own sku, the price push the hub price × multiplier unless a price list prices the listing itself. Other mappings of the instance stay. A multiplier that is not a whole number from 1 to 100000, an empty sku or a channel sku named twice is 400 naming the field (`mappings[3].multiplier`); a hub sku the catalogue does not have is 422 `UNKNOWN_REFERENCE` (`mappings[3].hubSku`). Nothing is written then.
     *
     *     Concurrent edits: each entry may carry `ifMatch`, the mapping's ETag as the list (`items[].etag`) or GET of the one mapping gave it. The write then goes ahead only if every entry that names a tag is still in that state, else 412 naming each stale entry, and nothing is written. The tag is per mapping, not of the whole set, so edits to other mappings of the instance never refuse yours. An `If-Match` header on this URL is refused (400): it would name no state of a set that has no tag.
     */
    put: operations['putSkuMappings']
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/channels/{instance}/sku-mappings/{channelSku}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * One channel sku's mapping
     * @description The `ETag` header names this state of the mapping: send it back as `If-Match` when changing or removing it.
     */
    get: operations['getSkuMapping']
    /**
     * Map one channel sku (create or replace), for edits that must not overwrite another's
     * @description As one entry of the bulk write, with `If-Match` honoured: send the `ETag` you read and the write is refused with 412 `PRECONDITION_FAILED` (naming the current tag) if the mapping changed since. A multiplier or sku that is not valid is 400 naming the field; a hub sku the catalogue does not have is 422 `UNKNOWN_REFERENCE` (`hubSku`).
     */
    put: operations['putSkuMapping']
    post?: never
    /** Remove one channel sku's mapping (its orders then name the sku as it is) */
    delete: operations['deleteSkuMapping']
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/events': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Live order changes as server-sent events
     * @description A text/event-stream: an `order` event (data: OrderChangedEvent JSON, id: the order id) for every order that changes on any hub of the database, within about a second; a `: heartbeat` comment every 15 s. A channel-scoped key receives only its channel's orders. The stream closes when the hub shuts down: reconnect, and read the list again for what changed meanwhile (`updatedSince`).
     */
    get: operations['streamEvents']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
}
export type webhooks = Record<string, never>
export interface components {
  schemas: {
    OrderChangedEvent: {
      id: string
      status: string
      /** @description The channel instance the order came through */
      channel: string
      /** @description When the order last changed (ISO 8601) */
      updatedAt: string
    }
    OrderSummary: {
      id: string
      channelInstanceId: string
      externalOrderId: string
      orderNumber: string | null
      /** @enum {string} */
      status:
        | 'received'
        | 'held'
        | 'backordered'
        | 'allocated'
        | 'released'
        | 'ready_for_pickup'
        | 'partially_shipped'
        | 'shipped'
        | 'cancelled'
      currency: string
      total: string
      serviceLevel: string
      shipTo: {
        country: string
        region?: string
        postcode?: string
        city?: string
      }
      email: string | null
      customerName: string | null
      holdReason: string | null
      /** @description The promised delivery day (YYYY-MM-DD); null until routed */
      promiseDate: string | null
      placedAt: string
      receivedAt: string
      updatedAt: string
    }
    Problem: {
      type: string
      title: string
      status: number
      detail?: string
      code: string
      errors?: {
        field: string
        message: string
      }[]
      requestId?: string
    }
    Order: {
      id: string
      channelInstanceId: string
      externalOrderId: string
      orderNumber: string | null
      /** @enum {string} */
      status:
        | 'received'
        | 'held'
        | 'backordered'
        | 'allocated'
        | 'released'
        | 'ready_for_pickup'
        | 'partially_shipped'
        | 'shipped'
        | 'cancelled'
      currency: string
      total: string
      serviceLevel: string
      shipTo: {
        name?: string
        company?: string
        line1: string
        line2?: string
        city?: string
        region?: string
        postcode?: string
        country: string
        phone?: string
        lat?: number
        lon?: number
      }
      email: string | null
      customerName: string | null
      holdReason: string | null
      /** @description The promised delivery day (YYYY-MM-DD); null until routed */
      promiseDate: string | null
      placedAt: string
      receivedAt: string
      updatedAt: string
      customerId: string | null
      /** @description What rules test of the customer (tier, segment) and who they are (email) */
      customer: {
        email: string | null
        tier: string | null
        segment: string | null
      } | null
      billTo: {
        name?: string
        company?: string
        line1: string
        line2?: string
        city?: string
        region?: string
        postcode?: string
        country: string
        phone?: string
        lat?: number
        lon?: number
      } | null
      /**
       * @description `pickup`: click and collect at `pickup.locationId`; `ship`: to `shipTo`
       * @enum {string}
       */
      deliveryMethod: 'ship' | 'pickup'
      /** @description Click and collect; null when the order ships */
      pickup: {
        /** @description The store the customer collects from */
        locationId: string
        /** @description When the store reported it picked (ready for pickup); null until then */
        readyAt: string | null
      } | null
      subtotal: string | null
      shipping: string | null
      tags: string[]
      notes: string | null
      /** @description The order as the channel sent it */
      raw?: unknown
      lines: {
        id: string
        lineNo: number
        externalLineId: string | null
        sku: string
        name: string | null
        quantity: number
        unitPrice: string | null
        discount: string | null
        allocated: number
        backordered: number
        shipped: number
        cancelled: number
      }[]
      allocations: {
        id: string
        lineId: string
        sku: string
        locationId: string
        quantity: number
        status: string
        fulfilmentId: string | null
      }[]
      fulfilments: {
        id: string
        locationId: string
        wmsInstanceId: string | null
        status: string
        externalRef: string | null
        carrier: string | null
        trackingNumber: string | null
        trackingUrl: string | null
        shippedAt: string | null
        reason: string | null
        /** @description Set while the warehouse holds this fulfilment (e.g. ShipBob On Hold: an invalid address) until a person fixes it there; it clears when the warehouse takes it up again, ships or cancels it */
        hold: {
          /** @description The warehouse's reason, in its own words */
          reason: string
          since: string | null
        } | null
      }[]
      routingDecision: components['schemas']['RoutingDecision'] | null
      history: {
        id: string
        type: string
        from: string | null
        to: string | null
        data?: unknown
        actor: string | null
        at: string
      }[]
    }
    RoutingDecision: {
      id: string
      strategy: string
      ruleSetVersionId: string | null
      /** @description The decision in one paragraph of words */
      summary: string
      /** @description The allocations and shipments the decision made */
      plan?: unknown
      /** @description Stored since issue 21 in compact form (`trace: 'compact'`): the chosen locations with their scores and the best three alternatives with their `cost` in `candidates`; `counts` (active locations, those holding stock, those ranked lower); excluded locations counted by rule in `excluded`, the first three of the largest groups named in `excludedNamed`; the rules that fired by action in `fired`; the strategies tried, the split policy and the `request` as routed. Older decisions list every candidate and `rulesFired`. With `every=true`, every active location with its exclusion or score (a replay of the decision) */
      explanation?: unknown
      createdAt: string
      /** @description Present with `every=true`: `explanation` comes from routing the order again, writing nothing */
      replayed?: {
        /** @description The instant the order was routed as of */
        at: string
        /** @description The replay allocated and backordered what the stored decision did (false once stock, locations or lanes have changed since) */
        sameAsStored: boolean
      }
    }
    Product: {
      sku: string
      name: string
      category?: string | null
      hazmat?: boolean
      highValue?: boolean
      weightGrams?: number | null
      attributes?: {
        [key: string]: unknown
      }
      /**
       * @description Labels rules test as `line.tags` and `order.productTags` (e.g. fragile, lithium), each once. Kept when omitted; none for a new product.
       * @example [
       *       "fragile",
       *       "gift"
       *     ]
       */
      tags?: string[]
      /** @description Sold ahead against inbound supply when out of stock: an order is taken as a backorder promised for the supply it is sold against, and refused (PREORDER_CAP_REACHED) when no open inbound supply has room. Kept when omitted; false for a new product. */
      preorder?: boolean
      /** @description Units of each inbound supply that pre-orders may take (null: all it brings). Kept when omitted. */
      preorderCap?: number | null
    }
    Kit: {
      sku: string
      name: string
      components: {
        sku: string
        name: string
        /** @description Units of this component in one kit */
        quantity: number
      }[]
      createdAt: string
    }
    KitDefinition: {
      components: {
        sku: string
        quantity: number
      }[]
    }
    Location: {
      name: string
      /** @enum {string} */
      type: 'warehouse' | 'store' | '3pl' | 'dropship'
      line1?: string | null
      city?: string | null
      region?: string | null
      postcode?: string | null
      country: string
      lat: number
      lon: number
      timezone: string
      tags?: string[]
      dailyCapacity?: number | null
      /** @description Local time (HH:MM) after which an order ships on the next ship day. Default 15:00 for a new location; kept when omitted. */
      cutoffTime?: string
      /**
       * @description Weekdays the location hands parcels to carriers (mon…sun), each once; returned Monday first. An order placed after the cut-off, or on another day, ships on the next ship day that is not a holiday of the lane's carrier calendar. Default Monday to Friday for a new location; kept when omitted.
       * @example [
       *       "mon",
       *       "tue",
       *       "wed",
       *       "thu",
       *       "fri"
       *     ]
       */
      shipDays?: ('sun' | 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat')[]
      /** @description Ship days between the day an order is taken and the day it ships */
      handlingDays?: number
      active?: boolean
      acceptsReturns?: boolean
      /** @description Click and collect: customers may collect orders here (an order with deliveryMethod pickup and this pickupLocationId). Default false for a new location; kept when omitted. */
      acceptsPickup?: boolean
      priority?: number
      wmsInstanceId?: string | null
      /** @description Added to the shipping cost of every shipment from here, in minor units of its lanes' currency: a drop-ship supplier's fee per purchase order, which routing weighs with the lane's cost. Default 0; kept when omitted. */
      shipmentFeeMinor?: number
      /** @description Stock whose newest feed snapshot (a WMS's or a drop-ship supplier's inventory report) is older than this many hours is not sold here until a fresh one arrives (GET /inventory shows each row's feedAsOf and feedStale). Null: stock never ages. Kept when omitted. */
      feedMaxAgeHours?: number | null
    }
    SupplierItem: {
      sku: string
      /** @description What one unit costs the merchant at this supplier, a decimal of `currency` */
      unitCost: string | null
      currency: string | null
      /** @description The supplier's own part number: the 850 names it (VP) beside the hub's sku (BP) */
      supplierPartNumber: string | null
      updatedAt: string
    }
    InboundSupply: {
      id: string
      sku: string
      locationId: string
      quantityExpected: number
      quantityReceived: number
      expectedDate: string
      /** @enum {string} */
      status: 'open' | 'received' | 'cancelled'
      /** @description `api`, or the plugin instance whose `inbound.expected` it was */
      source: string
      externalRef: string | null
      createdAt: string
      updatedAt: string
    }
    PluginInstance: {
      id: string
      plugin: string
      source: string
      kind: string
      version: string
      capabilities: string[]
      status: string
      lastSuccessAt: string | null
      lastErrorAt: string | null
      lastError: string | null
      consecutiveFailures: number
      /** @description Open intake exceptions of this instance (orders it sent that wait for a fix) */
      openExceptions: number
      webhookUrl: string | null
      /** @description The plugin has a live connection check (POST …/{instance}/check) */
      canCheck: boolean
      /** @description JSON Schema of the instance's config */
      configSchema: {
        [key: string]: unknown
      }
      /** @description The last change to what this shows: loaded from the config at a start, a call succeeded or failed, an intake exception of it opened or closed. Null for an instance no hub has recorded yet. */
      updatedAt: string | null
    }
    PluginCheck: {
      ok: boolean
      /** @description Why the check failed; null when ok */
      message: string | null
      /** @description How long the check took */
      ms: number
    }
    OutboxMessage: {
      id: string
      topic: string
      instanceId: string
      orderId: string | null
      idempotencyKey: string
      /** @enum {string} */
      status: 'pending' | 'in_flight' | 'delivered' | 'dead'
      attempts: number
      maxAttempts: number
      nextAttemptAt: string
      lastError: string | null
      createdAt: string
      deliveredAt: string | null
    }
    OutboxMessageDetail: {
      id: string
      topic: string
      instanceId: string
      orderId: string | null
      idempotencyKey: string
      /** @enum {string} */
      status: 'pending' | 'in_flight' | 'delivered' | 'dead'
      attempts: number
      maxAttempts: number
      nextAttemptAt: string
      lastError: string | null
      createdAt: string
      deliveredAt: string | null
      /** @description The message as the plugin receives it; its shape is the topic's */
      payload?: unknown
      history: {
        attempt: number
        worker: string
        at: string | null
        durationMs: number
        outcome: string
        error: string | null
      }[]
    }
    IntakeException: {
      id: string
      channelInstanceId: string
      externalOrderId: string | null
      /** @enum {string} */
      status: 'open' | 'replayed' | 'discarded'
      reasons: components['schemas']['ExceptionReason'][]
      /** @description How many times the channel sent it */
      occurrences: number
      firstSeenAt: string
      lastSeenAt: string
      /** @description The order it became, once replayed */
      orderId: string | null
      replayedAt: string | null
      discardedBy: string | null
      discardReason: string | null
      discardedAt: string | null
      /** @description Last changed: seen again, re-checked, replayed or discarded */
      updatedAt: string
    }
    ExceptionReason: {
      /** @description Where, as `lines[0].sku` (or `(body)`, `(payload)`) */
      field: string
      /** @description A hub error code: UNKNOWN_SKU, INVALID_TEXT, INVALID_ORDER, INVALID_PAYLOAD… */
      code: string
      message: string
    }
    ReplayOutcome: {
      id: string
      /**
       * @description `skipped` (bulk replay only): it cannot be replayed at all, `detail` says why
       * @enum {string}
       */
      outcome: 'replayed' | 'open' | 'skipped'
      orderId?: string
      /** @description False when the order already existed (a second replay) */
      created?: boolean
      /** @description Why it is still open */
      reasons?: components['schemas']['ExceptionReason'][]
      /** @description Why it was skipped */
      detail?: string
    }
    IntakeExceptionDetail: {
      id: string
      channelInstanceId: string
      externalOrderId: string | null
      /** @enum {string} */
      status: 'open' | 'replayed' | 'discarded'
      reasons: components['schemas']['ExceptionReason'][]
      /** @description How many times the channel sent it */
      occurrences: number
      firstSeenAt: string
      lastSeenAt: string
      /** @description The order it became, once replayed */
      orderId: string | null
      replayedAt: string | null
      discardedBy: string | null
      discardReason: string | null
      discardedAt: string | null
      /** @description Last changed: seen again, re-checked, replayed or discarded */
      updatedAt: string
      /** @description The webhook path below /webhooks/<instance>; `poll` for a polled order the hub refused, `poll:unmapped` for a polled record its plugin could not map */
      source: string
      contentType: string | null
      /** @description The partner's routing headers kept to parse the payload again on replay (Shopify's and WooCommerce's topic, shop and API version); never a signature, token or credential, and no other header */
      headers: {
        [key: string]: string
      } | null
      /** @description The body as received (a polled record: the record as the channel sent it); base64 when `payloadEncoding` says so */
      payload: string | null
      /** @enum {string} */
      payloadEncoding: 'utf8' | 'base64'
      /** @description Cut at 1 MiB; replayed from `parsed` only */
      payloadTruncated: boolean
      /** @description The plugin's canonical order, when its parse produced one */
      parsed?: unknown
      /** @description The failing fields, each located in the canonical order */
      marks: {
        field: string
        code: string
        /** @description The field as a JSON path into `parsed` */
        path: (string | number)[]
        /** @description What `parsed` holds there (absent when nothing) */
        value?: unknown
      }[]
    }
    Return: {
      id: string
      orderId: string
      /** @description The channel instance of the return's order */
      channel: string
      rmaNumber: string
      /** @enum {string} */
      status: 'authorised' | 'partially_received' | 'received' | 'cancelled'
      reason: string | null
      location: {
        id: string
        name: string
      }
      exchangeOrderId: string | null
      lines: {
        id: string
        orderLineId: string
        sku: string
        quantity: number
        receivedResellable: number
        receivedDamaged: number
      }[]
      refunds: components['schemas']['Refund'][]
      createdAt: string
      /** @description The last change: authorised, received, cancelled, an exchange order placed, a refund confirmed or refused */
      updatedAt: string
    }
    Refund: {
      id: string
      status: string
      amount: string
      currency: string
    }
    FulfilmentListItem: {
      id: string
      orderId: string
      /** @description The order's id at its channel */
      externalOrderId: string
      channelInstanceId: string
      locationId: string
      /** @description The WMS plugin instance asked to fulfil it */
      wmsInstanceId: string | null
      /** @enum {string} */
      status:
        | 'pending'
        | 'requested'
        | 'accepted'
        | 'shipped'
        | 'cancelling'
        | 'cancelled'
        | 'rejected'
        | 'failed'
      /** @description The warehouse's own reference, once accepted */
      externalRef: string | null
      carrier: string | null
      trackingNumber: string | null
      trackingUrl: string | null
      shippedAt: string | null
      /** @description Why it was cancelled, rejected or failed */
      reason: string | null
      /** @description Set while the warehouse holds it, in its own words */
      hold: {
        reason: string
        since: string | null
      } | null
      lines: {
        lineId: string
        sku: string
        quantity: number
      }[]
      createdAt: string
      updatedAt: string
    }
    SkuAvailability: {
      sku: string
      /** @description Shared available-to-promise across locations (no channel's pools) */
      total: number
      /** @description What the channel may take across locations, its pools and caps applied */
      channel?: {
        channelInstanceId: string
        total: number
      }
      locations: {
        locationId: string
        onHand: number
        allocated: number
        reserved: number
        protected: number
        available: number
        availableToChannel?: number
        /** @description With `on` only: open inbound supply expected here on or before that day */
        inbound?: number
        /** @description With `on` only: `available` plus `inbound` */
        availableOn?: number
      }[]
      /** @description With `on` (YYYY-MM-DD) only: availability by that day from inbound supply */
      on?: {
        on: string
        inbound: number
        /** @description Units backordered orders wait for: they take arriving supply first */
        backordered: number
        /** @description `total` now, plus inbound by that day, less `backordered` */
        total: number
        preorder?: {
          cap: number | null
          /** @description Units pre-orders may still take of open supply */
          room: number
        }
      }
      /** @description A kit only: its bill of materials. Its figures are the whole kits its components make at each location where all of them are stocked; allocated, reserved and protected read 0 (they belong to the components) */
      components?: {
        sku: string
        quantity: number
      }[]
      /** @description With a destination only: the earliest delivery the live rules would promise */
      promise?: {
        promiseDate: string
        shipDate: string
        locationId: string
        estimated: boolean
      } | null
    }
    Pool: {
      id: string
      channelInstanceId: string
      sku: string
      locationId: string | null
      protectedQty: number
      remaining: number
      mayBorrow: boolean
      capUnits: number | null
      capPercent: number | null
      /** @description The last write: a setting, or an allocation that moved remaining */
      updatedAt: string
    }
    Reservation: {
      id: string
      channelInstanceId: string
      /** @enum {string} */
      status: 'active' | 'converted' | 'released' | 'expired'
      reference: string | null
      expiresAt: string
      orderId: string | null
      lines: {
        sku: string
        locationId: string
        quantity: number
      }[]
    }
    FactDefinition: {
      id: string
      scope: string
      type: string
      nullable: boolean
      description: string
      /** @description Which list of `values` the editor picks from */
      values?: string
      unit?: string
      operators: string[]
      decorators: string[]
    }
    RuleSet: {
      id: string
      /** @enum {string} */
      kind: 'sourcing' | 'pricing' | 'returns'
      name: string
      description: string | null
      liveVersion: number | null
      latestVersion: number | null
      createdAt: string
      /** @description The last change to what this shows: a version added, published or archived, or a published version taking effect (then its effective-from), so `updatedSince` sees a new live version */
      updatedAt: string
    }
    RuleSetVersion: {
      id: string
      ruleSetId: string
      version: number
      /** @enum {string} */
      status: 'draft' | 'published' | 'archived'
      settings: {
        /** @description IANA zone of the time facts */
        timezone?: string
      } | null
      author: string | null
      comment: string | null
      effectiveFrom: string | null
      createdAt: string
      updatedAt: string | null
      publishedAt: string | null
      /** @description This saved state as an entity tag: send it as If-Match */
      etag: string
      /** @description json-rules-engine rules */
      rules: components['schemas']['Rule'][]
      /** @description The editor's graph document, stored as it was sent */
      graph?: unknown
    }
    Rule: {
      name?: string
      priority?: number
      conditions: components['schemas']['RuleCondition']
      event: {
        type: string
        /** @description The action's parameters */
        params?: {
          [key: string]: unknown
        }
      }
    }
    RuleCondition:
      | {
          all: components['schemas']['RuleCondition'][]
          name?: string
          priority?: number
        }
      | {
          any: components['schemas']['RuleCondition'][]
          name?: string
          priority?: number
        }
      | {
          not: components['schemas']['RuleCondition']
          name?: string
          priority?: number
        }
      | {
          fact: string
          operator: string
          /** @description Any JSON, or `{ fact: … }` naming another fact */
          value?: unknown
          path?: string
          /** @description Parameters of a computed fact */
          params?: {
            [key: string]: unknown
          }
          name?: string
          priority?: number
        }
    ValidationReport: {
      valid: boolean
      errors: {
        code: string
        rule: string
        condition?: string
        /** @description Where in the submitted JSON: `rules[2].conditions.all[0].operator` */
        field: string
        message: string
      }[]
      warnings: {
        code: string
        rule: string
        condition?: string
        /** @description Where in the submitted JSON: `rules[2].conditions.all[0].operator` */
        field: string
        message: string
      }[]
    }
    RoutingPlan: {
      /** @description Where each line goes, and how many */
      assignments: {
        lineId: string
        sku: string
        locationId: string
        quantity: number
      }[]
      unfilled: {
        lineId: string
        sku: string
        quantity: number
      }[]
      hold?: {
        reason: string
        rule?: string
      }
      strategy: string
      ruleSetVersionId: string | null
      summary: string
      /** @description Each candidate location's exclusion or score */
      candidates: components['schemas']['RoutingCandidate'][]
      shipments?: {
        locationId: string
        lineIds: string[]
        carrier: string
        serviceLevel: string
        transitDays: number
        shippingCost: string
        currency: string
        shipDate: string
        promiseDate: string
        estimated: boolean
      }[]
      promiseDate?: string | null
      unfillable?: {
        /** @enum {string} */
        action: 'backorder' | 'cancelAfter'
        cancelAfter?: string
      }
      serviceLevel?: string
      /** @description The rest of the explanation: rules that fired, strategies tried, the facts seen */
      details?: {
        [key: string]: unknown
      }
    }
    RoutingCandidate: {
      locationId: string
      name?: string
      distanceKm: number | null
      canShip: string[]
      excluded?: {
        /** @description The rule (editor node id) or built-in check (`capacity`, …) */
        rule: string
        reason: string
        action?: string
        conditions?: {
          condition: string
          fact: string
          operator: string
          /** @description The rule's value (any JSON) */
          value?: unknown
          /** @description The fact value the condition saw (any JSON) */
          factValue?: unknown
        }[]
        lineIds?: string[]
        strategies?: string[]
      }
      partialExclusions?: {
        /** @description The rule (editor node id) or built-in check (`capacity`, …) */
        rule: string
        reason: string
        action?: string
        conditions?: {
          condition: string
          fact: string
          operator: string
          /** @description The rule's value (any JSON) */
          value?: unknown
          /** @description The fact value the condition saw (any JSON) */
          factValue?: unknown
        }[]
        lineIds?: string[]
        strategies?: string[]
      }[]
      chosen: boolean
      /** @description Weighted cost per criterion */
      score?: {
        [key: string]: number
      }
      transitDays?: number
      shippingCost?: string
      /** @description A drop-ship supplier: its unit costs × the units it could ship of each line, in the shipping cost's currency; weighed with the shipping cost */
      supplierCost?: string
      capacityLeft?: number | null
      estimatedLane?: boolean
    }
    CarrierLane: {
      id: string
      carrier: string
      serviceLevel: string
      originLocationId: string | null
      destCountry: string
      destRegion: string | null
      destPostcodePrefix: string | null
      transitDays: number
      costMinor: number
      currency: string
      calendarId: string | null
      /** @description When it was last written */
      updatedAt: string
    }
    CarrierCalendar: {
      id: string
      name: string
      nonDeliveryDays: string[]
      holidays: string[]
      /** @description When it was last written */
      updatedAt: string
    }
    Quote: {
      channel: string
      currency: string
      customerId: string | null
      at: string
      ruleSetId: string | null
      ruleSetVersionId: string | null
      ruleSetVersion: number | null
      lines: {
        lineNo: number
        sku: string
        quantity: number
        unitPriceMinor: number | null
        unitPrice: string | null
        lineTotalMinor: number | null
        lineTotal: string | null
        /** @enum {string|null} */
        source: 'contract' | 'priceList' | 'converted' | null
        priceListId: string | null
        /** @description The rules that shaped this price, in order */
        rules: string[]
        steps: components['schemas']['PriceStep'][]
        cost: string | null
        warnings: string[]
        /** @description Why there is no price, when there is none */
        error: string | null
        /** @description How the price came about, in words */
        summary: string
      }[]
      totalMinor: number
      total: string
      /** @description Lines without a price (see their `error`) */
      unpriced: number
    }
    PriceStep: {
      action: string
      /** @description The rule behind the step, or null for the base price */
      rule: string | null
      detail: string
      from: string | null
      to: string
    }
    OrderPricing: {
      /** @enum {string} */
      mode: 'kept' | 'priced' | 'mixed'
      currency?: string
      ruleSetVersionId?: string | null
      /** @description false: intake had nothing to price or check */
      checked?: boolean
      createdAt?: string
      lines: {
        lineNo: number
        sku: string
        unitPrice: string | null
        /** @enum {string} */
        source: 'contract' | 'priceList' | 'converted' | 'order'
        priceListId: string | null
        rules: string[]
        steps: components['schemas']['PriceStep'][]
        warnings: string[]
      }[]
      mismatches: {
        lineNo: number
        externalLineId: string | null
        sku: string
        contractId: string
        orderedUnitPrice: string
        contractUnitPrice: string
        difference: string
        differencePercent: string
        tolerance: string
      }[]
      hold: {
        reason: string
      } | null
    }
    PriceList: {
      id: string
      name: string
      /** @enum {string} */
      kind: 'contract' | 'list'
      currency: string
      channel: string | null
      customerGroup: string | null
      customerId: string | null
      validFrom: string | null
      validTo: string | null
      priority: number
      tolerance: {
        amount: string
        percent: string
      }
      priceCount: number
      updatedAt: string
    }
    PriceListWithPrices: {
      id: string
      name: string
      /** @enum {string} */
      kind: 'contract' | 'list'
      currency: string
      channel: string | null
      customerGroup: string | null
      customerId: string | null
      validFrom: string | null
      validTo: string | null
      priority: number
      tolerance: {
        amount: string
        percent: string
      }
      priceCount: number
      updatedAt: string
      prices: {
        sku: string
        price: string
      }[]
    }
    Me: {
      keyId: string
      name: string
      role: string
      channelInstanceId: string | null
      permissions: string[]
      /** @description May save and publish rule sets (rules:write) */
      canEdit: boolean
    }
    AuditEntry: {
      id: string
      at: string
      keyId: string
      /** @description The key's name when it wrote: who, as people call it */
      keyName: string
      role: string
      channelScope: string | null
      method: string
      path: string
      /** @description The route pattern: what kind of write */
      route: string
      status: number
      requestId: string | null
      /** @description The body sent (JSON), secrets masked */
      request?: unknown
      /** @description The resource before a change to an existing one */
      before?: unknown
      /** @description The resource after, or what a create answered */
      after?: unknown
    }
    ListedSkuMapping: {
      /** @description The channel's sku or listing id */
      channelSku: string
      /** @description The hub's sku it stands for */
      hubSku: string
      /** @description Hub units per channel unit (a 6-pack: 6) */
      multiplier: number
      updatedAt: string
      /** @description The mapping's ETag, as GET of the one mapping gives it: send it as the entry's `ifMatch` in the bulk write, or as `If-Match` to the one mapping's URL */
      etag: string
    }
    SkuMappingWriteResult: {
      /** @description Mappings written (new or replaced) */
      upserted: number
      /** @description Mappings removed (entries with hubSku null that existed) */
      removed: number
    }
    SkuMapping: {
      /** @description The channel's sku or listing id */
      channelSku: string
      /** @description The hub's sku it stands for */
      hubSku: string
      /** @description Hub units per channel unit (a 6-pack: 6) */
      multiplier: number
      updatedAt: string
    }
  }
  responses: never
  parameters: never
  requestBodies: never
  headers: never
  pathItems: never
}
export type $defs = Record<string, never>
export interface operations {
  listOrders: {
    parameters: {
      query?: {
        /** @description Comma-separated statuses: any of them */
        status?: string
        /** @description Comma-separated channel instances: any of them */
        channel?: string
        /** @description The channel's order id, exactly */
        externalId?: string
        /** @description Orders with an allocation or a fulfilment at this location */
        location?: string
        /** @description Placed at or after */
        placedFrom?: string
        /** @description Placed before */
        placedTo?: string
        receivedFrom?: string
        receivedTo?: string
        /** @description Changed at or after */
        updatedSince?: string
        /** @description Promised delivery day before this day (YYYY-MM-DD) */
        promiseBefore?: string
        /** @description `true`: the promise day has passed (UTC) and the order is neither shipped nor cancelled */
        late?: 'true' | 'false'
        /** @description The hold reason contains this text, any case */
        holdReason?: string
        /** @description `true`: orders that came in by replaying an intake exception */
        hasExceptions?: 'true' | 'false'
        /** @description `true`: a warehouse was asked to cancel a fulfilment and has not answered */
        cancelRequested?: 'true' | 'false'
        /** @description `true`: a warehouse holds a fulfilment of the order until a person fixes something there */
        warehouseHold?: 'true' | 'false'
        /** @description `true`: a return is authorised or partly received */
        returnsOpen?: 'true' | 'false'
        /** @description Free text: the external order id or order number exactly, a sku exactly, or the start of the customer's name or of one of their email addresses (any case) */
        q?: string
        /** @description Date placed or promise day, ascending, or descending with `-`; default `-placed`. Orders without a promise day come last in either promise sort. */
        sort?: 'placed' | '-placed' | 'promise' | '-promise'
        limit?: number
        /** @description nextCursor of the previous page, with the same sort */
        cursor?: string
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description A page of orders */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            items: components['schemas']['OrderSummary'][]
            nextCursor: string | null
          }
        }
      }
      /** @description A filter, the sort or the cursor is invalid: `errors` names the parameter */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  submitOrder: {
    parameters: {
      query?: never
      header?: {
        /** @description Makes a retry safe: the first answer is kept for 24 h with this key, your API key and the request, and a retry with the same key and request gets it again (`Idempotent-Replayed: true`) without the work being done twice. The same key with another request is 422 `IDEMPOTENCY_KEY_REUSED`; a retry while the first is still being answered waits for it, or is 409 `IDEMPOTENCY_KEY_IN_USE` after 10 s. */
        'idempotency-key'?: string
      }
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          /** @description The channel instance the order belongs to */
          channel: string
          order: {
            externalId: string
            orderNumber?: string
            /** Format: date-time */
            placedAt?: string
            currency: string
            customer?: {
              externalId?: string
              /** Format: email */
              email?: string
              name?: string
              phone?: string
              tier?: string
              segment?: string
            }
            shipTo: {
              name?: string
              company?: string
              line1: string
              line2?: string
              city?: string
              region?: string
              postcode?: string
              country: string
              phone?: string
              lat?: number
              lon?: number
            }
            billTo?: {
              name?: string
              company?: string
              line1: string
              line2?: string
              city?: string
              region?: string
              postcode?: string
              country: string
              phone?: string
              lat?: number
              lon?: number
            }
            /**
             * @default standard
             * @enum {string}
             */
            serviceLevel?: 'standard' | 'express' | 'overnight' | 'economy' | 'pickup'
            /** @enum {string} */
            deliveryMethod?: 'ship' | 'pickup'
            pickupLocationId?: string
            lines: {
              externalLineId?: string
              sku: string
              quantity: number
              unitPrice?: string
              discount?: string
              name?: string
            }[]
            shippingTotal?: string
            total?: string
            tags?: string[]
            reservationId?: string
            notes?: string
            raw?: unknown
          }
        }
      }
    }
    responses: {
      /** @description Already received: the existing order */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            orderId: string
            externalOrderId: string
            /** @enum {string} */
            status:
              | 'received'
              | 'held'
              | 'backordered'
              | 'allocated'
              | 'released'
              | 'ready_for_pickup'
              | 'partially_shipped'
              | 'shipped'
              | 'cancelled'
            created: boolean
          }
        }
      }
      /** @description Created, routed and allocated (or backordered) */
      201: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            orderId: string
            externalOrderId: string
            /** @enum {string} */
            status:
              | 'received'
              | 'held'
              | 'backordered'
              | 'allocated'
              | 'released'
              | 'ready_for_pickup'
              | 'partially_shipped'
              | 'shipped'
              | 'cancelled'
            created: boolean
          }
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `IDEMPOTENCY_KEY_IN_USE`: a request with this Idempotency-Key is still being answered */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `BODY_TOO_LARGE`: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  countOrders: {
    parameters: {
      query?: {
        /** @description Comma-separated statuses: any of them */
        status?: string
        /** @description Comma-separated channel instances: any of them */
        channel?: string
        /** @description The channel's order id, exactly */
        externalId?: string
        /** @description Orders with an allocation or a fulfilment at this location */
        location?: string
        /** @description Placed at or after */
        placedFrom?: string
        /** @description Placed before */
        placedTo?: string
        receivedFrom?: string
        receivedTo?: string
        /** @description Changed at or after */
        updatedSince?: string
        /** @description Promised delivery day before this day (YYYY-MM-DD) */
        promiseBefore?: string
        /** @description `true`: the promise day has passed (UTC) and the order is neither shipped nor cancelled */
        late?: 'true' | 'false'
        /** @description The hold reason contains this text, any case */
        holdReason?: string
        /** @description `true`: orders that came in by replaying an intake exception */
        hasExceptions?: 'true' | 'false'
        /** @description `true`: a warehouse was asked to cancel a fulfilment and has not answered */
        cancelRequested?: 'true' | 'false'
        /** @description `true`: a warehouse holds a fulfilment of the order until a person fixes something there */
        warehouseHold?: 'true' | 'false'
        /** @description `true`: a return is authorised or partly received */
        returnsOpen?: 'true' | 'false'
        /** @description Free text: the external order id or order number exactly, a sku exactly, or the start of the customer's name or of one of their email addresses (any case) */
        q?: string
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Counts */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            total: number
            /** @description Every status, with 0 where none match */
            byStatus: {
              received?: number
              held?: number
              backordered?: number
              allocated?: number
              released?: number
              ready_for_pickup?: number
              partially_shipped?: number
              shipped?: number
              cancelled?: number
            }
          }
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  getOrder: {
    parameters: {
      query?: never
      header?: never
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The order */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Order']
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `ORDER_NOT_FOUND` (also another channel's, for a scoped key) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  modifyOrder: {
    parameters: {
      query?: never
      header?: {
        /** @description Makes a retry safe: the first answer is kept for 24 h with this key, your API key and the request, and a retry with the same key and request gets it again (`Idempotent-Replayed: true`) without the work being done twice. The same key with another request is 422 `IDEMPOTENCY_KEY_REUSED`; a retry while the first is still being answered waits for it, or is 409 `IDEMPOTENCY_KEY_IN_USE` after 10 s. */
        'idempotency-key'?: string
      }
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          shipTo?: {
            name?: string
            company?: string
            line1: string
            line2?: string
            city?: string
            region?: string
            postcode?: string
            country: string
            phone?: string
            lat?: number
            lon?: number
          }
          /** @enum {string} */
          serviceLevel?: 'standard' | 'express' | 'overnight' | 'economy' | 'pickup'
          lines?: {
            /** Format: uuid */
            lineId: string
            quantity: number
          }[]
          addLines?: {
            sku: string
            quantity: number
            unitPrice?: string
            externalLineId?: string
          }[]
          reason?: string
        }
      }
    }
    responses: {
      /** @description Modified and routed again */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            orderId: string
            /** @enum {string} */
            status:
              | 'received'
              | 'held'
              | 'backordered'
              | 'allocated'
              | 'released'
              | 'ready_for_pickup'
              | 'partially_shipped'
              | 'shipped'
              | 'cancelled'
            changed: string[]
          }
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `ORDER_NOT_FOUND` (also another channel's, for a scoped key) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The order's state does not allow this: `OPERATION_NOT_ALLOWED` (naming the state), `ILLEGAL_TRANSITION` (a status move the state machine refuses, naming both states), `ORDER_STATUS_CHANGED` (it changed meanwhile: read it again), or another conflict named by `code` */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `BODY_TOO_LARGE`: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  getOrderDecision: {
    parameters: {
      query?: {
        /** @description true: every active location with its exclusion or score, by routing the order again as it was routed (writes nothing); the stored decision keeps the compact form */
        every?: 'true' | 'false'
      }
      header?: never
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The decision */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['RoutingDecision']
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `ORDER_NOT_FOUND` (also another channel's, for a scoped key), or `NO_DECISION`: not routed yet */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  cancelOrder: {
    parameters: {
      query?: never
      header?: {
        /** @description Makes a retry safe: the first answer is kept for 24 h with this key, your API key and the request, and a retry with the same key and request gets it again (`Idempotent-Replayed: true`) without the work being done twice. The same key with another request is 422 `IDEMPOTENCY_KEY_REUSED`; a retry while the first is still being answered waits for it, or is 409 `IDEMPOTENCY_KEY_IN_USE` after 10 s. */
        'idempotency-key'?: string
      }
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody?: {
      content: {
        'application/json': {
          lines?: {
            /** Format: uuid */
            lineId: string
            quantity: number
          }[]
          reason?: string
        }
      }
    }
    responses: {
      /** @description Cancelled */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            orderId: string
            /** @enum {string} */
            status:
              | 'received'
              | 'held'
              | 'backordered'
              | 'allocated'
              | 'released'
              | 'ready_for_pickup'
              | 'partially_shipped'
              | 'shipped'
              | 'cancelled'
            cancelled: {
              lineId: string
              quantity: number
            }[]
            awaitingWarehouse: string[]
          }
        }
      }
      /** @description Waiting for the warehouse to confirm */
      202: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            orderId: string
            /** @enum {string} */
            status:
              | 'received'
              | 'held'
              | 'backordered'
              | 'allocated'
              | 'released'
              | 'ready_for_pickup'
              | 'partially_shipped'
              | 'shipped'
              | 'cancelled'
            cancelled: {
              lineId: string
              quantity: number
            }[]
            awaitingWarehouse: string[]
          }
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `ORDER_NOT_FOUND` (also another channel's, for a scoped key) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The order's state does not allow this: `OPERATION_NOT_ALLOWED` (naming the state), `ILLEGAL_TRANSITION` (a status move the state machine refuses, naming both states), `ORDER_STATUS_CHANGED` (it changed meanwhile: read it again), or another conflict named by `code` */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `BODY_TOO_LARGE`: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  releaseOrderHold: {
    parameters: {
      query?: never
      header?: {
        /** @description Makes a retry safe: the first answer is kept for 24 h with this key, your API key and the request, and a retry with the same key and request gets it again (`Idempotent-Replayed: true`) without the work being done twice. The same key with another request is 422 `IDEMPOTENCY_KEY_REUSED`; a retry while the first is still being answered waits for it, or is 409 `IDEMPOTENCY_KEY_IN_USE` after 10 s. */
        'idempotency-key'?: string
      }
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          reason: string
        }
      }
    }
    responses: {
      /** @description Released and routed */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            orderId: string
            status: string
            releasedHold: string | null
            allocated: number
            backordered: number
          }
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `ORDER_NOT_FOUND` (also another channel's, for a scoped key) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The order's state does not allow this: `OPERATION_NOT_ALLOWED` (naming the state), `ILLEGAL_TRANSITION` (a status move the state machine refuses, naming both states), `ORDER_STATUS_CHANGED` (it changed meanwhile: read it again), or another conflict named by `code` */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `BODY_TOO_LARGE`: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  confirmOrderPickup: {
    parameters: {
      query?: never
      header?: {
        /** @description Makes a retry safe: the first answer is kept for 24 h with this key, your API key and the request, and a retry with the same key and request gets it again (`Idempotent-Replayed: true`) without the work being done twice. The same key with another request is 422 `IDEMPOTENCY_KEY_REUSED`; a retry while the first is still being answered waits for it, or is 409 `IDEMPOTENCY_KEY_IN_USE` after 10 s. */
        'idempotency-key'?: string
      }
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Collected */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            orderId: string
            /** @enum {string} */
            status:
              | 'received'
              | 'held'
              | 'backordered'
              | 'allocated'
              | 'released'
              | 'ready_for_pickup'
              | 'partially_shipped'
              | 'shipped'
              | 'cancelled'
          }
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `ORDER_NOT_FOUND` (also another channel's, for a scoped key) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The order's state does not allow this: `OPERATION_NOT_ALLOWED` (naming the state), `ILLEGAL_TRANSITION` (a status move the state machine refuses, naming both states), `ORDER_STATUS_CHANGED` (it changed meanwhile: read it again), or another conflict named by `code` */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  receiveOrderAtStore: {
    parameters: {
      query?: never
      header?: {
        /** @description Makes a retry safe: the first answer is kept for 24 h with this key, your API key and the request, and a retry with the same key and request gets it again (`Idempotent-Replayed: true`) without the work being done twice. The same key with another request is 422 `IDEMPOTENCY_KEY_REUSED`; a retry while the first is still being answered waits for it, or is 409 `IDEMPOTENCY_KEY_IN_USE` after 10 s. */
        'idempotency-key'?: string
      }
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Received at the store */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            orderId: string
            /** @enum {string} */
            status:
              | 'received'
              | 'held'
              | 'backordered'
              | 'allocated'
              | 'released'
              | 'ready_for_pickup'
              | 'partially_shipped'
              | 'shipped'
              | 'cancelled'
            /** @description The transfers (fulfilment ids) taken in */
            received: string[]
          }
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `ORDER_NOT_FOUND` (also another channel's, for a scoped key) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The order's state does not allow this: `OPERATION_NOT_ALLOWED` (naming the state), `ILLEGAL_TRANSITION` (a status move the state machine refuses, naming both states), `ORDER_STATUS_CHANGED` (it changed meanwhile: read it again), or another conflict named by `code` */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  listProducts: {
    parameters: {
      query?: {
        limit?: number
        cursor?: string
        /** @description Only rows changed at or after this instant (an incremental sync reads every page of it) */
        updatedSince?: string
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description A page of products */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            items: components['schemas']['Product'][]
            nextCursor: string | null
          }
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  upsertProducts: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          items: components['schemas']['Product'][]
        }
      }
    }
    responses: {
      /** @description Upserted */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            upserted: number
          }
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `BODY_TOO_LARGE`: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  getProduct: {
    parameters: {
      query?: never
      header?: never
      path: {
        sku: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The product */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Product']
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  listKits: {
    parameters: {
      query?: {
        limit?: number
        cursor?: string
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description A page of kits */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            items: components['schemas']['Kit'][]
            nextCursor: string | null
          }
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  getKit: {
    parameters: {
      query?: never
      header?: never
      path: {
        sku: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The kit */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Kit']
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `KIT_NOT_FOUND`: the sku is not a kit */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  defineKit: {
    parameters: {
      query?: never
      header?: never
      path: {
        sku: string
      }
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': components['schemas']['KitDefinition']
      }
    }
    responses: {
      /** @description The kit was defined already with this bill; nothing changed */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Kit']
        }
      }
      /** @description The kit is defined */
      201: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Kit']
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `PRODUCT_NOT_FOUND`: create the product first */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `KIT_IMMUTABLE`: the kit has another bill of materials; `KIT_SKU_IN_USE`: the sku already has stock, orders, pools or is a component */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `BODY_TOO_LARGE`: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  listLocations: {
    parameters: {
      query?: {
        /** @description Rows per page, up to 500 (default 500) */
        limit?: number
        /** @description nextCursor of the previous page */
        cursor?: string
        /** @description Only rows changed at or after this instant (an incremental sync reads every page of it) */
        updatedSince?: string
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Locations, by id */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            items: {
              name: string
              /** @enum {string} */
              type: 'warehouse' | 'store' | '3pl' | 'dropship'
              line1?: string | null
              city?: string | null
              region?: string | null
              postcode?: string | null
              country: string
              lat: number
              lon: number
              timezone: string
              tags?: string[]
              dailyCapacity?: number | null
              /** @description Local time (HH:MM) after which an order ships on the next ship day. Default 15:00 for a new location; kept when omitted. */
              cutoffTime?: string
              /**
               * @description Weekdays the location hands parcels to carriers (mon…sun), each once; returned Monday first. An order placed after the cut-off, or on another day, ships on the next ship day that is not a holiday of the lane's carrier calendar. Default Monday to Friday for a new location; kept when omitted.
               * @example [
               *       "mon",
               *       "tue",
               *       "wed",
               *       "thu",
               *       "fri"
               *     ]
               */
              shipDays?: ('sun' | 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat')[]
              /** @description Ship days between the day an order is taken and the day it ships */
              handlingDays?: number
              active?: boolean
              acceptsReturns?: boolean
              /** @description Click and collect: customers may collect orders here (an order with deliveryMethod pickup and this pickupLocationId). Default false for a new location; kept when omitted. */
              acceptsPickup?: boolean
              priority?: number
              wmsInstanceId?: string | null
              /** @description Added to the shipping cost of every shipment from here, in minor units of its lanes' currency: a drop-ship supplier's fee per purchase order, which routing weighs with the lane's cost. Default 0; kept when omitted. */
              shipmentFeeMinor?: number
              /** @description Stock whose newest feed snapshot (a WMS's or a drop-ship supplier's inventory report) is older than this many hours is not sold here until a fresh one arrives (GET /inventory shows each row's feedAsOf and feedStale). Null: stock never ages. Kept when omitted. */
              feedMaxAgeHours?: number | null
              id: string
            }[]
            nextCursor: string | null
          }
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  getLocation: {
    parameters: {
      query?: never
      header?: never
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The location */
      200: {
        headers: {
          /** @description The current state; send it as If-Match */
          etag: string
          [name: string]: unknown
        }
        content: {
          'application/json': {
            name: string
            /** @enum {string} */
            type: 'warehouse' | 'store' | '3pl' | 'dropship'
            line1?: string | null
            city?: string | null
            region?: string | null
            postcode?: string | null
            country: string
            lat: number
            lon: number
            timezone: string
            tags?: string[]
            dailyCapacity?: number | null
            /** @description Local time (HH:MM) after which an order ships on the next ship day. Default 15:00 for a new location; kept when omitted. */
            cutoffTime?: string
            /**
             * @description Weekdays the location hands parcels to carriers (mon…sun), each once; returned Monday first. An order placed after the cut-off, or on another day, ships on the next ship day that is not a holiday of the lane's carrier calendar. Default Monday to Friday for a new location; kept when omitted.
             * @example [
             *       "mon",
             *       "tue",
             *       "wed",
             *       "thu",
             *       "fri"
             *     ]
             */
            shipDays?: ('sun' | 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat')[]
            /** @description Ship days between the day an order is taken and the day it ships */
            handlingDays?: number
            active?: boolean
            acceptsReturns?: boolean
            /** @description Click and collect: customers may collect orders here (an order with deliveryMethod pickup and this pickupLocationId). Default false for a new location; kept when omitted. */
            acceptsPickup?: boolean
            priority?: number
            wmsInstanceId?: string | null
            /** @description Added to the shipping cost of every shipment from here, in minor units of its lanes' currency: a drop-ship supplier's fee per purchase order, which routing weighs with the lane's cost. Default 0; kept when omitted. */
            shipmentFeeMinor?: number
            /** @description Stock whose newest feed snapshot (a WMS's or a drop-ship supplier's inventory report) is older than this many hours is not sold here until a fresh one arrives (GET /inventory shows each row's feedAsOf and feedStale). Null: stock never ages. Kept when omitted. */
            feedMaxAgeHours?: number | null
            id: string
          }
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  putLocation: {
    parameters: {
      query?: never
      header?: {
        /** @description The `ETag` you read: the write goes ahead only if the resource is still in that state, else 412 `PRECONDITION_FAILED` naming the current one. Without it the write goes ahead. */
        'if-match'?: string
      }
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': components['schemas']['Location']
      }
    }
    responses: {
      /** @description Saved */
      200: {
        headers: {
          /** @description The current state; send it as If-Match */
          etag: string
          [name: string]: unknown
        }
        content: {
          'application/json': {
            name: string
            /** @enum {string} */
            type: 'warehouse' | 'store' | '3pl' | 'dropship'
            line1?: string | null
            city?: string | null
            region?: string | null
            postcode?: string | null
            country: string
            lat: number
            lon: number
            timezone: string
            tags?: string[]
            dailyCapacity?: number | null
            /** @description Local time (HH:MM) after which an order ships on the next ship day. Default 15:00 for a new location; kept when omitted. */
            cutoffTime?: string
            /**
             * @description Weekdays the location hands parcels to carriers (mon…sun), each once; returned Monday first. An order placed after the cut-off, or on another day, ships on the next ship day that is not a holiday of the lane's carrier calendar. Default Monday to Friday for a new location; kept when omitted.
             * @example [
             *       "mon",
             *       "tue",
             *       "wed",
             *       "thu",
             *       "fri"
             *     ]
             */
            shipDays?: ('sun' | 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat')[]
            /** @description Ship days between the day an order is taken and the day it ships */
            handlingDays?: number
            active?: boolean
            acceptsReturns?: boolean
            /** @description Click and collect: customers may collect orders here (an order with deliveryMethod pickup and this pickupLocationId). Default false for a new location; kept when omitted. */
            acceptsPickup?: boolean
            priority?: number
            wmsInstanceId?: string | null
            /** @description Added to the shipping cost of every shipment from here, in minor units of its lanes' currency: a drop-ship supplier's fee per purchase order, which routing weighs with the lane's cost. Default 0; kept when omitted. */
            shipmentFeeMinor?: number
            /** @description Stock whose newest feed snapshot (a WMS's or a drop-ship supplier's inventory report) is older than this many hours is not sold here until a fresh one arrives (GET /inventory shows each row's feedAsOf and feedStale). Null: stock never ages. Kept when omitted. */
            feedMaxAgeHours?: number | null
            id: string
          }
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `PRECONDITION_FAILED`: `If-Match` names a state that is no longer current; `details.current.etag` is the current one (null when the resource is gone) */
      412: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `BODY_TOO_LARGE`: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  listSupplierItems: {
    parameters: {
      query?: {
        /** @description Rows per page, up to 500 (default 500) */
        limit?: number
        /** @description nextCursor of the previous page */
        cursor?: string
      }
      header?: never
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The supplier's items, by sku */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            items: components['schemas']['SupplierItem'][]
            nextCursor: string | null
          }
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `LOCATION_NOT_FOUND` */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  setSupplierItems: {
    parameters: {
      query?: never
      header?: never
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          items: {
            sku: string
            unitCost?: string | null
            currency?: string | null
            supplierPartNumber?: string | null
          }[]
        }
      }
    }
    responses: {
      /** @description Count written */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            written: number
          }
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `LOCATION_NOT_FOUND` */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `BODY_TOO_LARGE`: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  listInventory: {
    parameters: {
      query?: {
        sku?: string
        location?: string
        updatedSince?: string
        limit?: number
        cursor?: string
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description A page of levels */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            items: {
              sku: string
              locationId: string
              onHand: number
              allocated: number
              reserved: number
              safetyStock: number
              /** @description What may be sold here: 0 while the feed is stale */
              available: number
              updatedAt: string
              /** @description asOf of the newest feed snapshot applied (a WMS's or a drop-ship supplier's report); null when none */
              feedAsOf: string | null
              /** @description True when the location's feedMaxAgeHours has passed since feedAsOf: the row is not sold until a fresh snapshot arrives */
              feedStale: boolean
            }[]
            nextCursor: string | null
          }
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  setInventory: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          items: {
            sku: string
            locationId: string
            onHand: number
            safetyStock?: number
          }[]
        }
      }
    }
    responses: {
      /** @description Applied */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            upserted: number
          }
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `BODY_TOO_LARGE`: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  listInboundSupplies: {
    parameters: {
      query?: {
        sku?: string
        locationId?: string
        status?: 'open' | 'received' | 'cancelled'
        limit?: number
        cursor?: string
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description A page of inbound supply */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            items: components['schemas']['InboundSupply'][]
            nextCursor: string | null
          }
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  expectInboundSupply: {
    parameters: {
      query?: never
      header?: {
        /** @description Makes a retry safe: the first answer is kept for 24 h with this key, your API key and the request, and a retry with the same key and request gets it again (`Idempotent-Replayed: true`) without the work being done twice. The same key with another request is 422 `IDEMPOTENCY_KEY_REUSED`; a retry while the first is still being answered waits for it, or is 409 `IDEMPOTENCY_KEY_IN_USE` after 10 s. */
        'idempotency-key'?: string
      }
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          sku: string
          locationId: string
          quantity: number
          /** @description The location's local day the supply is expected */
          expectedDate: string
          /** @description PO or ASN number */
          externalRef?: string
        }
      }
    }
    responses: {
      /** @description The supply with this reference, updated */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['InboundSupply']
        }
      }
      /** @description The supply is recorded */
      201: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['InboundSupply']
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `CONFLICT`: the reference names supply of another sku or location */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `BODY_TOO_LARGE`: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `UNKNOWN_REFERENCE`: no such sku or location, or the sku is a kit */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  getInboundSupply: {
    parameters: {
      query?: never
      header?: never
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The supply */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['InboundSupply']
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `INBOUND_SUPPLY_NOT_FOUND` */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  delayInboundSupply: {
    parameters: {
      query?: never
      header?: {
        /** @description Makes a retry safe: the first answer is kept for 24 h with this key, your API key and the request, and a retry with the same key and request gets it again (`Idempotent-Replayed: true`) without the work being done twice. The same key with another request is 422 `IDEMPOTENCY_KEY_REUSED`; a retry while the first is still being answered waits for it, or is 409 `IDEMPOTENCY_KEY_IN_USE` after 10 s. */
        'idempotency-key'?: string
      }
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          expectedDate: string
        }
      }
    }
    responses: {
      /** @description The supply, with its new date */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['InboundSupply']
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `INBOUND_SUPPLY_NOT_FOUND` */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `INBOUND_SUPPLY_CLOSED`: received in full or cancelled */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `BODY_TOO_LARGE`: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  cancelInboundSupply: {
    parameters: {
      query?: never
      header?: {
        /** @description Makes a retry safe: the first answer is kept for 24 h with this key, your API key and the request, and a retry with the same key and request gets it again (`Idempotent-Replayed: true`) without the work being done twice. The same key with another request is 422 `IDEMPOTENCY_KEY_REUSED`; a retry while the first is still being answered waits for it, or is 409 `IDEMPOTENCY_KEY_IN_USE` after 10 s. */
        'idempotency-key'?: string
      }
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The supply, cancelled */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['InboundSupply']
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `INBOUND_SUPPLY_NOT_FOUND` */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `INBOUND_SUPPLY_CLOSED`: received in full or cancelled already */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  receiveInboundSupply: {
    parameters: {
      query?: never
      header?: {
        /** @description Makes a retry safe: the first answer is kept for 24 h with this key, your API key and the request, and a retry with the same key and request gets it again (`Idempotent-Replayed: true`) without the work being done twice. The same key with another request is 422 `IDEMPOTENCY_KEY_REUSED`; a retry while the first is still being answered waits for it, or is 409 `IDEMPOTENCY_KEY_IN_USE` after 10 s. */
        'idempotency-key'?: string
      }
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          quantity: number
          eventId?: string
        }
      }
    }
    responses: {
      /** @description The supply after the receipt */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['InboundSupply']
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `INBOUND_SUPPLY_NOT_FOUND` */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `INBOUND_SUPPLY_CLOSED`: received in full or cancelled */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `BODY_TOO_LARGE`: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RECEIVE_TOO_MUCH`: more than it still brings */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  listPlugins: {
    parameters: {
      query?: {
        /** @description Rows per page, up to 500 (default 500) */
        limit?: number
        /** @description nextCursor of the previous page */
        cursor?: string
        /** @description Only rows changed at or after this instant (an incremental sync reads every page of it) */
        updatedSince?: string
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Instances, by id */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            items: components['schemas']['PluginInstance'][]
            nextCursor: string | null
          }
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  checkPlugin: {
    parameters: {
      query?: never
      header?: {
        /** @description Makes a retry safe: the first answer is kept for 24 h with this key, your API key and the request, and a retry with the same key and request gets it again (`Idempotent-Replayed: true`) without the work being done twice. The same key with another request is 422 `IDEMPOTENCY_KEY_REUSED`; a retry while the first is still being answered waits for it, or is 409 `IDEMPOTENCY_KEY_IN_USE` after 10 s. */
        'idempotency-key'?: string
      }
      path: {
        instance: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The outcome */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['PluginCheck']
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `NOT_FOUND`: no such plugin instance */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `IDEMPOTENCY_KEY_IN_USE`: a request with this Idempotency-Key is still being answered */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  listKeys: {
    parameters: {
      query?: {
        /** @description Rows per page, up to 500 (default 500) */
        limit?: number
        /** @description nextCursor of the previous page */
        cursor?: string
        /** @description Only rows changed at or after this instant (an incremental sync reads every page of it) */
        updatedSince?: string
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Keys, by id */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            items: {
              keyId: string
              name: string
              /** @enum {string} */
              role: 'admin' | 'analyst' | 'integrator' | 'viewer'
              channelInstanceId: string | null
              createdAt: string
              revokedAt: string | null
            }[]
            nextCursor: string | null
          }
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  createKey: {
    parameters: {
      query?: never
      header?: {
        /** @description Makes a retry safe: the first answer is kept for 24 h with this key, your API key and the request, and a retry with the same key and request gets it again (`Idempotent-Replayed: true`) without the work being done twice. The same key with another request is 422 `IDEMPOTENCY_KEY_REUSED`; a retry while the first is still being answered waits for it, or is 409 `IDEMPOTENCY_KEY_IN_USE` after 10 s. */
        'idempotency-key'?: string
      }
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          name: string
          /** @enum {string} */
          role: 'admin' | 'analyst' | 'integrator' | 'viewer'
          channel?: string
        }
      }
    }
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            keyId: string
            name: string
            /** @enum {string} */
            role: 'admin' | 'analyst' | 'integrator' | 'viewer'
            channelInstanceId: string | null
            token: string
          }
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `IDEMPOTENCY_KEY_IN_USE`: a request with this Idempotency-Key is still being answered */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `BODY_TOO_LARGE`: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  revokeKey: {
    parameters: {
      query?: never
      header?: never
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Revoked */
      204: {
        headers: {
          [name: string]: unknown
        }
        content?: never
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `NOT_FOUND`: no such key */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  setKeyRole: {
    parameters: {
      query?: never
      header?: {
        /** @description Makes a retry safe: the first answer is kept for 24 h with this key, your API key and the request, and a retry with the same key and request gets it again (`Idempotent-Replayed: true`) without the work being done twice. The same key with another request is 422 `IDEMPOTENCY_KEY_REUSED`; a retry while the first is still being answered waits for it, or is 409 `IDEMPOTENCY_KEY_IN_USE` after 10 s. */
        'idempotency-key'?: string
      }
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          /** @enum {string} */
          role: 'admin' | 'analyst' | 'integrator' | 'viewer'
        }
      }
    }
    responses: {
      /** @description The key with its new role */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            keyId: string
            name: string
            /** @enum {string} */
            role: 'admin' | 'analyst' | 'integrator' | 'viewer'
            channelInstanceId: string | null
          }
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `NOT_FOUND`: no such key */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `IDEMPOTENCY_KEY_IN_USE`: a request with this Idempotency-Key is still being answered */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `BODY_TOO_LARGE`: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  rotateKey: {
    parameters: {
      query?: never
      header?: {
        /** @description Makes a retry safe: the first answer is kept for 24 h with this key, your API key and the request, and a retry with the same key and request gets it again (`Idempotent-Replayed: true`) without the work being done twice. The same key with another request is 422 `IDEMPOTENCY_KEY_REUSED`; a retry while the first is still being answered waits for it, or is 409 `IDEMPOTENCY_KEY_IN_USE` after 10 s. */
        'idempotency-key'?: string
      }
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody?: {
      content: {
        'application/json': {
          /** @default 0 */
          graceSeconds?: number
        }
      }
    }
    responses: {
      /** @description The new key */
      201: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            keyId: string
            name: string
            /** @enum {string} */
            role: 'admin' | 'analyst' | 'integrator' | 'viewer'
            channelInstanceId: string | null
            token: string
          }
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `NOT_FOUND`: no such key */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `IDEMPOTENCY_KEY_IN_USE`: a request with this Idempotency-Key is still being answered */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `BODY_TOO_LARGE`: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  listOutbox: {
    parameters: {
      query?: {
        status?: 'pending' | 'in_flight' | 'delivered' | 'dead'
        instance?: string
        order?: string
        limit?: number
        cursor?: string
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description A page of messages */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            items: components['schemas']['OutboxMessage'][]
            nextCursor: string | null
          }
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  getOutboxMessage: {
    parameters: {
      query?: never
      header?: never
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The message */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['OutboxMessageDetail']
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `OUTBOX_MESSAGE_NOT_FOUND` */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  retryOutbox: {
    parameters: {
      query?: never
      header?: {
        /** @description Makes a retry safe: the first answer is kept for 24 h with this key, your API key and the request, and a retry with the same key and request gets it again (`Idempotent-Replayed: true`) without the work being done twice. The same key with another request is 422 `IDEMPOTENCY_KEY_REUSED`; a retry while the first is still being answered waits for it, or is 409 `IDEMPOTENCY_KEY_IN_USE` after 10 s. */
        'idempotency-key'?: string
      }
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          ids?: string[]
        }
      }
    }
    responses: {
      /** @description How many were requeued, and how many were left dead as settled */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            /** @description Dead messages given a fresh set of attempts */
            requeued: number
            /** @description Dead messages left dead because what they asked is settled */
            settled: number
          }
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `IDEMPOTENCY_KEY_IN_USE`: a request with this Idempotency-Key is still being answered */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `BODY_TOO_LARGE`: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  listExceptions: {
    parameters: {
      query?: {
        instance?: string
        status?: 'open' | 'replayed' | 'discarded'
        /** @description Only those with a reason of this code */
        reason?: string
        /** @description Last seen at or after */
        since?: string
        /** @description Only rows changed at or after this instant (an incremental sync reads every page of it) */
        updatedSince?: string
        limit?: number
        cursor?: string
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description A page of exceptions */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            items: components['schemas']['IntakeException'][]
            nextCursor: string | null
          }
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  replayExceptions: {
    parameters: {
      query?: never
      header?: {
        /** @description Makes a retry safe: the first answer is kept for 24 h with this key, your API key and the request, and a retry with the same key and request gets it again (`Idempotent-Replayed: true`) without the work being done twice. The same key with another request is 422 `IDEMPOTENCY_KEY_REUSED`; a retry while the first is still being answered waits for it, or is 409 `IDEMPOTENCY_KEY_IN_USE` after 10 s. */
        'idempotency-key'?: string
      }
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          instance?: string
          reason?: string
          /** Format: date-time */
          since?: string
        }
      }
    }
    responses: {
      /** @description Counts and the outcome of each exception */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            /** @description Exceptions that became (or already were) orders */
            replayed: number
            /** @description Exceptions that still cannot be taken */
            stillOpen: number
            /** @description Exceptions that cannot be replayed at all (`EXCEPTION_NOT_REPLAYABLE`), left open */
            skipped: number
            results: components['schemas']['ReplayOutcome'][]
          }
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `IDEMPOTENCY_KEY_IN_USE`: a request with this Idempotency-Key is still being answered */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `BODY_TOO_LARGE`: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  getException: {
    parameters: {
      query?: never
      header?: never
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The exception */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['IntakeExceptionDetail']
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `EXCEPTION_NOT_FOUND` (also another channel's, for a scoped key) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  replayException: {
    parameters: {
      query?: never
      header?: {
        /** @description Makes a retry safe: the first answer is kept for 24 h with this key, your API key and the request, and a retry with the same key and request gets it again (`Idempotent-Replayed: true`) without the work being done twice. The same key with another request is 422 `IDEMPOTENCY_KEY_REUSED`; a retry while the first is still being answered waits for it, or is 409 `IDEMPOTENCY_KEY_IN_USE` after 10 s. */
        'idempotency-key'?: string
      }
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The outcome */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['ReplayOutcome']
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `EXCEPTION_NOT_FOUND` (also another channel's, for a scoped key) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `EXCEPTION_CLOSED`: it was discarded. `EXCEPTION_NOT_REPLAYABLE`: a polled record its plugin could not map, and the plugin cannot map a stored record again (no `mapRecord`); discard it or have the channel send the order again */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  discardException: {
    parameters: {
      query?: never
      header?: {
        /** @description Makes a retry safe: the first answer is kept for 24 h with this key, your API key and the request, and a retry with the same key and request gets it again (`Idempotent-Replayed: true`) without the work being done twice. The same key with another request is 422 `IDEMPOTENCY_KEY_REUSED`; a retry while the first is still being answered waits for it, or is 409 `IDEMPOTENCY_KEY_IN_USE` after 10 s. */
        'idempotency-key'?: string
      }
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          /** @description Why; required, kept with the exception */
          reason?: string
        }
      }
    }
    responses: {
      /** @description The discarded exception */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['IntakeException']
        }
      }
      /** @description `VALIDATION_FAILED`: no reason given (the field is named) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `EXCEPTION_NOT_FOUND` (also another channel's, for a scoped key) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `EXCEPTION_CLOSED`: it was replayed */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `BODY_TOO_LARGE`: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  listReturns: {
    parameters: {
      query?: {
        /** @description Comma-separated statuses: any of them */
        status?: string
        /** @description Comma-separated channel instances (of the returns' orders): any of them */
        channel?: string
        /** @description One order's returns */
        orderId?: string
        /** @description Only rows changed at or after this instant (an incremental sync reads every page of it) */
        updatedSince?: string
        /** @description Returns per page, up to 500 (default 100) */
        limit?: number
        /** @description nextCursor of the previous page */
        cursor?: string
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description A page of returns */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            items: components['schemas']['Return'][]
            nextCursor: string | null
          }
        }
      }
      /** @description A filter or the cursor is invalid: `errors` names the parameter */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `FORBIDDEN_SCOPE`: `channel` names a channel the key is not scoped to */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  listOrderReturns: {
    parameters: {
      query?: never
      header?: never
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Returns and refunds */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            returns: components['schemas']['Return'][]
            refunds: components['schemas']['Refund'][]
          }
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `ORDER_NOT_FOUND` (a scoped key: not an order of its channel) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  createReturn: {
    parameters: {
      query?: never
      header?: {
        /** @description Makes a retry safe: the first answer is kept for 24 h with this key, your API key and the request, and a retry with the same key and request gets it again (`Idempotent-Replayed: true`) without the work being done twice. The same key with another request is 422 `IDEMPOTENCY_KEY_REUSED`; a retry while the first is still being answered waits for it, or is 409 `IDEMPOTENCY_KEY_IN_USE` after 10 s. */
        'idempotency-key'?: string
      }
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          lines: {
            /** Format: uuid */
            lineId: string
            quantity: number
          }[]
          reason?: string
          exchange?: {
            lines: {
              sku: string
              quantity: number
            }[]
            /** @enum {string} */
            ship: 'first' | 'after-receipt'
          }
        }
      }
    }
    responses: {
      /** @description Authorised */
      201: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Return']
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `ORDER_NOT_FOUND` (also another channel's, for a scoped key) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `IDEMPOTENCY_KEY_IN_USE`: a request with this Idempotency-Key is still being answered */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `BODY_TOO_LARGE`: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  getReturn: {
    parameters: {
      query?: never
      header?: never
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The return */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Return']
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RETURN_NOT_FOUND`, or `ORDER_NOT_FOUND` for a scoped key */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  receiveReturn: {
    parameters: {
      query?: never
      header?: {
        /** @description Makes a retry safe: the first answer is kept for 24 h with this key, your API key and the request, and a retry with the same key and request gets it again (`Idempotent-Replayed: true`) without the work being done twice. The same key with another request is 422 `IDEMPOTENCY_KEY_REUSED`; a retry while the first is still being answered waits for it, or is 409 `IDEMPOTENCY_KEY_IN_USE` after 10 s. */
        'idempotency-key'?: string
      }
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          lines: {
            sku: string
            quantity: number
            /** @enum {string} */
            condition: 'resellable' | 'damaged'
          }[]
        }
      }
    }
    responses: {
      /** @description Received */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Return']
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RETURN_NOT_FOUND`, or `ORDER_NOT_FOUND` for a scoped key */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RETURN_CLOSED`: the return was already received or closed */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `BODY_TOO_LARGE`: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  listFulfilments: {
    parameters: {
      query?: {
        /** @description Comma-separated statuses: any of them */
        status?: string
        /** @description Comma-separated channel instances (of the fulfilments' orders): any of them */
        channel?: string
        /** @description Comma-separated locations: any of them */
        location?: string
        /** @description One order's fulfilments */
        orderId?: string
        /** @description Only rows changed at or after this instant (an incremental sync reads every page of it) */
        updatedSince?: string
        /** @description Fulfilments per page, up to 500 (default 100) */
        limit?: number
        /** @description nextCursor of the previous page */
        cursor?: string
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description A page of fulfilments */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            items: components['schemas']['FulfilmentListItem'][]
            nextCursor: string | null
          }
        }
      }
      /** @description A filter or the cursor is invalid: `errors` names the parameter */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `FORBIDDEN_SCOPE`: `channel` names a channel the key is not scoped to */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  getAvailability: {
    parameters: {
      query: {
        /** @description One sku or several, comma-separated */
        sku: string
        channel?: string
        country?: string
        postcode?: string
        region?: string
        serviceLevel?: 'standard' | 'express' | 'overnight' | 'economy' | 'pickup'
        quantity?: number
        /** @description Availability by this day: each location adds the open inbound supply expected there by then (`inbound`, `availableOn`), and `on` gives the total less what backorders wait for */
        on?: string
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Availability */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            items: components['schemas']['SkuAvailability'][]
          }
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  listPools: {
    parameters: {
      query?: {
        channel?: string
        sku?: string
        /** @description Rows per page, up to 500 (default 500) */
        limit?: number
        /** @description nextCursor of the previous page */
        cursor?: string
        /** @description Only rows changed at or after this instant (an incremental sync reads every page of it) */
        updatedSince?: string
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Pools, by id */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            items: components['schemas']['Pool'][]
            nextCursor: string | null
          }
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  putPool: {
    parameters: {
      query?: never
      header?: {
        /** @description The `ETag` you read: the write goes ahead only if the resource is still in that state, else 412 `PRECONDITION_FAILED` naming the current one. Without it the write goes ahead. */
        'if-match'?: string
      }
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          channel: string
          sku: string
          locationId?: string | null
          protectedQty: number
          mayBorrow?: boolean
          capUnits?: number | null
          capPercent?: number | null
        }
      }
    }
    responses: {
      /** @description The pool */
      200: {
        headers: {
          /** @description The current state; send it as If-Match */
          etag: string
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Pool']
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `PRECONDITION_FAILED`: `If-Match` names a state that is no longer current; `details.current.etag` is the current one (null when the resource is gone) */
      412: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `BODY_TOO_LARGE`: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  getPool: {
    parameters: {
      query?: never
      header?: never
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The pool */
      200: {
        headers: {
          /** @description The current state; send it as If-Match */
          etag: string
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Pool']
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `NOT_FOUND` */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  deletePool: {
    parameters: {
      query?: never
      header?: {
        /** @description The `ETag` you read: the write goes ahead only if the resource is still in that state, else 412 `PRECONDITION_FAILED` naming the current one. Without it the write goes ahead. */
        'if-match'?: string
      }
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Removed */
      204: {
        headers: {
          [name: string]: unknown
        }
        content?: never
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `PRECONDITION_FAILED`: `If-Match` names a state that is no longer current; `details.current.etag` is the current one (null when the resource is gone) */
      412: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  createReservation: {
    parameters: {
      query?: never
      header?: {
        /** @description Makes a retry safe: the first answer is kept for 24 h with this key, your API key and the request, and a retry with the same key and request gets it again (`Idempotent-Replayed: true`) without the work being done twice. The same key with another request is 422 `IDEMPOTENCY_KEY_REUSED`; a retry while the first is still being answered waits for it, or is 409 `IDEMPOTENCY_KEY_IN_USE` after 10 s. */
        'idempotency-key'?: string
      }
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          channel: string
          lines: {
            sku: string
            quantity: number
          }[]
          ttlSeconds: number
          reference?: string
        }
      }
    }
    responses: {
      /** @description Held */
      201: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Reservation']
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `IDEMPOTENCY_KEY_IN_USE`: a request with this Idempotency-Key is still being answered */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `BODY_TOO_LARGE`: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  getReservation: {
    parameters: {
      query?: never
      header?: never
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The reservation */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Reservation']
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RESERVATION_NOT_FOUND` (also another channel's, for a scoped key) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  releaseReservation: {
    parameters: {
      query?: never
      header?: never
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Released */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Reservation']
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RESERVATION_NOT_FOUND` (also another channel's, for a scoped key) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RESERVATION_CLOSED`: the reservation is no longer active (converted, released or expired) */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  applyInventoryAdjustments: {
    parameters: {
      query?: never
      header?: {
        /** @description Makes a retry safe: the first answer is kept for 24 h with this key, your API key and the request, and a retry with the same key and request gets it again (`Idempotent-Replayed: true`) without the work being done twice. The same key with another request is 422 `IDEMPOTENCY_KEY_REUSED`; a retry while the first is still being answered waits for it, or is 409 `IDEMPOTENCY_KEY_IN_USE` after 10 s. */
        'idempotency-key'?: string
      }
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          /** @default api */
          source?: string
          events: {
            eventId: string
            sku: string
            locationId: string
            delta: number
            /** Format: date-time */
            occurredAt?: string
            reason?: string
          }[]
        }
      }
    }
    responses: {
      /** @description Applied */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            applied: number
            duplicate: number
          }
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `IDEMPOTENCY_KEY_IN_USE`: a request with this Idempotency-Key is still being answered */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `BODY_TOO_LARGE`: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  getRuleFacts: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The fact catalogue */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            facts: components['schemas']['FactDefinition'][]
            actions: string[]
            criteria: string[]
            values: {
              channels: string[]
              locations: {
                id: string
                name: string
                type: string
              }[]
              tags: string[]
              countries: string[]
              serviceLevels: string[]
              /** @description ship, or pickup (click and collect) */
              deliveryMethods: string[]
              locationTypes: string[]
              weekdays: string[]
              categories: string[]
              /** @description Customer tiers customers have */
              tiers: string[]
              /** @description Customer segments customers have */
              segments: string[]
              /** @description Currencies of the last 1,000 orders received */
              currencies: string[]
              /** @description Tags the last 1,000 orders received carry */
              orderTags: string[]
              /** @description Tags products carry */
              productTags: string[]
            }
          }
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  listRuleSets: {
    parameters: {
      query?: {
        kind?: 'sourcing' | 'pricing' | 'returns'
        /** @description Rows per page, up to 500 (default 500) */
        limit?: number
        /** @description nextCursor of the previous page */
        cursor?: string
        /** @description Only rows changed at or after this instant (an incremental sync reads every page of it) */
        updatedSince?: string
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Rule sets, by id */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            items: components['schemas']['RuleSet'][]
            nextCursor: string | null
          }
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  createRuleSet: {
    parameters: {
      query?: never
      header?: {
        /** @description Makes a retry safe: the first answer is kept for 24 h with this key, your API key and the request, and a retry with the same key and request gets it again (`Idempotent-Replayed: true`) without the work being done twice. The same key with another request is 422 `IDEMPOTENCY_KEY_REUSED`; a retry while the first is still being answered waits for it, or is 409 `IDEMPOTENCY_KEY_IN_USE` after 10 s. */
        'idempotency-key'?: string
      }
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          id: string
          /** @enum {string} */
          kind: 'sourcing' | 'pricing' | 'returns'
          name: string
          description?: string | null
        }
      }
    }
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['RuleSet']
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RULE_SET_EXISTS`: a rule set has this id */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `BODY_TOO_LARGE`: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  getRuleSet: {
    parameters: {
      query?: never
      header?: never
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The rule set */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            id: string
            /** @enum {string} */
            kind: 'sourcing' | 'pricing' | 'returns'
            name: string
            description: string | null
            liveVersion: number | null
            latestVersion: number | null
            createdAt: string
            /** @description The last change to what this shows: a version added, published or archived, or a published version taking effect (then its effective-from), so `updatedSince` sees a new live version */
            updatedAt: string
            versions: {
              id: string
              ruleSetId: string
              version: number
              /** @enum {string} */
              status: 'draft' | 'published' | 'archived'
              settings: {
                /** @description IANA zone of the time facts */
                timezone?: string
              } | null
              author: string | null
              comment: string | null
              effectiveFrom: string | null
              createdAt: string
              updatedAt: string | null
              publishedAt: string | null
              /** @description This saved state as an entity tag: send it as If-Match */
              etag: string
            }[]
          }
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RULE_SET_NOT_FOUND` */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  createRuleVersion: {
    parameters: {
      query?: never
      header?: {
        /** @description Makes a retry safe: the first answer is kept for 24 h with this key, your API key and the request, and a retry with the same key and request gets it again (`Idempotent-Replayed: true`) without the work being done twice. The same key with another request is 422 `IDEMPOTENCY_KEY_REUSED`; a retry while the first is still being answered waits for it, or is 409 `IDEMPOTENCY_KEY_IN_USE` after 10 s. */
        'idempotency-key'?: string
      }
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          /** @description json-rules-engine rules (RuleProperties[]) */
          rules: unknown[]
          /** @description The editor's graph document, stored as sent */
          graph?: unknown
          settings?: {
            timezone?: string
          } | null
          /** @description Ignored: a version records the name of the API key that wrote it (kept so older clients' bodies still validate) */
          author?: string | null
          comment?: string | null
        }
      }
    }
    responses: {
      /** @description The draft and its validation report */
      201: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            version: components['schemas']['RuleSetVersion']
            validation: components['schemas']['ValidationReport']
          }
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RULE_SET_NOT_FOUND` */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `IDEMPOTENCY_KEY_IN_USE`: a request with this Idempotency-Key is still being answered */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `BODY_TOO_LARGE`: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  getRuleVersion: {
    parameters: {
      query?: never
      header?: never
      path: {
        id: string
        v: number
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The version */
      200: {
        headers: {
          /** @description The saved state; send it as If-Match */
          etag: string
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['RuleSetVersion']
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RULE_SET_NOT_FOUND` or `VERSION_NOT_FOUND` */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  updateRuleVersion: {
    parameters: {
      query?: never
      header?: {
        /** @description The `ETag` you read: the write goes ahead only if the resource is still in that state, else 412 `PRECONDITION_FAILED` naming the current one. Without it the write goes ahead. */
        'if-match'?: string
      }
      path: {
        id: string
        v: number
      }
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          /** @description json-rules-engine rules (RuleProperties[]) */
          rules?: unknown[]
          /** @description The editor's graph document, stored as sent */
          graph?: unknown
          settings?: {
            timezone?: string
          } | null
          /** @description Ignored: a version records the name of the API key that wrote it (kept so older clients' bodies still validate) */
          author?: string | null
          comment?: string | null
        }
      }
    }
    responses: {
      /** @description The draft and its validation report */
      200: {
        headers: {
          /** @description The saved state; send it as If-Match */
          etag: string
          [name: string]: unknown
        }
        content: {
          'application/json': {
            version: components['schemas']['RuleSetVersion']
            validation: components['schemas']['ValidationReport']
          }
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RULE_SET_NOT_FOUND` or `VERSION_NOT_FOUND` */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `VERSION_NOT_DRAFT`: published and archived versions are immutable */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `PRECONDITION_FAILED`: `If-Match` names a state that is no longer current; `details.current` says what it is now */
      412: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `BODY_TOO_LARGE`: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  validateRuleVersion: {
    parameters: {
      query?: never
      header?: {
        /** @description Makes a retry safe: the first answer is kept for 24 h with this key, your API key and the request, and a retry with the same key and request gets it again (`Idempotent-Replayed: true`) without the work being done twice. The same key with another request is 422 `IDEMPOTENCY_KEY_REUSED`; a retry while the first is still being answered waits for it, or is 409 `IDEMPOTENCY_KEY_IN_USE` after 10 s. */
        'idempotency-key'?: string
      }
      path: {
        id: string
        v: number
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Validation report */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['ValidationReport']
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RULE_SET_NOT_FOUND` or `VERSION_NOT_FOUND` */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `IDEMPOTENCY_KEY_IN_USE`: a request with this Idempotency-Key is still being answered */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  publishRuleVersion: {
    parameters: {
      query?: never
      header?: {
        /** @description Makes a retry safe: the first answer is kept for 24 h with this key, your API key and the request, and a retry with the same key and request gets it again (`Idempotent-Replayed: true`) without the work being done twice. The same key with another request is 422 `IDEMPOTENCY_KEY_REUSED`; a retry while the first is still being answered waits for it, or is 409 `IDEMPOTENCY_KEY_IN_USE` after 10 s. */
        'idempotency-key'?: string
        /** @description The `ETag` you read: the write goes ahead only if the resource is still in that state, else 412 `PRECONDITION_FAILED` naming the current one. Without it the write goes ahead. */
        'if-match'?: string
      }
      path: {
        id: string
        v: number
      }
      cookie?: never
    }
    requestBody?: {
      content: {
        'application/json': {
          /** @description Ignored: the publisher recorded is the API key that publishes */
          author?: string | null
          comment?: string | null
          /** Format: date-time */
          effectiveFrom?: string | null
        }
      }
    }
    responses: {
      /** @description The published version */
      200: {
        headers: {
          /** @description The saved state; send it as If-Match */
          etag: string
          [name: string]: unknown
        }
        content: {
          'application/json': {
            version: components['schemas']['RuleSetVersion']
            validation: components['schemas']['ValidationReport']
          }
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RULE_SET_NOT_FOUND` or `VERSION_NOT_FOUND` */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `VERSION_NOT_DRAFT`: published and archived versions are immutable */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `PRECONDITION_FAILED`: `If-Match` names a state that is no longer current; `details.current` says what it is now */
      412: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `BODY_TOO_LARGE`: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  archiveRuleVersion: {
    parameters: {
      query?: never
      header?: {
        /** @description Makes a retry safe: the first answer is kept for 24 h with this key, your API key and the request, and a retry with the same key and request gets it again (`Idempotent-Replayed: true`) without the work being done twice. The same key with another request is 422 `IDEMPOTENCY_KEY_REUSED`; a retry while the first is still being answered waits for it, or is 409 `IDEMPOTENCY_KEY_IN_USE` after 10 s. */
        'idempotency-key'?: string
      }
      path: {
        id: string
        v: number
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The archived version */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['RuleSetVersion']
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RULE_SET_NOT_FOUND` or `VERSION_NOT_FOUND` */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `IDEMPOTENCY_KEY_IN_USE`: a request with this Idempotency-Key is still being answered */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  simulateRuleVersion: {
    parameters: {
      query?: never
      header?: {
        /** @description Makes a retry safe: the first answer is kept for 24 h with this key, your API key and the request, and a retry with the same key and request gets it again (`Idempotent-Replayed: true`) without the work being done twice. The same key with another request is 422 `IDEMPOTENCY_KEY_REUSED`; a retry while the first is still being answered waits for it, or is 409 `IDEMPOTENCY_KEY_IN_USE` after 10 s. */
        'idempotency-key'?: string
      }
      path: {
        id: string
        v: number
      }
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          channel: string
          order: {
            externalId: string
            orderNumber?: string
            /** Format: date-time */
            placedAt?: string
            currency: string
            customer?: {
              externalId?: string
              /** Format: email */
              email?: string
              name?: string
              phone?: string
              tier?: string
              segment?: string
            }
            shipTo: {
              name?: string
              company?: string
              line1: string
              line2?: string
              city?: string
              region?: string
              postcode?: string
              country: string
              phone?: string
              lat?: number
              lon?: number
            }
            billTo?: {
              name?: string
              company?: string
              line1: string
              line2?: string
              city?: string
              region?: string
              postcode?: string
              country: string
              phone?: string
              lat?: number
              lon?: number
            }
            /**
             * @default standard
             * @enum {string}
             */
            serviceLevel?: 'standard' | 'express' | 'overnight' | 'economy' | 'pickup'
            /** @enum {string} */
            deliveryMethod?: 'ship' | 'pickup'
            pickupLocationId?: string
            lines: {
              externalLineId?: string
              sku: string
              quantity: number
              unitPrice?: string
              discount?: string
              name?: string
            }[]
            shippingTotal?: string
            total?: string
            tags?: string[]
            reservationId?: string
            notes?: string
            raw?: unknown
          }
          /** @description What-if stock, replacing the current available quantity for these pairs */
          stock?: {
            sku: string
            locationId: string
            available: number
          }[]
        }
      }
    }
    responses: {
      /** @description The decision, with its explanation and a trace of every order rule */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            plan: components['schemas']['RoutingPlan']
            trace: {
              rule: string
              action: string
              scope: string
              fired: boolean | null
              /** @description Each condition with the fact value it saw */
              conditions?: unknown
            }[]
          }
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RULE_SET_NOT_FOUND` or `VERSION_NOT_FOUND` */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `IDEMPOTENCY_KEY_IN_USE`: a request with this Idempotency-Key is still being answered */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `BODY_TOO_LARGE`: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  backtestRuleVersion: {
    parameters: {
      query?: never
      header?: {
        /** @description Makes a retry safe: the first answer is kept for 24 h with this key, your API key and the request, and a retry with the same key and request gets it again (`Idempotent-Replayed: true`) without the work being done twice. The same key with another request is 422 `IDEMPOTENCY_KEY_REUSED`; a retry while the first is still being answered waits for it, or is 409 `IDEMPOTENCY_KEY_IN_USE` after 10 s. */
        'idempotency-key'?: string
      }
      path: {
        id: string
        v: number
      }
      cookie?: never
    }
    requestBody?: {
      content: {
        'application/json': {
          limit?: number
          /** Format: date-time */
          from?: string
          /** Format: date-time */
          to?: string
          /** @description Compare with this version of the same rule set instead of the live rules */
          against?: number
        }
      }
    }
    responses: {
      /** @description Changed decisions, cost, transit and promise-date deltas, split counts */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            ruleSetId: string
            version: number
            comparedWith:
              | {
                  ruleSetId: string | null
                  version: number | null
                }
              | {
                  builtIn: boolean
                }
            orders: number
            changed: number
            /** @description Shipping cost change per currency, over orders both versions ship in full (held or backordered orders are counted in holds and backorders, never as savings) */
            costs: {
              currency: string
              /** @description Orders of this currency both versions ship in full */
              orders: number
              totalDelta: string
              /** @enum {string} */
              direction: 'more' | 'less' | 'same'
            }[]
            transitDaysDeltaAvg: number | null
            promiseDaysDeltaAvg: number | null
            splits: {
              published: number
              draft: number
            }
            backorders: {
              published: number
              draft: number
            }
            holds: {
              published: number
              draft: number
            }
            /** @description Up to 200 orders the draft routes differently */
            changedOrders: {
              orderId: string
              externalOrderId: string
              before: {
                locations: string[]
                strategy: string
                cost: string
                transitDays: number | null
                promiseDate: string | null
                shipments: number
                backordered: number
                held: boolean
              }
              after: {
                locations: string[]
                strategy: string
                cost: string
                transitDays: number | null
                promiseDate: string | null
                shipments: number
                backordered: number
                held: boolean
              }
              summary: string
            }[]
            note: string
          }
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RULE_SET_NOT_FOUND` or `VERSION_NOT_FOUND` */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `IDEMPOTENCY_KEY_IN_USE`: a request with this Idempotency-Key is still being answered */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `BODY_TOO_LARGE`: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  listCarrierLanes: {
    parameters: {
      query?: {
        /** @description Rows per page, up to 500 (default 500) */
        limit?: number
        /** @description nextCursor of the previous page */
        cursor?: string
        /** @description Only rows changed at or after this instant (an incremental sync reads every page of it) */
        updatedSince?: string
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Lanes, by id */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            items: components['schemas']['CarrierLane'][]
            nextCursor: string | null
          }
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  putCarrierLanes: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          items: {
            id: string
            carrier: string
            /** @enum {string} */
            serviceLevel: 'standard' | 'express' | 'overnight' | 'economy' | 'pickup'
            originLocationId?: string | null
            destCountry: string
            destRegion?: string | null
            destPostcodePrefix?: string | null
            transitDays: number
            cost: string
            currency: string
            calendarId?: string | null
          }[]
        }
      }
    }
    responses: {
      /** @description Count written */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            written: number
          }
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `BODY_TOO_LARGE`: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  listCarrierCalendars: {
    parameters: {
      query?: {
        /** @description Rows per page, up to 500 (default 500) */
        limit?: number
        /** @description nextCursor of the previous page */
        cursor?: string
        /** @description Only rows changed at or after this instant (an incremental sync reads every page of it) */
        updatedSince?: string
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Calendars, by id */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            items: components['schemas']['CarrierCalendar'][]
            nextCursor: string | null
          }
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  putCarrierCalendars: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          items: {
            id: string
            name: string
            /** @description Weekdays the carrier does not deliver (mon…sun), each once, at most six: promise dates skip them as they skip holidays. Lanes without a calendar, and estimated transit, skip Saturday and Sunday. */
            nonDeliveryDays: ('sun' | 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat')[]
            holidays: string[]
          }[]
        }
      }
    }
    responses: {
      /** @description Count written */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            written: number
          }
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `BODY_TOO_LARGE`: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  getPricingFacts: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The pricing fact catalogue */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            facts: components['schemas']['FactDefinition'][]
            actions: string[]
            values: {
              channels: string[]
              priceLists: {
                id: string
                name: string
              }[]
              weekdays: string[]
              /** @description Tags products carry */
              productTags: string[]
            }
          }
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  quotePrices: {
    parameters: {
      query?: never
      header?: {
        /** @description Makes a retry safe: the first answer is kept for 24 h with this key, your API key and the request, and a retry with the same key and request gets it again (`Idempotent-Replayed: true`) without the work being done twice. The same key with another request is 422 `IDEMPOTENCY_KEY_REUSED`; a retry while the first is still being answered waits for it, or is 409 `IDEMPOTENCY_KEY_IN_USE` after 10 s. */
        'idempotency-key'?: string
      }
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          channel: string
          /** @description The customer: the hub's id, or its email and/or its account id on `channel` (externalId), resolved as intake resolves an order's customer (the channel account first, then the email), so a contract applies whichever identifier is given. Tier and segment default to the customer record's. */
          customer?: {
            /** Format: uuid */
            id?: string
            /** Format: email */
            email?: string
            externalId?: string
            tier?: string | null
            segment?: string | null
          } | null
          currency: string
          lines: {
            sku: string
            quantity: number
          }[]
          /**
           * Format: date-time
           * @description Price as of this time (validity, rates); now when absent
           */
          at?: string
          tags?: string[]
          shipTo?: {
            country?: string
            region?: string
            postcode?: string
          } | null
          /** @description Quote against this version (e.g. a draft) instead of the live one */
          ruleSet?: {
            id: string
            version: number
          }
        }
      }
    }
    responses: {
      /** @description The quote */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Quote']
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RULE_SET_NOT_FOUND` or `VERSION_NOT_FOUND` for `ruleSet` */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `IDEMPOTENCY_KEY_IN_USE`: a request with this Idempotency-Key is still being answered */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `BODY_TOO_LARGE`: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  getOrderPricing: {
    parameters: {
      query?: never
      header?: never
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The order’s pricing */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['OrderPricing']
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `ORDER_NOT_FOUND` (also another channel's, for a scoped key) */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  syncPrices: {
    parameters: {
      query?: never
      header?: {
        /** @description Makes a retry safe: the first answer is kept for 24 h with this key, your API key and the request, and a retry with the same key and request gets it again (`Idempotent-Replayed: true`) without the work being done twice. The same key with another request is 422 `IDEMPOTENCY_KEY_REUSED`; a retry while the first is still being answered waits for it, or is 409 `IDEMPOTENCY_KEY_IN_USE` after 10 s. */
        'idempotency-key'?: string
      }
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          channel: string
          currency: string
          skus?: string[]
        }
      }
    }
    responses: {
      /** @description Queued */
      202: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            prices: number
            messages: number
          }
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `PRICES_NOT_ACCEPTED`: the channel’s plugin takes no prices */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `BODY_TOO_LARGE`: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  listPriceLists: {
    parameters: {
      query?: {
        /** @description Rows per page, up to 500 (default 500) */
        limit?: number
        /** @description nextCursor of the previous page */
        cursor?: string
        /** @description Only rows changed at or after this instant (an incremental sync reads every page of it) */
        updatedSince?: string
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Price lists, by id */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            items: components['schemas']['PriceList'][]
            nextCursor: string | null
          }
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  getPriceList: {
    parameters: {
      query?: never
      header?: never
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The price list */
      200: {
        headers: {
          /** @description The current state; send it as If-Match */
          etag: string
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['PriceListWithPrices']
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `PRICE_LIST_NOT_FOUND` */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  putPriceList: {
    parameters: {
      query?: never
      header?: {
        /** @description The `ETag` you read: the write goes ahead only if the resource is still in that state, else 412 `PRECONDITION_FAILED` naming the current one. Without it the write goes ahead. */
        'if-match'?: string
      }
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          name: string
          currency: string
          channel?: string | null
          /** @description Matches the customer's segment */
          customerGroup?: string | null
          /** @description Makes the list this customer’s contract */
          customer?: {
            /** Format: uuid */
            id?: string
            /** Format: email */
            email?: string
            channel?: string
            externalId?: string
          } | null
          /** Format: date-time */
          validFrom?: string | null
          /** Format: date-time */
          validTo?: string | null
          priority?: number
          /** @description Contracts: how far an ordered price may differ before the order is held */
          tolerance?: {
            amount?: string
            percent?: string
          }
          prices?: {
            sku: string
            price: string
          }[]
        }
      }
    }
    responses: {
      /** @description The price list */
      200: {
        headers: {
          /** @description The current state; send it as If-Match */
          etag: string
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['PriceListWithPrices']
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `PRECONDITION_FAILED`: `If-Match` names a state that is no longer current; `details.current.etag` is the current one (null when the resource is gone) */
      412: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `BODY_TOO_LARGE`: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  deletePriceList: {
    parameters: {
      query?: never
      header?: {
        /** @description The `ETag` you read: the write goes ahead only if the resource is still in that state, else 412 `PRECONDITION_FAILED` naming the current one. Without it the write goes ahead. */
        'if-match'?: string
      }
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Deleted */
      204: {
        headers: {
          [name: string]: unknown
        }
        content?: never
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `PRICE_LIST_NOT_FOUND` */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `PRECONDITION_FAILED`: `If-Match` names a state that is no longer current; `details.current.etag` is the current one (null when the resource is gone) */
      412: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  setPrices: {
    parameters: {
      query?: never
      header?: {
        /** @description The `ETag` you read: the write goes ahead only if the resource is still in that state, else 412 `PRECONDITION_FAILED` naming the current one. Without it the write goes ahead. */
        'if-match'?: string
      }
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          items: {
            sku: string
            price: string
          }[]
        }
      }
    }
    responses: {
      /** @description Count written */
      200: {
        headers: {
          /** @description The current state; send it as If-Match */
          etag: string
          [name: string]: unknown
        }
        content: {
          'application/json': {
            written: number
          }
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `PRICE_LIST_NOT_FOUND` */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `PRECONDITION_FAILED`: `If-Match` names a state that is no longer current; `details.current.etag` is the current one (null when the resource is gone) */
      412: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `BODY_TOO_LARGE`: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  removePrices: {
    parameters: {
      query?: never
      header?: {
        /** @description Makes a retry safe: the first answer is kept for 24 h with this key, your API key and the request, and a retry with the same key and request gets it again (`Idempotent-Replayed: true`) without the work being done twice. The same key with another request is 422 `IDEMPOTENCY_KEY_REUSED`; a retry while the first is still being answered waits for it, or is 409 `IDEMPOTENCY_KEY_IN_USE` after 10 s. */
        'idempotency-key'?: string
        /** @description The `ETag` you read: the write goes ahead only if the resource is still in that state, else 412 `PRECONDITION_FAILED` naming the current one. Without it the write goes ahead. */
        'if-match'?: string
      }
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          skus: string[]
        }
      }
    }
    responses: {
      /** @description Count removed */
      200: {
        headers: {
          /** @description The current state; send it as If-Match */
          etag: string
          [name: string]: unknown
        }
        content: {
          'application/json': {
            removed: number
          }
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `PRICE_LIST_NOT_FOUND` */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `IDEMPOTENCY_KEY_IN_USE`: a request with this Idempotency-Key is still being answered */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `PRECONDITION_FAILED`: `If-Match` names a state that is no longer current; `details.current.etag` is the current one (null when the resource is gone) */
      412: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `BODY_TOO_LARGE`: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  listCosts: {
    parameters: {
      query?: {
        /** @description Rows per page, up to 500 (default 500) */
        limit?: number
        /** @description nextCursor of the previous page */
        cursor?: string
        /** @description Only rows changed at or after this instant (an incremental sync reads every page of it) */
        updatedSince?: string
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Costs, by sku */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            items: {
              sku: string
              cost: string
              currency: string
              updatedAt: string
            }[]
            nextCursor: string | null
          }
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  setCosts: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          items: {
            sku: string
            cost: string
            currency: string
          }[]
        }
      }
    }
    responses: {
      /** @description Count written */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            written: number
          }
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `BODY_TOO_LARGE`: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  listExchangeRates: {
    parameters: {
      query?: {
        base?: string
        quote?: string
        /** @description Rows per page, up to 500 (default 500) */
        limit?: number
        /** @description nextCursor of the previous page */
        cursor?: string
        /** @description Only rows changed at or after this instant (an incremental sync reads every page of it) */
        updatedSince?: string
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Rates, by pair */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            items: {
              base: string
              quote: string
              rate: string
              asOf: string
              /** @description When this rate was last imported */
              updatedAt: string
            }[]
            nextCursor: string | null
          }
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  importExchangeRates: {
    parameters: {
      query?: never
      header?: {
        /** @description Makes a retry safe: the first answer is kept for 24 h with this key, your API key and the request, and a retry with the same key and request gets it again (`Idempotent-Replayed: true`) without the work being done twice. The same key with another request is 422 `IDEMPOTENCY_KEY_REUSED`; a retry while the first is still being answered waits for it, or is 409 `IDEMPOTENCY_KEY_IN_USE` after 10 s. */
        'idempotency-key'?: string
      }
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          items: {
            base: string
            quote: string
            rate: string
            asOf: string
          }[]
        }
      }
    }
    responses: {
      /** @description Count imported */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            imported: number
          }
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `IDEMPOTENCY_KEY_IN_USE`: a request with this Idempotency-Key is still being answered */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `BODY_TOO_LARGE`: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  getMe: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The key */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Me']
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  listAudit: {
    parameters: {
      query?: {
        /** @description Writes of this API key id */
        key?: string
        method?: 'POST' | 'PUT' | 'PATCH' | 'DELETE'
        /** @description Paths starting with this, e.g. /api/v1/rules */
        path?: string
        since?: string
        until?: string
        limit?: number
        cursor?: string
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description A page of entries */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            items: components['schemas']['AuditEntry'][]
            nextCursor: string | null
          }
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  listSkuMappings: {
    parameters: {
      query?: {
        limit?: number
        cursor?: string
        /** @description Only mappings written at or after this instant (an incremental sync) */
        updatedSince?: string
      }
      header?: never
      path: {
        instance: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description A page of mappings */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': {
            items: components['schemas']['ListedSkuMapping'][]
            nextCursor: string | null
          }
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `UNKNOWN_CHANNEL`: no channel instance by that id */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  putSkuMappings: {
    parameters: {
      query?: never
      header?: never
      path: {
        instance: string
      }
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          mappings: {
            channelSku: string
            hubSku: string | null
            /** @description Hub units per channel unit: a whole number from 1 to 100000; 1 when left out */
            multiplier?: number
            /** @description The mapping's ETag as you read it (the list's `etag`): this entry, and so the whole write, goes ahead only if the mapping is still in that state (`*`: only if it exists); else 412. Left out: written whatever the mapping is now. */
            ifMatch?: string
          }[]
        }
      }
    }
    responses: {
      /** @description What was written */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['SkuMappingWriteResult']
        }
      }
      /** @description `VALIDATION_FAILED`: an entry is malformed (multiplier, empty sku, a channel sku named twice); `errors` names each field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `UNKNOWN_CHANNEL`: no channel instance by that id */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `PRECONDITION_FAILED`: an entry's `ifMatch` names a state that is no longer current; `errors` names each such entry (`mappings[3].ifMatch`), `details.current` gives each one's current `etag` and `updatedAt` by channel sku (etag null when the mapping is gone). Nothing is written then. */
      412: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `BODY_TOO_LARGE`: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  getSkuMapping: {
    parameters: {
      query?: never
      header?: never
      path: {
        instance: string
        channelSku: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The mapping */
      200: {
        headers: {
          /** @description The current state; send it as If-Match */
          etag: string
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['SkuMapping']
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `UNKNOWN_CHANNEL`, or `NOT_FOUND`: the channel sku has no mapping */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  putSkuMapping: {
    parameters: {
      query?: never
      header?: {
        /** @description The `ETag` you read: the write goes ahead only if the resource is still in that state, else 412 `PRECONDITION_FAILED` naming the current one. Without it the write goes ahead. */
        'if-match'?: string
      }
      path: {
        instance: string
        channelSku: string
      }
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': {
          hubSku: string
          /** @description Hub units per channel unit: a whole number from 1 to 100000; 1 when left out */
          multiplier?: number
        }
      }
    }
    responses: {
      /** @description The mapping as saved */
      200: {
        headers: {
          /** @description The current state; send it as If-Match */
          etag: string
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['SkuMapping']
        }
      }
      /** @description `VALIDATION_FAILED`: the multiplier or a sku is malformed; `errors` names the field */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `UNKNOWN_CHANNEL`: no channel instance by that id */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `PRECONDITION_FAILED`: `If-Match` names a state that is no longer current; `details.current.etag` is the current one (null when the resource is gone) */
      412: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `BODY_TOO_LARGE`: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  deleteSkuMapping: {
    parameters: {
      query?: never
      header?: {
        /** @description The `ETag` you read: the write goes ahead only if the resource is still in that state, else 412 `PRECONDITION_FAILED` naming the current one. Without it the write goes ahead. */
        'if-match'?: string
      }
      path: {
        instance: string
        channelSku: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Removed */
      204: {
        headers: {
          [name: string]: unknown
        }
        content?: never
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `UNKNOWN_CHANNEL`, or `NOT_FOUND`: the channel sku has no mapping */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `PRECONDITION_FAILED`: `If-Match` names a state that is no longer current; `details.current.etag` is the current one (null when the resource is gone) */
      412: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
  streamEvents: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The stream */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'text/event-stream': string
        }
      }
      /** @description Invalid query or path parameter; or bytes that are not UTF-8 in the body, the path or a query parameter (`INVALID_UTF8`, naming `(body)` or the parameter) */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Missing or invalid API key */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description The key may not do this: its role lacks the permission (`FORBIDDEN_ROLE`), or it is scoped to a channel (`FORBIDDEN_SCOPE`) */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description Invalid body; `errors` names each field. Text with a control character other than tab, line feed and carriage return, or with an unpaired surrogate, is `INVALID_TEXT`, in the body (the field) or in a query parameter (its name) */
      422: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
      /** @description `RATE_LIMITED`: the key sent more requests than its rate allows; `Retry-After` says when to try again */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/problem+json': components['schemas']['Problem']
        }
      }
    }
  }
}
