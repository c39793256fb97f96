import { createHmac, randomBytes } from 'node:crypto'
import type { ServerResponse } from 'node:http'
import { HttpPeer, type RecordedRequest } from './http-peer'

export type PeerFailure =
  | { status: number; retryAfter?: string; path?: RegExp }
  | { hangMs: number; path?: RegExp }

export interface PeerAddress {
  Name: string
  Address1: string
  Address2?: string
  Suburb?: string
  City: string
  Postcode: string
  Country: string
  PhoneNumber?: string
}

export interface PeerListing {
  ListingId: number
  Title: string
  Category: string
  SKU?: string
  BuyNowPrice: number
  Quantity: number
  withdrawn: boolean
  /** Every quantity the seller set, in order. */
  edits: number[]
}

export interface PeerSale {
  ListingId: number
  Title: string
  PurchaseId: number
  ReferenceNumber: string
  SoldDate: number
  QuantitySold: number
  Price: number
  SubtotalPrice: number
  ShippingPrice: number
  TotalShippingPrice: number
  TotalSalePrice: number
  SelectedShipping: string
  ShippingType: number
  SKU?: string
  IsPayNowPurchase: boolean
  Buyer: { MemberId: number; Nickname: string; Email: string }
  DeliveryAddress?: PeerAddress
  MessageFromBuyer?: string
  /** The seller's status of the sale: EmailSent, PaymentReceived, GoodsShipped, SaleCompleted. */
  status?: string
}

export interface PeerParcel {
  CourierCompany: string
  AccountNumber?: string
  TrackingReference: string
  AuctionSoldIds: number[]
}

const REACH: Record<string, number> = {
  LastHour: 3600_000,
  Last24Hours: 24 * 3600_000,
  Last3Days: 3 * 24 * 3600_000,
  Last7Days: 7 * 24 * 3600_000,
  Last30Days: 30 * 24 * 3600_000,
  Last45Days: 45 * 24 * 3600_000,
}
const STATUSES = new Set(['EmailSent', 'PaymentReceived', 'GoodsShipped', 'SaleCompleted'])
const digits = (n: number) => Array.from(randomBytes(n), (b) => String(b % 10)).join('')

/** RFC 3986 percent-encoding, as OAuth 1.0a wants it: written here, not taken from the SDK under test. */
const pct = (s: string) =>
  Array.from(Buffer.from(s, 'utf8'), (b) =>
    /[A-Za-z0-9\-._~]/.test(String.fromCharCode(b))
      ? String.fromCharCode(b)
      : `%${b.toString(16).toUpperCase().padStart(2, '0')}`,
  ).join('')

/**
 * TradeMe's API v1 on 127.0.0.1, as its documentation describes it: every call OAuth 1.0a signed
 * (HMAC-SHA1 or PLAINTEXT, checked here with its own code, timestamps within 5 minutes, no nonce
 * twice), sold items in fixed windows (`LastHour` … `Last45Days`) newest first with `page`/`rows`,
 * dates as .NET's `\/Date(ms)\/`, enumerations as numbers, and write calls that answer 200 with
 * `Success: false` for a business refusal. Courier parcels, sale statuses, Pay Now refunds, and
 * listings edited whole (read as an EditListingRequest, sent back with a new `Quantity`,
 * 1 to 1,000) or withdrawn. Every call is recorded.
 */
export class TradeMePeer {
  readonly listings = new Map<number, PeerListing>()
  readonly sales = new Map<number, PeerSale>()
  readonly parcels: PeerParcel[] = []
  readonly refunds: { PurchaseId: number; RefundAmount?: number }[] = []
  readonly refused: string[] = []
  private readonly nonces = new Set<string>()
  private failures: PeerFailure[] = []

  private constructor(
    readonly http: HttpPeer,
    readonly consumerKey: string,
    readonly consumerSecret: string,
    readonly accessToken: string,
    readonly accessTokenSecret: string,
  ) {}

  static async start(): Promise<TradeMePeer> {
    let peer: TradeMePeer | undefined
    const http = await HttpPeer.start((req, res) => peer!.handle(req, res))
    const hex = (n: number) => randomBytes(n).toString('hex').toUpperCase()
    peer = new TradeMePeer(http, hex(16), hex(16), hex(16), hex(16))
    return peer
  }

  get url(): string {
    return this.http.url
  }

  failNext(count: number, failure: PeerFailure): void {
    for (let i = 0; i < count; i++) this.failures.push(failure)
  }

  createListing(init: { title: string; sku?: string; price: number; quantity: number }): PeerListing {
    const listing: PeerListing = {
      ListingId: Number(`49${digits(8)}`),
      Title: init.title,
      Category: '0153-0438-3720-',
      ...(init.sku ? { SKU: init.sku } : {}),
      BuyNowPrice: init.price,
      Quantity: init.quantity,
      withdrawn: false,
      edits: [],
    }
    this.listings.set(listing.ListingId, listing)
    return listing
  }

  /** What buyers see as available: nothing once withdrawn. */
  shown(listingId: number): number {
    const listing = this.listings.get(listingId)!
    return listing.withdrawn ? 0 : listing.Quantity
  }

  /** A buyer buys `quantity` of a listing with Buy Now; `address: null` for one not given yet. */
  sell(
    listing: PeerListing,
    quantity: number,
    options: { address?: Partial<PeerAddress> | null; payNow?: boolean; shipping?: number } = {},
  ): PeerSale {
    if (listing.withdrawn || listing.Quantity < quantity)
      throw new Error(`listing ${listing.ListingId} cannot sell ${quantity}`)
    listing.Quantity -= quantity
    const id = Number(`5${digits(7)}`)
    const shipping = options.shipping ?? 6.5
    const sale: PeerSale = {
      ListingId: listing.ListingId,
      Title: listing.Title,
      PurchaseId: id,
      ReferenceNumber: `P${id}`,
      SoldDate: Date.now(),
      QuantitySold: quantity,
      Price: listing.BuyNowPrice,
      SubtotalPrice: listing.BuyNowPrice * quantity,
      ShippingPrice: shipping,
      TotalShippingPrice: shipping,
      TotalSalePrice: Math.round((listing.BuyNowPrice * quantity + shipping) * 100) / 100,
      SelectedShipping: 'Nationwide courier',
      ShippingType: 5,
      ...(listing.SKU ? { SKU: listing.SKU } : {}),
      IsPayNowPurchase: options.payNow ?? true,
      Buyer: {
        MemberId: Number(`40${digits(5)}`),
        Nickname: 'kiwi_buyer',
        Email: `buyer${digits(4)}@example.co.nz`,
      },
      ...(options.address === null
        ? {}
        : {
            DeliveryAddress: {
              Name: 'Aroha Ngata',
              Address1: '12 Karangahape Road',
              Suburb: 'Newton',
              City: 'Auckland',
              Postcode: '1010',
              Country: 'New Zealand',
              PhoneNumber: '021 555 0101',
              ...options.address,
            },
          }),
    }
    this.sales.set(id, sale)
    return sale
  }

  private async handle(req: RecordedRequest, res: ServerResponse): Promise<void> {
    const url = new URL(req.path, this.http.url)
    const index = this.failures.findIndex((f) => !f.path || f.path.test(url.pathname))
    const failure = index >= 0 ? this.failures.splice(index, 1)[0] : undefined
    if (failure && 'hangMs' in failure) {
      await new Promise((r) => setTimeout(r, failure.hangMs))
      if (!res.writableEnded) send(res, 503, { ErrorDescription: 'Service unavailable' })
      return
    }
    if (failure)
      return send(
        res,
        failure.status,
        { ErrorDescription: 'failing on demand' },
        failure.retryAfter ? { 'retry-after': failure.retryAfter } : {},
      )
    const denied = this.authenticate(req, url)
    if (denied) return send(res, 401, { ErrorDescription: denied })
    const body = () => JSON.parse(req.body || '{}') as Record<string, unknown>

    const sold = /^\/v1\/MyTradeMe\/SoldItems\/(\w+)\.json$/i.exec(url.pathname)
    if (req.method === 'GET' && sold) return this.soldItems(sold[1]!, url, res)
    if (req.method === 'POST' && /^\/v1\/MyTradeMe\/CourierParcels\.json$/i.test(url.pathname))
      return this.courierParcel(body(), res)
    const status = /^\/v1\/MyTradeMe\/Status\/(\d+)\/(\w+)\.json$/i.exec(url.pathname)
    if (req.method === 'POST' && status) {
      const sale = this.sales.get(Number(status[1]))
      if (!STATUSES.has(status[2]!))
        return send(res, 400, { ErrorDescription: `Unknown status ${status[2]}` })
      if (!sale) return send(res, 200, { Success: false, Description: 'Purchase not found', Status: null })
      sale.status = status[2]
      return send(res, 200, { Success: true, Description: null, Status: status[2] })
    }
    if (req.method === 'POST' && /^\/v1\/MyTradeMe\/PayNowRefund\.json$/i.test(url.pathname))
      return this.refund(body(), res)
    const listing = /^\/v1\/Selling\/Listings\/(\d+)\.json$/i.exec(url.pathname)
    if (req.method === 'GET' && listing) return this.editable(Number(listing[1]), res)
    if (req.method === 'POST' && url.pathname === '/v1/Selling/Edit.json') return this.edit(body(), res)
    if (req.method === 'POST' && url.pathname === '/v1/Selling/Withdraw.json')
      return this.withdraw(body(), res)
    if (req.method === 'GET' && url.pathname === '/v1/MyTradeMe/Summary.json')
      return send(res, 200, { MemberId: 4000001, Nickname: 'switchyard_seller', Balance: 0 })
    return send(res, 404, { ErrorDescription: 'The requested resource was not found' })
  }

  /** The OAuth 1.0a check TradeMe makes; undefined when the request is authentic. */
  private authenticate(req: RecordedRequest, url: URL): string | undefined {
    const header = req.headers.authorization ?? ''
    if (!header.startsWith('OAuth ')) return 'OAuth authorization is required'
    const params = new Map<string, string>()
    for (const m of header.slice(6).matchAll(/([\w-]+)="([^"]*)"/g))
      params.set(decodeURIComponent(m[1]!), decodeURIComponent(m[2]!))
    if (params.get('oauth_consumer_key') !== this.consumerKey) return 'Invalid consumer key'
    if (params.get('oauth_token') !== this.accessToken) return 'Invalid or expired token'
    const timestamp = Number(params.get('oauth_timestamp'))
    if (!Number.isFinite(timestamp) || Math.abs(Date.now() / 1000 - timestamp) > 300)
      return 'Invalid timestamp'
    const nonce = `${timestamp}:${params.get('oauth_nonce') ?? ''}`
    if (!params.get('oauth_nonce') || this.nonces.has(nonce)) return 'Nonce already used'
    const key = `${pct(this.consumerSecret)}&${pct(this.accessTokenSecret)}`
    const method = params.get('oauth_signature_method')
    let expected: string
    if (method === 'PLAINTEXT') expected = key
    else if (method === 'HMAC-SHA1') {
      const pairs: string[][] = [...url.searchParams.entries()]
      for (const [k, v] of params) if (k !== 'oauth_signature' && k !== 'realm') pairs.push([k, v])
      const normalised = pairs
        .map(([k, v]) => [pct(k!), pct(v!)])
        .sort((a, b) => (a[0] === b[0] ? (a[1]! < b[1]! ? -1 : 1) : a[0]! < b[0]! ? -1 : 1))
        .map(([k, v]) => `${k}=${v}`)
        .join('&')
      const base = `${req.method}&${pct(`${url.protocol}//${url.host}${url.pathname}`)}&${pct(normalised)}`
      expected = createHmac('sha1', key).update(base).digest('base64')
    } else return 'Unsupported signature method'
    if (params.get('oauth_signature') !== expected) return 'Invalid signature'
    this.nonces.add(nonce)
    return undefined
  }

  private soldItems(filter: string, url: URL, res: ServerResponse) {
    const reach = REACH[filter]
    if (!reach) return send(res, 400, { ErrorDescription: `Invalid filter ${filter}` })
    const page = Number(url.searchParams.get('page') ?? '1')
    const rows = Number(url.searchParams.get('rows') ?? '50')
    const after = Date.now() - reach
    const all = [...this.sales.values()]
      .filter((s) => s.SoldDate >= after)
      .sort((a, b) => b.SoldDate - a.SoldDate)
    const list = all.slice((page - 1) * rows, page * rows).map(({ status: _status, ...sale }) => ({
      ...sale,
      SoldDate: `/Date(${sale.SoldDate})/`,
    }))
    return send(res, 200, { TotalCount: all.length, Page: page, PageSize: list.length, List: list })
  }

  private courierParcel(body: Record<string, unknown>, res: ServerResponse) {
    const parcel = body.Parcel as PeerParcel | undefined
    const fail = (Code: number, Description: string) => {
      this.refused.push(`CourierParcels: ${Description}`)
      return send(res, 200, { Success: false, Description, Code })
    }
    if (!parcel?.CourierCompany) return fail(9, 'Courier company is not specified')
    if (!parcel.TrackingReference) return fail(2, 'Tracking reference is empty')
    if (!Array.isArray(parcel.AuctionSoldIds) || parcel.AuctionSoldIds.length === 0)
      return fail(7, 'Need to specify at least one auction sold id')
    if (parcel.AuctionSoldIds.some((id) => !this.sales.has(id)))
      return fail(6, 'One or more of the sold listing ids do not exist')
    if (
      this.parcels.some(
        (p) => p.TrackingReference === parcel.TrackingReference && p.CourierCompany === parcel.CourierCompany,
      )
    )
      return fail(1, 'A duplicate parcel already exists in the system')
    this.parcels.push(parcel)
    return send(res, 200, { Success: true, Description: null, Code: 0 })
  }

  private refund(body: Record<string, unknown>, res: ServerResponse) {
    const sale = this.sales.get(Number(body.PurchaseId))
    const fail = (StatusCode: number, Description: string) =>
      send(res, 200, { Success: false, Description, StatusCode })
    if (!sale) return fail(3, 'The auction ID is invalid')
    if (!sale.IsPayNowPurchase) return fail(6, 'The purchase was not paid with Pay Now')
    const paidBack = this.refunds.filter((r) => r.PurchaseId === sale.PurchaseId)
    const already = paidBack.reduce((n, r) => n + (r.RefundAmount ?? sale.TotalSalePrice), 0)
    if (already >= sale.TotalSalePrice) return fail(8, 'The purchase has already been refunded')
    const amount = body.RefundAmount === undefined ? undefined : Number(body.RefundAmount)
    if (amount !== undefined && (!(amount > 0) || amount + already > sale.TotalSalePrice + 1e-9))
      return fail(2, 'The refund amount was too large or too small')
    this.refunds.push({
      PurchaseId: sale.PurchaseId,
      ...(amount !== undefined ? { RefundAmount: amount } : {}),
    })
    return send(res, 200, { Success: true, Description: null, StatusCode: 0 })
  }

  /** A listing in its editable form (an EditListingRequest), as `Selling/Listings/{id}` returns it. */
  private editable(id: number, res: ServerResponse) {
    const listing = this.listings.get(id)
    if (!listing) return send(res, 400, { ErrorDescription: `Listing ${id} not found` })
    return send(res, 200, {
      ListingId: listing.ListingId,
      Category: listing.Category,
      Title: listing.Title,
      Description: [`${listing.Title}, sold by the Switchyard test seller.`],
      StartPrice: 0,
      BuyNowPrice: listing.BuyNowPrice,
      Duration: 7,
      Pickup: 3,
      IsBrandNew: true,
      ...(listing.SKU ? { SKU: listing.SKU } : {}),
      Quantity: listing.Quantity,
      ShippingOptions: [{ Type: 5, Price: 6.5, Method: 'Nationwide courier' }],
      PaymentMethods: [1, 4],
    })
  }

  private edit(body: Record<string, unknown>, res: ServerResponse) {
    const listing = this.listings.get(Number(body.ListingId))
    const fail = (Description: string) => {
      this.refused.push(`Edit: ${Description}`)
      return send(res, 200, { Success: false, Description, ListingId: Number(body.ListingId) })
    }
    if (!listing) return fail('Listing not found')
    if (listing.withdrawn) return fail('The listing has been withdrawn')
    // An edit replaces the listing: one sent without its title or category is refused.
    if (body.Title !== listing.Title || body.Category !== listing.Category)
      return fail('Title and Category are required')
    const quantity = body.Quantity
    if (!Number.isInteger(quantity) || (quantity as number) < 1 || (quantity as number) > 1000)
      return fail('Quantity must be between 1 and 1000')
    listing.Quantity = quantity as number
    listing.edits.push(listing.Quantity)
    return send(res, 200, { Success: true, Description: null, ListingId: listing.ListingId })
  }

  private withdraw(body: Record<string, unknown>, res: ServerResponse) {
    const listing = this.listings.get(Number(body.ListingId))
    if (!listing || listing.withdrawn)
      return send(res, 200, { Success: false, Description: 'Listing cannot be withdrawn' })
    if (body.Type !== 1 && body.Type !== 2) return send(res, 400, { ErrorDescription: 'Type is required' })
    listing.withdrawn = true
    return send(res, 200, { Success: true, Description: null, ListingId: listing.ListingId })
  }

  async close(): Promise<void> {
    await this.http.close()
  }
}

/** TradeMe's JSON, with dates escaped the way .NET writes them (`"\/Date(…)\/"`). */
function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body).replace(/"\/Date\((-?\d+)\)\/"/g, '"\\/Date($1)\\/"')
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers })
  res.end(text)
}
