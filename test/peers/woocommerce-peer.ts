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
  private failures: PeerFailure[] = []
  private nextId = 727

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

  async close(): Promise<void> {
    await this.http.close()
  }
}
