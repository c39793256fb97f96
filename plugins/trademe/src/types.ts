/**
 * TradeMe API v1 JSON shapes (the fields this plugin reads or sends). TradeMe writes dates as
 * `/Date(<ms since the epoch>)/`, money as JSON numbers in NZD, and enumerations as their numbers.
 */

export interface TradeMeAddress {
  Name?: string
  Address1?: string
  Address2?: string
  Suburb?: string
  City?: string
  Postcode?: string
  /** A country name, e.g. "New Zealand". */
  Country?: string
  PhoneNumber?: string
}

export interface TradeMeMember {
  MemberId?: number
  Nickname?: string
  Email?: string
}

/** One sale in `GET /v1/MyTradeMe/SoldItems/{filter}.json`: one purchase of one listing. */
export interface TradeMeSoldItem {
  ListingId: number
  Title?: string
  /** The purchase: one buyer, one listing, `QuantitySold` units. */
  PurchaseId: number
  ReferenceNumber?: string
  SoldDate?: string
  QuantitySold?: number
  /** The price of one unit. */
  Price?: number
  SubtotalPrice?: number
  ShippingPrice?: number
  TotalShippingPrice?: number
  TotalSalePrice?: number
  SelectedShipping?: string
  /** 0 Unknown, 1 None, 2 Undecided, 3 Pickup, 4 Free, 5 Custom. */
  ShippingType?: number
  Buyer?: TradeMeMember
  DeliveryAddress?: TradeMeAddress
  MessageFromBuyer?: string
  /** The seller's own stock code of the listing, when set. */
  SKU?: string
  ExternalReferenceId?: string
  IsPayNowPurchase?: boolean
}

export interface TradeMeSoldItems {
  TotalCount?: number
  Page?: number
  PageSize?: number
  List?: TradeMeSoldItem[] | null
}

/** The `{ Success, Description }` most write calls answer with, HTTP 200 either way. */
export interface TradeMeResult {
  Success?: boolean
  Description?: string | null
  /** Courier parcels: 0 OK, 1 ParcelAlreadyExists, … */
  Code?: number | string
  /** Pay Now refunds: 0 Success, 6 NotBoughtUsingPayNow, 8 AlreadyRefunded, … */
  StatusCode?: number | string
  ListingId?: number
}
