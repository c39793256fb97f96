/** The REST Order resource as webhooks and the orders endpoint send it (fields this plugin reads). */
export interface ShopifyAddress {
  first_name?: string | null
  last_name?: string | null
  name?: string | null
  company?: string | null
  address1?: string | null
  address2?: string | null
  city?: string | null
  province?: string | null
  province_code?: string | null
  zip?: string | null
  country_code?: string | null
  phone?: string | null
  latitude?: number | null
  longitude?: number | null
}

export interface ShopifyLineItem {
  id: number | string
  sku?: string | null
  title?: string
  name?: string
  quantity: number
  /** What is still ordered after order edits and removals; 0 for a removed line. */
  current_quantity?: number | null
  price?: string
  total_discount?: string
  requires_shipping?: boolean
}

export interface ShopifyOrder {
  id: number | string
  name?: string
  email?: string | null
  created_at?: string
  updated_at?: string
  currency?: string
  total_price?: string
  cancelled_at?: string | null
  cancel_reason?: string | null
  fulfillment_status?: string | null
  tags?: string
  note?: string | null
  line_items?: ShopifyLineItem[]
  shipping_lines?: { code?: string | null; title?: string | null; price?: string }[]
  shipping_address?: ShopifyAddress | null
  billing_address?: ShopifyAddress | null
  customer?: {
    id?: number | string
    email?: string | null
    first_name?: string | null
    last_name?: string | null
    phone?: string | null
  } | null
}

export interface ShopifyRefund {
  id: number | string
  order_id: number | string
  created_at?: string
  note?: string | null
  refund_line_items?: {
    line_item_id: number | string
    quantity: number
    restock_type?: string
    line_item?: { sku?: string | null }
  }[]
  transactions?: { amount?: string; kind?: string; status?: string; currency?: string }[]
}

/** A returns/request webhook body, as far as the connector reads it. */
/** What returns/decline and returns/close carry that the hub reads. */
export interface ShopifyReturnRef {
  id: number | string
  status?: string | null
  order: { id: number | string }
  decline?: { reason?: string | null; note?: string | null } | null
}

export interface ShopifyReturn {
  id: number | string
  name?: string | null
  order: { id: number | string }
  return_line_items: {
    quantity: number
    return_reason?: string | null
    return_reason_note?: string | null
    customer_note?: string | null
    fulfillment_line_item: { line_item: { id: number | string } }
  }[]
}
