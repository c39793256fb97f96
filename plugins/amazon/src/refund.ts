import {
  type DeliveryResult,
  PermanentError,
  type PluginContext,
  type RefundRequest,
} from '@switchyard/plugin-sdk'
import type { AmazonConfig } from './config'
import { submitFeed, xml } from './outbound'

type Ctx = PluginContext<AmazonConfig>

interface AdjustedItem {
  orderItemId: string
  principal: bigint
  shipping: bigint
}

/** Decimal strings as integers at one shared scale, so the split below is exact. */
function scaleOf(values: readonly (string | undefined)[]): number {
  return Math.max(2, ...values.map((v) => (v?.split('.')[1] ?? '').length))
}
const toUnits = (v: string | undefined, scale: number): bigint => {
  if (!v) return 0n
  const negative = v.startsWith('-')
  const [whole, frac = ''] = v.replace('-', '').split('.')
  const n = BigInt(`${whole}${frac.padEnd(scale, '0')}`)
  return negative ? -n : n
}
const toDecimal = (n: bigint, scale: number): string => {
  const digits = n.toString().padStart(scale + 1, '0')
  return `${digits.slice(0, -scale)}.${digits.slice(-scale)}`
}

/**
 * What each Amazon order item is paid back. Amazon adjusts per item: the line's share goes in
 * Principal, the shipping refund rides on the first item, a restocking fee is taken off the items'
 * Principal in line order, and the whole never exceeds the refund's amount (the hub caps it at
 * what was paid and not yet refunded).
 */
export function adjustedItems(refund: RefundRequest): { items: AdjustedItem[]; scale: number } {
  const lines = refund.lines.filter((l) => l.quantity > 0)
  const missing = lines.filter((l) => !l.externalLineId)
  if (missing.length > 0 || lines.length === 0)
    throw new PermanentError(
      `refund ${refund.refundId} has lines without an Amazon orderItemId (${missing.map((l) => l.sku).join(', ') || 'no lines'})`,
    )
  const scale = scaleOf([refund.amount, refund.shipping, refund.restockingFee, ...lines.map((l) => l.amount)])
  const items: AdjustedItem[] = lines.map((l, i) => ({
    orderItemId: l.externalLineId!,
    principal: toUnits(l.amount, scale),
    shipping: i === 0 ? toUnits(refund.shipping, scale) : 0n,
  }))
  let fee = toUnits(refund.restockingFee, scale)
  for (const item of items) {
    // biome-ignore lint/complexity/useMathMinMax: bigints; Math.min takes numbers
    const take = fee < item.principal ? fee : item.principal
    item.principal -= take
    fee -= take
  }
  if (refund.amount !== undefined) {
    let over = items.reduce((s, i) => s + i.principal + i.shipping, 0n) - toUnits(refund.amount, scale)
    for (const item of [...items].reverse()) {
      for (const part of ['shipping', 'principal'] as const) {
        // biome-ignore lint/complexity/useMathMinMax: bigints; Math.min takes numbers
        const take = over < item[part] ? over : item[part]
        if (take > 0n) {
          item[part] -= take
          over -= take
        }
      }
    }
  }
  return { items, scale }
}

/** The POST_PAYMENT_ADJUSTMENT_DATA document for a refund after a customer return. */
export function adjustmentXml(sellerId: string, refund: RefundRequest): string {
  const { items, scale } = adjustedItems(refund)
  const currency = xml(refund.currency ?? 'USD')
  const component = (type: string, amount: bigint) =>
    amount > 0n
      ? `<Component><Type>${type}</Type><Amount currency="${currency}">${toDecimal(amount, scale)}</Amount></Component>`
      : ''
  const adjusted = items
    .map(
      (item, i) =>
        `<AdjustedItem><AmazonOrderItemCode>${xml(item.orderItemId)}</AmazonOrderItemCode><MerchantAdjustmentItemID>${xml(`${refund.refundId.slice(-20)}-${i + 1}`)}</MerchantAdjustmentItemID><AdjustmentReason>CustomerReturn</AdjustmentReason><ItemPriceAdjustments>${component('Principal', item.principal)}${component('Shipping', item.shipping)}</ItemPriceAdjustments></AdjustedItem>`,
    )
    .join('')
  return `<?xml version="1.0" encoding="UTF-8"?>
<AmazonEnvelope xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="amzn-envelope.xsd">
<Header><DocumentVersion>1.01</DocumentVersion><MerchantIdentifier>${xml(sellerId)}</MerchantIdentifier></Header>
<MessageType>OrderAdjustment</MessageType>
<Message><MessageID>1</MessageID><OrderAdjustment><AmazonOrderID>${xml(refund.externalOrderId)}</AmazonOrderID>${adjusted}</OrderAdjustment></Message>
</AmazonEnvelope>
`
}

/**
 * A refund as an order adjustment feed. Feeds are not idempotent at Amazon, so the feed id is kept
 * in state under the hub's refund id: a retried delivery answers with the feed already sent.
 */
export async function pushRefund(refund: RefundRequest, ctx: Ctx): Promise<DeliveryResult> {
  const doneKey = `refund:${refund.refundId}`
  const done = await ctx.state.get<string>(doneKey)
  if (done) return { status: 'accepted', externalRef: done }
  const feedId = await submitFeed(
    ctx,
    'POST_PAYMENT_ADJUSTMENT_DATA',
    adjustmentXml(ctx.config.sellerId, refund),
  )
  await ctx.state.set(doneKey, feedId)
  return { status: 'accepted', externalRef: feedId }
}
