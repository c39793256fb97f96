import {
  type DeliveryResult,
  type OrderStatusUpdate,
  PermanentError,
  type RefundRequest,
  TransientError,
} from '@switchyard/plugin-sdk'
import { type Ctx, isCode, readJson, refused, tradeMe } from './api'
import { purchaseIdOf } from './ship'
import type { TradeMeResult } from './types'

/**
 * A Pay Now refund (`POST /v1/MyTradeMe/PayNowRefund.json`): without an amount TradeMe pays the
 * whole purchase back. Refunds are not idempotent at TradeMe, so each is recorded in state under
 * `doneKey` once made, and a retry answers with it; `AlreadyRefunded` is taken as done as well.
 */
async function payNowRefund(
  ctx: Ctx,
  purchaseId: number,
  amount: string | undefined,
  doneKey: string,
): Promise<DeliveryResult> {
  const done = await ctx.state.get<string>(doneKey)
  if (done) return { status: 'accepted', externalRef: done }
  const res = await tradeMe(ctx, 'POST', '/v1/MyTradeMe/PayNowRefund.json', {
    PurchaseId: purchaseId,
    ...(amount !== undefined ? { RefundAmount: Number(amount) } : {}),
  })
  const result = readJson<TradeMeResult>(res, 'PayNowRefund')
  const code = result.StatusCode
  if (!result.Success && !isCode(code, 8, 'AlreadyRefunded')) {
    // Paid another way (bank transfer, cash on pickup): TradeMe cannot pay it back, a person must.
    if (isCode(code, 6, 'NotBoughtUsingPayNow'))
      return { status: 'refused', reason: `TradeMe sale ${purchaseId} was not paid with Pay Now` }
    if (isCode(code, 10, 'RefundFailed'))
      throw new TransientError(
        `TradeMe could not make the refund of sale ${purchaseId} now: ${result.Description}`,
      )
    throw refused(`the refund of sale ${purchaseId}`, result)
  }
  const ref = `paynow-refund:${purchaseId}`
  await ctx.state.set(doneKey, ref)
  return { status: 'accepted', externalRef: ref }
}

/** A refund the hub asks for (after a return): `amount` of the purchase, through Pay Now. */
export async function pushRefund(refund: RefundRequest, ctx: Ctx): Promise<DeliveryResult> {
  const purchaseId = Number(refund.externalOrderId)
  if (!Number.isSafeInteger(purchaseId) || purchaseId <= 0)
    throw new PermanentError(`refund ${refund.refundId} names no TradeMe PurchaseId`)
  return payNowRefund(ctx, purchaseId, refund.amount, `refund:${refund.refundId}`)
}

/**
 * An order the hub cancelled: TradeMe has no cancellation for a sale, so the buyer is paid back in
 * full through Pay Now (as Shopify's cancel refunds to the original payment).
 */
export async function refundCancelledSale(update: OrderStatusUpdate, ctx: Ctx): Promise<DeliveryResult> {
  const purchaseId = purchaseIdOf(update)
  const result = await payNowRefund(ctx, purchaseId, undefined, `cancel-refund:${purchaseId}`)
  // Not paid through TradeMe: there is nothing for TradeMe to give back.
  return result.status === 'refused' ? { status: 'skipped', reason: result.reason } : result
}
