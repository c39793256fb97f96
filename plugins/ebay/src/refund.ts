import { type DeliveryResult, jsonResponse, PermanentError, type RefundRequest } from '@switchyard/plugin-sdk'
import { type Ctx, ebay } from './api'
import { scaleOf, toDecimal, toUnits } from './money'

type Amount = { value: string; currency: string }
export type IssueRefundBody = {
  reasonForRefund: 'BUYER_RETURN' | 'OTHER_ADJUSTMENT'
  comment: string
  refundItems?: { lineItemId: string; refundAmount: Amount }[]
  orderLevelRefundAmount?: Amount
}

/**
 * The issueRefund request for a hub refund. Per line (`refundItems`) when the hub says what each
 * line is paid back: shipping rides on the first line, a restocking fee comes off the lines in
 * order, and the whole never exceeds the refund's amount. Otherwise the amount at order level.
 */
export function issueRefundBody(refund: RefundRequest, currency: string): IssueRefundBody {
  const reason = refund.lines.length > 0 ? 'BUYER_RETURN' : 'OTHER_ADJUSTMENT'
  const comment = `Switchyard refund ${refund.refundId}`.slice(0, 100)
  const lines = refund.lines.filter((l) => l.quantity > 0)
  const perLine = lines.length > 0 && lines.every((l) => l.externalLineId && l.amount !== undefined)
  if (!perLine) {
    if (!refund.amount)
      throw new PermanentError(`refund ${refund.refundId} has no amount and no line amounts`)
    return { reasonForRefund: reason, comment, orderLevelRefundAmount: { value: refund.amount, currency } }
  }
  const scale = scaleOf([refund.amount, refund.shipping, refund.restockingFee, ...lines.map((l) => l.amount)])
  const items = lines.map((l, i) => ({
    lineItemId: l.externalLineId!,
    units: toUnits(l.amount, scale) + (i === 0 ? toUnits(refund.shipping, scale) : 0n),
  }))
  let fee = toUnits(refund.restockingFee, scale)
  for (const item of items) {
    // biome-ignore lint/complexity/useMathMinMax: bigints, which Math.min does not take
    const take = fee < item.units ? fee : item.units
    item.units -= take
    fee -= take
  }
  if (refund.amount !== undefined) {
    let over = items.reduce((s, i) => s + i.units, 0n) - toUnits(refund.amount, scale)
    for (const item of [...items].reverse()) {
      // biome-ignore lint/complexity/useMathMinMax: bigints, which Math.min does not take
      const take = over < item.units ? over : item.units
      if (take > 0n) {
        item.units -= take
        over -= take
      }
    }
  }
  const refundItems = items
    .filter((i) => i.units > 0n)
    .map((i) => ({ lineItemId: i.lineItemId, refundAmount: { value: toDecimal(i.units, scale), currency } }))
  if (refundItems.length === 0) throw new PermanentError(`refund ${refund.refundId} pays nothing back`)
  return { reasonForRefund: reason, comment, refundItems }
}

/**
 * issueRefund (Sell Fulfillment API). It is not idempotent at eBay, so eBay's refund id is kept in
 * state under the hub's refund id: a retried delivery answers with the refund already issued.
 * eBay processes refunds asynchronously; a `FAILED` answer is a refusal.
 */
export async function pushRefund(refund: RefundRequest, ctx: Ctx): Promise<DeliveryResult> {
  const key = `refund:${refund.refundId}`
  const done = await ctx.state.get<string>(key)
  if (done) return { status: 'accepted', externalRef: done }
  const orderPath = `/sell/fulfillment/v1/order/${encodeURIComponent(refund.externalOrderId)}`
  let currency = refund.currency
  if (!currency) {
    const order = jsonResponse<{
      pricingSummary?: { total?: { currency?: string } }
    }>(await ebay(ctx, 'GET', orderPath), { what: 'eBay getOrder' })
    currency = order.pricingSummary?.total?.currency
    if (!currency)
      throw new PermanentError(`eBay order ${refund.externalOrderId} has no currency to refund in`)
  }
  const res = await ebay(ctx, 'POST', `${orderPath}/issue_refund`, {
    body: issueRefundBody(refund, currency),
    signed: true,
  })
  const answer = jsonResponse<{ refundId?: string; refundStatus?: string }>(res, { what: 'eBay issueRefund' })
  if (answer.refundStatus === 'FAILED' || !answer.refundId)
    return {
      status: 'refused',
      reason: `eBay did not issue refund ${refund.refundId} (${answer.refundStatus ?? 'no refund id'})`,
    }
  await ctx.state.set(key, answer.refundId)
  return { status: 'accepted', externalRef: answer.refundId }
}
