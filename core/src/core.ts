import { AuditStore } from './audit/audit-store'
import { ApiKeys } from './auth/api-keys'
import { CarrierNetworkService } from './catalog/carrier-network-service'
import { CatalogCache } from './catalog/catalog-cache'
import { CatalogService } from './catalog/catalog-service'
import { KitService, PRODUCTS_CHANGED } from './catalog/kits/kit-service'
import { SupplierItemService } from './catalog/suppliers/supplier-items'
import { SkuMappingCache, SkuMappingService } from './channels/sku-mappings'
import { CustomerIdentities } from './customers/customer-identities'
import type { DatabaseSettings } from './db/database-settings'
import { createOrm, migrate, type Orm } from './db/orm'
import { openChangeFeed } from './db/sql/change-feed'
import { openSqlDb } from './db/sql/open'
import type { SqlDb } from './db/sql/sql-db'
import { readJson } from './db/sql/sql-db'
import { IdempotencyStore } from './idempotency/idempotency-store'
import { IntakeExceptions } from './intake-exceptions'
import { PluginInstances, WebhookReceipts } from './integrations/plugin-state-store'
import { ChannelStockSync } from './inventory/channel-stock-sync'
import { InventoryService } from './inventory/inventory-service'
import { PoolService } from './inventory/pool-service'
import { ReservationService } from './inventory/reservations'
import { deliveryEffects, settledFulfilmentRequests } from './orders/fulfilment-effects'
import { type IntakeObserver, OrderIntake } from './orders/intake/order-intake'
import { prepareOrder, routingInput } from './orders/intake/prepared-order'
import { CancellationService } from './orders/lifecycle/cancellation-service'
import { HoldReleaseService } from './orders/lifecycle/hold-release-service'
import { ModificationService } from './orders/lifecycle/modification-service'
import { RerouteService } from './orders/lifecycle/reroute-service'
import { WarehouseHoldService } from './orders/lifecycle/warehouse-hold-service'
import { OrderQueries } from './orders/order-queries'
import { PickupService } from './orders/pickup/pickup-service'
import { ShipToStoreService } from './orders/pickup/ship-to-store-service'
import { ShipmentService } from './orders/shipment-service'
import { storedOrderForRouting } from './orders/store'
import type { DeliveryEffects } from './outbox/dispatcher'
import { OutboxQueries } from './outbox/outbox-queries'
import { OutboxStore } from './outbox/outbox-store'
import type { IntegrationDirectory } from './outbox/topics'
import { PricingService } from './pricing/pricing-service'
import { PricingStore } from './pricing/pricing-store'
import { validatePricingRules } from './pricing/validate-pricing'
import { RefundService } from './returns/refund-service'
import { ReturnService } from './returns/return-service'
import { PostcodeCentroids } from './routing/centroids/postcode-centroids'
import type { Router } from './routing/router'
import { RoutingConfig } from './routing/routing-config'
import { SimulationService } from './routing/simulation-service'
import { SourcingRouter } from './routing/sourcing-router'
import { RuleSetService } from './rules/rule-set-service'
import { InboundSupplyService } from './supply/inbound-supply-service'
import { PromiseRefresher } from './supply/promise-refresher'
import { refreshPromises } from './supply/supply-promises'

export interface CoreOptions {
  settings: DatabaseSettings
  directory: IntegrationDirectory
  /** Identifies this process in outbox leases and logs. */
  workerId: string
  router?: Router
  /** Run pending migrations on open (the default). */
  migrate?: boolean
  /** Told about every intake commit, routing decision and retry (the server feeds /metrics from it). */
  intakeObserver?: IntakeObserver
  /**
   * A second core in a process whose first one owns the SQLite file's WAL checkpoints and ran the
   * migrations (the hub's delivery thread): no checkpointer, no migrations.
   */
  secondary?: boolean
}

/** Everything core offers, wired to one database. The server builds exactly one per process. */
export interface Core {
  settings: DatabaseSettings
  orm: Orm
  db: SqlDb
  catalogCache: CatalogCache
  catalog: CatalogService
  /** Kits and bundles: bills of materials (issue 20). */
  kits: KitService
  /** Drop-ship suppliers' unit costs and part numbers per sku (issue 20). */
  supplierItems: SupplierItemService
  inventory: InventoryService
  pools: PoolService
  /** Purchase orders and inbound shipments expected at locations; backorder promises (issue 20). */
  inboundSupply: InboundSupplyService
  reservations: ReservationService
  stockSync: ChannelStockSync
  /** Per channel instance: the channel's sku → the hub's sku × a pack multiplier (intake, stock and price pushes). */
  skuMappings: SkuMappingService
  ruleSets: RuleSetService
  /** Price lists, contracts, costs, exchange rates, quotes, intake pricing and price sync. */
  pricing: PricingService
  pricingStore: PricingStore
  /** Which customer record an email or a channel account names (intake, quotes, contracts). */
  customers: CustomerIdentities
  carrierNetwork: CarrierNetworkService
  routingConfig: RoutingConfig
  reroute: RerouteService
  simulation: SimulationService
  centroids: PostcodeCentroids
  intake: OrderIntake
  /** Channel orders that could not become orders, kept to be fixed and replayed (issue 14). */
  intakeExceptions: IntakeExceptions
  shipments: ShipmentService
  /** A warehouse holding a fulfilment it accepted, and taking it up again (SDK 1.4). */
  warehouseHolds: WarehouseHoldService
  cancellations: CancellationService
  /** Click and collect after routing: picked, collected, expired (issue 20). */
  pickups: PickupService
  /** Ship to store: the pickup store receives what a DC sent it, and gets its pick request. */
  shipToStore: ShipToStoreService
  modifications: ModificationService
  holds: HoldReleaseService
  returns: ReturnService
  refunds: RefundService
  /** Order changes that follow outbox delivery outcomes (give them to the dispatcher). */
  deliveryEffects: DeliveryEffects
  orders: OrderQueries
  outbox: OutboxStore
  outboxQueries: OutboxQueries
  apiKeys: ApiKeys
  /** The append-only trail of writes made through the API. */
  audit: AuditStore
  /** Idempotency-Key records: the first answer to a key, replayed to its retries. */
  idempotency: IdempotencyStore
  pluginInstances: PluginInstances
  webhookReceipts: WebhookReceipts
  close(): Promise<void>
}

let sharedCentroids: PostcodeCentroids | undefined
/** Postcode centroids are read-only and large: loaded once per process. */
function loadCentroids(): PostcodeCentroids {
  sharedCentroids ??= PostcodeCentroids.load()
  return sharedCentroids
}

export async function openCore(options: CoreOptions): Promise<Core> {
  const orm = await createOrm(options.settings)
  if (options.migrate !== false && !options.secondary) await migrate(orm)
  const db = openSqlDb(options.settings, { secondary: options.secondary ?? false })
  // Revocations and role changes reach every hub's API key cache through it.
  const changes = openChangeFeed(options.settings, db)
  const catalogCache = new CatalogCache(db)
  // A product that became a kit on any hub is read again with its bill of materials.
  changes.subscribe(PRODUCTS_CHANGED, () => catalogCache.invalidateProducts())
  // Read for every order from memory; a write on any hub reaches every copy through the change feed.
  const skuMappings = new SkuMappingService({
    db,
    catalog: catalogCache,
    cache: new SkuMappingCache(db, changes),
    changes,
  })
  const centroids = loadCentroids()
  const ruleSets = new RuleSetService(db, async () => {
    const [locations, channels] = await Promise.all([
      db.all<{ id: string; type: string; tags: unknown }>('select id, type, tags from location'),
      db.all<{ id: string }>(`select id from plugin_instance where kind = 'channel'`),
    ])
    return {
      locations: locations.map((l) => ({ id: l.id, type: l.type, tags: readJson<string[]>(l.tags) ?? [] })),
      channels: channels.map((c) => c.id),
    }
  })
  const pricingStore = new PricingStore(db)
  const customers = new CustomerIdentities(db)
  ruleSets.useValidator('pricing', async (rules, master) =>
    validatePricingRules(rules, {
      ...master,
      priceLists: (await pricingStore.listPriceLists()).map((l) => l.id),
    }),
  )
  const pricing = new PricingService({
    db,
    customers,
    store: pricingStore,
    ruleSets,
    catalog: catalogCache,
    directory: options.directory,
    skuMappings,
  })
  // A merge that moved contracts must reach this hub's price book before the order is priced.
  customers.onMerge(() => pricing.invalidate())
  const carrierNetwork = new CarrierNetworkService(db)
  const routingConfig = new RoutingConfig(ruleSets, carrierNetwork, centroids)
  // One compiled rule set per version, shared read-only; no json-rules-engine Engine on this path.
  const router = options.router ?? new SourcingRouter(routingConfig, centroids)
  const reroute = new RerouteService(db, catalogCache, router, options.directory)
  // Backorders are promised from inbound supply whenever they may have changed (issue 20): after a
  // backorder run (which clears the promise of orders it leaves waiting) and after intake.
  reroute.afterBackorders = async (skus) => {
    try {
      await refreshPromises(db, options.directory, skus, Date.now(), 'stock arrived', {
        onlyWithSupply: true,
      })
    } catch (error) {
      process.emitWarning(`promising backorders from inbound supply failed: ${(error as Error).message}`)
    }
  }
  const newBackorders = new PromiseRefresher(db, options.directory)
  const inventory = new InventoryService(db, async (skus) => {
    await reroute.routeBackorders(skus)
  })
  const intake = new OrderIntake({
    db,
    customers,
    catalog: catalogCache,
    router,
    directory: options.directory,
    pricing,
    skuMappings,
    ...(options.intakeObserver ? { observer: options.intakeObserver } : {}),
    backordered: (skus) => newBackorders.request(skus),
  })
  const cancellations = new CancellationService(db, catalogCache, options.directory)
  const refunds = new RefundService(db, options.directory)
  const returns = new ReturnService({
    db,
    catalog: catalogCache,
    ruleSets,
    routingConfig,
    centroids,
    refunds,
    intake,
    reroute,
  })
  return {
    settings: options.settings,
    orm,
    db,
    catalogCache,
    catalog: new CatalogService(orm, catalogCache),
    kits: new KitService(db, catalogCache, changes),
    supplierItems: new SupplierItemService(db, catalogCache),
    inventory,
    pools: new PoolService(db),
    inboundSupply: new InboundSupplyService({
      db,
      catalog: catalogCache,
      directory: options.directory,
      afterStockChange: (skus) => reroute.routeBackorders(skus).then(() => undefined),
    }),
    reservations: new ReservationService(db),
    stockSync: new ChannelStockSync(db, skuMappings),
    skuMappings,
    ruleSets,
    pricing,
    pricingStore,
    customers,
    carrierNetwork,
    routingConfig,
    reroute,
    simulation: new SimulationService(
      db,
      catalogCache,
      ruleSets,
      routingConfig,
      async (channel, order, now) =>
        routingInput(
          await prepareOrder(channel, order, catalogCache, now, await skuMappings.forInstance(channel)),
        ),
      (orderId) => storedOrderForRouting(db, catalogCache, orderId),
    ),
    centroids,
    intake,
    intakeExceptions: new IntakeExceptions(db, intake, options.directory),
    shipments: new ShipmentService(db, options.directory),
    warehouseHolds: new WarehouseHoldService(db),
    cancellations,
    pickups: new PickupService(db, options.directory),
    shipToStore: new ShipToStoreService(db, options.directory, () => catalogCache.activeLocations()),
    modifications: new ModificationService(db, catalogCache, reroute, options.directory, pricing),
    holds: new HoldReleaseService(db, reroute),
    deliveryEffects: deliveryEffects(cancellations, refunds, reroute),
    returns,
    refunds,
    orders: new OrderQueries(orm, db),
    outbox: new OutboxStore(db, options.workerId, settledFulfilmentRequests),
    outboxQueries: new OutboxQueries(db),
    apiKeys: new ApiKeys(db, changes),
    idempotency: new IdempotencyStore(db),
    audit: new AuditStore(db),
    pluginInstances: new PluginInstances(db),
    webhookReceipts: new WebhookReceipts(db),
    async close() {
      await changes.close()
      await db.close()
      await orm.close()
    },
  }
}
