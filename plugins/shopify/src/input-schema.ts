import { z } from 'zod'

const text = z.string().nullish()
const id = z.union([z.number().int(), z.string().min(1)])
const address = z.looseObject({
  first_name: text,
  last_name: text,
  name: text,
  company: text,
  address1: text,
  address2: text,
  city: text,
  province: text,
  province_code: text,
  zip: text,
  country_code: text,
  phone: text,
  latitude: z.number().nullish(),
  longitude: z.number().nullish(),
})

/**
 * The fields of a Shopify order webhook the connector reads, with their types. Checked before
 * mapping, so a malformed delivery is refused naming the field instead of failing inside the
 * mapper. Everything else passes through (kept in `raw`).
 */
export const shopifyOrderInput = z.looseObject({
  id,
  name: text,
  email: text,
  created_at: text,
  updated_at: text,
  currency: text,
  total_price: text,
  cancelled_at: text,
  cancel_reason: text,
  fulfillment_status: text,
  tags: text,
  note: text,
  line_items: z
    .array(
      z.looseObject({
        id,
        sku: text,
        title: text,
        name: text,
        quantity: z.number(),
        price: text,
        total_discount: text,
        requires_shipping: z.boolean().nullish(),
      }),
    )
    .nullish(),
  shipping_lines: z.array(z.looseObject({ code: text, title: text, price: text })).nullish(),
  shipping_address: address.nullish(),
  billing_address: address.nullish(),
  customer: z
    .looseObject({ id: id.nullish(), email: text, first_name: text, last_name: text, phone: text })
    .nullish(),
})
