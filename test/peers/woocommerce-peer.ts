import { createHmac, randomUUID } from 'node:crypto'
import type { ServerResponse } from 'node:http'
import { HttpPeer, json, type RecordedRequest } from './http-peer'

export type PeerFailure = { status: number; retryAfter?: string } | { hangMs: number }

export interface PeerWooOrder {
  id: number
  number: string
  status: string
  currency: string
  date_created: string
  date_created_gmt: string
  date_modified: string
  date_modified_gmt: string
  total: string
  shipping_total: string
  customer_id: number
  billing: Record<string, string>
  shipping: Record<string, string>
  line_items: {
    id: number
    name: string
    product_id: number
    variation_id: number
    quantity: number
    subtotal: string
    total: string
    sku: string
    price: number
  }[]
  shipping_lines: { id: number; method_title: string; method_id: string; total: string }[]
  refunds: unknown[]
  meta_data: unknown[]
}

/** `2025-01-15T16:30:05`: WooCommerce writes GMT without a zone, and site-local time beside it. */
const wooGmt = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, '')

/**
 * A WooCommerce shop on 127.0.0.1: REST v3 orders (modified_after, GMT dates, X-WP-TotalPages),
 * order updates, customer notes and refunds, HTTP Basic auth with the consumer key pair, and webhook
 * deliveries with the X-WC-Webhook-* headers, including the unsigned creation ping.
 */
export class WoocommercePeer {
  readonly orders = new Map<number, PeerWooOrder>()
  readonly notes = new Map<number, { id: number; note: string; customer_note: boolean }[]>()
  readonly refunds = new Map<number, { id: number; amount: string; reason: string }[]>()
  /** The catalogue: simple products (parent 0) and variations of a variable product, by id. */
  readonly products = new Map<
    number,
    {
      id: number
      parent_id: number
      sku: string
      manage_stock: boolean
      stock_quantity: number | null
      regular_price: string
    }
  >()
  private failures: PeerFailure[] = []
  private nextId = 727
  private nextProductId = 4100

  private constructor(
    readonly http: HttpPeer,
    readonly consumerKey: string,
    readonly consumerSecret: string,
    readonly webhookSecret: string,
  ) {}

  static async start(): Promise<WoocommercePeer> {
    let peer: WoocommercePeer | undefined
    const http = await HttpPeer.start((req, res) => peer!.handle(req, res))
    peer = new WoocommercePeer(
      http,
      'ck_3f0e1d2c3b4a59687766554433221100',
      'cs_00112233445566778899aabbccddeeff',
      'woo-hook-s3cr3t-&amp;-more',
    )
    return peer
  }

  /** A simple product, or a variation of `parentId` (the variable product is made once). */
  addProduct(sku: string, options: { parentId?: number; stock?: number; price?: string } = {}): number {
    const id = this.nextProductId++
    this.products.set(id, {
      id,
      parent_id: options.parentId ?? 0,
      sku,
      manage_stock: options.stock !== undefined,
      stock_quantity: options.stock ?? null,
      regular_price: options.price ?? '10.00',
    })
    return id
  }

  /** What a product or variation with that sku shows: its stock and price. */
  listing(sku: string) {
    return [...this.products.values()].find((p) => p.sku === sku)
  }

  failNext(count: number, failure: PeerFailure): void {
    for (let i = 0; i < count; i++) this.failures.push(failure)
  }

  createOrder(
    lines: { sku: string; quantity: number; price?: number }[],
    status = 'processing',
  ): PeerWooOrder {
    const id = this.nextId++
    const now = new Date()
    const local = new Date(now.getTime() - 6 * 3600_000) // the shop's site time, UTC−6, with no offset written
    const items = lines.map((l, i) => {
      const price = l.price ?? 15
      return {
        id: id * 10 + i,
        name: `Item ${l.sku}`,
        product_id: 93 + i,
        variation_id: 0,
        quantity: l.quantity,
        subtotal: (price * l.quantity).toFixed(2),
        total: (price * l.quantity).toFixed(2),
        sku: l.sku,
        price,
      }
    })
    const order: PeerWooOrder = {
      id,
      number: String(id),
      status,
      currency: 'NZD',
      date_created: wooGmt(local),
      date_created_gmt: wooGmt(now),
      date_modified: wooGmt(local),
      date_modified_gmt: wooGmt(now),
      total: (items.reduce((n, i) => n + Number(i.total), 0) + 5).toFixed(2),
      shipping_total: '5.00',
      customer_id: 12,
      billing: {
        first_name: 'Aroha',
        last_name: 'Ngata',
        address_1: '12 Cuba St',
        city: 'Wellington',
        state: 'WGN',
        postcode: '6011',
        country: 'NZ',
        email: 'aroha@example.com',
        phone: '044990000',
      },
      shipping: {
        first_name: 'Aroha',
        last_name: 'Ngata',
        address_1: '12 Cuba St',
        address_2: '',
        city: 'Wellington',
        state: 'WGN',
        postcode: '6011',
        country: 'NZ',
        phone: '',
      },
      line_items: items,
      shipping_lines: [{ id: id * 10 + 9, method_title: 'Flat rate', method_id: 'flat_rate', total: '5.00' }],
      refunds: [],
      meta_data: [],
    }
    this.orders.set(id, order)
    return order
  }

  /** WordPress decodes HTML entities in the secret before signing with it. */
  private signingKey(secret: string): string {
    return secret
      .replace(/&amp;/g, '&')
      .replace(/&quot;/g, '"')
      .replace(/&#039;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
  }

  async sendWebhook(
    hubUrl: string,
    instanceId: string,
    topic: string,
    payload: unknown,
    options: { secret?: string } = {},
  ): Promise<{ status: number; body: any }> {
    // A payload given as bytes is sent as it is.
    const body = payload instanceof Uint8Array ? new Uint8Array(payload) : JSON.stringify(payload)
    const signature = createHmac('sha256', this.signingKey(options.secret ?? this.webhookSecret))
      .update(body)
      .digest('base64')
    return this.post(hubUrl, instanceId, body, {
      'content-type': 'application/json',
      'user-agent': 'WooCommerce/9.4 Hookshot (WordPress/6.7)',
      'x-wc-webhook-source': `${this.http.url}/`,
      'x-wc-webhook-topic': topic,
      'x-wc-webhook-resource': topic.split('.')[0]!,
      'x-wc-webhook-event': topic.split('.')[1]!,
      'x-wc-webhook-signature': signature,
      'x-wc-webhook-id': '3',
      'x-wc-webhook-delivery-id': randomUUID().replace(/-/g, ''),
    })
  }

  /** The form-encoded, unsigned ping WooCommerce sends when a webhook is saved. */
  sendPing(hubUrl: string, instanceId: string): Promise<{ status: number; body: any }> {
    return this.post(hubUrl, instanceId, 'webhook_id=3', {
      'content-type': 'application/x-www-form-urlencoded',
    })
  }

  private async post(
    hubUrl: string,
    instanceId: string,
    body: string | Uint8Array<ArrayBuffer>,
    headers: Record<string, string>,
  ) {
    const res = await fetch(`${hubUrl}/webhooks/${instanceId}`, { method: 'POST', headers, body })
    const text = await res.text()
    let parsed: unknown = text
    try {
      parsed = text ? JSON.parse(text) : null
    } catch {}
    return { status: res.status, body: parsed as any }
  }

  private async handle(req: RecordedRequest, res: ServerResponse): Promise<void> {
    const failure = this.failures.shift()
    if (failure && 'hangMs' in failure) {
      await new Promise((r) => setTimeout(r, failure.hangMs))
      if (!res.writableEnded) json(res, 504, { code: 'timeout' })
      return
    }
    if (failure)
      return json(
        res,
        failure.status,
        { code: 'failing_on_demand', message: 'failing on demand' },
        failure.retryAfter ? { 'retry-after': failure.retryAfter } : {},
      )
    const expected = `Basic ${Buffer.from(`${this.consumerKey}:${this.consumerSecret}`).toString('base64')}`
    if (req.headers.authorization !== expected)
      return json(res, 401, {
        code: 'woocommerce_rest_cannot_view',
        message: 'Sorry, you cannot list resources.',
        data: { status: 401 },
      })
    const url = new URL(req.path, 'http://peer')
    const p = url.pathname
    if (req.method === 'GET' && p === '/wp-json/wc/v3/orders') {
      const after = url.searchParams.get('modified_after')
      if (url.searchParams.get('dates_are_gmt') !== 'true')
        return json(res, 400, { code: 'rest_invalid_param', message: 'expected GMT dates' })
      const perPage = Number(url.searchParams.get('per_page') ?? 10)
      const page = Number(url.searchParams.get('page') ?? 1)
      const all = [...this.orders.values()]
        .filter(
          (o) => !after || Date.parse(`${o.date_modified_gmt}Z`) > Date.parse(`${after.replace(/Z$/, '')}Z`),
        )
        .sort((a, b) => a.date_modified_gmt.localeCompare(b.date_modified_gmt))
      const pages = Math.max(1, Math.ceil(all.length / perPage))
      return json(res, 200, all.slice((page - 1) * perPage, page * perPage), {
        'x-wp-total': String(all.length),
        'x-wp-totalpages': String(pages),
      })
    }
    if (req.method === 'GET' && p === '/wp-json/wc/v3/products') return this.listProducts(url, res)
    const batch = /^\/wp-json\/wc\/v3\/products(?:\/(\d+)\/variations)?\/batch$/.exec(p)
    if (batch && req.method === 'POST')
      return this.batchProducts(batch[1] ? Number(batch[1]) : 0, req.body, res)
    const m = /^\/wp-json\/wc\/v3\/orders\/(\d+)(\/notes|\/refunds)?$/.exec(p)
    const order = m ? this.orders.get(Number(m[1])) : undefined
    if (m && !order)
      return json(res, 404, { code: 'woocommerce_rest_shop_order_invalid_id', message: 'Invalid ID.' })
    if (m && order) {
      if (!m[2] && req.method === 'PUT') {
        Object.assign(order, JSON.parse(req.body))
        order.date_modified_gmt = wooGmt(new Date())
        return json(res, 200, order)
      }
      if (m[2] === '/notes') {
        const notes = this.notes.get(order.id) ?? []
        if (req.method === 'GET') return json(res, 200, notes)
        const note = {
          id: 9000 + notes.length,
          ...(JSON.parse(req.body) as { note: string; customer_note: boolean }),
        }
        notes.push(note)
        this.notes.set(order.id, notes)
        return json(res, 201, note)
      }
      if (m[2] === '/refunds') {
        const refunds = this.refunds.get(order.id) ?? []
        if (req.method === 'GET') return json(res, 200, refunds)
        const input = JSON.parse(req.body) as { amount?: string; reason?: string }
        const refund = {
          id: 8000 + refunds.length,
          amount: input.amount ?? '0.00',
          reason: input.reason ?? '',
        }
        refunds.push(refund)
        this.refunds.set(order.id, refunds)
        return json(res, 201, refund)
      }
    }
    return json(res, 404, {
      code: 'rest_no_route',
      message: 'No route was found matching the URL and request method.',
    })
  }

  /**
   * GET /products?sku=a,b: with a sku filter WooCommerce searches variations too (post types product
   * and product_variation), each with its `type` and `parent_id`.
   */
  private listProducts(url: URL, res: ServerResponse): void {
    const skus = (url.searchParams.get('sku') ?? '').split(',').filter(Boolean)
    const perPage = Number(url.searchParams.get('per_page') ?? 10)
    if (perPage > 100) {
      json(res, 400, { code: 'rest_invalid_param', message: 'Invalid parameter(s): per_page' })
      return
    }
    const found = [...this.products.values()]
      .filter((x) => skus.length === 0 || skus.includes(x.sku))
      .slice(0, perPage)
      .map((x) => ({ ...x, type: x.parent_id ? 'variation' : 'simple', stock_status: 'instock' }))
    json(res, 200, found, { 'x-wp-total': String(found.length), 'x-wp-totalpages': '1' })
  }

  /** POST /products/batch and /products/{id}/variations/batch: at most 100 items, each answered alone. */
  private batchProducts(parentId: number, body: string, res: ServerResponse): void {
    const input = JSON.parse(body) as { update?: Record<string, unknown>[] }
    const update = input.update ?? []
    if (update.length > 100) {
      json(res, 413, {
        code: 'woocommerce_rest_request_entity_too_large',
        message: 'Unable to accept more than 100 items for this request.',
      })
      return
    }
    const answered = update.map((item) => {
      const found = this.products.get(Number(item.id))
      if (!found || found.parent_id !== parentId)
        return {
          id: Number(item.id),
          error: {
            code: parentId
              ? 'woocommerce_rest_product_variation_invalid_id'
              : 'woocommerce_rest_product_invalid_id',
            message: 'Invalid ID.',
            data: { status: 400 },
          },
        }
      if (typeof item.manage_stock === 'boolean') found.manage_stock = item.manage_stock
      if (item.stock_quantity !== undefined) found.stock_quantity = Number(item.stock_quantity)
      if (typeof item.regular_price === 'string') found.regular_price = item.regular_price
      return { ...found }
    })
    json(res, 200, { update: answered })
  }

  async close(): Promise<void> {
    await this.http.close()
  }
}
