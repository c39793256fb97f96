import type { QuoteBody, SubmitOrderBody } from '../../api/client'

/** The built-in channel every hub has for orders people enter (server/src/plugins/manual-channel.ts). */
export const MANUAL_CHANNEL = 'manual'

export const SERVICE_LEVELS = ['standard', 'express', 'overnight', 'economy', 'pickup'] as const
export type ServiceLevel = (typeof SERVICE_LEVELS)[number]

export interface FormLine {
  sku: string
  quantity: string
}

/** What the person typed, as typed: turned into an order only when it is complete. */
export interface OrderForm {
  customerName: string
  email: string
  phone: string
  line1: string
  line2: string
  city: string
  region: string
  postcode: string
  country: string
  serviceLevel: ServiceLevel
  currency: string
  notes: string
  lines: FormLine[]
}

export function emptyForm(): OrderForm {
  return {
    customerName: '',
    email: '',
    phone: '',
    line1: '',
    line2: '',
    city: '',
    region: '',
    postcode: '',
    country: 'NZ',
    serviceLevel: 'standard',
    currency: 'NZD',
    notes: '',
    lines: [{ sku: '', quantity: '1' }],
  }
}

/** The lines worth sending: a sku and a whole positive quantity. */
function filledLines(form: OrderForm): { sku: string; quantity: number }[] {
  return form.lines
    .map((l) => ({ sku: l.sku.trim(), quantity: Number(l.quantity) }))
    .filter((l) => l.sku !== '')
}

/** What is missing or wrong, by field id, in words; empty when the order can be quoted and saved. */
export function problems(form: OrderForm, knownSkus: ReadonlySet<string>): Record<string, string> {
  const out: Record<string, string> = {}
  if (!form.customerName.trim()) out.customerName = 'Enter the customer’s name'
  if (form.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(form.email.trim()))
    out.email = 'Enter an email like name@example.com'
  if (!form.line1.trim()) out.line1 = 'Enter the street address'
  if (!/^[A-Z]{2}$/.test(form.country.trim())) out.country = 'Two capital letters, e.g. NZ'
  if (!/^[A-Z]{3}$/.test(form.currency.trim())) out.currency = 'Three capital letters, e.g. NZD'
  form.lines.forEach((l, i) => {
    const sku = l.sku.trim()
    if (!sku) return
    if (knownSkus.size > 0 && !knownSkus.has(sku)) out[`sku-${i}`] = `No product with sku ${sku}`
    const q = Number(l.quantity)
    if (!Number.isInteger(q) || q < 1) out[`qty-${i}`] = 'A whole number, 1 or more'
  })
  if (filledLines(form).length === 0) out['sku-0'] = 'Add at least one product'
  return out
}

/** The quote request: the same channel, customer, currency and lines the order will have. */
export function quoteBody(form: OrderForm): QuoteBody {
  const email = form.email.trim()
  return {
    channel: MANUAL_CHANNEL,
    currency: form.currency.trim(),
    customer: email ? { email } : null,
    lines: filledLines(form),
    shipTo: {
      country: form.country.trim(),
      ...(form.postcode.trim() ? { postcode: form.postcode.trim() } : {}),
      ...(form.region.trim() ? { region: form.region.trim() } : {}),
    },
  }
}

/**
 * The order for `POST /orders`. Lines carry no prices: intake prices them by the pricing rules, as
 * the quote did. `externalId` is the console's own number for it (PHONE-…), kept on retry so a
 * double click or a resend is the same order, not two.
 */
export function orderBody(form: OrderForm, externalId: string): SubmitOrderBody {
  const opt = (v: string) => (v.trim() ? v.trim() : undefined)
  const email = opt(form.email)
  const phone = opt(form.phone)
  return {
    channel: MANUAL_CHANNEL,
    order: {
      externalId,
      currency: form.currency.trim(),
      customer: { name: form.customerName.trim(), ...(email ? { email } : {}), ...(phone ? { phone } : {}) },
      shipTo: {
        name: form.customerName.trim(),
        line1: form.line1.trim(),
        ...(opt(form.line2) ? { line2: opt(form.line2) } : {}),
        ...(opt(form.city) ? { city: opt(form.city) } : {}),
        ...(opt(form.region) ? { region: opt(form.region) } : {}),
        ...(opt(form.postcode) ? { postcode: opt(form.postcode) } : {}),
        country: form.country.trim(),
        ...(phone ? { phone } : {}),
      },
      serviceLevel: form.serviceLevel,
      lines: filledLines(form).map((l, i) => ({ externalLineId: `L${i + 1}`, ...l })),
      ...(opt(form.notes) ? { notes: opt(form.notes) } : {}),
    },
  }
}

/** A new order number for the console's orders: readable on the phone, unique enough per hub. */
export function newExternalId(now = Date.now(), random = Math.random()): string {
  const stamp = new Date(now).toISOString().slice(2, 10).replace(/-/g, '')
  return `PHONE-${stamp}-${Math.floor(random * 36 ** 5)
    .toString(36)
    .toUpperCase()
    .padStart(5, '0')}`
}
