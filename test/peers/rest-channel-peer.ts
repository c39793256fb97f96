import { randomUUID } from 'node:crypto'
import { type OrderStatusUpdate, SIGNATURE_HEADER, signTimestamped } from '@switchyard/plugin-sdk'
import { Webhook } from 'standardwebhooks'
import { HttpPeer } from './http-peer'

function standardSignatureValid(secret: string, body: string, headers: Record<string, string>): boolean {
  try {
    const key = secret.startsWith('whsec_') ? new Webhook(secret) : new Webhook(secret, { format: 'raw' })
    key.verify(body, headers)
    return true
  } catch {
    return false
  }
}

export interface Callback {
  update: OrderStatusUpdate
  idempotencyKey: string
  signatureValid: boolean
}

/**
 * A storefront / B2B portal speaking the rest-channel protocol: it posts signed orders to the hub
 * and records the signed status callbacks it receives.
 */
export class RestChannelPeer {
  private constructor(
    readonly http: HttpPeer,
    readonly secret: string,
  ) {}

  static async start(secret: string): Promise<RestChannelPeer> {
    const http = await HttpPeer.start((_req, res) => {
      res.statusCode = 204
      res.end()
    })
    return new RestChannelPeer(http, secret)
  }

  get callbackUrl(): string {
    return `${this.http.url}/switchyard/callback`
  }

  callbacks(): Callback[] {
    return this.http.requests
      .filter((r) => r.path === '/switchyard/callback')
      .map((r) => ({
        update: JSON.parse(r.body) as OrderStatusUpdate,
        idempotencyKey: r.headers['idempotency-key'] ?? '',
        // Checked with the reference Standard Webhooks library, as a partner would.
        signatureValid: standardSignatureValid(this.secret, r.body, r.headers),
      }))
  }

  /** Posts an order (an object, or raw text or bytes to send as they are). */
  async postOrder(
    hubUrl: string,
    instanceId: string,
    body: unknown,
    options: {
      signature?: 'valid' | 'wrong-secret' | 'none' | 'stale'
      deliveryId?: string
      path?: string
      /** More headers to send (e.g. `traceparent`). */
      headers?: Record<string, string>
    } = {},
  ): Promise<{ status: number; body: Record<string, unknown>; contentType: string }> {
    const raw =
      body instanceof Uint8Array ? Buffer.from(body) : typeof body === 'string' ? body : JSON.stringify(body)
    const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers }
    const mode = options.signature ?? 'valid'
    if (mode === 'valid') headers[SIGNATURE_HEADER] = signTimestamped(this.secret, raw)
    if (mode === 'wrong-secret') headers[SIGNATURE_HEADER] = signTimestamped(`${this.secret}-wrong`, raw)
    if (mode === 'stale')
      headers[SIGNATURE_HEADER] = signTimestamped(this.secret, raw, Math.floor(Date.now() / 1000) - 3600)
    if (options.deliveryId) headers['x-switchyard-delivery'] = options.deliveryId
    const res = await fetch(`${hubUrl}/webhooks/${instanceId}${options.path ?? '/orders'}`, {
      method: 'POST',
      headers,
      body: raw,
    })
    const text = await res.text()
    return {
      status: res.status,
      body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
      contentType: res.headers.get('content-type') ?? '',
    }
  }

  async close(): Promise<void> {
    await this.http.close()
  }
}

export function sampleOrder(
  overrides: Record<string, unknown> = {},
  lines?: { sku: string; quantity: number }[],
) {
  return {
    externalId: `ORD-${randomUUID().slice(0, 8)}`,
    currency: 'NZD',
    customer: { email: 'kiri@example.nz', name: 'Kiri Tane' },
    shipTo: {
      name: 'Kiri Tane',
      line1: '12 Cuba Street',
      city: 'Wellington',
      postcode: '6011',
      country: 'NZ',
      lat: -41.2924,
      lon: 174.7787,
    },
    serviceLevel: 'standard',
    lines: (lines ?? [{ sku: 'SKU-A', quantity: 1 }]).map((l, i) => ({
      externalLineId: `L${i + 1}`,
      unitPrice: '10.00',
      ...l,
    })),
    ...overrides,
  }
}
