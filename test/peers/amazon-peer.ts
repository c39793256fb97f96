import { randomBytes } from 'node:crypto'
import type { ServerResponse } from 'node:http'
import { HttpPeer, json, type RecordedRequest } from './http-peer'

export type PeerFailure =
  | { status: number; retryAfter?: string; path?: RegExp }
  | { hangMs: number; path?: RegExp }

export interface PeerAmazonOrder {
  orderId: string
  createdTime: string
  lastUpdatedTime: string
  salesChannel: { channelName: string; marketplaceId: string; marketplaceName: string }
  buyer: { buyerName: string; buyerEmail: string }
  recipient: { deliveryAddress: Record<string, string> }
  proceeds: { grandTotal: { amount: string; currencyCode: string } }
  fulfillment: {
    fulfillmentStatus: string
    fulfilledBy: 'MERCHANT' | 'AMAZON'
    fulfillmentServiceLevel: string
  }
  orderItems: {
    orderItemId: string
    quantityOrdered: number
    product: {
      asin: string
      title: string
      sellerSku: string
      price: { unitPrice: { amount: string; currencyCode: string } }
    }
  }[]
}

export interface ShipmentConfirmationCall {
  orderId: string
  body: {
    marketplaceId: string
    packageDetail: {
      packageReferenceId: string
      carrierCode: string
      carrierName?: string
      trackingNumber: string
      shipDate: string
      orderItems: { orderItemId: string; quantity: number }[]
    }
  }
}

const digits = (n: number) => Array.from(randomBytes(n), (b) => String(b % 10)).join('')

/**
 * Amazon's Selling Partner API on 127.0.0.1: Login with Amazon tokens (refresh_token grant, tokens
 * that expire or are revoked on demand), searchOrders on Orders API 2026-01-01, confirmShipment
 * (v0, 204), the Feeds API with a pre-signed upload URL, and patchListingsItem (Listings Items API
 * 2021-08-01) for quantities and prices, each answer stating its usage plan. Every call is recorded.
 */
export class AmazonPeer {
  readonly orders = new Map<string, PeerAmazonOrder>()
  /**
   * The seller's listings by seller sku: the seller-fulfilled quantity and the offer price, as the
   * Listings Items API keeps them. A sku not here has no listing (404).
   */
  readonly listings = new Map<
    string,
    { quantity: number | null; price: number | null; currency: string | null }
  >()
  readonly confirmations: ShipmentConfirmationCall[] = []
  readonly feeds: { feedId: string; feedType: string; marketplaceIds: string[]; content: string }[] = []
  readonly validTokens = new Set<string>()
  /**
   * The usage plan this simulated seller has, in calls a second, stated in `x-amzn-RateLimit-Limit`
   * on every SP-API answer: generous, so the tests' polls every few hundred ms stay within it.
   */
  usagePlanRate = '100.0'
  tokenCalls = 0
  private readonly documents = new Map<string, string>()
  private failures: PeerFailure[] = []

  private constructor(
    readonly http: HttpPeer,
    readonly clientId: string,
    readonly clientSecret: string,
    readonly refreshToken: string,
    readonly marketplaceId: string,
  ) {}

  static async start(): Promise<AmazonPeer> {
    let peer: AmazonPeer | undefined
    const http = await HttpPeer.start((req, res) => peer!.handle(req, res))
    peer = new AmazonPeer(
      http,
      'amzn1.application-oa2-client.0123456789abcdef',
      'amzn1.oa2-cs.v1.0123456789abcdef0123456789abcdef',
      `Atzr|IwEBI${digits(24)}`,
      'ATVPDKIKX0DER',
    )
    return peer
  }

  failNext(count: number, failure: PeerFailure): void {
    for (let i = 0; i < count; i++) this.failures.push(failure)
  }

  /** Every access token issued so far stops working, as after an hour or a revocation. */
  revokeTokens(): void {
    this.validTokens.clear()
  }

  createOrder(
    lines: { sku: string; quantity: number; price?: string }[],
    status = 'UNSHIPPED',
  ): PeerAmazonOrder {
    const now = new Date().toISOString()
    const order: PeerAmazonOrder = {
      orderId: `902-${digits(7)}-${digits(7)}`,
      createdTime: now,
      lastUpdatedTime: now,
      salesChannel: {
        channelName: 'Amazon.com',
        marketplaceId: this.marketplaceId,
        marketplaceName: 'Amazon.com',
      },
      buyer: { buyerName: 'Mere Tane', buyerEmail: `${digits(8)}@marketplace.amazon.com` },
      recipient: {
        deliveryAddress: {
          name: 'Mere Tane',
          addressLine1: '5 Colombo St',
          city: 'Christchurch',
          stateOrRegion: 'Canterbury',
          postalCode: '8011',
          countryCode: 'NZ',
          addressType: 'RESIDENTIAL',
        },
      },
      proceeds: { grandTotal: { amount: '0.00', currencyCode: 'NZD' } },
      fulfillment: {
        fulfillmentStatus: status,
        fulfilledBy: 'MERCHANT',
        fulfillmentServiceLevel: 'Standard',
      },
      orderItems: lines.map((l) => ({
        orderItemId: digits(14),
        quantityOrdered: l.quantity,
        product: {
          asin: `B0${digits(8)}`,
          title: `Item ${l.sku}`,
          sellerSku: l.sku,
          price: { unitPrice: { amount: l.price ?? '10.00', currencyCode: 'NZD' } },
        },
      })),
    }
    order.proceeds.grandTotal.amount = lines
      .reduce((n, l) => n + Number(l.price ?? '10.00') * l.quantity, 0)
      .toFixed(2)
    this.orders.set(order.orderId, order)
    return order
  }

  private async handle(req: RecordedRequest, res: ServerResponse): Promise<void> {
    const url = new URL(req.path, 'http://peer')
    const index = this.failures.findIndex((f) => !f.path || f.path.test(url.pathname))
    const failure = index >= 0 ? this.failures.splice(index, 1)[0] : undefined
    if (failure && 'hangMs' in failure) {
      await new Promise((r) => setTimeout(r, failure.hangMs))
      if (!res.writableEnded) json(res, 503, { errors: [{ code: 'ServiceUnavailable', message: 'hung' }] })
      return
    }
    if (failure)
      return json(
        res,
        failure.status,
        {
          errors: [
            {
              code: failure.status === 429 ? 'QuotaExceeded' : 'InternalFailure',
              message: 'failing on demand',
            },
          ],
        },
        {
          'x-amzn-ratelimit-limit': '2.0',
          ...(failure.retryAfter ? { 'retry-after': failure.retryAfter } : {}),
        },
      )
    if (req.method === 'POST' && url.pathname === '/auth/o2/token') return this.token(req, res)
    if (req.method === 'PUT' && url.pathname.startsWith('/feed-upload/')) {
      // A pre-signed URL: S3 checks the signature in the URL, not an SP-API token.
      this.documents.set(url.pathname.slice('/feed-upload/'.length), req.body)
      res.writeHead(200)
      return void res.end()
    }
    // SP-API states the rate it grants this seller and application on each answer.
    res.setHeader('x-amzn-ratelimit-limit', this.usagePlanRate)
    if (!this.validTokens.has(req.headers['x-amz-access-token'] ?? ''))
      return json(res, 403, {
        errors: [
          {
            code: 'Unauthorized',
            message: 'Access to requested resource is denied.',
            details: 'The access token you provided has expired.',
          },
        ],
      })
    if (req.method === 'GET' && url.pathname === '/orders/2026-01-01/orders') return this.search(url, res)
    const confirm = /^\/orders\/v0\/orders\/([^/]+)\/shipmentConfirmation$/.exec(url.pathname)
    if (req.method === 'POST' && confirm) {
      const body = JSON.parse(req.body) as ShipmentConfirmationCall['body']
      const p = body.packageDetail
      const missing = [
        'packageReferenceId',
        'carrierCode',
        'trackingNumber',
        'shipDate',
        'orderItems',
      ].filter((k) => !(p as Record<string, unknown>)?.[k])
      if (!body.marketplaceId) missing.push('marketplaceId')
      if (p?.carrierCode === 'Other' && !p.carrierName) missing.push('carrierName')
      if (missing.length > 0)
        return json(res, 400, {
          errors: [{ code: 'InvalidInput', message: `missing ${missing.join(', ')}` }],
        })
      const order = this.orders.get(decodeURIComponent(confirm[1]!))
      if (!order) return json(res, 404, { errors: [{ code: 'NotFound', message: 'order not found' }] })
      for (const item of p.orderItems)
        if (!order.orderItems.some((o) => o.orderItemId === item.orderItemId))
          return json(res, 400, {
            errors: [{ code: 'InvalidInput', message: `unknown orderItemId ${item.orderItemId}` }],
          })
      this.confirmations.push({ orderId: order.orderId, body })
      order.fulfillment.fulfillmentStatus = 'SHIPPED'
      order.lastUpdatedTime = new Date().toISOString()
      res.writeHead(204)
      return void res.end()
    }
    const listing = /^\/listings\/2021-08-01\/items\/([^/]+)\/([^/]+)$/.exec(url.pathname)
    if (req.method === 'PATCH' && listing)
      return this.patchListing(decodeURIComponent(listing[2]!), url, req.body, res)
    if (req.method === 'POST' && url.pathname === '/feeds/2021-06-30/documents') {
      const id = `amzn1.tortuga.4.na.${digits(12)}`
      return json(res, 201, { feedDocumentId: id, url: `${this.http.url}/feed-upload/${id}` })
    }
    if (req.method === 'POST' && url.pathname === '/feeds/2021-06-30/feeds') {
      const body = JSON.parse(req.body) as {
        feedType: string
        marketplaceIds: string[]
        inputFeedDocumentId: string
      }
      const content = this.documents.get(body.inputFeedDocumentId)
      if (content === undefined)
        return json(res, 400, { errors: [{ code: 'InvalidInput', message: 'document not uploaded' }] })
      const feedId = digits(11)
      this.feeds.push({ feedId, feedType: body.feedType, marketplaceIds: body.marketplaceIds, content })
      return json(res, 202, { feedId })
    }
    return json(res, 404, { errors: [{ code: 'NotFound', message: 'Resource not found' }] })
  }

  /**
   * patchListingsItem: `productType` and `patches` are required; `merge` on fulfillment_availability
   * needs the selector `fulfillment_channel_code`; purchasable_offer names its marketplace and
   * currency. Answers ACCEPTED with a submission id, or INVALID with issues.
   */
  private patchListing(sku: string, url: URL, body: string, res: ServerResponse): void {
    if (url.searchParams.get('marketplaceIds') !== this.marketplaceId) {
      json(res, 400, { errors: [{ code: 'InvalidInput', message: 'marketplaceIds is required' }] })
      return
    }
    const current = this.listings.get(sku)
    if (!current) {
      json(res, 404, { errors: [{ code: 'NOT_FOUND', message: `SKU '${sku}' not found in marketplace` }] })
      return
    }
    const input = JSON.parse(body) as {
      productType?: string
      patches?: { op: string; path: string; value: any[] }[]
    }
    const issues: { code: string; message: string; severity: string; attributeNames: string[] }[] = []
    const invalid = (attribute: string, message: string) =>
      issues.push({ code: '90220', message, severity: 'ERROR', attributeNames: [attribute] })
    if (!input.productType || !Array.isArray(input.patches) || input.patches.length === 0)
      invalid('productType', 'productType and patches are required')
    const next = { ...current }
    for (const patch of input.patches ?? []) {
      const value = patch.value?.[0]
      if (patch.path === '/attributes/fulfillment_availability' && ['merge', 'replace'].includes(patch.op)) {
        if (value?.fulfillment_channel_code !== 'DEFAULT')
          invalid('fulfillment_availability', 'fulfillment_channel_code is required')
        else if (!Number.isInteger(value.quantity) || value.quantity < 0)
          invalid('fulfillment_availability', "'quantity' must be a whole number of at least 0")
        else next.quantity = value.quantity
      } else if (patch.path === '/attributes/purchasable_offer' && patch.op === 'replace') {
        const price = value?.our_price?.[0]?.schedule?.[0]?.value_with_tax
        if (value?.marketplace_id !== this.marketplaceId || typeof value?.currency !== 'string')
          invalid('purchasable_offer', 'marketplace_id and currency are required')
        else if (typeof price !== 'number' || !(price > 0))
          invalid('purchasable_offer', "'our_price' must be above 0")
        else {
          next.price = price
          next.currency = value.currency
        }
      } else invalid(patch.path, `unsupported patch ${patch.op} ${patch.path}`)
    }
    if (issues.length > 0) {
      json(res, 200, { sku, status: 'INVALID', submissionId: digits(12), issues })
      return
    }
    this.listings.set(sku, next)
    json(res, 200, { sku, status: 'ACCEPTED', submissionId: digits(12), issues: [] })
  }

  private token(req: RecordedRequest, res: ServerResponse) {
    this.tokenCalls++
    const form = new URLSearchParams(req.body)
    if (
      form.get('grant_type') !== 'refresh_token' ||
      form.get('client_id') !== this.clientId ||
      form.get('client_secret') !== this.clientSecret
    )
      return json(res, 401, { error: 'invalid_client', error_description: 'Client authentication failed' })
    if (form.get('refresh_token') !== this.refreshToken)
      return json(res, 400, {
        error: 'invalid_grant',
        error_description: 'The request has an invalid grant parameter : refresh_token',
      })
    const token = `Atza|${randomBytes(24).toString('base64url')}`
    this.validTokens.add(token)
    return json(res, 200, {
      access_token: token,
      refresh_token: this.refreshToken,
      token_type: 'bearer',
      expires_in: 3600,
    })
  }

  private search(url: URL, res: ServerResponse) {
    if (url.searchParams.get('marketplaceIds') !== this.marketplaceId)
      return json(res, 400, { errors: [{ code: 'InvalidInput', message: 'marketplaceIds is required' }] })
    const size = Number(url.searchParams.get('maxResultsPerPage') ?? 100)
    const token = url.searchParams.get('paginationToken')
    let offset = 0
    let after = url.searchParams.get('lastUpdatedAfter')
    if (token) {
      const t = JSON.parse(Buffer.from(token, 'base64url').toString()) as { offset: number; after: string }
      offset = t.offset
      after = t.after
    }
    if (!after)
      return json(res, 400, {
        errors: [{ code: 'InvalidInput', message: 'lastUpdatedAfter or createdAfter is required' }],
      })
    const all = [...this.orders.values()]
      .filter((o) => Date.parse(o.lastUpdatedTime) >= Date.parse(after!))
      .sort((a, b) => a.lastUpdatedTime.localeCompare(b.lastUpdatedTime))
    const page = all.slice(offset, offset + size)
    const nextToken =
      offset + size < all.length
        ? Buffer.from(JSON.stringify({ offset: offset + size, after })).toString('base64url')
        : undefined
    return json(res, 200, { orders: page, pagination: nextToken ? { nextToken } : {} })
  }

  async close(): Promise<void> {
    await this.http.close()
  }
}
