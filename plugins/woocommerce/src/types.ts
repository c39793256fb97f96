export interface WooAddress {
  first_name?: string
  last_name?: string
  company?: string
  address_1?: string
  address_2?: string
  city?: string
  state?: string
  postcode?: string
  country?: string
  email?: string
  phone?: string
}

/** The REST v3 order resource (fields this plugin reads). */
export interface WooOrder {
  id: number
  number?: string
  status: string
  currency?: string
  date_created_gmt?: string | null
  date_modified_gmt?: string | null
  total?: string
  shipping_total?: string
  customer_id?: number
  customer_note?: string
  billing?: WooAddress
  shipping?: WooAddress
  line_items?: {
    id: number
    name?: string
    sku?: string
    quantity: number
    price?: number | string
    subtotal?: string
    total?: string
  }[]
  shipping_lines?: { method_id?: string; method_title?: string; total?: string }[]
}
