import { UNAUTHORIZED_EVENT } from '@switchyard/rule-editor'
import type { components, operations, paths } from '@switchyard/rule-editor/schema'
import createClient from 'openapi-fetch'

/**
 * The hub's API as the console uses it: the public API an integrator has, nothing private. The
 * types are the editor's, generated from the hub's served OpenAPI (`pnpm openapi:types`, checked by
 * tools/openapi-types/drift.test.ts), so a route that changes shape breaks the console's typecheck.
 */

type Schemas = components['schemas']
type JsonBody<Op extends keyof operations> = NonNullable<
  operations[Op]['requestBody']
>['content']['application/json']

export type Me = Schemas['Me']
export type OrderSummary = Schemas['OrderSummary']
export type Order = Schemas['Order']
export type OrderLine = Order['lines'][number]
/** A location as listed (GET /locations answers each with its id). */
export type Location = Schemas['Location'] & { id: string }
export type OutboxMessage = Schemas['OutboxMessage']
export type OutboxMessageDetail = Schemas['OutboxMessageDetail']
export type Return = Schemas['Return']
export type Refund = Schemas['Refund']
export type PluginInstance = Schemas['PluginInstance']
export type RuleSetVersion = Schemas['RuleSetVersion']
export type CancelBody = JsonBody<'cancelOrder'>
export type ModifyBody = JsonBody<'modifyOrder'>
export type CreateReturnBody = JsonBody<'createReturn'>
export type ReceiptBody = JsonBody<'receiveReturn'>
export type IntakeException = Schemas['IntakeException']
export type IntakeExceptionDetail = Schemas['IntakeExceptionDetail']
export type ExceptionReason = Schemas['ExceptionReason']
export type ReplayOutcome = Schemas['ReplayOutcome']
export type SkuMapping = Schemas['SkuMapping']
export type Product = Schemas['Product']
export type Pool = Schemas['Pool']
export type PluginCheck = Schemas['PluginCheck']
export type ExceptionQuery = NonNullable<operations['listExceptions']['parameters']['query']>
export type BulkReplayBody = JsonBody<'replayExceptions'>
export type SkuMappingsBody = JsonBody<'putSkuMappings'>
export type AdjustmentsBody = JsonBody<'applyInventoryAdjustments'>
export type SubmitOrderBody = JsonBody<'submitOrder'>
export type QuoteBody = JsonBody<'quotePrices'>
export type Quote = Schemas['Quote']
export type OutboxStatus = NonNullable<operations['listOutbox']['parameters']['query']>['status']
export type SkuAvailability = JsonResponse<'getAvailability'>['items'][number]
export type StockLevel = JsonResponse<'listInventory'>['items'][number]
export type InboundSupply = Schemas['InboundSupply']
export type ExpectSupplyBody = JsonBody<'expectInboundSupply'>
type Problem = Schemas['Problem']
type JsonResponse<Op extends keyof operations> = operations[Op]['responses'] extends {
  200: { content: { 'application/json': infer T } }
}
  ? T
  : never
type ListQuery = NonNullable<operations['listOrders']['parameters']['query']>
type CountQuery = NonNullable<operations['countOrders']['parameters']['query']>

/** The list filters as query parameters (GET /orders and GET /orders/counts take the same). */
export type OrderQuery = Record<string, string | number | undefined>
export interface OrderPage {
  items: OrderSummary[]
  nextCursor: string | null
}
/** GET /orders/counts: how many orders match the filters, in all and per status. */
export type StatusCounts = JsonResponse<'countOrders'>

/** A problem+json answer: the hub's code and its message, shown where the request was made. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: { field: string; message: string }[] = [],
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

type Outcome<T> = { data?: T; error?: unknown; response: Response }

export class ConsoleApi {
  private readonly client: ReturnType<typeof createClient<paths>>

  constructor(key: string, base = '') {
    this.client = createClient<paths>({
      baseUrl: `${base}/api/v1`,
      headers: { authorization: `Bearer ${key}` },
    })
  }

  private async ok<T>(call: Promise<Outcome<T>>): Promise<T> {
    const { data, error, response } = await call
    return settle(response, data, error)
  }

  me = () => this.ok(this.client.GET('/me'))
  // The filters are built as strings from the address (filters.ts); the route validates them.
  orders = (query: OrderQuery): Promise<OrderPage> =>
    this.ok(this.client.GET('/orders', { params: { query: compact(query) as ListQuery } }))
  counts = (query: OrderQuery) =>
    this.ok(this.client.GET('/orders/counts', { params: { query: compact(query) as CountQuery } }))
  order = (id: string) => this.ok(this.client.GET('/orders/{id}', { params: { path: { id } } }))
  /** The order's decision with every location explained: the hub routes the order again as it was routed. */
  everyLocation = (id: string) =>
    this.ok(this.client.GET('/orders/{id}/decision', { params: { path: { id }, query: { every: 'true' } } }))
  locations = () => this.ok(this.client.GET('/locations')).then((r) => r.items as Location[])
  plugins = () => this.ok(this.client.GET('/plugins')).then((r) => r.items)
  ruleVersion = (id: string, v: number) =>
    this.ok(this.client.GET('/rules/sets/{id}/versions/{v}', { params: { path: { id, v } } }))
  outbox = (orderId: string) =>
    this.ok(this.client.GET('/outbox', { params: { query: { order: orderId, limit: 200 } } })).then(
      (r) => r.items,
    )
  outboxMessage = (id: string) => this.ok(this.client.GET('/outbox/{id}', { params: { path: { id } } }))
  retryOutbox = (ids: string[]) => this.ok(this.client.POST('/outbox/retry', { body: { ids } }))
  releaseHold = (id: string, reason: string) =>
    this.ok(this.client.POST('/orders/{id}/release-hold', { params: { path: { id } }, body: { reason } }))
  /** Click and collect: the customer took the order at the store. */
  collect = (id: string) => this.ok(this.client.POST('/orders/{id}/pickup', { params: { path: { id } } }))
  /** Ship to store: what was sent to the pickup store arrived there. */
  receiveAtStore = (id: string) =>
    this.ok(this.client.POST('/orders/{id}/pickup/received', { params: { path: { id } } }))
  cancel = (id: string, body: CancelBody) =>
    this.ok(this.client.POST('/orders/{id}/cancel', { params: { path: { id } }, body }))
  modify = (id: string, body: ModifyBody) =>
    this.ok(this.client.PATCH('/orders/{id}', { params: { path: { id } }, body }))
  returns = (id: string) => this.ok(this.client.GET('/orders/{id}/returns', { params: { path: { id } } }))
  createReturn = (id: string, body: CreateReturnBody) =>
    this.ok(this.client.POST('/orders/{id}/returns', { params: { path: { id } }, body }))
  receiveReturn = (id: string, body: ReceiptBody) =>
    this.ok(this.client.POST('/returns/{id}/receipt', { params: { path: { id } }, body }))

  // The intake exception inbox (Exceptions section).
  exceptions = (query: ExceptionQuery) =>
    this.ok(this.client.GET('/exceptions', { params: { query: compact(query) as ExceptionQuery } }))
  exception = (id: string) => this.ok(this.client.GET('/exceptions/{id}', { params: { path: { id } } }))
  replayException = (id: string) =>
    this.ok(this.client.POST('/exceptions/{id}/replay', { params: { path: { id } } }))
  replayExceptions = (body: BulkReplayBody) => this.ok(this.client.POST('/exceptions/replay', { body }))
  discardException = (id: string, reason: string) =>
    this.ok(this.client.POST('/exceptions/{id}/discard', { params: { path: { id } }, body: { reason } }))
  skuMappings = (instance: string) =>
    this.ok(
      this.client.GET('/channels/{instance}/sku-mappings', {
        params: { path: { instance }, query: { limit: 500 } },
      }),
    )
  putSkuMappings = (instance: string, body: SkuMappingsBody) =>
    this.ok(this.client.PUT('/channels/{instance}/sku-mappings', { params: { path: { instance } }, body }))
  products = (cursor?: string) =>
    this.ok(
      this.client.GET('/products', { params: { query: { limit: 500, ...(cursor ? { cursor } : {}) } } }),
    )

  // Partners.
  checkPlugin = (instance: string) =>
    this.ok(this.client.POST('/plugins/{instance}/check', { params: { path: { instance } } }))
  outboxOf = (instance: string, status: OutboxStatus, limit = 200) =>
    this.ok(this.client.GET('/outbox', { params: { query: { instance, status, limit } } }))

  // Inventory.
  availability = (sku: string, channel?: string) =>
    this.ok(this.client.GET('/availability', { params: { query: { sku, ...(channel ? { channel } : {}) } } }))
  inventory = (sku: string) =>
    this.ok(this.client.GET('/inventory', { params: { query: { sku, limit: 500 } } })).then((r) => r.items)
  pools = (sku: string) =>
    this.ok(this.client.GET('/pools', { params: { query: { sku } } })).then((r) => r.items)
  adjust = (body: AdjustmentsBody) => this.ok(this.client.POST('/inventory/adjustments', { body }))
  inboundSupplies = (sku: string) =>
    this.ok(this.client.GET('/inbound-supplies', { params: { query: { sku, limit: 1000 } } })).then(
      (r) => r.items,
    )
  expectSupply = (body: ExpectSupplyBody) => this.ok(this.client.POST('/inbound-supplies', { body }))
  delaySupply = (id: string, expectedDate: string) =>
    this.ok(
      this.client.POST('/inbound-supplies/{id}/delay', { params: { path: { id } }, body: { expectedDate } }),
    )
  receiveSupply = (id: string, quantity: number, eventId: string) =>
    this.ok(
      this.client.POST('/inbound-supplies/{id}/receive', {
        params: { path: { id } },
        body: { quantity, eventId },
      }),
    )
  cancelSupply = (id: string) =>
    this.ok(this.client.POST('/inbound-supplies/{id}/cancel', { params: { path: { id } } }))

  // New order (the built-in `manual` channel).
  quote = (body: QuoteBody) => this.ok(this.client.POST('/pricing/quote', { body }))
  submitOrder = (body: SubmitOrderBody) => this.ok(this.client.POST('/orders', { body }))
}

/** The query without empty filters: an empty field means "any". */
function compact(query: OrderQuery): Record<string, string | number> {
  const out: Record<string, string | number> = {}
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') out[k] = v
  return out
}

/** The data of a success; a problem+json answer becomes an ApiError; a 401 signs the app out. */
function settle<T>(res: Response, data: T | undefined, error: unknown): T {
  if (res.status === 401) window.dispatchEvent(new CustomEvent(UNAUTHORIZED_EVENT))
  if (!res.ok) {
    const problem: Partial<Problem> = typeof error === 'object' && error !== null ? error : {}
    const issues = problem.errors ?? []
    const detail = String(problem.detail ?? problem.title ?? res.statusText)
    throw new ApiError(
      res.status,
      String(problem.code ?? res.status),
      // A 400 that names the query parameter says which filter the hub refused.
      issues.length > 0 ? `${detail}: ${issues.map((i) => `${i.field} ${i.message}`).join('; ')}` : detail,
      issues,
    )
  }
  return data as T
}
