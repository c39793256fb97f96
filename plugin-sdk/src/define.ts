import type { z } from 'zod'
import type { FulfilmentCancelRequest, FulfilmentRequest } from './canonical/fulfilment'
import type { ChannelInventoryLevel, InventorySnapshot } from './canonical/inventory'
import type { ChannelPrice } from './canonical/price'
import type { RefundRequest } from './canonical/refund'
import type { OrderStatusUpdate } from './canonical/status'
import type { PluginContext } from './context'
import type { InboundEvent, RawRequest, VerifyResult, WebhookResult } from './webhook'

export const SDK_VERSION = '1.5.0'
const BRAND = Symbol.for('switchyard:plugin')

/** What a notification plugin receives: the order's new status, as its channel hears it. */
export interface NotificationEvent {
  channelInstanceId: string
  update: OrderStatusUpdate
}

export type PluginKind = 'channel' | 'wms' | 'carrier' | 'notification'

/** The outcome of an outbound call that did not throw. Failures are thrown as classified errors. */
export type DeliveryResult =
  | { status: 'accepted'; externalRef?: string }
  | { status: 'skipped'; reason: string }
  /** The partner answered, and said no for a business reason (e.g. a cancel for what already shipped). */
  | { status: 'refused'; reason: string }

export interface WebhookCapability<C> {
  /** Which events this webhook can produce: lets the host list e.g. `shipment-intake`. */
  produces: readonly InboundEvent['type'][]
  /** Must not throw on a bad signature; must be quick (no network). */
  verify(request: RawRequest, ctx: PluginContext<C>): VerifyResult | Promise<VerifyResult>
  /** Throw `PayloadError` for input that can never be accepted; the host answers 422. */
  parse(request: RawRequest, ctx: PluginContext<C>): WebhookResult | Promise<WebhookResult>
}

/** Why a record could not be mapped: the field (as `lines[0].sku`), a stable code, a sentence. */
export interface UnmappedReason {
  field: string
  code: string
  message: string
}

/**
 * A record the channel sent that the plugin could not turn into a canonical order (a required field
 * missing, a value it cannot read). The host keeps it as an intake exception, so a person sees it,
 * instead of it stalling the poll or being skipped with a log line. Secrets never go in `payload`.
 */
export interface UnmappedRecord {
  /** The record as the channel sent it, as text: the order's JSON, an EDI file or transaction set. */
  payload: string
  /** What `payload` is, e.g. `application/json` or `application/edi-x12`. */
  contentType?: string
  /** The channel's order id, when it could be read: one exception per channel order. */
  externalId?: string
  /** At least one; `code` is the plugin's own (`INVALID_PAYLOAD` when it has nothing better). */
  reasons: UnmappedReason[]
}

export interface PollResult {
  events: InboundEvent[]
  /**
   * Records read but not mappable (SDK 1.2). Reporting them beside the good events never blocks
   * the records after them: the host stores each as an intake exception, applies the events and
   * stores the cursor, and the instance's health is not marked (bad data is not a failing call).
   */
  unmapped?: UnmappedRecord[]
  /** Opaque; stored by the host only after the events are committed. */
  cursor: string | null
  /** True when the peer has more pages right now. */
  more?: boolean
  /**
   * Opaque JSON handed back to `committed` (or `rejected`), e.g. the mailbox file these events
   * came from. Since SDK 1.2 the host takes each order of a receipt on its own: an order it cannot
   * take becomes an intake exception and the others go in, then `committed` is called.
   */
  receipt?: unknown
}

/** An intake exception a person closed without an order (discarded), as the channel is told of it. */
export interface DiscardedOrder {
  /** The hub's intake exception id; the same on every retry of this delivery. */
  exceptionId: string
  /** The channel's order id (a PO number, an order id), when one could be read. */
  externalOrderId: string | null
  /** Why, as the person who discarded it wrote it. */
  reason: string
  discardedAt: string
}

export interface PollCapability<C> {
  /** How often the host polls, by default. */
  intervalMs: number
  poll(cursor: string | null, ctx: PluginContext<C>): Promise<PollResult>
  /**
   * Maps one stored record again, the per-record half of `poll`, so a polled intake exception can be
   * replayed with today's plugin, catalogue and sku mappings. `payload` is the record as the channel
   * sent it: an `UnmappedRecord.payload`, or the JSON text of the `raw` of a polled order (the
   * channel's own record). Return what `poll` would have made of it (an `order` event to replay);
   * throw `PayloadError` naming the fields when it still cannot be mapped (the exception stays open
   * with those reasons). Must not call the channel. Without it, a record the plugin could not map
   * cannot be replayed (the hub answers 409 `EXCEPTION_NOT_REPLAYABLE`), and a polled order the hub
   * refused is replayed from the canonical order the poll made.
   *
   * @example
   * mapRecord: (payload) => orderEvent(JSON.parse(payload) as ShopOrder)
   */
  mapRecord?(payload: string, ctx: PluginContext<C>): InboundEvent | Promise<InboundEvent>
  /**
   * Called through the outbox (at least once, retried) when a person discards an intake exception
   * of this instance: the channel can be told the order is refused (an EDI partner gets an 855
   * `RJ`). Return `skipped` when the channel has nothing to hear (no such PO on record).
   */
  discarded?(order: DiscardedOrder, ctx: PluginContext<C>): Promise<DeliveryResult>
  /** Called after the result's events are committed (and its cursor stored): archive, acknowledge. */
  committed?(result: PollResult, ctx: PluginContext<C>): Promise<void>
  /**
   * Called by hubs before SDK 1.2 when they refused a receipt whole (an invalid order, an unknown
   * sku); `reason` names the field. Hubs from 1.2 keep such an order as an intake exception and call
   * `committed` instead; keep it only to run on older hubs.
   */
  rejected?(result: PollResult, reason: string, ctx: PluginContext<C>): Promise<void>
}

/**
 * An outbound capability some instances have and others do not, by their config (a REST channel
 * without a `refundsUrl` takes no refunds). When `enabled` says no, the hub does not queue that work
 * for the instance at all: a refund is recorded for a person to pay back instead of waiting on a
 * delivery that would only be skipped.
 */
export interface Switchable<C> {
  enabled?(config: C): boolean
}

export interface Capabilities<C> {
  webhook?: WebhookCapability<C>
  ordersPoll?: PollCapability<C>
  statusPush?: Switchable<C> & {
    pushStatus(update: OrderStatusUpdate, ctx: PluginContext<C>): Promise<DeliveryResult>
  }
  fulfilment?: {
    requestFulfilment(request: FulfilmentRequest, ctx: PluginContext<C>): Promise<DeliveryResult>
    cancelFulfilment?(request: FulfilmentCancelRequest, ctx: PluginContext<C>): Promise<DeliveryResult>
  }
  inventoryPush?: Switchable<C> & {
    pushInventory(levels: ChannelInventoryLevel[], ctx: PluginContext<C>): Promise<DeliveryResult>
  }
  /** Notification plugins (email, SMS, webhook) hear every order status change of every channel. */
  notify?: { notify(event: NotificationEvent, ctx: PluginContext<C>): Promise<DeliveryResult> }
  /** Refunds the hub asks the channel to make (wired to the outbox with the order lifecycle work). */
  refundPush?: Switchable<C> & {
    pushRefund(refund: RefundRequest, ctx: PluginContext<C>): Promise<DeliveryResult>
  }
  /** Prices the hub sets for the channel (price sync): absolute unit prices, up to 500 per call. */
  pricePush?: Switchable<C> & {
    pushPrices(prices: ChannelPrice[], ctx: PluginContext<C>): Promise<DeliveryResult>
  }
  inventoryPull?: {
    intervalMs: number
    pullInventory(
      cursor: string | null,
      ctx: PluginContext<C>,
    ): Promise<{ snapshots: InventorySnapshot[]; cursor: string | null }>
  }
}

export type CapabilityName =
  | 'webhook-intake'
  | 'order-intake'
  | 'shipment-intake'
  | 'inventory-intake'
  | 'polling'
  | 'status-push'
  | 'fulfilment-request'
  | 'fulfilment-cancel'
  | 'inventory-push'
  | 'inventory-pull'
  | 'refund-push'
  | 'price-push'
  | 'notify'

export interface PluginSpec<S extends z.ZodType> {
  /** Stable forever, kebab-case: stored with every instance. */
  id: string
  kind: PluginKind
  /** The plugin's own semver. */
  version: string
  /** The SDK versions it was written against, as a semver range, e.g. `^1.0.0`. */
  sdk: string
  displayName: string
  description?: string
  /** Validates the instance config; mark secrets with `secret()`. */
  config: S
  capabilities: Capabilities<z.output<S>>
  /** Optional live check behind a "test connection" button. */
  check?(ctx: PluginContext<z.output<S>>): Promise<{ ok: true } | { ok: false; message: string }>
}

export interface PluginDefinition<S extends z.ZodType = z.ZodType> extends PluginSpec<S> {
  readonly [BRAND]: true
}

const ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/
const SEMVER = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/

/**
 * Declares a plugin. The result is a frozen value the host can inspect without running anything.
 *
 * @example
 * export default definePlugin({ id: 'acme-channel', kind: 'channel', version: '1.0.0', sdk: '^1.0.0',
 *   displayName: 'Acme', config: z.object({ secret: secret() }), capabilities: { webhook: { … } } })
 */
export function definePlugin<S extends z.ZodType>(spec: PluginSpec<S>): PluginDefinition<S> {
  const problems = describeProblems(spec)
  if (problems.length > 0) throw new TypeError(`invalid plugin '${String(spec.id)}': ${problems.join('; ')}`)
  return Object.freeze({ ...spec, [BRAND]: true as const })
}

function describeProblems(spec: PluginSpec<z.ZodType>): string[] {
  const problems: string[] = []
  if (!ID.test(spec.id ?? '')) problems.push('id must be kebab-case')
  if (!['channel', 'wms', 'carrier', 'notification'].includes(spec.kind)) problems.push('kind is unknown')
  if (!SEMVER.test(spec.version ?? '')) problems.push('version must be semver')
  if (typeof spec.sdk !== 'string' || spec.sdk.length === 0) problems.push('sdk range is required')
  if (!spec.config || typeof (spec.config as { safeParse?: unknown }).safeParse !== 'function')
    problems.push('config must be a zod schema')
  if (!spec.capabilities || typeof spec.capabilities !== 'object') problems.push('capabilities are required')
  return problems
}

export function isPluginDefinition(value: unknown): value is PluginDefinition {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true
}

/** The capabilities a plugin implements, as names an operator can read. */
export function capabilityNames(plugin: PluginSpec<z.ZodType>): CapabilityName[] {
  const c = plugin.capabilities
  const names: CapabilityName[] = []
  if (c.webhook) {
    names.push('webhook-intake')
    if (c.webhook.produces.includes('order')) names.push('order-intake')
    if (c.webhook.produces.includes('shipment')) names.push('shipment-intake')
    if (c.webhook.produces.includes('inventory')) names.push('inventory-intake')
  }
  if (c.ordersPoll) {
    names.push('polling')
    // A channel's poll takes its orders (eBay, Amazon, an EDI mailbox): order intake like a webhook's.
    if (plugin.kind === 'channel' && !names.includes('order-intake')) names.push('order-intake')
  }
  if (c.statusPush) names.push('status-push')
  if (c.fulfilment) names.push('fulfilment-request')
  if (c.fulfilment?.cancelFulfilment) names.push('fulfilment-cancel')
  if (c.inventoryPush) names.push('inventory-push')
  if (c.inventoryPull) names.push('inventory-pull')
  if (c.refundPush) names.push('refund-push')
  if (c.pricePush) names.push('price-push')
  if (c.notify) names.push('notify')
  return names
}
