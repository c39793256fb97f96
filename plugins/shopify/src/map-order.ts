import {
  type Address,
  type CanonicalOrder,
  type ChannelRefund,
  type ChannelReturn,
  canonicalOrderSchema,
  type InboundEvent,
  PayloadError,
  type PayloadIssue,
  type ServiceLevel,
  zodIssues,
} from '@switchyard/plugin-sdk'
import type { ShopifyAddress, ShopifyOrder, ShopifyRefund, ShopifyReturn } from './types'

const str = (v: unknown): string | undefined =>
  v === null || v === undefined || v === '' ? undefined : String(v)

function address(a: ShopifyAddress): Partial<Address> {
  const name = str(a.name) ?? ([a.first_name, a.last_name].filter(Boolean).join(' ') || undefined)
  return {
    ...(name ? { name } : {}),
    ...(str(a.company) ? { company: str(a.company) } : {}),
    line1: a.address1 ?? '',
    ...(str(a.address2) ? { line2: str(a.address2) } : {}),
    ...(str(a.city) ? { city: str(a.city) } : {}),
    ...(str(a.province_code ?? a.province) ? { region: str(a.province_code ?? a.province) } : {}),
    ...(str(a.zip) ? { postcode: str(a.zip) } : {}),
    country: a.country_code ?? '',
    ...(str(a.phone) ? { phone: str(a.phone) } : {}),
    ...(typeof a.latitude === 'number' && typeof a.longitude === 'number'
      ? { lat: a.latitude, lon: a.longitude }
      : {}),
  }
}

/** Shopify names shipping rates freely; the words in them are the only hint of the service level. */
export function serviceLevelOf(lines: ShopifyOrder['shipping_lines']): ServiceLevel {
  const text = (lines ?? []).map((l) => `${l.code ?? ''} ${l.title ?? ''}`).join(' ')
  if (/overnight|next[- ]day/i.test(text)) return 'overnight'
  if (/express|expedited|priority/i.test(text)) return 'express'
  if (/pick ?up|collect/i.test(text)) return 'pickup'
  if (/economy/i.test(text)) return 'economy'
  return 'standard'
}

/** Adds decimal strings exactly (scaled integers), so "0.10" + "0.20" is "0.30". */
export function addDecimals(values: readonly string[]): string {
  let scale = 2
  for (const v of values) scale = Math.max(scale, (v.split('.')[1] ?? '').length)
  let total = 0n
  for (const v of values) {
    const [whole, frac = ''] = v.replace('-', '').split('.')
    const n = BigInt(`${whole}${frac.padEnd(scale, '0')}`)
    total += v.startsWith('-') ? -n : n
  }
  const negative = total < 0n
  const digits = (negative ? -total : total).toString().padStart(scale + 1, '0')
  return `${negative ? '-' : ''}${digits.slice(0, -scale)}.${digits.slice(-scale)}`
}

/**
 * A Shopify order as the hub's canonical order. Ids stay strings, money stays decimal strings.
 * Lines that need no shipping (gift cards, digital goods) are left out: nothing to route. A line's
 * quantity is what is still ordered (`current_quantity`, after order edits); a line an edit removed
 * is left out, so an `order.updated` shows it gone.
 */
export function toCanonicalOrder(order: ShopifyOrder): CanonicalOrder {
  const issues: PayloadIssue[] = []
  if (!order.shipping_address)
    issues.push({ field: 'shipping_address', message: 'is required for an order with items to ship' })
  const lines = (order.line_items ?? [])
    .map((li, index) => ({ li, index }))
    .filter(({ li }) => li.requires_shipping !== false && (li.current_quantity ?? li.quantity) > 0)
  for (const { li, index } of lines) {
    if (!str(li.sku))
      issues.push({
        field: `line_items[${index}].sku`,
        message: 'is empty; Switchyard routes and allocates by sku',
      })
  }
  if (issues.length > 0) throw new PayloadError(`Shopify order ${String(order.id)} cannot be taken`, issues)

  const customer = order.customer
  const customerName = [customer?.first_name, customer?.last_name].filter(Boolean).join(' ')
  const email = str(customer?.email ?? order.email)
  const candidate = {
    externalId: String(order.id),
    ...(order.name ? { orderNumber: order.name } : {}),
    ...(order.created_at ? { placedAt: order.created_at } : {}),
    currency: order.currency ?? '',
    ...(customer || email
      ? {
          customer: {
            ...(customer?.id !== undefined ? { externalId: String(customer.id) } : {}),
            ...(email ? { email } : {}),
            ...(customerName ? { name: customerName } : {}),
            ...(str(customer?.phone) ? { phone: str(customer?.phone) } : {}),
          },
        }
      : {}),
    shipTo: address(order.shipping_address!),
    ...(order.billing_address ? { billTo: address(order.billing_address) } : {}),
    serviceLevel: serviceLevelOf(order.shipping_lines),
    lines: lines.map(({ li }) => ({
      externalLineId: String(li.id),
      sku: String(li.sku),
      quantity: li.current_quantity ?? li.quantity,
      ...(li.price ? { unitPrice: li.price } : {}),
      ...(li.total_discount && Number(li.total_discount) !== 0 ? { discount: li.total_discount } : {}),
      ...(li.name || li.title ? { name: li.name ?? li.title } : {}),
    })),
    ...(order.shipping_lines?.length
      ? { shippingTotal: addDecimals(order.shipping_lines.map((l) => l.price ?? '0')) }
      : {}),
    ...(order.total_price ? { total: order.total_price } : {}),
    ...(order.tags
      ? {
          tags: order.tags
            .split(',')
            .map((t) => t.trim())
            .filter(Boolean)
            .slice(0, 50),
        }
      : {}),
    ...(order.note ? { notes: order.note.slice(0, 2000) } : {}),
    raw: order,
  }
  const parsed = canonicalOrderSchema.safeParse(candidate)
  if (!parsed.success)
    throw new PayloadError(`Shopify order ${String(order.id)} is invalid`, zodIssues(parsed.error))
  return parsed.data
}

/**
 * What an order payload (webhook or poll) means for the hub: a new or updated order, a cancellation,
 * or nothing (digital only, already fulfilled at Shopify, so the hub must not ship it again).
 */
/**
 * What an order webhook says. `orders/updated` of a live order is an `order.updated` (the hub
 * applies its changes before release, or takes it when it has no such order yet).
 */
export function orderEvent(order: ShopifyOrder, topic = 'orders/create'): InboundEvent {
  if (order.cancelled_at)
    return {
      type: 'order.cancelled',
      externalOrderId: String(order.id),
      ...(order.cancel_reason ? { reason: order.cancel_reason } : {}),
    }
  if (order.fulfillment_status === 'fulfilled')
    return { type: 'ignored', reason: `order ${String(order.id)} is already fulfilled at Shopify` }
  if ((order.line_items ?? []).every((li) => li.requires_shipping === false))
    return { type: 'ignored', reason: `order ${String(order.id)} has nothing to ship` }
  const canonical = toCanonicalOrder(order)
  return topic === 'orders/updated'
    ? { type: 'order.updated', order: canonical }
    : { type: 'order', order: canonical }
}

export function toChannelRefund(refund: ShopifyRefund): ChannelRefund {
  const paid = (refund.transactions ?? []).filter(
    (t) => t.kind === 'refund' && t.status !== 'failure' && t.amount,
  )
  return {
    externalOrderId: String(refund.order_id),
    externalRefundId: String(refund.id),
    ...(paid.length > 0 ? { amount: addDecimals(paid.map((t) => t.amount!)) } : {}),
    ...(paid[0]?.currency ? { currency: paid[0].currency } : {}),
    ...(refund.note ? { reason: refund.note } : {}),
    lines: (refund.refund_line_items ?? []).map((l) => ({
      externalLineId: String(l.line_item_id),
      sku: str(l.line_item?.sku) ?? `line-${String(l.line_item_id)}`,
      quantity: l.quantity,
      restock: l.restock_type !== 'no_restock',
    })),
    ...(refund.created_at ? { refundedAt: refund.created_at } : {}),
  }
}

/**
 * A Shopify return request as the hub's channel return: lines by the order line they return (the
 * hub matches `externalLineId`; the sku is a placeholder, Shopify's return payload carries none).
 * Reasons are Shopify's enum in lower case (`wrong_item`, `defective`, …), with the notes.
 */
export function toChannelReturn(r: ShopifyReturn): ChannelReturn {
  const reasons = [
    ...new Set(
      r.return_line_items
        .map((l) => [l.return_reason, l.return_reason_note, l.customer_note].filter(Boolean).join(': '))
        .filter(Boolean),
    ),
  ]
  return {
    externalOrderId: String(r.order.id),
    externalReturnId: String(r.id),
    ...(reasons.length > 0 ? { reason: reasons.join('; ').slice(0, 500) } : {}),
    lines: r.return_line_items.map((l) => {
      const lineId = String(l.fulfillment_line_item.line_item.id)
      return { externalLineId: lineId, sku: `line-${lineId}`, quantity: l.quantity }
    }),
  }
}
