import {
  type Address,
  type CanonicalOrder,
  canonicalOrderSchema,
  type InboundEvent,
  PayloadError,
  type PayloadIssue,
  type ServiceLevel,
  zodIssues,
} from '@switchyard/plugin-sdk'
import type { WooAddress, WooOrder } from './types'

const str = (v: unknown): string | undefined =>
  v === null || v === undefined || v === '' ? undefined : String(v)

/** WooCommerce's `_gmt` dates are UTC without a zone designator: say so, or they read as local time. */
export function gmt(value: string | null | undefined): string | undefined {
  if (!value) return undefined
  return /[zZ]|[+-]\d\d:\d\d$/.test(value) ? value : `${value}Z`
}

function address(a: WooAddress, fallbackPhone?: string): Partial<Address> {
  const name = [a.first_name, a.last_name].filter(Boolean).join(' ')
  const phone = str(a.phone) ?? fallbackPhone
  return {
    ...(name ? { name } : {}),
    ...(str(a.company) ? { company: str(a.company) } : {}),
    line1: a.address_1 ?? '',
    ...(str(a.address_2) ? { line2: str(a.address_2) } : {}),
    ...(str(a.city) ? { city: str(a.city) } : {}),
    ...(str(a.state) ? { region: str(a.state) } : {}),
    ...(str(a.postcode) ? { postcode: str(a.postcode) } : {}),
    country: a.country ?? '',
    ...(phone ? { phone } : {}),
  }
}

function serviceLevelOf(lines: WooOrder['shipping_lines']): ServiceLevel {
  const text = (lines ?? []).map((l) => `${l.method_id ?? ''} ${l.method_title ?? ''}`).join(' ')
  if (/local_pickup|pick ?up/i.test(text)) return 'pickup'
  if (/overnight|next[- ]day/i.test(text)) return 'overnight'
  if (/express|expedited|priority/i.test(text)) return 'express'
  return 'standard'
}

/** Line prices arrive as JSON numbers; a short decimal literal prints back exactly with String(). */
function decimal(value: number | string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined
  const text = String(value)
  return /^-?\d{1,15}(\.\d{1,6})?$/.test(text) ? text : undefined
}

export function toCanonicalOrder(order: WooOrder): CanonicalOrder {
  const issues: PayloadIssue[] = []
  for (const [i, li] of (order.line_items ?? []).entries())
    if (!str(li.sku))
      issues.push({
        field: `line_items[${i}].sku`,
        message: 'is empty; Switchyard routes and allocates by sku',
      })
  if (issues.length > 0) throw new PayloadError(`WooCommerce order ${order.id} cannot be taken`, issues)
  const billing = order.billing ?? {}
  // Without a separate shipping address WooCommerce ships to the billing one.
  const shipping = order.shipping?.address_1 ? order.shipping : billing
  const name = [billing.first_name, billing.last_name].filter(Boolean).join(' ')
  const candidate = {
    externalId: String(order.id),
    orderNumber: order.number ?? String(order.id),
    ...(gmt(order.date_created_gmt) ? { placedAt: gmt(order.date_created_gmt) } : {}),
    currency: order.currency ?? '',
    customer: {
      ...(order.customer_id ? { externalId: String(order.customer_id) } : {}),
      ...(str(billing.email) ? { email: billing.email } : {}),
      ...(name ? { name } : {}),
      ...(str(billing.phone) ? { phone: billing.phone } : {}),
    },
    shipTo: address(shipping, str(billing.phone)),
    billTo: address(billing),
    serviceLevel: serviceLevelOf(order.shipping_lines),
    lines: (order.line_items ?? []).map((li) => ({
      externalLineId: String(li.id),
      sku: String(li.sku),
      quantity: li.quantity,
      ...(decimal(li.price) ? { unitPrice: decimal(li.price) } : {}),
      ...(li.name ? { name: li.name } : {}),
    })),
    ...(order.shipping_total ? { shippingTotal: order.shipping_total } : {}),
    ...(order.total ? { total: order.total } : {}),
    ...(order.customer_note ? { notes: order.customer_note.slice(0, 2000) } : {}),
    raw: order,
  }
  const parsed = canonicalOrderSchema.safeParse(candidate)
  if (!parsed.success)
    throw new PayloadError(`WooCommerce order ${order.id} is invalid`, zodIssues(parsed.error))
  return parsed.data
}

/**
 * What an order's status means for the hub. Only paid orders waiting to ship are taken: `pending`
 * is unpaid, `completed` already shipped, and `checkout-draft` is not an order yet.
 */
export function orderEvent(order: WooOrder): InboundEvent {
  switch (order.status) {
    case 'processing':
    case 'on-hold':
      return { type: 'order', order: toCanonicalOrder(order) }
    case 'cancelled':
    case 'failed':
    case 'trash':
      return {
        type: 'order.cancelled',
        externalOrderId: String(order.id),
        reason: `WooCommerce status ${order.status}`,
      }
    default:
      return { type: 'ignored', reason: `order ${order.id} is '${order.status}'` }
  }
}
