import { AuditEntrySchema } from '../audit/audit-entry.entity'
import { ApiKeySchema } from '../auth/api-key.entity'
import { CarrierCalendarSchema, CarrierLaneSchema } from '../catalog/carrier-network.entity'
import { KitComponentSchema } from '../catalog/kits/kit-component.entity'
import { LocationSchema } from '../catalog/location.entity'
import { ProductSchema } from '../catalog/product.entity'
import { SupplierItemSchema } from '../catalog/suppliers/supplier-item.entity'
import { SkuMappingSchema } from '../channels/sku-mappings/sku-mapping.entity'
import { CustomerSchema } from '../customers/customer.entity'
import { CustomerIdentitySchema } from '../customers/customer-identity.entity'
import { IdempotencyRecordSchema } from '../idempotency/idempotency-record.entity'
import { IntakeExceptionSchema } from '../intake-exceptions/intake-exception.entity'
import {
  PluginInstanceSchema,
  PluginStateSchema,
  WebhookReceiptSchema,
} from '../integrations/plugin-instance.entity'
import { ChannelPoolSchema } from '../inventory/channel-pool.entity'
import { ChannelStockPushedSchema, InventoryEventSchema } from '../inventory/inventory-event.entity'
import { InventoryLevelSchema } from '../inventory/inventory-level.entity'
import { ReservationLineSchema, ReservationSchema } from '../inventory/reservation.entity'
import { AllocationSchema } from '../orders/allocation.entity'
import { FulfilmentSchema } from '../orders/fulfilment.entity'
import { OrderLineSchema, OrderSchema } from '../orders/order.entity'
import { OrderEventSchema } from '../orders/order-event.entity'
import { OutboxAttemptSchema, OutboxMessageSchema } from '../outbox/outbox-message.entity'
import { pricingEntities } from '../pricing/pricing.entity'
import {
  RefundSchema,
  ReturnLineSchema,
  ReturnRequestSchema,
  StockWriteOffSchema,
} from '../returns/return.entity'
import { LocationDayLoadSchema, LocationRejectionSchema } from '../routing/capacity.entity'
import { RoutingDecisionSchema } from '../routing/routing-decision.entity'
import { RuleSetSchema, RuleSetVersionSchema } from '../rules/rule-set.entity'
import { InboundSupplySchema } from '../supply/inbound-supply.entity'
import { RateLimitWindowSchema } from './rate-limit.entity'

/** Every table the migrations create, each described once (schema-drift.test.ts keeps them equal). */
export const entities = [
  ReturnRequestSchema,
  ReturnLineSchema,
  RefundSchema,
  StockWriteOffSchema,
  ApiKeySchema,
  LocationSchema,
  ProductSchema,
  KitComponentSchema,
  CustomerSchema,
  CustomerIdentitySchema,
  PluginInstanceSchema,
  PluginStateSchema,
  WebhookReceiptSchema,
  InventoryLevelSchema,
  ChannelPoolSchema,
  ReservationSchema,
  ReservationLineSchema,
  InventoryEventSchema,
  ChannelStockPushedSchema,
  AllocationSchema,
  FulfilmentSchema,
  OrderEventSchema,
  OrderSchema,
  OrderLineSchema,
  OutboxMessageSchema,
  OutboxAttemptSchema,
  RoutingDecisionSchema,
  RuleSetSchema,
  RuleSetVersionSchema,
  CarrierCalendarSchema,
  CarrierLaneSchema,
  LocationDayLoadSchema,
  LocationRejectionSchema,
  SkuMappingSchema,
  SupplierItemSchema,
  IdempotencyRecordSchema,
  AuditEntrySchema,
  RateLimitWindowSchema,
  ...pricingEntities,
  IntakeExceptionSchema,
  InboundSupplySchema,
]
