/**
 * @module @switchyard/core
 * Switchyard's domain and application services and their persistence.
 */

export { type AuditFilter, AuditStore, type AuditView, type NewAuditEntry } from './audit/audit-store'
export { type Role, roles } from './auth/api-key.entity'
export { ApiKeys, type CreatedKey, type Principal } from './auth/api-keys'
export type { CarrierCalendar, CarrierLane, CarrierNetwork, Weekday } from './catalog/carrier-network'
export { weekdays } from './catalog/carrier-network'
export { CarrierNetworkService, type LaneInput } from './catalog/carrier-network-service'
export { CatalogCache } from './catalog/catalog-cache'
export { CatalogService, type LocationInput, type ProductInput } from './catalog/catalog-service'
export type { LocationFacts, ProductFacts } from './catalog/facts'
export type { KitBoms, KitPart } from './catalog/kits/kit-boms'
export { KitService, type KitView } from './catalog/kits/kit-service'
export { type LocationType, locationTypes } from './catalog/location-types'
export { currencyExponent, fromMinorUnits, toMinorUnits } from './catalog/money'
export {
  type SupplierItemInput,
  SupplierItemService,
  type SupplierItemView,
} from './catalog/suppliers/supplier-items'
export {
  importSkuMappingCsv,
  MAX_MULTIPLIER,
  malformedEntries,
  type SkuMappingEntry,
  SkuMappingService,
  type SkuMappingView,
} from './channels/sku-mappings'
export { type Core, type CoreOptions, openCore } from './core'
export { CustomerIdentities } from './customers/customer-identities'
export {
  type CustomerIdentifier,
  type CustomerRef,
  candidateCustomerId,
  type IdentifierKind,
  type IdentityLink,
  identifiersOf,
  resolveIdentifiers,
} from './customers/customer-identity'
export { BackupError, type BackupOutcome, backupDatabase, restoreDatabase } from './db/backup'
export { type DatabaseSettings, type Dialect, resolveDatabaseSettings } from './db/database-settings'
export { createOrm, migrate, type Orm } from './db/orm'
export { type ChangeFeed, openChangeFeed, postgresChangeFeed } from './db/sql/change-feed'
export { openSqlDb } from './db/sql/open'
export { isConnectionError, readJson, type SqlDb, type SqlRunner } from './db/sql/sql-db'
export { analyzeStaleTables } from './db/sql/table-statistics'
export {
  ConflictError,
  type ErrorCode,
  errorCodes,
  type FieldIssue,
  IllegalTransitionError,
  isSwitchyardError,
  NotFoundError,
  PreconditionFailedError,
  ServiceUnavailableError,
  SwitchyardError,
  UnknownSkuError,
  ValidationError,
} from './errors'
export { type Claim, IdempotencyStore, type StoredResponse } from './idempotency/idempotency-store'
export { nameUuid, uuidv7 } from './ids'
export * from './intake-exceptions'
export {
  type InstanceHealthRow,
  PluginInstances,
  pluginStateStore,
  WebhookReceipts,
} from './integrations/plugin-state-store'
export { availability, type SkuAvailability } from './inventory/availability'
export { ChannelStockSync } from './inventory/channel-stock-sync'
export {
  type InventoryLevelView,
  InventoryService,
  type InventoryUpsert,
} from './inventory/inventory-service'
export { type PoolInput, PoolService, type PoolView } from './inventory/pool-service'
export { ReservationService, type ReservationView } from './inventory/reservations'
export { StockLedger, type StockRow } from './inventory/stock-ledger'
export { deliveryEffects } from './orders/fulfilment-effects'
export {
  type IntakeObserver,
  type IntakeResult,
  type IntakeWay,
  OrderIntake,
  retryReason,
} from './orders/intake/order-intake'
export {
  type CancelInput,
  CancellationService,
  type CancelOutcome,
} from './orders/lifecycle/cancellation-service'
export {
  HoldReleaseService,
  type ReleaseHoldInput,
  type ReleaseHoldOutcome,
} from './orders/lifecycle/hold-release-service'
export {
  ModificationService,
  type ModifyInput,
  type ModifyOutcome,
} from './orders/lifecycle/modification-service'
export {
  assertOperation,
  OperationNotAllowedError,
  type OrderOperation,
  orderOperations,
} from './orders/lifecycle/order-operations'
export { type RerouteOutcome, RerouteService } from './orders/lifecycle/reroute-service'
export {
  type WarehouseHoldOutcome,
  WarehouseHoldService,
} from './orders/lifecycle/warehouse-hold-service'
export { type OrderChange, type OrderChangeListener, OrderChangeWatcher } from './orders/live/order-changes'
export { type OrderDetail, type OrderFilter, OrderQueries, type OrderSummary } from './orders/order-queries'
export { assertTransition, canTransition, orderTransitions } from './orders/order-state-machine'
export {
  COLLECTED_CARRIER,
  type CollectedOutcome,
  type PickedOutcome,
  PickupService,
} from './orders/pickup/pickup-service'
export {
  type ArrivedOutcome,
  type ReceivedOutcome,
  ShipToStoreService,
} from './orders/pickup/ship-to-store-service'
export {
  DEFAULT_FULFILMENTS_PAGE,
  type FulfilmentFilter,
  type FulfilmentListItem,
  MAX_FULFILMENTS_PAGE,
} from './orders/search/fulfilment-list'
export { type ShipmentOutcome, ShipmentService } from './orders/shipment-service'
export { type BackoffPolicy, defaultBackoff, nextDelayMs } from './outbox/backoff'
export {
  type Deliver,
  type DeliveryEffects,
  type DispatcherObserver,
  OutboxDispatcher,
} from './outbox/dispatcher'
export { type OutboxMessageView, OutboxQueries } from './outbox/outbox-queries'
export { type ClaimedMessage, OutboxStore } from './outbox/outbox-store'
export { type IntegrationDirectory, type OutboxTopic, outboxTopics } from './outbox/topics'
export { decodeCursor, decodeKeyCursor, encodeCursor, encodeKeyCursor, type Page } from './pagination'
export { computeRefund, defaultRefundPolicy, type RefundPolicy } from './returns/refund-policy'
export { RefundService, type RefundView } from './returns/refund-service'
export { DEFAULT_RETURNS_PAGE, MAX_RETURNS_PAGE, type ReturnFilter } from './returns/return-list'
export {
  type CreateReturnInput,
  type ExchangeRequest,
  ReturnService,
  type ReturnView,
} from './returns/return-service'
export { CapacityLedger } from './routing/capacity'
export { PostcodeCentroids } from './routing/centroids/postcode-centroids'
export { type ReplayedDecision, replayDecision } from './routing/decision-replay'
export { distanceKm } from './routing/geo'
export type {
  CandidateExplanation,
  CapacityView,
  Exclusion,
  Router,
  RoutingLine,
  RoutingOrder,
  RoutingPlan,
  RoutingRequest,
  Shipment,
  StockView,
  StoredRequest,
} from './routing/router'
export { RoutingConfig } from './routing/routing-config'
export { type BacktestOptions, type RuleTrace, SimulationService } from './routing/simulation-service'
export { promiseDates } from './routing/sourcing/calendar'
export { builtInRuleSet, type CompiledRuleSet, compileRuleSet } from './routing/sourcing/compiled-rule-set'
export { decide, type SourcingInputs } from './routing/sourcing/decide'
export { LaneIndex } from './routing/sourcing/lanes'
export { SourcingRouter } from './routing/sourcing-router'
/** The routing decision's two JSON columns as the order store writes them (the routing benchmark weighs them). */
export { decisionJson } from './routing/stored-decision'
export { availabilityOn, type DatedAvailability, type SkuAvailabilityOn } from './supply/availability-by-date'
export { type InboundStatus, inboundStatuses } from './supply/inbound-supply.entity'
export {
  type ExpectedSupply,
  InboundSupplyService,
} from './supply/inbound-supply-service'
export type { InboundSupplyView } from './supply/inbound-supply-store'
