import type { Catalogue } from '../model/catalogue'
import type { RuleProperties } from '../model/core-rules'
import type { RuleSetKind } from '../model/graph-types'

/** The hub's API as the editor uses it. Every call carries the signed-in API key. */

export interface Me {
  keyId: string
  name: string
  role: string
  channelInstanceId: string | null
  canEdit: boolean
}

export interface RuleSetSummary {
  id: string
  kind: RuleSetKind
  name: string
  description: string | null
  liveVersion: number | null
  latestVersion: number | null
}

export interface VersionMeta {
  id: string
  ruleSetId: string
  version: number
  status: 'draft' | 'published' | 'archived'
  settings: Record<string, unknown> | null
  author: string | null
  comment: string | null
  effectiveFrom: string | null
  createdAt: string
  updatedAt: string | null
  publishedAt: string | null
}

export interface Version extends VersionMeta {
  rules: RuleProperties[]
  graph: unknown
}

export interface ServerIssue {
  code: string
  rule: string
  condition?: string
  field: string
  message: string
}

export interface ValidationReport {
  valid: boolean
  errors: ServerIssue[]
  warnings: ServerIssue[]
}

export const UNAUTHORIZED_EVENT = 'switchyard:unauthorized'

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

export class Api {
  constructor(
    private readonly key: string,
    private readonly base = '',
  ) {}

  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.base}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.key}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await res.text()
    const data = text ? (JSON.parse(text) as Record<string, unknown>) : {}
    // A key revoked or rotated while the editor is open: the app signs out and says why.
    if (res.status === 401) window.dispatchEvent(new CustomEvent(UNAUTHORIZED_EVENT))
    if (!res.ok)
      throw new ApiError(
        res.status,
        String(data.code ?? res.status),
        String(data.detail ?? data.title ?? res.statusText),
        (data.errors as { field: string; message: string }[] | undefined) ?? [],
      )
    return data as T
  }

  me = () => this.call<Me>('GET', '/me')
  facts = () => this.call<Catalogue>('GET', '/rules/facts')
  pricingFacts = () => this.call<Partial<Catalogue>>('GET', '/pricing/facts')
  quote = (body: QuoteBody) => this.call<Quote>('POST', '/pricing/quote', body)
  sets = () => this.call<{ items: RuleSetSummary[] }>('GET', '/rules/sets').then((r) => r.items)
  set = (id: string) =>
    this.call<RuleSetSummary & { versions: VersionMeta[] }>('GET', `/rules/sets/${enc(id)}`)
  createSet = (body: { id: string; kind: RuleSetKind; name: string; description?: string }) =>
    this.call<RuleSetSummary>('POST', '/rules/sets', body)
  version = (id: string, v: number) => this.call<Version>('GET', `/rules/sets/${enc(id)}/versions/${v}`)
  createVersion = (
    id: string,
    body: { rules: RuleProperties[]; graph: unknown; settings?: unknown; comment?: string },
  ) =>
    this.call<{ version: Version; validation: ValidationReport }>(
      'POST',
      `/rules/sets/${enc(id)}/versions`,
      body,
    )
  updateDraft = (
    id: string,
    v: number,
    body: { rules: RuleProperties[]; graph: unknown; settings?: unknown },
  ) =>
    this.call<{ version: Version; validation: ValidationReport }>(
      'PUT',
      `/rules/sets/${enc(id)}/versions/${v}`,
      body,
    )
  validate = (id: string, v: number) =>
    this.call<ValidationReport>('POST', `/rules/sets/${enc(id)}/versions/${v}/validate`)
  publish = (id: string, v: number, body: { comment?: string | null; effectiveFrom?: string | null }) =>
    this.call<{ version: Version }>('POST', `/rules/sets/${enc(id)}/versions/${v}/publish`, body)
  simulate = (id: string, v: number, body: SimulateBody) =>
    this.call<Simulation>('POST', `/rules/sets/${enc(id)}/versions/${v}/simulate`, body)
  backtest = (id: string, v: number, limit: number) =>
    this.call<Backtest>('POST', `/rules/sets/${enc(id)}/versions/${v}/backtest`, { limit })
  orders = (limit = 25) =>
    this.call<{ items: OrderSummary[] }>('GET', `/orders?limit=${limit}`).then((r) => r.items)
  order = (id: string) => this.call<OrderDetail>('GET', `/orders/${enc(id)}`)
  products = () =>
    this.call<{ items: { sku: string; name: string; hazmat: boolean; highValue: boolean }[] }>(
      'GET',
      '/products?limit=500',
    )
      .then((r) => r.items)
      .catch(() => [])
  inventory = (sku: string) =>
    this.call<{ items: { sku: string; locationId: string; available: number }[] }>(
      'GET',
      `/inventory?sku=${encodeURIComponent(sku)}`,
    ).then((r) => r.items)
}

const enc = encodeURIComponent

export interface CanonicalOrderInput {
  externalId: string
  currency: string
  serviceLevel?: string
  placedAt?: string
  customer?: { tier?: string; segment?: string; email?: string; name?: string }
  shipTo: {
    name?: string
    line1: string
    city?: string
    region?: string
    postcode?: string
    country: string
    lat?: number
    lon?: number
  }
  lines: { sku: string; quantity: number; unitPrice?: string; discount?: string }[]
  tags?: string[]
  total?: string
}

export interface SimulateBody {
  channel: string
  order: CanonicalOrderInput
  stock?: { sku: string; locationId: string; available: number }[]
}

export interface ConditionTrace {
  name?: string
  kind: 'all' | 'any' | 'not' | 'fact'
  result: boolean
  fact?: string
  operator?: string
  value?: unknown
  factResult?: unknown
  valueResult?: unknown
  children?: ConditionTrace[]
}

export interface RoutingPlan {
  assignments: { lineId: string; sku: string; locationId: string; quantity: number }[]
  unfilled: { lineId: string; sku: string; quantity: number }[]
  hold?: { reason: string; rule?: string }
  strategy: string
  summary: string
  candidates: {
    locationId: string
    name?: string
    distanceKm: number | null
    canShip: string[]
    excluded?: { rule: string; reason: string }
    partialExclusions?: { rule: string; reason: string; lineIds?: string[] }[]
    chosen: boolean
    score?: Record<string, number>
    transitDays?: number
    shippingCost?: string
  }[]
  shipments?: {
    locationId: string
    transitDays: number
    shippingCost: string
    currency: string
    promiseDate: string
  }[]
  promiseDate?: string | null
  serviceLevel?: string
  details?: {
    rulesFired?: {
      rule: string
      action: string
      scope: string
      conditions?: { condition: string; factValue: unknown }[]
    }[]
    facts?: Record<string, unknown>
  }
}

export interface Simulation {
  plan: RoutingPlan
  trace: {
    rule: string
    action: string
    scope: string
    fired: boolean | null
    conditions: ConditionTrace | null
  }[]
}

export interface OrderSummary {
  id: string
  channelInstanceId: string
  externalOrderId: string
  status: string
  currency: string
  total: string
  serviceLevel: string
  shipTo: { country: string; region?: string; postcode?: string; city?: string }
  placedAt: string
  receivedAt: string
}

export interface OrderDetail extends OrderSummary {
  shipTo: CanonicalOrderInput['shipTo']
  tags: string[]
  lines: {
    sku: string
    quantity: number
    unitPrice: string | null
    discount: string | null
    externalLineId: string | null
  }[]
  allocations: { sku: string; locationId: string; quantity: number; status: string }[]
}

export interface BacktestChange {
  orderId: string
  externalOrderId: string
  before: {
    locations: string[]
    strategy: string
    cost: string
    shipments: number
    backordered: number
    held: boolean
    promiseDate: string | null
  }
  after: {
    locations: string[]
    strategy: string
    cost: string
    shipments: number
    backordered: number
    held: boolean
    promiseDate: string | null
  }
  summary: string
}

export interface Backtest {
  orders: number
  changed: number
  cost: { currency: string | null; totalDelta: string; direction: 'more' | 'less' | 'same' }
  transitDaysDeltaAvg: number | null
  promiseDaysDeltaAvg: number | null
  splits: { published: number; draft: number }
  backorders: { published: number; draft: number }
  holds: { published: number; draft: number }
  changedOrders: BacktestChange[]
  comparedWith: { ruleSetId: string; version: number } | { builtIn: true }
  note: string
}

/** A stored order as the canonical order a channel would send, to simulate it again. */
export function canonicalFromStored(o: OrderDetail): CanonicalOrderInput {
  return {
    externalId: o.externalOrderId,
    currency: o.currency,
    serviceLevel: o.serviceLevel,
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

export interface QuoteBody {
  channel: string
  currency: string
  customer?: { id?: string; email?: string; tier?: string | null; segment?: string | null } | null
  lines: { sku: string; quantity: number }[]
  tags?: string[]
  shipTo?: { country?: string; region?: string; postcode?: string } | null
  ruleSet?: { id: string; version: number }
}

export interface QuoteLine {
  lineNo: number
  sku: string
  quantity: number
  unitPrice: string | null
  lineTotal: string | null
  source: string | null
  priceListId: string | null
  rules: string[]
  steps: { action: string; rule: string | null; detail: string; from: string | null; to: string }[]
  warnings: string[]
  error: string | null
}

export interface Quote {
  currency: string
  ruleSetId: string | null
  ruleSetVersion: number | null
  lines: QuoteLine[]
  total: string
  totalMinor: number
  unpriced: number
}

/** A stored order as a quote request: its channel, currency, customer, lines and destination. */
export function quoteFromStored(o: OrderDetail & { customerId?: string | null }): QuoteBody {
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
