/** Orders API v2026-01-01 `Order` (the fields this plugin reads). */
export interface AmazonMoney {
  amount: string
  currencyCode: string
}

export interface AmazonOrder {
  orderId: string
  orderAliases?: { aliasId: string; aliasType: string }[]
  createdTime?: string
  lastUpdatedTime?: string
  salesChannel?: { marketplaceId?: string; channelName?: string }
  buyer?: { buyerName?: string; buyerEmail?: string }
  recipient?: {
    deliveryAddress?: {
      name?: string
      addressLine1?: string
      addressLine2?: string
      addressLine3?: string
      city?: string
      stateOrRegion?: string
      postalCode?: string
      countryCode?: string
      phone?: string
    }
  }
  proceeds?: { grandTotal?: AmazonMoney }
  fulfillment?: {
    fulfillmentStatus?: string
    fulfilledBy?: 'MERCHANT' | 'AMAZON'
    fulfillmentServiceLevel?: string
  }
  orderItems?: {
    orderItemId: string
    quantityOrdered: number
    product?: { asin?: string; title?: string; sellerSku?: string; price?: { unitPrice?: AmazonMoney } }
  }[]
}
