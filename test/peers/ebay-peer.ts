import { generateKeyPairSync, randomBytes, randomUUID, sign } from 'node:crypto'
import type { ServerResponse } from 'node:http'
import { EbaySignatureCheck } from './ebay-signatures'
import { HttpPeer, json, type RecordedRequest } from './http-peer'

export type PeerFailure =
  | { status: number; retryAfter?: string; path?: RegExp }
  | { hangMs: number; path?: RegExp }

interface Amount {
  value: string
  currency: string
}

export interface PeerEbayLineItem {
  lineItemId: string
  legacyItemId: string
  sku?: string
  title: string
  quantity: number
  lineItemCost: Amount
  total: Amount
  listingMarketplaceId: string
  lineItemFulfillmentStatus: string
}

export interface PeerEbayOrder {
  orderId: string
  legacyOrderId: string
  creationDate: string
  lastModifiedDate: string
  orderFulfillmentStatus: 'NOT_STARTED' | 'IN_PROGRESS' | 'FULFILLED'
  orderPaymentStatus: 'PAID' | 'PENDING' | 'PARTIALLY_REFUNDED' | 'FULLY_REFUNDED'
  sellerId: string
  buyer: { username: string; buyerRegistrationAddress: { fullName: string; email: string } }
  pricingSummary: { priceSubtotal: Amount; deliveryCost: Amount; total: Amount }
  cancelStatus: { cancelState: 'NONE_REQUESTED' | 'IN_PROGRESS' | 'CANCELED'; cancelRequests: unknown[] }
  paymentSummary: {
    totalDueSeller: Amount
    refunds: { refundId: string; refundStatus: string; amount: Amount }[]
  }
  fulfillmentStartInstructions: {
    fulfillmentInstructionsType: 'SHIP_TO'
    ebaySupportedFulfillment: boolean
    shippingStep: {
      shipTo: {
        fullName: string
        contactAddress: Record<string, string>
        primaryPhone: { phoneNumber: string }
        email: string
      }
      shippingCarrierCode: string
      shippingServiceCode: string
    }
  }[]
  lineItems: PeerEbayLineItem[]
}

export interface ShippingFulfillmentCall {
  orderId: string
  fulfillmentId: string
  body: {
    lineItems: { lineItemId: string; quantity: number }[]
    shippedDate?: string
    shippingCarrierCode?: string
    trackingNumber?: string
  }
}

export interface RefundCall {
  orderId: string
  refundId: string
  body: {
    reasonForRefund: string
    comment?: string
    refundItems?: { lineItemId: string; refundAmount: Amount }[]
    orderLevelRefundAmount?: Amount
  }
}

const digits = (n: number) => Array.from(randomBytes(n), (b) => String(b % 10)).join('')
const cents = (v: string) => Math.round(Number(v) * 100)
const money = (c: number) => (c / 100).toFixed(2)

/**
 * eBay's REST APIs on 127.0.0.1, as a seller's application meets them: OAuth 2 token endpoint
 * (Basic client authentication; refresh-token and client-credentials grants; tokens that can be
 * revoked), Sell Fulfillment getOrders (`filter=lastmodifieddate:[…..]`, limit/offset, `next`),
 * getOrder, shipping fulfilments (201 with Location), issueRefund, Post-Order seller cancellation
 * (`Authorization: IAF`), Inventory getOffers and bulkUpdatePriceQuantity, and the Notification
 * API's public keys with signed Marketplace Account Deletion notifications. Every call is recorded.
 */
export class EbayPeer {
  readonly orders = new Map<string, PeerEbayOrder>()
  readonly fulfillments: ShippingFulfillmentCall[] = []
  readonly refunds: RefundCall[] = []
  readonly cancellations: { legacyOrderId: string; cancelReason: string; cancelId: string }[] = []
  /** The listings: sku → published offer ids. */
  readonly offers = new Map<string, string[]>()
  /** What each sku's inventory item and offers were last set to. */
  readonly quantities = new Map<string, { shipToHome?: number; offers: Record<string, number> }>()
  readonly prices = new Map<string, Amount>()
  readonly bulkCalls: unknown[] = []
  readonly validTokens = new Set<string>()
  readonly appTokens = new Set<string>()
  tokenCalls = 0
  /**
   * The seller is domiciled in the EU or the UK: issueRefund and Post-Order cancellations need a
   * digital signature made with a key from `signatures.createSigningKey()`.
   */
  sellerInEurope = false
  readonly signatures = new EbaySignatureCheck()
  /** Signed calls that passed the check, by path. */
  readonly signedCalls: string[] = []
  readonly kid = randomUUID()
  private readonly keys = generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
  private failures: PeerFailure[] = []

  private constructor(
    readonly http: HttpPeer,
    readonly clientId: string,
    readonly clientSecret: string,
    readonly refreshToken: string,
    readonly marketplaceId: string,
  ) {}

  static async start(): Promise<EbayPeer> {
    let peer: EbayPeer | undefined
    const http = await HttpPeer.start((req, res) => peer!.handle(req, res))
    peer = new EbayPeer(
      http,
      `Switchya-hub-PRD-${randomBytes(5).toString('hex')}-${randomBytes(4).toString('hex')}`,
      `PRD-${randomBytes(6).toString('hex')}-${randomBytes(2).toString('hex')}-${randomBytes(2).toString('hex')}`,
      `v^1.1#i^1#r^1#p^3#I^3#f^0#t^${randomBytes(24).toString('base64url')}`,
      'EBAY_US',
    )
    return peer
  }

  failNext(count: number, failure: PeerFailure): void {
    for (let i = 0; i < count; i++) this.failures.push(failure)
  }

  /** Every access token issued so far stops working, as after two hours or a revocation. */
  revokeTokens(): void {
    this.validTokens.clear()
  }

  /** A listing: the sku gets a published offer on the marketplace. */
  list(sku: string): string {
    const offerId = digits(10)
    this.offers.set(sku, [...(this.offers.get(sku) ?? []), offerId])
    return offerId
  }

  createOrder(lines: { sku?: string; quantity: number; price?: string }[], currency = 'NZD'): PeerEbayOrder {
    const now = new Date().toISOString()
    const subtotal = lines.reduce((n, l) => n + cents(l.price ?? '10.00') * l.quantity, 0)
    const shipTo = {
      fullName: 'Aroha Ngata',
      contactAddress: {
        addressLine1: '12 Queen St',
        city: 'Auckland',
        stateOrProvince: 'Auckland',
        postalCode: '1010',
        countryCode: 'NZ',
      },
      primaryPhone: { phoneNumber: '+64 21 555 0101' },
      email: `${randomBytes(5).toString('hex')}@members.ebay.com`,
    }
    const order: PeerEbayOrder = {
      orderId: `${digits(2)}-${digits(5)}-${digits(5)}`,
      legacyOrderId: `${digits(12)}-${digits(11)}`,
      creationDate: now,
      lastModifiedDate: now,
      orderFulfillmentStatus: 'NOT_STARTED',
      orderPaymentStatus: 'PAID',
      sellerId: 'switchyard_test_seller',
      buyer: {
        username: `buyer_${digits(6)}`,
        buyerRegistrationAddress: { fullName: shipTo.fullName, email: shipTo.email },
      },
      pricingSummary: {
        priceSubtotal: { value: money(subtotal), currency },
        deliveryCost: { value: '0.00', currency },
        total: { value: money(subtotal), currency },
      },
      cancelStatus: { cancelState: 'NONE_REQUESTED', cancelRequests: [] },
      paymentSummary: { totalDueSeller: { value: money(subtotal), currency }, refunds: [] },
      fulfillmentStartInstructions: [
        {
          fulfillmentInstructionsType: 'SHIP_TO',
          ebaySupportedFulfillment: false,
          shippingStep: { shipTo, shippingCarrierCode: 'NZPost', shippingServiceCode: 'NZ_StandardDelivery' },
        },
      ],
      lineItems: lines.map((l) => ({
        lineItemId: digits(14),
        legacyItemId: digits(12),
        ...(l.sku === undefined ? {} : { sku: l.sku }),
        title: `Item ${l.sku ?? '(no label)'}`,
        quantity: l.quantity,
        lineItemCost: { value: money(cents(l.price ?? '10.00') * l.quantity), currency },
        total: { value: money(cents(l.price ?? '10.00') * l.quantity), currency },
        listingMarketplaceId: this.marketplaceId,
        lineItemFulfillmentStatus: 'NOT_STARTED',
      })),
    }
    this.orders.set(order.orderId, order)
    return order
  }

  /** The buyer cancelled and the seller agreed on eBay's site: getOrders shows it CANCELED. */
  cancelOnSite(orderId: string): void {
    const order = this.orders.get(orderId)!
    order.cancelStatus.cancelState = 'CANCELED'
    order.lastModifiedDate = new Date().toISOString()
  }

  /** eBay answering the endpoint registration: GET with a challenge code. */
  async challenge(
    endpoint: string,
    code = randomUUID(),
  ): Promise<{ status: number; body: string; code: string }> {
    const res = await fetch(`${endpoint}?challenge_code=${encodeURIComponent(code)}`)
    return { status: res.status, body: await res.text(), code }
  }

  /** A signed MARKETPLACE_ACCOUNT_DELETION notification posted to `endpoint`; `forge` signs another body. */
  async notifyDeletion(endpoint: string, user: { username: string; userId: string }, forge = false) {
    const body = JSON.stringify({
      metadata: { topic: 'MARKETPLACE_ACCOUNT_DELETION', schemaVersion: '1.0', deprecated: false },
      notification: {
        notificationId: `${randomUUID()}_${randomUUID()}`,
        eventDate: new Date().toISOString(),
        publishDate: new Date().toISOString(),
        publishAttemptCount: 1,
        data: { ...user, eiasToken: randomBytes(30).toString('base64') },
      },
    })
    const signed = forge ? `${body} ` : body
    const signature = sign('sha1', Buffer.from(signed), this.keys.privateKey).toString('base64')
    const header = Buffer.from(
      JSON.stringify({ alg: 'ecdsa', kid: this.kid, signature, digest: 'SHA1' }),
    ).toString('base64')
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-ebay-signature': header },
      body,
    })
    return { status: res.status, body: await res.text() }
  }

  /**
   * Calls in scope of eBay's digital signatures are checked for a European seller, or whenever the
   * caller asks (`x-ebay-enforce-signature`); a refusal is answered here (true).
   */
  private refusedSignature(req: RecordedRequest, res: ServerResponse): boolean {
    if (!this.sellerInEurope && req.headers['x-ebay-enforce-signature'] !== 'true') return false
    const refusal = this.signatures.check(req, new URL(this.http.url).host)
    if (!refusal) {
      this.signedCalls.push(new URL(req.path, 'http://peer').pathname)
      return false
    }
    json(res, 400, { errors: [{ ...refusal, domain: 'ACCESS', category: 'REQUEST' }] })
    return true
  }

  private auth(req: RecordedRequest, scheme: 'Bearer' | 'IAF' = 'Bearer'): boolean {
    const [given, token] = (req.headers.authorization ?? '').split(' ')
    return given === scheme && this.validTokens.has(token ?? '')
  }

  private async handle(req: RecordedRequest, res: ServerResponse): Promise<void> {
    const url = new URL(req.path, 'http://peer')
    const index = this.failures.findIndex((f) => !f.path || f.path.test(url.pathname))
    const failure = index >= 0 ? this.failures.splice(index, 1)[0] : undefined
    if (failure && 'hangMs' in failure) {
      await new Promise((r) => setTimeout(r, failure.hangMs))
      if (!res.writableEnded) json(res, 503, { errors: [{ errorId: 2003, message: 'hung' }] })
      return
    }
    if (failure)
      return json(
        res,
        failure.status,
        {
          errors: [
            failure.status === 429
              ? { errorId: 2003, domain: 'ACCESS', category: 'REQUEST', message: 'Too many requests.' }
              : {
                  errorId: 2003,
                  domain: 'API_FULFILLMENT',
                  category: 'APPLICATION',
                  message: 'Internal error',
                },
          ],
        },
        failure.retryAfter ? { 'retry-after': failure.retryAfter } : {},
      )
    const path = url.pathname
    if (req.method === 'POST' && path === '/identity/v1/oauth2/token') return this.token(req, res)
    const key = /^\/commerce\/notification\/v1\/public_key\/([^/]+)$/.exec(path)
    if (req.method === 'GET' && key) {
      const [, token] = (req.headers.authorization ?? '').split(' ')
      if (!this.appTokens.has(token ?? ''))
        return json(res, 401, { errors: [{ errorId: 1001, message: 'Invalid access token' }] })
      if (decodeURIComponent(key[1]!) !== this.kid)
        return json(res, 404, { errors: [{ errorId: 195001, message: 'The public key was not found' }] })
      const pem = this.keys.publicKey.export({ type: 'spki', format: 'pem' }).toString().replace(/\n/g, '')
      return json(res, 200, { key: pem, algorithm: 'ECDSA', digest: 'SHA1' })
    }
    if (path === '/post-order/v2/cancellation' && req.method === 'POST') {
      if (!this.auth(req, 'IAF'))
        return json(res, 401, { error: [{ errorId: 1001, message: 'Invalid token' }] })
      if (this.refusedSignature(req, res)) return
      return this.cancel(req, res)
    }
    if (!this.auth(req))
      return json(res, 401, {
        errors: [{ errorId: 1001, domain: 'OAuth', category: 'REQUEST', message: 'Invalid access token' }],
      })
    if (req.method === 'GET' && path === '/sell/fulfillment/v1/order') return this.getOrders(url, res)
    const order = /^\/sell\/fulfillment\/v1\/order\/([^/]+)(\/shipping_fulfillment|\/issue_refund)?$/.exec(
      path,
    )
    if (order) {
      const found = this.orders.get(decodeURIComponent(order[1]!))
      if (!found) return json(res, 404, { errors: [{ errorId: 32100, message: 'Invalid order ID' }] })
      if (!order[2] && req.method === 'GET') return json(res, 200, found)
      if (order[2] === '/shipping_fulfillment' && req.method === 'GET')
        return json(res, 200, {
          fulfillments: this.fulfillments
            .filter((f) => f.orderId === found.orderId)
            .map((f) => ({
              fulfillmentId: f.fulfillmentId,
              lineItems: f.body.lineItems,
              shipmentTrackingNumber: f.body.trackingNumber,
              shippingCarrierCode: f.body.shippingCarrierCode,
              shippedDate: f.body.shippedDate,
            })),
          total: this.fulfillments.filter((f) => f.orderId === found.orderId).length,
        })
      if (order[2] === '/shipping_fulfillment' && req.method === 'POST') return this.ship(found, req, res)
      if (order[2] === '/issue_refund' && req.method === 'POST')
        return this.refusedSignature(req, res) ? undefined : this.refund(found, req, res)
    }
    if (req.method === 'GET' && path === '/sell/inventory/v1/offer') {
      const sku = url.searchParams.get('sku') ?? ''
      if (url.searchParams.get('marketplace_id') !== this.marketplaceId)
        return json(res, 400, { errors: [{ errorId: 25709, message: 'Invalid value for marketplace_id' }] })
      const ids = this.offers.get(sku)
      if (!ids)
        return json(res, 404, { errors: [{ errorId: 25713, message: 'This Offer is not available.' }] })
      return json(res, 200, {
        total: ids.length,
        offers: ids.map((offerId) => ({
          offerId,
          sku,
          marketplaceId: this.marketplaceId,
          format: 'FIXED_PRICE',
          status: 'PUBLISHED',
          pricingSummary: { price: this.prices.get(sku) ?? { value: '10.00', currency: 'NZD' } },
        })),
      })
    }
    if (req.method === 'POST' && path === '/sell/inventory/v1/bulk_update_price_quantity')
      return this.bulk(req, res)
    return json(res, 404, { errors: [{ errorId: 2002, message: 'Resource not found' }] })
  }

  private token(req: RecordedRequest, res: ServerResponse) {
    this.tokenCalls++
    const basic = `Basic ${Buffer.from(`${this.clientId}:${this.clientSecret}`).toString('base64')}`
    if (req.headers.authorization !== basic)
      return json(res, 401, { error: 'invalid_client', error_description: 'client authentication failed' })
    const form = new URLSearchParams(req.body)
    if (form.get('grant_type') === 'client_credentials') {
      const token = `v^1.1#i^1#p^1#r^0#I^3#f^0#t^${randomBytes(24).toString('base64url')}`
      this.appTokens.add(token)
      return json(res, 200, { access_token: token, expires_in: 7200, token_type: 'Application Access Token' })
    }
    if (form.get('grant_type') !== 'refresh_token' || form.get('refresh_token') !== this.refreshToken)
      return json(res, 400, {
        error: 'invalid_grant',
        error_description:
          'the provided authorization refresh token is invalid or was issued to another client',
      })
    const token = `v^1.1#i^1#f^0#p^3#r^0#I^3#t^${randomBytes(24).toString('base64url')}`
    this.validTokens.add(token)
    return json(res, 200, { access_token: token, expires_in: 7200, token_type: 'User Access Token' })
  }

  private getOrders(url: URL, res: ServerResponse) {
    const filter = url.searchParams.get('filter') ?? ''
    const from = /lastmodifieddate:\[([^\]]*?)\.\.([^\]]*)\]/.exec(filter)
    if (filter && (!from || Number.isNaN(Date.parse(from[1]!))))
      return json(res, 400, { errors: [{ errorId: 30850, message: `Invalid filter: ${filter}` }] })
    const limit = Number(url.searchParams.get('limit') ?? 50)
    const offset = Number(url.searchParams.get('offset') ?? 0)
    if (!(limit >= 1 && limit <= 200))
      return json(res, 400, { errors: [{ errorId: 30700, message: 'Invalid limit' }] })
    const after = from ? Date.parse(from[1]!) : 0
    const all = [...this.orders.values()]
      .filter((o) => Date.parse(o.lastModifiedDate) >= after)
      .sort((a, b) => a.creationDate.localeCompare(b.creationDate))
    const href = (o: number) => {
      const u = new URL(`${this.http.url}/sell/fulfillment/v1/order`)
      if (filter) u.searchParams.set('filter', filter)
      u.searchParams.set('limit', String(limit))
      u.searchParams.set('offset', String(o))
      return u.toString()
    }
    return json(res, 200, {
      href: href(offset),
      total: all.length,
      limit,
      offset,
      ...(offset + limit < all.length ? { next: href(offset + limit) } : {}),
      orders: all.slice(offset, offset + limit),
    })
  }

  private ship(order: PeerEbayOrder, req: RecordedRequest, res: ServerResponse) {
    const body = JSON.parse(req.body) as ShippingFulfillmentCall['body']
    if (!Array.isArray(body.lineItems) || body.lineItems.length === 0)
      return json(res, 400, { errors: [{ errorId: 32500, message: 'lineItems is required' }] })
    for (const item of body.lineItems)
      if (!order.lineItems.some((l) => l.lineItemId === item.lineItemId))
        return json(res, 400, {
          errors: [{ errorId: 32400, message: `Invalid line item ID ${item.lineItemId}` }],
        })
    if (body.trackingNumber && !body.shippingCarrierCode)
      return json(res, 400, {
        errors: [{ errorId: 32600, message: 'shippingCarrierCode is required with trackingNumber' }],
      })
    const fulfillmentId = body.trackingNumber ?? digits(22)
    this.fulfillments.push({ orderId: order.orderId, fulfillmentId, body })
    for (const item of body.lineItems) {
      const line = order.lineItems.find((l) => l.lineItemId === item.lineItemId)!
      line.lineItemFulfillmentStatus = 'FULFILLED'
    }
    order.orderFulfillmentStatus = order.lineItems.every((l) => l.lineItemFulfillmentStatus === 'FULFILLED')
      ? 'FULFILLED'
      : 'IN_PROGRESS'
    order.lastModifiedDate = new Date().toISOString()
    res.writeHead(201, {
      location: `${this.http.url}/sell/fulfillment/v1/order/${order.orderId}/shipping_fulfillment/${fulfillmentId}`,
      'content-type': 'application/json',
    })
    res.end('{}')
  }

  private refund(order: PeerEbayOrder, req: RecordedRequest, res: ServerResponse) {
    const body = JSON.parse(req.body) as RefundCall['body']
    if (!body.reasonForRefund)
      return json(res, 400, { errors: [{ errorId: 34900, message: 'reasonForRefund is required' }] })
    if (!body.refundItems === !body.orderLevelRefundAmount)
      return json(res, 400, {
        errors: [{ errorId: 34901, message: 'refundItems or orderLevelRefundAmount, not both' }],
      })
    const amounts = body.refundItems?.map((i) => i.refundAmount) ?? [body.orderLevelRefundAmount!]
    for (const a of amounts)
      if (a.currency !== order.pricingSummary.total.currency)
        return json(res, 400, { errors: [{ errorId: 34902, message: 'currency does not match the order' }] })
    for (const i of body.refundItems ?? [])
      if (!order.lineItems.some((l) => l.lineItemId === i.lineItemId))
        return json(res, 400, {
          errors: [{ errorId: 32400, message: `Invalid line item ID ${i.lineItemId}` }],
        })
    const total = amounts.reduce((n, a) => n + cents(a.value), 0)
    const refunded = order.paymentSummary.refunds.reduce((n, r) => n + cents(r.amount.value), 0)
    if (total <= 0 || total + refunded > cents(order.pricingSummary.total.value))
      return json(res, 400, {
        errors: [{ errorId: 34903, message: 'The refund amount exceeds the order amount' }],
      })
    const refundId = `5${digits(11)}`
    this.refunds.push({ orderId: order.orderId, refundId, body })
    order.paymentSummary.refunds.push({
      refundId,
      refundStatus: 'PENDING',
      amount: { value: money(total), currency: order.pricingSummary.total.currency },
    })
    order.orderPaymentStatus =
      total + refunded === cents(order.pricingSummary.total.value) ? 'FULLY_REFUNDED' : 'PARTIALLY_REFUNDED'
    order.lastModifiedDate = new Date().toISOString()
    return json(res, 200, { refundId, refundStatus: 'PENDING' })
  }

  private cancel(req: RecordedRequest, res: ServerResponse) {
    const body = JSON.parse(req.body) as {
      legacyOrderId?: string
      cancelReason?: string
      buyerPaid?: boolean
      buyerPaidDate?: { value?: string }
    }
    const order = [...this.orders.values()].find((o) => o.legacyOrderId === body.legacyOrderId)
    if (!order) return json(res, 400, { error: [{ errorId: 1506, message: 'Invalid legacyOrderId' }] })
    if (order.orderFulfillmentStatus === 'FULFILLED' || order.cancelStatus.cancelState === 'CANCELED')
      return json(res, 200, {
        orderEligibilityResult: { eligible: false, failureReason: ['ORDER_ALREADY_SHIPPED_OR_CANCELLED'] },
      })
    if (body.buyerPaid && !body.buyerPaidDate?.value)
      return json(res, 400, {
        error: [{ errorId: 1508, message: 'buyerPaidDate is required when buyerPaid is true' }],
      })
    const cancelId = `5${digits(9)}`
    this.cancellations.push({
      legacyOrderId: order.legacyOrderId,
      cancelReason: body.cancelReason ?? '',
      cancelId,
    })
    order.cancelStatus.cancelState = 'CANCELED'
    order.lastModifiedDate = new Date().toISOString()
    return json(res, 201, { cancelId, orderEligibilityResult: { eligible: true } })
  }

  private bulk(req: RecordedRequest, res: ServerResponse) {
    const body = JSON.parse(req.body) as {
      requests?: {
        sku?: string
        shipToLocationAvailability?: { quantity: number }
        offers?: { offerId: string; availableQuantity?: number; price?: Amount }[]
      }[]
    }
    const requests = body.requests ?? []
    if (requests.length === 0 || requests.length > 25)
      return json(res, 400, { errors: [{ errorId: 25709, message: 'requests must hold 1 to 25 items' }] })
    this.bulkCalls.push(body)
    const responses: unknown[] = []
    for (const r of requests) {
      const known = r.sku ? this.offers.get(r.sku) : undefined
      if (r.shipToLocationAvailability) {
        if (!known) {
          responses.push({
            statusCode: 404,
            sku: r.sku,
            errors: [{ errorId: 25702, message: 'SKU not found' }],
          })
          continue
        }
        const q = this.quantities.get(r.sku!) ?? { offers: {} }
        q.shipToHome = r.shipToLocationAvailability.quantity
        this.quantities.set(r.sku!, q)
      }
      for (const o of r.offers ?? []) {
        const sku = [...this.offers].find(([, ids]) => ids.includes(o.offerId))?.[0]
        if (!sku || (r.sku && sku !== r.sku)) {
          responses.push({
            statusCode: 400,
            offerId: o.offerId,
            sku: r.sku,
            errors: [{ errorId: 25713, message: 'Offer not available' }],
          })
          continue
        }
        if (o.availableQuantity !== undefined) {
          const q = this.quantities.get(sku) ?? { offers: {} }
          q.offers[o.offerId] = o.availableQuantity
          this.quantities.set(sku, q)
        }
        if (o.price) this.prices.set(sku, o.price)
        responses.push({ statusCode: 200, sku, offerId: o.offerId })
      }
    }
    const failed = responses.some((r) => (r as { statusCode: number }).statusCode >= 400)
    return json(res, failed ? 207 : 200, { responses })
  }

  async close(): Promise<void> {
    await this.http.close()
  }
}
