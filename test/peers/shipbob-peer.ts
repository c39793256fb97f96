import { createHmac, randomUUID } from 'node:crypto'
import type { ServerResponse } from 'node:http'
import { HttpPeer, json, type RecordedRequest } from './http-peer'

export type PeerFailure = { status: number; retryAfter?: string } | { hangMs: number }

interface PeerOrder {
  id: number
  reference_id: string
  order_number: string
  status: string
  shipping_method: string
  recipient: unknown
  products: { reference_id: string; name: string; quantity: number }[]
  /** The fulfillment centre asked for; ShipBob chooses when it is absent. */
  location_id?: number | null
  tags?: { name: string; value?: string }[]
  channel: { id: number; name: string }
  shipments: unknown[]
  cancelled: boolean
  /** ShipBob's `last_update_at`: what `LastUpdateStartDate` filters on. */
  last_update_at: string
}

/** A ShipBob shipment status detail, as its status reference lists them. */
export interface StatusDetail {
  id: number
  name: string
  description: string
}

export interface ShipbobWebhookOptions {
  /** Sign with this secret instead of the subscription's (a forged delivery). */
  secret?: string
  webhookId?: string
  timestampSec?: number
}

/**
 * A ShipBob stand-in on 127.0.0.1 speaking the 2026-01 REST shapes: orders keyed by reference_id
 * (a second create is 422, as ShipBob does), cancel, inventory levels by location, and Standard
 * Webhooks deliveries to the hub. It records every call and fails on demand.
 */
export class ShipbobPeer {
  readonly orders = new Map<number, PeerOrder>()
  inventory: {
    inventory_id: number
    sku: string
    name: string
    locations: {
      location_id: number
      location_name: string
      on_hand_quantity: number
      fulfillable_quantity: number
    }[]
  }[] = []
  private failures: PeerFailure[] = []
  private nextId = 100000001
  /** Creates that succeed but whose answer is lost (the connection drops): the caller must not duplicate. */
  loseCreateAnswers = 0

  private constructor(
    readonly http: HttpPeer,
    readonly apiToken: string,
    readonly channelId: string,
    readonly webhookSecret: string,
  ) {}

  static async start(
    options: { apiToken?: string; channelId?: string; webhookSecret?: string } = {},
  ): Promise<ShipbobPeer> {
    let peer: ShipbobPeer | undefined
    const http = await HttpPeer.start((req, res) => peer!.handle(req, res))
    peer = new ShipbobPeer(
      http,
      options.apiToken ?? 'sb-pat-0123456789abcdef',
      options.channelId ?? '12345',
      options.webhookSecret ?? `whsec_${Buffer.from('shipbob-webhook-signing-key-32b!').toString('base64')}`,
    )
    return peer
  }

  /** The API root the plugin's `baseUrl` points at. */
  get baseUrl(): string {
    return `${this.http.url}/2026-01`
  }

  failNext(count: number, failure: PeerFailure): void {
    for (let i = 0; i < count; i++) this.failures.push(failure)
  }

  private async handle(req: RecordedRequest, res: ServerResponse): Promise<void> {
    const failure = this.failures.shift()
    if (failure && 'hangMs' in failure) {
      await new Promise((r) => setTimeout(r, failure.hangMs))
      if (!res.writableEnded) json(res, 504, { title: 'Gateway Timeout' })
      return
    }
    if (failure)
      return json(
        res,
        failure.status,
        { title: 'failing on demand' },
        failure.retryAfter ? { 'retry-after': failure.retryAfter } : {},
      )
    if (req.headers.authorization !== `Bearer ${this.apiToken}`)
      return json(res, 401, { title: 'Unauthorized', detail: 'invalid token' })
    const url = new URL(req.path, 'http://peer')
    const path = url.pathname.replace(/^\/2026-01/, '')
    if (req.method === 'POST' && path === '/order') {
      if (req.headers.shipbob_channel_id !== this.channelId)
        return json(res, 400, { title: 'shipbob_channel_id header is required' })
      const body = JSON.parse(req.body) as Omit<
        PeerOrder,
        'id' | 'status' | 'shipments' | 'cancelled' | 'channel' | 'last_update_at'
      >
      if ([...this.orders.values()].some((o) => o.reference_id === body.reference_id))
        return json(res, 422, {
          title: 'Duplicate reference ID',
          detail: `reference_id ${body.reference_id} exists`,
        })
      const order: PeerOrder = {
        ...body,
        id: this.nextId++,
        status: 'Processing',
        channel: { id: Number(this.channelId), name: 'Switchyard' },
        // One shipment from the start, as ShipBob makes it when it takes the order.
        shipments: [{ id: this.nextId + 200000000, status: 'Processing', status_details: [] }],
        cancelled: false,
        last_update_at: new Date().toISOString(),
      }
      this.orders.set(order.id, order)
      if (this.loseCreateAnswers > 0) {
        this.loseCreateAnswers--
        res.socket?.destroy()
        return
      }
      return json(res, 201, order)
    }
    if (req.method === 'GET' && path === '/order') {
      const since = url.searchParams.get('LastUpdateStartDate')
      if (since !== null) {
        // Orders updated since, oldest first, paged (Page from 1, Limit).
        const limit = Number(url.searchParams.get('Limit') ?? 50)
        const page = Number(url.searchParams.get('Page') ?? 1)
        const updated = [...this.orders.values()]
          .filter((o) => Date.parse(o.last_update_at) >= Date.parse(since))
          .sort((a, b) => Date.parse(a.last_update_at) - Date.parse(b.last_update_at))
        return json(res, 200, updated.slice((page - 1) * limit, page * limit))
      }
      const refs = (url.searchParams.get('ReferenceIds') ?? '').split(',').filter(Boolean)
      return json(
        res,
        200,
        [...this.orders.values()].filter((o) => refs.includes(o.reference_id)),
      )
    }
    const cancel = /^\/order\/(\d+):cancel$/.exec(path)
    if (req.method === 'POST' && cancel) {
      const order = this.orders.get(Number(cancel[1]))
      if (!order) return json(res, 404, { title: 'Not Found' })
      order.cancelled = true
      order.status = 'Cancelled'
      order.last_update_at = new Date().toISOString()
      return json(res, 200, {
        order: { id: order.id, reference_id: order.reference_id, status: 'Cancelled' },
        canceled_shipment_results: [],
      })
    }
    if (req.method === 'GET' && path === '/inventory-level/locations') {
      const search = url.searchParams.get('SearchBy')
      const items = this.inventory.filter((i) => !search || i.sku === search)
      return json(res, 200, { items, next: null, first: null, last: null, prev: null })
    }
    return json(res, 404, { title: 'Not Found' })
  }

  /** Orders the warehouse accepted (refused duplicates and failed attempts excluded). */
  accepted(): PeerOrder[] {
    return [...this.orders.values()]
  }

  /** Create calls that reached the peer, including refused duplicates. */
  createCalls(): RecordedRequest[] {
    return this.http.requests.filter((r) => r.method === 'POST' && r.path === '/2026-01/order')
  }

  byReference(referenceId: string): PeerOrder | undefined {
    return [...this.orders.values()].find((o) => o.reference_id === referenceId)
  }

  sign(id: string, timestampSec: number, body: string, secret = this.webhookSecret): string {
    const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64')
    return `v1,${createHmac('sha256', key).update(`${id}.${timestampSec}.${body}`).digest('base64')}`
  }

  /** Delivers one webhook to the hub, signed the Standard Webhooks way. */
  async sendWebhook(
    hubUrl: string,
    instanceId: string,
    topic: string,
    payload: unknown,
    options: ShipbobWebhookOptions = {},
  ): Promise<{ status: number; body: any }> {
    const body = JSON.stringify(payload)
    const id = options.webhookId ?? `msg_${randomUUID().replace(/-/g, '')}`
    const ts = options.timestampSec ?? Math.floor(Date.now() / 1000)
    const res = await fetch(`${hubUrl}/webhooks/${instanceId}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'webhook-id': id,
        'webhook-timestamp': String(ts),
        'webhook-signature': this.sign(id, ts, body, options.secret),
        'x-webhook-topic': topic,
      },
      body,
    })
    const text = await res.text()
    return { status: res.status, body: text ? JSON.parse(text) : null }
  }

  /** Ships one order in full with one parcel and tells the hub (`order.shipped`). */
  async ship(
    hubUrl: string,
    instanceId: string,
    referenceId: string,
    tracking: { carrier: string; trackingNumber: string; trackingUrl?: string },
    options: ShipbobWebhookOptions = {},
  ): Promise<{ status: number; body: any }> {
    const order = this.byReference(referenceId)
    if (!order) throw new Error(`the ShipBob peer has no order ${referenceId}`)
    const shipment = {
      id: order.id + 100000000,
      status: 'Completed',
      location: { id: 7, name: 'Cicero (IL)' },
      actual_fulfillment_date: new Date().toISOString(),
      tracking: {
        carrier: tracking.carrier,
        carrier_service: 'Ground',
        tracking_number: tracking.trackingNumber,
        tracking_url: tracking.trackingUrl ?? `https://track.example.com/${tracking.trackingNumber}`,
      },
      products: order.products.map((p) => ({
        reference_id: p.reference_id,
        sku: p.reference_id,
        inventory_items: [{ quantity: p.quantity }],
      })),
    }
    order.status = 'Fulfilled'
    order.shipments = [shipment]
    order.last_update_at = new Date().toISOString()
    return this.sendWebhook(
      hubUrl,
      instanceId,
      'order.shipped',
      {
        id: order.id,
        reference_id: order.reference_id,
        order_number: order.order_number,
        status: 'Fulfilled',
        channel: { id: Number(this.channelId), name: 'Switchyard' },
        shipments: [shipment],
      },
      options,
    )
  }

  /**
   * Puts an order's shipment on hold (ShipBob's `OnHold`, with its status details) and tells the hub
   * with `order.shipment.on_hold`, whose payload is the shipment.
   */
  async hold(
    hubUrl: string,
    instanceId: string,
    referenceId: string,
    details: StatusDetail[],
  ): Promise<{ status: number; body: any }> {
    const order = this.byReference(referenceId)
    if (!order) throw new Error(`the ShipBob peer has no order ${referenceId}`)
    const shipment = order.shipments[0] as { id: number; status: string; status_details: StatusDetail[] }
    shipment.status = 'OnHold'
    shipment.status_details = details
    order.last_update_at = new Date().toISOString()
    return this.sendWebhook(hubUrl, instanceId, 'order.shipment.on_hold', {
      ...shipment,
      order_id: order.id,
      reference_id: order.reference_id,
      location: { id: order.location_id ?? 7, name: 'Cicero (IL)' },
      products: order.products,
    })
  }

  /**
   * A person fixed what held the shipment (the address, the customs data): it goes back to
   * `Processing`. ShipBob sends no webhook for that; only the order's update time says so.
   */
  releaseHold(referenceId: string): void {
    const order = this.byReference(referenceId)
    if (!order) throw new Error(`the ShipBob peer has no order ${referenceId}`)
    const shipment = order.shipments[0] as { status: string; status_details: StatusDetail[] }
    shipment.status = 'Processing'
    shipment.status_details = []
    order.last_update_at = new Date().toISOString()
  }

  async close(): Promise<void> {
    await this.http.close()
  }
}
