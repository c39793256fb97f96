/**
 * @module @switchyard/core
 * Switchyard's domain and application services and their persistence.
 */

export { type Role, roles } from './auth/api-key.entity'
export { ApiKeys, type CreatedKey, type Principal } from './auth/api-keys'
export { CatalogCache } from './catalog/catalog-cache'
export { CatalogService, type LocationInput, type ProductInput } from './catalog/catalog-service'
export type { LocationFacts, ProductFacts } from './catalog/facts'
export { type LocationType, locationTypes } from './catalog/location.entity'
export { currencyExponent, fromMinorUnits, toMinorUnits } from './catalog/money'
export { type Core, type CoreOptions, openCore } from './core'
export { type DatabaseSettings, type Dialect, resolveDatabaseSettings } from './db/database-settings'
export { createOrm, migrate, type Orm } from './db/orm'
export { openSqlDb } from './db/sql/open'
export { isConnectionError, readJson, type SqlDb, type SqlRunner } from './db/sql/sql-db'
export {
  ConflictError,
  type FieldIssue,
  IllegalTransitionError,
  isSwitchyardError,
  NotFoundError,
  ServiceUnavailableError,
  SwitchyardError,
  UnknownSkuError,
  ValidationError,
} from './errors'
export { nameUuid, uuidv7 } from './ids'
export {
  type InstanceHealthRow,
  PluginInstances,
  pluginStateStore,
  WebhookReceipts,
} from './integrations/plugin-state-store'
export {
  type InventoryLevelView,
  InventoryService,
  type InventoryUpsert,
} from './inventory/inventory-service'
export { fulfilmentEffects } from './orders/fulfilment-effects'
export { type IntakeResult, OrderIntake } from './orders/intake/order-intake'
export { type OrderDetail, type OrderFilter, OrderQueries, type OrderSummary } from './orders/order-queries'
export { assertTransition, canTransition, orderTransitions } from './orders/order-state-machine'
export { type ShipmentOutcome, ShipmentService } from './orders/shipment-service'
export { type BackoffPolicy, defaultBackoff, nextDelayMs } from './outbox/backoff'
export {
  type Deliver,
  type DeliveryEffects,
  type DispatcherObserver,
  OutboxDispatcher,
} from './outbox/dispatcher'
export { type ClaimedMessage, OutboxStore } from './outbox/outbox-store'
export { type IntegrationDirectory, type OutboxTopic, outboxTopics } from './outbox/topics'
export { decodeCursor, encodeCursor, type Page } from './pagination'
export { distanceKm } from './routing/geo'
export { NearestLocationRouter } from './routing/nearest-router'
export type { Router, RoutingPlan, RoutingRequest } from './routing/router'
