import { randomUUID } from 'node:crypto'
import type { ServerResponse } from 'node:http'
import { type FulfilmentRequest, SIGNATURE_HEADER, signTimestamped } from '@switchyard/plugin-sdk'
import { HttpPeer, json, type RecordedRequest } from './http-peer'

export interface ReceivedFulfilment {
  request: FulfilmentRequest
  idempotencyKey: string
  authorization: string
}

type Failure = { status: number; retryAfter?: string } | { hangMs: number }

/**
 * A warehouse speaking the rest-wms protocol: it takes fulfilment requests (idempotent on the
 * Idempotency-Key, like a real WMS), can fail or hang on demand, and posts signed shipment
 * confirmations back to the hub.
 */
export class RestWmsPeer {
  private failures: Failure[] = []
  private readonly refs = new Map<string, string>()

  private constructor(
    readonly http: HttpPeer,
    readonly apiKey: string,
    readonly webhookSecret: string,
  ) {}

  static async start(apiKey: string, webhookSecret: string): Promise<RestWmsPeer> {
    let peer: RestWmsPeer | undefined
    const http = await HttpPeer.start((req, res) => peer!.handle(req, res))
    peer = new RestWmsPeer(http, apiKey, webhookSecret)
    return peer
  }

  private outage: { until: number; failure: Failure } | undefined

  /** The next `count` calls fail this way, then the peer recovers. */
  failNext(count: number, failure: Failure): void {
    for (let i = 0; i < count; i++) this.failures.push(failure)
  }

  /** Every call fails this way until `ms` from now (or until `recover()`). */
  failFor(ms: number, failure: Failure): void {
    this.outage = { until: Date.now() + ms, failure }
  }

  recover(): void {
    this.outage = undefined
    this.failures = []
  }

  /** Calls answered with a failure so far. */
  failed = 0

  private async handle(req: RecordedRequest, res: ServerResponse): Promise<void> {
    const failure =
      this.outage && Date.now() < this.outage.until ? this.outage.failure : this.failures.shift()
    if (failure) this.failed++
    if (failure && 'hangMs' in failure) {
      await new Promise((r) => setTimeout(r, failure.hangMs))
      if (!res.writableEnded) json(res, 504, { error: 'hung' })
      return
    }
    if (failure)
      return json(
        res,
        failure.status,
        { error: 'failing on demand' },
        failure.retryAfter ? { 'retry-after': failure.retryAfter } : {},
      )
    if (req.headers.authorization !== `Bearer ${this.apiKey}`) return json(res, 401, { error: 'bad api key' })
    if (req.method === 'POST' && req.path === '/fulfilment-orders') {
      const key = req.headers['idempotency-key'] ?? ''
      let ref = this.refs.get(key)
      if (!ref) {
        ref = `WMS-${this.refs.size + 1}`
        this.refs.set(key, ref)
      }
      this.accepted.add(req)
      return json(res, 201, { id: ref })
    }
    const cancel = /^\/fulfilment-orders\/([^/]+)\/cancel$/.exec(req.path)
    if (req.method === 'POST' && cancel) {
      const ref = decodeURIComponent(cancel[1]!)
      const fulfilmentId = (JSON.parse(req.body || '{}') as { fulfilmentId?: string }).fulfilmentId ?? ''
      this.cancelRequests.push({ ref, fulfilmentId, idempotencyKey: req.headers['idempotency-key'] ?? '' })
      if (this.shippedIds.has(fulfilmentId))
        return json(res, 409, { error: 'already_shipped', reason: 'already shipped' })
      return json(res, 200, { cancelled: true })
    }
    return json(res, 404, { error: 'not found' })
  }

  /** Cancel requests received (ref is the WMS's own id for the fulfilment). */
  readonly cancelRequests: { ref: string; fulfilmentId: string; idempotencyKey: string }[] = []
  private readonly shippedIds = new Set<string>()

  /** The warehouse has shipped this fulfilment: a cancel request for it is refused with 409. */
  markShipped(fulfilmentId: string): void {
    this.shippedIds.add(fulfilmentId)
  }

  private readonly accepted = new Set<RecordedRequest>()

  /** Fulfilment requests the warehouse accepted (failed attempts excluded). */
  fulfilments(): ReceivedFulfilment[] {
    return this.http.requests
      .filter((r) => this.accepted.has(r))
      .map((r) => ({
        request: JSON.parse(r.body) as FulfilmentRequest,
        idempotencyKey: r.headers['idempotency-key'] ?? '',
        authorization: r.headers.authorization ?? '',
      }))
  }

  async ship(
    hubUrl: string,
    instanceId: string,
    fulfilmentId: string,
    tracking: { carrier: string; trackingNumber: string; trackingUrl?: string },
    options: { secret?: string; deliveryId?: string } = {},
  ): Promise<{ status: number; body: Record<string, unknown> }> {
    this.shippedIds.add(fulfilmentId)
    const body = JSON.stringify({ fulfilmentId, ...tracking, shippedAt: new Date().toISOString() })
    const res = await fetch(`${hubUrl}/webhooks/${instanceId}/shipments`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-switchyard-delivery': options.deliveryId ?? randomUUID(),
        [SIGNATURE_HEADER]: signTimestamped(options.secret ?? this.webhookSecret, body),
      },
      body,
    })
    const text = await res.text()
    return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} }
  }

  /** A store picked a pick request (click and collect): the order is at its counter. */
  picked(hubUrl: string, instanceId: string, fulfilmentId: string) {
    return this.report(hubUrl, instanceId, '/picked', { fulfilmentId })
  }

  /** A ship-to-store transfer arrived at the store (`/arrived`, the transfer's fulfilment id). */
  arrived(hubUrl: string, instanceId: string, fulfilmentId: string) {
    return this.report(hubUrl, instanceId, '/arrived', { fulfilmentId })
  }

  /** What the warehouse (or a drop-ship supplier) holds (`/inventory`). */
  inventory(
    hubUrl: string,
    instanceId: string,
    snapshots: { locationId: string; sku: string; onHand: number; asOf: string }[],
  ) {
    return this.report(hubUrl, instanceId, '/inventory', { snapshots })
  }

  /** The warehouse cannot fulfil it (`/rejections`). */
  reject(hubUrl: string, instanceId: string, fulfilmentId: string, reason: string) {
    return this.report(hubUrl, instanceId, '/rejections', { fulfilmentId, reason })
  }

  /** A signed webhook to the hub, as the rest-wms protocol sends one. */
  private async report(
    hubUrl: string,
    instanceId: string,
    path: string,
    payload: Record<string, unknown>,
  ): Promise<{ status: number; body: Record<string, unknown> }> {
    const body = JSON.stringify(payload)
    const res = await fetch(`${hubUrl}/webhooks/${instanceId}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-switchyard-delivery': randomUUID(),
        [SIGNATURE_HEADER]: signTimestamped(this.webhookSecret, body),
      },
      body,
    })
    const text = await res.text()
    return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} }
  }

  async close(): Promise<void> {
    await this.http.close()
  }
}
