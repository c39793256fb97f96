import { ApiKeys } from './auth/api-keys'
import { CatalogCache } from './catalog/catalog-cache'
import { CatalogService } from './catalog/catalog-service'
import type { DatabaseSettings } from './db/database-settings'
import { createOrm, migrate, type Orm } from './db/orm'
import { openSqlDb } from './db/sql/open'
import type { SqlDb } from './db/sql/sql-db'
import { PluginInstances, WebhookReceipts } from './integrations/plugin-state-store'
import { InventoryService } from './inventory/inventory-service'
import { type IntakeResult, OrderIntake } from './orders/intake/order-intake'
import { OrderQueries } from './orders/order-queries'
import { ShipmentService } from './orders/shipment-service'
import { OutboxStore } from './outbox/outbox-store'
import type { IntegrationDirectory } from './outbox/topics'
import { NearestLocationRouter } from './routing/nearest-router'
import type { Router } from './routing/router'

export interface CoreOptions {
  settings: DatabaseSettings
  directory: IntegrationDirectory
  /** Identifies this process in outbox leases and logs. */
  workerId: string
  router?: Router
  /** Run pending migrations on open (the default). */
  migrate?: boolean
}

/** Everything core offers, wired to one database. The server builds exactly one per process. */
export interface Core {
  settings: DatabaseSettings
  orm: Orm
  db: SqlDb
  catalogCache: CatalogCache
  catalog: CatalogService
  inventory: InventoryService
  intake: OrderIntake
  shipments: ShipmentService
  orders: OrderQueries
  outbox: OutboxStore
  apiKeys: ApiKeys
  pluginInstances: PluginInstances
  webhookReceipts: WebhookReceipts
  /** Subscribe to committed intakes (the dispatcher wakes on them). */
  onOrdersCommitted(listener: (results: readonly IntakeResult[]) => void): void
  close(): Promise<void>
}

export async function openCore(options: CoreOptions): Promise<Core> {
  const orm = await createOrm(options.settings)
  if (options.migrate !== false) await migrate(orm)
  const db = openSqlDb(options.settings)
  const catalogCache = new CatalogCache(db)
  const listeners: ((results: readonly IntakeResult[]) => void)[] = []
  const intake = new OrderIntake({
    db,
    catalog: catalogCache,
    router: options.router ?? new NearestLocationRouter(),
    directory: options.directory,
    onCommitted: (results) => {
      for (const l of listeners) l(results)
    },
  })
  return {
    settings: options.settings,
    orm,
    db,
    catalogCache,
    catalog: new CatalogService(orm, catalogCache),
    inventory: new InventoryService(db),
    intake,
    shipments: new ShipmentService(db, options.directory),
    orders: new OrderQueries(orm),
    outbox: new OutboxStore(db, options.workerId),
    apiKeys: new ApiKeys(db),
    pluginInstances: new PluginInstances(db),
    webhookReceipts: new WebhookReceipts(db),
    onOrdersCommitted(listener) {
      listeners.push(listener)
    },
    async close() {
      await db.close()
      await orm.close()
    },
  }
}
