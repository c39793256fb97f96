import { z } from 'zod'

const text = z.string().nullish()
const address = z.looseObject({
  first_name: text,
  last_name: text,
  company: text,
  address_1: text,
  address_2: text,
  city: text,
  state: text,
  postcode: text,
  country: text,
  phone: text,
  email: text,
})

/**
 * The fields of a WooCommerce REST v3 order the connector reads, with their types. Checked before
 * mapping, so a malformed delivery is refused naming the field instead of failing inside the
 * mapper. Other fields pass through untouched (kept in `raw`).
 */
export const wooOrderInput = z.looseObject({
  id: z.union([z.number().int(), z.string().min(1)]),
  number: text,
  status: text,
  currency: text,
  date_created_gmt: text,
  date_modified_gmt: text,
  total: text,
  shipping_total: text,
  customer_id: z.number().int().nullish(),
  customer_note: text,
  billing: address.nullish(),
  shipping: address.nullish(),
  line_items: z
    .array(
      z.looseObject({
        id: z.union([z.number().int(), z.string()]),
        name: text,
        sku: text,
        quantity: z.number(),
        price: z.union([z.number(), z.string()]).nullish(),
      }),
    )
    .nullish(),
  shipping_lines: z.array(z.looseObject({ method_id: text, method_title: text })).nullish(),
})
