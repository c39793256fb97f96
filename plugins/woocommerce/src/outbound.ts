import type { DeliveryResult, OrderStatusUpdate, PluginContext, RefundRequest } from '@switchyard/plugin-sdk'
import { wooRequest } from './api'
import type { WoocommerceConfig } from './config'

type Ctx = PluginContext<WoocommerceConfig>

function trackingNote(update: OrderStatusUpdate): string {
  const parts = update.shipments.map(
    (s) =>
      `Shipped via ${s.carrier}, tracking number ${s.trackingNumber}${s.trackingUrl ? ` (${s.trackingUrl})` : ''}.`,
  )
  return parts.join('\n')
}

/**
 * Shipped: a customer note with each tracking number, optionally a Shipment Tracking item, then
 * status `completed`. WooCommerce has no idempotency keys, so a retry first reads what is already
 * there and adds only what is missing.
 */
export async function pushShipped(update: OrderStatusUpdate, ctx: Ctx): Promise<DeliveryResult> {
  const id = encodeURIComponent(update.externalOrderId)
  const notes = (await wooRequest(ctx, 'GET', `/wc/v3/orders/${id}/notes?type=customer`)).json<
    { note: string }[]
  >()
  const missing = update.shipments.filter((s) => !notes.some((n) => n.note.includes(s.trackingNumber)))
  if (missing.length > 0) {
    await wooRequest(ctx, 'POST', `/wc/v3/orders/${id}/notes`, {
      note: trackingNote({ ...update, shipments: missing }),
      customer_note: true,
    })
    if (ctx.config.tracking === 'shipment-tracking') {
      for (const s of missing) {
        await wooRequest(ctx, 'POST', `/wc-shipment-tracking/v3/orders/${id}/shipment-trackings`, {
          tracking_provider: s.carrier,
          tracking_number: s.trackingNumber,
          date_shipped: s.shippedAt.slice(0, 10),
          ...(s.trackingUrl ? { custom_tracking_link: s.trackingUrl } : {}),
        })
      }
    }
  }
  if (update.status === 'shipped')
    await wooRequest(ctx, 'PUT', `/wc/v3/orders/${id}`, { status: 'completed' })
  return { status: 'accepted' }
}

export async function pushCancelled(update: OrderStatusUpdate, ctx: Ctx): Promise<DeliveryResult> {
  await wooRequest(ctx, 'PUT', `/wc/v3/orders/${encodeURIComponent(update.externalOrderId)}`, {
    status: 'cancelled',
  })
  return { status: 'accepted' }
}

/**
 * A refund through WooCommerce (and its payment gateway: `api_refund`). The hub's refund id is
 * written into the reason, and a retry that finds it there does not refund again.
 */
export async function createRefund(refund: RefundRequest, ctx: Ctx): Promise<DeliveryResult> {
  const id = encodeURIComponent(refund.externalOrderId)
  const marker = `[switchyard:${refund.refundId}]`
  const existing = (await wooRequest(ctx, 'GET', `/wc/v3/orders/${id}/refunds`)).json<
    { id: number; reason?: string }[]
  >()
  const done = existing.find((r) => r.reason?.includes(marker))
  if (done) return { status: 'accepted', externalRef: String(done.id) }
  const res = await wooRequest(ctx, 'POST', `/wc/v3/orders/${id}/refunds`, {
    ...(refund.amount ? { amount: refund.amount } : {}),
    reason: `${refund.reason ?? 'Refund'} ${marker}`,
    api_refund: true,
    line_items: refund.lines
      .filter((l) => l.externalLineId)
      .map((l) => ({ id: Number(l.externalLineId), quantity: l.quantity })),
  })
  return { status: 'accepted', externalRef: String(res.json<{ id: number }>().id) }
}
