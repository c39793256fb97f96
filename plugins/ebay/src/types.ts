/** eBay's Amount: a decimal string and an ISO 4217 currency. */
export interface EbayAmount {
  value?: string
  currency?: string
}

export interface EbayAddress {
  addressLine1?: string
  addressLine2?: string
  city?: string
  stateOrProvince?: string
  postalCode?: string
  countryCode?: string
}

export interface EbayLineItem {
  lineItemId: string
  legacyItemId?: string
  sku?: string
  title?: string
  quantity: number
  lineItemCost?: EbayAmount
  total?: EbayAmount
  listingMarketplaceId?: string
  lineItemFulfillmentStatus?: string
  appliedPromotions?: { discountAmount?: EbayAmount; description?: string }[]
}

/** The parts of the Sell Fulfillment API's Order the plugin reads. */
export interface EbayOrder {
  orderId: string
  legacyOrderId?: string
  creationDate?: string
  lastModifiedDate?: string
  orderFulfillmentStatus?: 'NOT_STARTED' | 'IN_PROGRESS' | 'FULFILLED' | string
  orderPaymentStatus?: 'PAID' | 'PENDING' | 'FAILED' | 'FULLY_REFUNDED' | 'PARTIALLY_REFUNDED' | string
  sellerId?: string
  buyer?: {
    username?: string
    buyerRegistrationAddress?: {
      fullName?: string
      email?: string
      primaryPhone?: { phoneNumber?: string }
      contactAddress?: EbayAddress
    }
  }
  pricingSummary?: { priceSubtotal?: EbayAmount; deliveryCost?: EbayAmount; total?: EbayAmount }
  paymentSummary?: { payments?: { paymentDate?: string; paymentStatus?: string }[] }
  cancelStatus?: {
    cancelState?: 'NONE_REQUESTED' | 'IN_PROGRESS' | 'CANCELED' | string
    cancelledDate?: string
  }
  fulfillmentStartInstructions?: {
    fulfillmentInstructionsType?: string
    ebaySupportedFulfillment?: boolean
    shippingStep?: {
      shippingCarrierCode?: string
      shippingServiceCode?: string
      shipTo?: {
        fullName?: string
        contactAddress?: EbayAddress
        primaryPhone?: { phoneNumber?: string }
        email?: string
      }
    }
  }[]
  lineItems?: EbayLineItem[]
}

export interface EbayOrderPage {
  href?: string
  total?: number
  limit?: number
  offset?: number
  next?: string
  orders?: EbayOrder[]
}
