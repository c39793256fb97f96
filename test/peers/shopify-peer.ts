import { createHmac, randomUUID } from 'node:crypto'
import type { ServerResponse } from 'node:http'
import { HttpPeer, json, type RecordedRequest } from './http-peer'

export type PeerFailure = { status: number; retryAfter?: string; body?: string } | { hangMs: number }

interface LineItem {
  id: bigint
  sku: string
  title: string
  name: string
  quantity: number
  price: string
  requires_shipping: boolean
}

interface FulfillmentOrder {
  id: string
  status: 'OPEN' | 'IN_PROGRESS' | 'CLOSED'
  lineItems: { id: string; lineItemId: bigint; sku: string; remainingQuantity: number }[]
}

export interface PeerShopifyOrder {
  id: bigint
  name: string
  updated_at: string
  created_at: string
  cancelled_at: string | null
  line_items: LineItem[]
  fulfillmentOrders: FulfillmentOrder[]
  fulfillments: {
    id: string
    tracking: { company?: string; number: string; url?: string }
    notifyCustomer: boolean
  }[]
  body: Record<string, unknown>
}

export interface RecordedMutation {
  operation: string
  variables: Record<string, any>
  idempotencyKey: string | undefined
}

let seq = 0n

/** Serialises with bigint ids written as bare JSON integers, the way Shopify sends them. */
export function shopifyJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? `__big__${v}__` : v)).replace(
    /"__big__(-?\d+)__"/g,
    '$1',
  )
}

/**
 * A Shopify store on 127.0.0.1: REST orders list (updated_at_min, page_info links), a GraphQL Admin
 * endpoint answering the operations the connector uses with Shopify's response shapes, and webhook
 * deliveries signed with X-Shopify-Hmac-Sha256. Fulfilment orders have ids of their own, so a
 * fulfilment sent with order line item ids is refused, as Shopify refuses it.
 */
export class ShopifyPeer {
  readonly orders = new Map<string, PeerShopifyOrder>()
  readonly mutations: RecordedMutation[] = []
  readonly variants = new Map<string, string>()
  /** Each variant's price by sku, as the hub's price sync set it. */
  readonly prices = new Map<string, string>()
  /** "available" per inventory item at the shop's location (the one location this store has). */
  readonly available = new Map<string, number>()
  /** Changes made between the connector's read and its next inventorySetQuantities (a race it loses). */
  private racing: { inventoryItemId: string; delta: number }[] = []
  private failures: PeerFailure[] = []
  private refundsByKey = new Map<string, string>()
  /** Answers auth failures echoing the token they got, like a careless upstream: the hub must scrub it. */
  echoTokenOnError = false

  private constructor(
    readonly http: HttpPeer,
    readonly shop: string,
    readonly accessToken: string,
    readonly clientSecret: string,
  ) {}

  static async start(
    options: { shop?: string; accessToken?: string; clientSecret?: string } = {},
  ): Promise<ShopifyPeer> {
    let peer: ShopifyPeer | undefined
    const http = await HttpPeer.start((req, res) => peer!.handle(req, res))
    peer = new ShopifyPeer(
      http,
      options.shop ?? 'acme.myshopify.com',
      options.accessToken ?? 'shpat_0123456789abcdef0123456789abcdef',
      options.clientSecret ?? 'shpss_client_secret_fedcba9876543210',
    )
    return peer
  }

  failNext(count: number, failure: PeerFailure): void {
    for (let i = 0; i < count; i++) this.failures.push(failure)
  }

  private matchedFailures: { match: (req: RecordedRequest) => boolean; failure: PeerFailure }[] = []

  /** The next request that `match` accepts fails this way (other traffic, e.g. polls, is untouched). */
  failNextMatching(match: (req: RecordedRequest) => boolean, failure: PeerFailure): void {
    this.matchedFailures.push({ match, failure })
  }

  /** Adds an order to the store (as a checkout would). Ids above 2^53 on request. */
  createOrder(
    lines: { sku: string; quantity: number; price?: string }[],
    options: { bigIds?: boolean; shipping?: Record<string, unknown>; updatedAt?: string } = {},
  ): PeerShopifyOrder {
    seq++
    const id = options.bigIds ? 820982911946154508n + seq : 5940139491000n + seq
    const now = options.updatedAt ?? new Date().toISOString()
    const lineItems: LineItem[] = lines.map((l, i) => ({
      id: (options.bigIds ? 9007199254740993n : 13688971493000n) + seq * 100n + BigInt(i),
      sku: l.sku,
      title: `Item ${l.sku}`,
      name: `Item ${l.sku}`,
      quantity: l.quantity,
      price: l.price ?? '12.50',
      requires_shipping: true,
    }))
    const total = lineItems.reduce((n, l) => n + Number(l.price) * 100 * l.quantity, 0) + 299
    const body = {
      id,
      admin_graphql_api_id: `gid://shopify/Order/${id}`,
      name: `#${1000 + Number(seq)}`,
      order_number: 1000 + Number(seq),
      email: 'jane.doe@example.com',
      created_at: now,
      updated_at: now,
      currency: 'NZD',
      total_price: (total / 100).toFixed(2),
      subtotal_price: ((total - 299) / 100).toFixed(2),
      financial_status: 'paid',
      fulfillment_status: null,
      cancelled_at: null,
      cancel_reason: null,
      test: false,
      tags: 'vip, web',
      line_items: lineItems.map((l) => ({
        ...l,
        admin_graphql_api_id: `gid://shopify/LineItem/${l.id}`,
        variant_id: 44012345678901,
        product_id: 8061536829755,
        variant_title: null,
        grams: 170,
        fulfillable_quantity: l.quantity,
        fulfillment_service: 'manual',
        fulfillment_status: null,
        total_discount: '0.00',
      })),
      shipping_lines: [{ code: 'Standard', title: 'Standard Shipping', price: '2.99', source: 'shopify' }],
      shipping_address: options.shipping ?? {
        first_name: 'Jane',
        last_name: 'Doe',
        address1: '1 Queen St',
        address2: 'Level 2',
        city: 'Auckland',
        province: 'Auckland',
        province_code: 'AUK',
        zip: '1010',
        country: 'New Zealand',
        country_code: 'NZ',
        phone: '+6495550100',
      },
      customer: { id: 6147919642668, email: 'jane.doe@example.com', first_name: 'Jane', last_name: 'Doe' },
    }
    const order: PeerShopifyOrder = {
      id,
      name: body.name,
      created_at: now,
      updated_at: now,
      cancelled_at: null,
      line_items: lineItems,
      fulfillmentOrders: [
        {
          id: `gid://shopify/FulfillmentOrder/${6117286052000n + seq}`,
          status: 'OPEN',
          lineItems: lineItems.map((l, i) => ({
            id: `gid://shopify/FulfillmentOrderLineItem/${12736038731000n + seq * 100n + BigInt(i)}`,
            lineItemId: l.id,
            sku: l.sku,
            remainingQuantity: l.quantity,
          })),
        },
      ],
      fulfillments: [],
      body,
    }
    this.orders.set(String(id), order)
    return order
  }

  /**
   * A customer's return request on the storefront, as the returns/request webhook carries it: the
   * return and its line items, each pointing at the order's line item through a fulfilment line
   * item, with Shopify's reason enum. Ids only; no sku.
   */
  returnRequest(
    order: PeerShopifyOrder,
    lines: { sku: string; quantity: number; reason?: string; note?: string }[],
  ): Record<string, unknown> {
    seq++
    const id = 2923237000n + seq
    return {
      id,
      admin_graphql_api_id: `gid://shopify/Return/${id}`,
      status: 'requested',
      name: `${order.name}-R1`,
      order: { id: order.id, admin_graphql_api_id: `gid://shopify/Order/${order.id}` },
      total_return_line_items: lines.length,
      return_line_items: lines.map((l, i) => {
        const item = order.line_items.find((li) => li.sku === l.sku)!
        const fli = 820022594000n + seq * 100n + BigInt(i)
        return {
          id: 1067000000n + seq * 100n + BigInt(i),
          admin_graphql_api_id: `gid://shopify/ReturnLineItem/${1067000000n + seq * 100n + BigInt(i)}`,
          fulfillment_line_item: {
            id: fli,
            admin_graphql_api_id: `gid://shopify/FulfillmentLineItem/${fli}`,
            line_item: { id: item.id, admin_graphql_api_id: `gid://shopify/LineItem/${item.id}` },
          },
          quantity: l.quantity,
          return_reason: l.reason ?? 'wrong_item',
          return_reason_note: '',
          customer_note: l.note ?? null,
        }
      }),
      return_shipping_fees: [],
      exchange_line_items: [],
      total_exchange_line_items: 0,
    }
  }

  sign(body: string | Uint8Array, secret = this.clientSecret): string {
    return createHmac('sha256', secret).update(body).digest('base64')
  }

  /** Delivers a webhook with all the headers Shopify sends (a payload given as bytes is sent as it is). */
  async sendWebhook(
    hubUrl: string,
    instanceId: string,
    topic: string,
    payload: unknown,
    /** A retry keeps its webhook id and event id; another subscription's delivery of the same event keeps only the event id. */
    options: { secret?: string; webhookId?: string; eventId?: string; shop?: string } = {},
  ): Promise<{ status: number; body: any }> {
    const webhookId = options.webhookId ?? randomUUID()
    const eventId = options.eventId ?? (options.webhookId ? `event-of-${options.webhookId}` : randomUUID())
    const body = payload instanceof Uint8Array ? new Uint8Array(payload) : shopifyJson(payload)
    const res = await fetch(`${hubUrl}/webhooks/${instanceId}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-shopify-topic': topic,
        'x-shopify-hmac-sha256': this.sign(body, options.secret),
        'x-shopify-shop-domain': options.shop ?? this.shop,
        'x-shopify-api-version': '2026-04',
        'x-shopify-webhook-id': webhookId,
        'x-shopify-event-id': eventId,
        'x-shopify-triggered-at': new Date().toISOString(),
      },
      body,
    })
    const text = await res.text()
    let parsed: unknown = text
    try {
      parsed = text ? JSON.parse(text) : null
    } catch {}
    return { status: res.status, body: parsed }
  }

  /**
   * A sale at the till while the connector is between reading a level and setting it: the next
   * inventorySetQuantities finds the level `delta` away from what was read.
   */
  raceNextSet(inventoryItemId: string, delta: number): void {
    this.racing.push({ inventoryItemId, delta })
  }

  /** Fulfilment mutations that Shopify accepted. */
  fulfilments(): RecordedMutation[] {
    return this.mutations.filter((m) => m.operation === 'fulfillmentCreate')
  }

  private async handle(req: RecordedRequest, res: ServerResponse): Promise<void> {
    const matched = this.matchedFailures.findIndex((f) => f.match(req))
    const failure = matched >= 0 ? this.matchedFailures.splice(matched, 1)[0]!.failure : this.failures.shift()
    if (failure && 'hangMs' in failure) {
      await new Promise((r) => setTimeout(r, failure.hangMs))
      if (!res.writableEnded) json(res, 504, { errors: 'timeout' })
      return
    }
    if (failure) {
      res.writeHead(failure.status, {
        'content-type': 'application/json',
        ...(failure.retryAfter ? { 'retry-after': failure.retryAfter } : {}),
      })
      res.end(failure.body ?? JSON.stringify({ errors: 'failing on demand' }))
      return
    }
    const token = req.headers['x-shopify-access-token']
    if (token !== this.accessToken) {
      const detail = this.echoTokenOnError ? `: got '${token}'` : ''
      return json(res, 401, { errors: `[API] Invalid API key or access token${detail}` })
    }
    const url = new URL(req.path, 'http://peer')
    if (req.method === 'GET' && url.pathname === '/admin/api/2026-04/orders.json')
      return this.listOrders(url, res)
    if (req.method === 'POST' && url.pathname === '/admin/api/2026-04/graphql.json') {
      const { query, variables } = JSON.parse(req.body) as { query: string; variables: Record<string, any> }
      return json(res, 200, this.graphql(query, variables ?? {}))
    }
    return json(res, 404, { errors: 'Not Found' })
  }

  private listOrders(url: URL, res: ServerResponse): void {
    const limit = Number(url.searchParams.get('limit') ?? 50)
    let offset = 0
    let since = url.searchParams.get('updated_at_min')
    const pageInfo = url.searchParams.get('page_info')
    if (pageInfo) {
      const decoded = JSON.parse(Buffer.from(pageInfo, 'base64url').toString()) as {
        offset: number
        since: string
      }
      offset = decoded.offset
      since = decoded.since
    }
    const all = [...this.orders.values()]
      .filter((o) => !since || Date.parse(o.updated_at) >= Date.parse(since))
      .sort((a, b) => Date.parse(a.updated_at) - Date.parse(b.updated_at))
    const page = all.slice(offset, offset + limit)
    const headers: Record<string, string> = {}
    if (offset + limit < all.length) {
      const next = Buffer.from(JSON.stringify({ offset: offset + limit, since })).toString('base64url')
      headers.link = `<${this.http.url}/admin/api/2026-04/orders.json?limit=${limit}&page_info=${next}>; rel="next"`
    }
    res.writeHead(200, { 'content-type': 'application/json', ...headers })
    res.end(shopifyJson({ orders: page.map((o) => o.body) }))
  }

  private record(operation: string, variables: Record<string, any>, query: string): RecordedMutation {
    const usesKey = /@idempotent\(key:\s*\$idempotencyKey\)/.test(query)
    const m = { operation, variables, idempotencyKey: usesKey ? variables.idempotencyKey : undefined }
    this.mutations.push(m)
    return m
  }

  private order(gid: string): PeerShopifyOrder | undefined {
    return this.orders.get(gid.replace('gid://shopify/Order/', ''))
  }

  private graphql(query: string, variables: Record<string, any>): unknown {
    const userError = (field: string[], message: string) => ({ field, message })
    if (query.includes('fulfillmentCreate(')) {
      this.record('fulfillmentCreate', variables, query)
      const input = variables.fulfillment as {
        notifyCustomer?: boolean
        trackingInfo: { company?: string; number: string; url?: string }
        lineItemsByFulfillmentOrder: {
          fulfillmentOrderId: string
          fulfillmentOrderLineItems?: { id: string; quantity: number }[]
        }[]
      }
      const errors: { field: string[]; message: string }[] = []
      let target: PeerShopifyOrder | undefined
      for (const [i, group] of input.lineItemsByFulfillmentOrder.entries()) {
        const owner = [...this.orders.values()].find((o) =>
          o.fulfillmentOrders.some((f) => f.id === group.fulfillmentOrderId),
        )
        const fo = owner?.fulfillmentOrders.find((f) => f.id === group.fulfillmentOrderId)
        if (!owner || !fo) {
          errors.push(
            userError(
              ['fulfillment', 'lineItemsByFulfillmentOrder', String(i), 'fulfillmentOrderId'],
              'Fulfillment order does not exist.',
            ),
          )
          continue
        }
        target = owner
        for (const item of group.fulfillmentOrderLineItems ?? []) {
          const li = fo.lineItems.find((l) => l.id === item.id)
          if (!li)
            errors.push(userError(['fulfillment'], `Invalid fulfillment order line item id ${item.id}.`))
          else if (item.quantity > li.remainingQuantity)
            errors.push(
              userError(
                ['fulfillment'],
                `Quantity ${item.quantity} exceeds remaining ${li.remainingQuantity}.`,
              ),
            )
        }
      }
      if (errors.length > 0 || !target)
        return { data: { fulfillmentCreate: { fulfillment: null, userErrors: errors } } }
      for (const group of input.lineItemsByFulfillmentOrder) {
        const fo = target.fulfillmentOrders.find((f) => f.id === group.fulfillmentOrderId)!
        for (const item of group.fulfillmentOrderLineItems ??
          fo.lineItems.map((l) => ({ id: l.id, quantity: l.remainingQuantity }))) {
          fo.lineItems.find((l) => l.id === item.id)!.remainingQuantity -= item.quantity
        }
        if (fo.lineItems.every((l) => l.remainingQuantity === 0)) fo.status = 'CLOSED'
      }
      const id = `gid://shopify/Fulfillment/${4200000000n + BigInt(this.fulfilments().length)}`
      target.fulfillments.push({
        id,
        tracking: input.trackingInfo,
        notifyCustomer: input.notifyCustomer ?? false,
      })
      return { data: { fulfillmentCreate: { fulfillment: { id, status: 'SUCCESS' }, userErrors: [] } } }
    }
    if (query.includes('fulfillmentOrders(')) {
      const o = this.order(variables.id)
      if (!o) return { data: { order: null } }
      return {
        data: {
          order: {
            id: variables.id,
            fulfillments: o.fulfillments.map((f) => ({
              id: f.id,
              trackingInfo: [{ number: f.tracking.number }],
            })),
            fulfillmentOrders: {
              nodes: o.fulfillmentOrders.map((fo) => ({
                id: fo.id,
                status: fo.status,
                lineItems: {
                  nodes: fo.lineItems.map((l) => ({
                    id: l.id,
                    remainingQuantity: l.remainingQuantity,
                    lineItem: { id: `gid://shopify/LineItem/${l.lineItemId}`, sku: l.sku },
                  })),
                },
              })),
            },
          },
        },
      }
    }
    if (query.includes('orderCancel(')) {
      this.record('orderCancel', variables, query)
      const o = this.order(variables.orderId)
      if (!o)
        return {
          data: {
            orderCancel: {
              job: null,
              orderCancelUserErrors: [userError(['orderId'], 'Order does not exist')],
            },
          },
        }
      o.cancelled_at = new Date().toISOString()
      return {
        data: {
          orderCancel: {
            job: { id: `gid://shopify/Job/${randomUUID()}`, done: false },
            orderCancelUserErrors: [],
          },
        },
      }
    }
    if (query.includes('transactions(')) {
      return {
        data: {
          order: {
            id: variables.id,
            transactions: [
              {
                id: 'gid://shopify/OrderTransaction/1',
                kind: 'SALE',
                status: 'SUCCESS',
                gateway: 'shopify_payments',
              },
            ],
          },
        },
      }
    }
    if (query.includes('refundCreate(')) {
      const m = this.record('refundCreate', variables, query)
      // Mandatory from API 2026-04: without the directive the mutation fails at runtime.
      if (!m.idempotencyKey)
        return { errors: [{ message: 'The @idempotent directive is required for this mutation.' }] }
      let id = this.refundsByKey.get(m.idempotencyKey)
      if (!id) {
        id = `gid://shopify/Refund/${8000000n + BigInt(this.refundsByKey.size)}`
        this.refundsByKey.set(m.idempotencyKey, id)
      }
      return { data: { refundCreate: { refund: { id }, userErrors: [] } } }
    }
    if (query.includes('productVariants(')) {
      const skus = [...String(variables.query).matchAll(/sku:'([^']+)'/g)].map((x) => x[1]!)
      return {
        data: {
          productVariants: {
            nodes: skus
              .filter((s) => this.variants.has(s))
              .map((sku) => {
                const n = this.variants.get(sku)!.split('/').pop()
                return {
                  id: `gid://shopify/ProductVariant/${n}`,
                  sku,
                  product: { id: `gid://shopify/Product/${n}` },
                  inventoryItem: { id: this.variants.get(sku) },
                }
              }),
          },
        },
      }
    }
    if (query.includes('productVariantsBulkUpdate(')) {
      this.record('productVariantsBulkUpdate', variables, query)
      const n = String(variables.productId).split('/').pop()
      const userErrors: { field: string[]; message: string }[] = []
      for (const [i, v] of (variables.variants as { id: string; price?: string }[]).entries()) {
        const sku = [...this.variants].find(
          ([, item]) => item.split('/').pop() === v.id.split('/').pop(),
        )?.[0]
        if (!sku || v.id.split('/').pop() !== n)
          userErrors.push({ field: ['variants', String(i), 'id'], message: 'Product variant does not exist' })
        else if (typeof v.price !== 'string' || !/^\d+(\.\d+)?$/.test(v.price))
          userErrors.push({ field: ['variants', String(i), 'price'], message: 'Price is invalid' })
        else this.prices.set(sku, v.price)
      }
      return {
        data: {
          productVariantsBulkUpdate: {
            productVariants: userErrors.length > 0 ? null : variables.variants,
            userErrors,
          },
        },
      }
    }
    if (query.includes('inventoryLevel(')) {
      return {
        data: {
          nodes: (variables.ids as string[]).map((id) =>
            [...this.variants.values()].includes(id)
              ? {
                  id,
                  // A tracked variant is stocked at the store's location, at 0 until set.
                  inventoryLevel: {
                    quantities: [{ name: 'available', quantity: this.available.get(id) ?? 0 }],
                  },
                }
              : null,
          ),
        },
      }
    }
    if (query.includes('inventorySetQuantities(')) {
      const m = this.record('inventorySetQuantities', variables, query)
      if (!m.idempotencyKey)
        return { errors: [{ message: 'The @idempotent directive is required for this mutation.' }] }
      for (const r of this.racing.splice(0))
        this.available.set(r.inventoryItemId, (this.available.get(r.inventoryItemId) ?? 0) + r.delta)
      const quantities = (variables.input?.quantities ?? []) as {
        inventoryItemId: string
        quantity: number
        changeFromQuantity?: number | null
      }[]
      // 2026-04: every quantity names the level it changes from (null opts out); all or nothing.
      const userErrors = quantities.flatMap((q, i) => {
        if (!('changeFromQuantity' in q))
          return [
            {
              code: 'INVALID_INPUT',
              field: ['input', 'quantities', String(i), 'changeFromQuantity'],
              message: 'changeFromQuantity is required',
            },
          ]
        if (
          q.changeFromQuantity !== null &&
          q.changeFromQuantity !== (this.available.get(q.inventoryItemId) ?? 0)
        )
          return [
            {
              code: 'CHANGE_FROM_QUANTITY_STALE',
              field: ['input', 'quantities', String(i), 'changeFromQuantity'],
              message: 'The specified compare quantity does not match the current quantity.',
            },
          ]
        return []
      })
      if (userErrors.length === 0)
        for (const q of quantities) this.available.set(q.inventoryItemId, q.quantity)
      return {
        data: {
          inventorySetQuantities: {
            inventoryAdjustmentGroup:
              userErrors.length === 0 ? { id: 'gid://shopify/InventoryAdjustmentGroup/1' } : null,
            userErrors,
          },
        },
      }
    }
    return { errors: [{ message: 'unknown operation', extensions: { code: 'UNSUPPORTED' } }] }
  }

  async close(): Promise<void> {
    await this.http.close()
  }
}
