import createClient from 'openapi-fetch'
import type { FactInfo } from '../model/catalogue'
import type { RuleProperties } from '../model/core-rules'
import type { PlanDetails, TraceConditions } from './refinements'
import type { components, operations, paths } from './schema.gen'

/**
 * The hub's API as the editor uses it. Every call carries the signed-in API key. The types come
 * from the hub's served OpenAPI document (schema.gen.ts, `pnpm openapi:types`), so a route that
 * changes its shape breaks the editor's typecheck rather than the editor at run time; where that
 * document says `unknown`, refinements.ts lays the read shape over it.
 */

type Schemas = components['schemas']
/** The JSON body an operation takes. */
type JsonBody<Op extends keyof operations> = NonNullable<
  operations[Op]['requestBody']
>['content']['application/json']
/** The JSON an operation answers with status `S`. */
type JsonResponse<
  Op extends keyof operations,
  S extends keyof operations[Op]['responses'],
> = operations[Op]['responses'][S] extends { content: { 'application/json': infer T } } ? T : never

export type Me = Schemas['Me']
export type RuleSetSummary = Schemas['RuleSet']
export type VersionMeta = JsonResponse<'getRuleSet', 200>['versions'][number]
/** A version; its rules are json-rules-engine rules, which the hub validated against core's types. */
export type Version = Omit<Schemas['RuleSetVersion'], 'rules'> & { rules: RuleProperties[] }
export type ValidationReport = Schemas['ValidationReport']
export type ServerIssue = ValidationReport['errors'][number]
export type SimulateBody = JsonBody<'simulateRuleVersion'>
export type CanonicalOrderInput = SimulateBody['order']
export type RoutingPlan = Omit<Schemas['RoutingPlan'], 'details'> & { details?: PlanDetails }
export type PlanCandidate = RoutingPlan['candidates'][number]
type SimulationTrace = JsonResponse<'simulateRuleVersion', 200>['trace'][number]
export interface Simulation {
  plan: RoutingPlan
  trace: (Omit<SimulationTrace, 'conditions'> & { conditions: TraceConditions })[]
}
export type Backtest = JsonResponse<'backtestRuleVersion', 200>
export type BacktestChange = Backtest['changedOrders'][number]
export type Product = Schemas['Product']
export type PriceListSummary = Schemas['PriceList']
export type PriceListWithPrices = Schemas['PriceListWithPrices']
export type PriceListBody = JsonBody<'putPriceList'>
export type LocationDetail = JsonResponse<'listLocations', 200>['items'][number]
export type OrderSummary = Schemas['OrderSummary']
export type OrderDetail = Schemas['Order']
export type QuoteBody = JsonBody<'quotePrices'>
export type Quote = Schemas['Quote']
export type QuoteLine = Quote['lines'][number]
type Problem = Schemas['Problem']

export const UNAUTHORIZED_EVENT = 'switchyard:unauthorized'

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: { field: string; message: string }[] = [],
    /** The problem's `details` (a 412 names the current state in `details.current`). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

/** What openapi-fetch answers: data on success, the parsed problem (or raw text) otherwise. */
type Outcome<T> = { data?: T; error?: unknown; response: Response }

export class Api {
  private readonly client: ReturnType<typeof createClient<paths>>

  constructor(key: string, base = '') {
    this.client = createClient<paths>({
      baseUrl: `${base}/api/v1`,
      headers: { authorization: `Bearer ${key}` },
    })
  }

  /** The data of a success; a problem+json answer becomes an ApiError. */
  private async ok<T>(call: Promise<Outcome<T>>): Promise<T> {
    const { data, error, response: res } = await call
    // A key revoked or rotated while the editor is open: the app signs out and says why.
    if (res.status === 401) window.dispatchEvent(new CustomEvent(UNAUTHORIZED_EVENT))
    if (!res.ok) {
      const problem: Partial<Problem> = typeof error === 'object' && error !== null ? error : {}
      throw new ApiError(
        res.status,
        String(problem.code ?? res.status),
        String(problem.detail ?? problem.title ?? res.statusText),
        problem.errors ?? [],
        (problem as { details?: Record<string, unknown> }).details ?? {},
      )
    }
    return data as T
  }

  /** `ok`, with the answer's ETag. */
  private async tagged<T>(call: Promise<Outcome<T>>): Promise<T & { etag: string | undefined }> {
    let etag: string | undefined
    const data = await this.ok(
      call.then((outcome) => {
        etag = outcome.response.headers.get('etag') ?? undefined
        return outcome
      }),
    )
    return { ...data, etag }
  }

  me = () => this.ok(this.client.GET('/me'))
  facts = () => this.ok(this.client.GET('/rules/facts')).then(withFactTypes)
  pricingFacts = () => this.ok(this.client.GET('/pricing/facts')).then(withFactTypes)
  quote = (body: QuoteBody) => this.ok(this.client.POST('/pricing/quote', { body }))
  sets = () => this.ok(this.client.GET('/rules/sets')).then((r) => r.items)
  set = (id: string) => this.ok(this.client.GET('/rules/sets/{id}', { params: { path: { id } } }))
  createSet = (body: JsonBody<'createRuleSet'>) => this.ok(this.client.POST('/rules/sets', { body }))
  version = (id: string, v: number) =>
    this.ok(this.client.GET('/rules/sets/{id}/versions/{v}', { params: { path: { id, v } } })).then(withRules)
  createVersion = (id: string, body: JsonBody<'createRuleVersion'> & { rules: RuleProperties[] }) =>
    this.ok(this.client.POST('/rules/sets/{id}/versions', { params: { path: { id } }, body })).then(
      versionWithRules,
    )
  /** Saves a draft; with `ifMatch` (the etag read) only over that state, else 412. */
  updateDraft = (
    id: string,
    v: number,
    body: JsonBody<'updateRuleVersion'> & { rules: RuleProperties[] },
    ifMatch?: string,
  ) =>
    this.ok(
      this.client.PUT('/rules/sets/{id}/versions/{v}', {
        params: { path: { id, v } },
        body,
        ...(ifMatch ? { headers: { 'if-match': ifMatch } } : {}),
      }),
    ).then(versionWithRules)
  validate = (id: string, v: number) =>
    this.ok(this.client.POST('/rules/sets/{id}/versions/{v}/validate', { params: { path: { id, v } } }))
  /** Publishes a draft; with `ifMatch` (the etag saved) only that state, else 412. */
  publish = (id: string, v: number, body: JsonBody<'publishRuleVersion'>, ifMatch?: string) =>
    this.ok(
      this.client.POST('/rules/sets/{id}/versions/{v}/publish', {
        params: { path: { id, v } },
        body,
        ...(ifMatch ? { headers: { 'if-match': ifMatch } } : {}),
      }),
    ).then(versionWithRules)
  simulate = (id: string, v: number, body: SimulateBody) =>
    this.ok(
      this.client.POST('/rules/sets/{id}/versions/{v}/simulate', { params: { path: { id, v } }, body }),
    ).then(
      // The schema leaves the plan's details and trace conditions open (refinements.ts).
      (r) => r as Simulation,
    )
  /** Recent orders routed by version `v` and by `against` (default: the live rules). */
  backtest = (id: string, v: number, limit: number, against?: number) =>
    this.ok(
      this.client.POST('/rules/sets/{id}/versions/{v}/backtest', {
        params: { path: { id, v } },
        body: { limit, ...(against ? { against } : {}) },
      }),
    )
  orders = (limit = 25) =>
    this.ok(this.client.GET('/orders', { params: { query: { limit } } })).then((r) => r.items)
  order = (id: string) => this.ok(this.client.GET('/orders/{id}', { params: { path: { id } } }))
  products = () =>
    this.ok(this.client.GET('/products', { params: { query: { limit: 500 } } }))
      .then((r) => r.items)
      .catch(() => [])
  // Pricing data: the lists, contracts, costs and rates pricing rules price from.
  priceLists = () =>
    this.ok(this.client.GET('/pricing/price-lists', { params: { query: { limit: 500 } } })).then(
      (r) => r.items,
    )
  /** A list with its prices, and the ETag naming that state (send it back as `ifMatch`). */
  priceList = (id: string) =>
    this.tagged(this.client.GET('/pricing/price-lists/{id}', { params: { path: { id } } }))
  /**
   * The writes below change the list only if it is still in the state `ifMatch` names (the ETag
   * read), else 412: two analysts editing one list never overwrite each other unseen.
   */
  putPriceList = (id: string, body: JsonBody<'putPriceList'>, ifMatch?: string) =>
    this.ok(
      this.client.PUT('/pricing/price-lists/{id}', { params: { path: { id } }, body, ...ifMatchOf(ifMatch) }),
    )
  setPrices = (id: string, items: JsonBody<'setPrices'>['items'], ifMatch?: string) =>
    this.ok(
      this.client.PUT('/pricing/price-lists/{id}/prices', {
        params: { path: { id } },
        body: { items },
        ...ifMatchOf(ifMatch),
      }),
    )
  removePrices = (id: string, skus: string[], ifMatch?: string) =>
    this.ok(
      this.client.POST('/pricing/price-lists/{id}/prices/remove', {
        params: { path: { id } },
        body: { skus },
        ...ifMatchOf(ifMatch),
      }),
    )
  costs = () =>
    this.ok(this.client.GET('/pricing/costs', { params: { query: { limit: 500 } } })).then((r) => r.items)
  setCosts = (items: JsonBody<'setCosts'>['items']) =>
    this.ok(this.client.PUT('/pricing/costs', { body: { items } }))
  rates = () =>
    this.ok(this.client.GET('/pricing/exchange-rates', { params: { query: { limit: 500 } } })).then(
      (r) => r.items,
    )
  importRates = (items: JsonBody<'importExchangeRates'>['items']) =>
    this.ok(this.client.POST('/pricing/exchange-rates', { body: { items } }))
  locations = () =>
    this.ok(this.client.GET('/locations', { params: { query: { limit: 500 } } })).then((r) => r.items)
  inventory = (sku: string) =>
    this.ok(this.client.GET('/inventory', { params: { query: { sku } } })).then((r) => r.items)
}

const ifMatchOf = (etag: string | undefined) => (etag ? { headers: { 'if-match': etag } } : {})

// The hub types a fact's scope and type as strings; they are its fact catalogue's, the editor's FactInfo.
const withFactTypes = <C extends { facts: Schemas['FactDefinition'][] }>(
  c: C,
): Omit<C, 'facts'> & { facts: FactInfo[] } => ({ ...c, facts: c.facts as FactInfo[] })

// The hub stores and returns the rules it was sent, after validating them as core's rule types.
const withRules = (v: Schemas['RuleSetVersion']): Version => v as Version
const versionWithRules = <R extends { version: Schemas['RuleSetVersion'] }>(r: R) => ({
  ...r,
  version: withRules(r.version),
})

/** A stored order as the canonical order a channel would send, to simulate it again. */
export function canonicalFromStored(o: OrderDetail): CanonicalOrderInput {
  return {
    externalId: o.externalOrderId,
    currency: o.currency,
    // The hub stores the level the channel's canonical order had; its schema says only string.
    serviceLevel: o.serviceLevel as CanonicalOrderInput['serviceLevel'],
    placedAt: o.placedAt,
    shipTo: { ...o.shipTo, line1: o.shipTo.line1 || '(address)' },
    lines: o.lines.map((l) => ({
      sku: l.sku,
      quantity: l.quantity,
      ...(l.unitPrice ? { unitPrice: l.unitPrice } : {}),
      ...(l.discount ? { discount: l.discount } : {}),
    })),
    ...(o.tags?.length ? { tags: o.tags } : {}),
    total: o.total,
  }
}

/** A stored order as a quote request: its channel, currency, customer, lines and destination. */
export function quoteFromStored(o: OrderDetail): QuoteBody {
  return {
    channel: o.channelInstanceId,
    currency: o.currency,
    ...(o.customerId ? { customer: { id: o.customerId } } : {}),
    lines: o.lines.map((l) => ({ sku: l.sku, quantity: l.quantity })),
    ...(o.tags?.length ? { tags: o.tags } : {}),
    shipTo: {
      country: o.shipTo.country,
      ...(o.shipTo.region ? { region: o.shipTo.region } : {}),
      ...(o.shipTo.postcode ? { postcode: o.shipTo.postcode } : {}),
    },
  }
}

/** An error as one line for a form: the problem's detail and each field it names. */
export function problemText(e: unknown): string {
  if (e instanceof ApiError && e.issues.length)
    return `${e.message}: ${e.issues.map((i) => `${i.field} ${i.message}`).join('; ')}`
  return e instanceof Error ? e.message : String(e)
}
