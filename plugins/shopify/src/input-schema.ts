import { z } from 'zod'

const text = z.string().nullish()
const id = z.union([z.number().int(), z.string().min(1)])
/** Shopify sends money as decimal strings ("12.50"); anything else would be guessed at, so it is refused. */
const money = z
  .string()
  .regex(/^-?\d{1,15}(\.\d{1,6})?$/, 'must be a decimal amount such as "12.50"')
  .nullish()
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
  total_price: money,
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
        // What is still ordered after edits and removals (0 for a removed line).
        current_quantity: z.number().int().min(0).nullish(),
        price: money,
        total_discount: money,
        requires_shipping: z.boolean().nullish(),
      }),
    )
    .nullish(),
  shipping_lines: z.array(z.looseObject({ code: text, title: text, price: money })).nullish(),
  shipping_address: address.nullish(),
  billing_address: address.nullish(),
  customer: z
    .looseObject({ id: id.nullish(), email: text, first_name: text, last_name: text, phone: text })
    .nullish(),
})

/** The fields of a Shopify refunds/create webhook the connector reads. */
export const shopifyRefundInput = z.looseObject({
  id,
  order_id: id,
  created_at: text,
  note: text,
  refund_line_items: z
    .array(
      z.looseObject({
        line_item_id: id,
        quantity: z.number().int().positive(),
        restock_type: text,
        line_item: z.looseObject({ sku: text }).nullish(),
      }),
    )
    .nullish(),
  transactions: z.array(z.looseObject({ amount: money, kind: text, status: text, currency: text })).nullish(),
})

/**
 * The fields of a Shopify returns/request (or returns/approve) webhook the connector reads. Return
 * line items point at the order line through their fulfilment line item; ids only, no sku.
 */
/** returns/decline and returns/close: the return's id, its order, and a decline's reason. */
export const shopifyReturnRefInput = z.looseObject({
  id,
  status: text,
  order: z.looseObject({ id }),
  decline: z.looseObject({ reason: text, note: text }).nullish(),
})

export const shopifyReturnInput = z.looseObject({
  id,
  name: text,
  order: z.looseObject({ id }),
  return_line_items: z
    .array(
      z.looseObject({
        quantity: z.number().int().positive(),
        return_reason: text,
        return_reason_note: text,
        customer_note: text,
        fulfillment_line_item: z.looseObject({ line_item: z.looseObject({ id }) }),
      }),
    )
    .min(1, 'a return needs at least one line'),
})
