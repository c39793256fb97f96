import {
  type DeliveryResult,
  type OrderStatusUpdate,
  PermanentError,
  type PluginContext,
  type RefundRequest,
  type ShipmentInfo,
} from '@switchyard/plugin-sdk'
import { checkUserErrors, graphql, lineItemGid, orderGid } from './admin-api'
import type { ShopifyConfig } from './config'

type Ctx = PluginContext<ShopifyConfig>

interface FulfillmentOrderNode {
  id: string
  status: string
  lineItems: {
    nodes: { id: string; remainingQuantity: number; lineItem: { id: string; sku: string | null } }[]
  }
}

const ORDER_FULFILMENT_STATE = `query OrderFulfilmentState($id: ID!) {
  order(id: $id) {
    id
    fulfillments(first: 50) { id trackingInfo { number } }
    fulfillmentOrders(first: 20) {
      nodes { id status lineItems(first: 250) { nodes { id remainingQuantity lineItem { id sku } } } }
    }
  }
}`

const FULFILLMENT_CREATE = `mutation FulfillmentCreate($fulfillment: FulfillmentInput!, $message: String) {
  fulfillmentCreate(fulfillment: $fulfillment, message: $message) {
    fulfillment { id status }
    userErrors { field message }
  }
}`

/**
 * Tells Shopify about each shipment: a fulfilment on the order's fulfilment-order line items (not
 * its order line items), with tracking. Safe to retry: a shipment whose tracking number Shopify
 * already shows is not sent again.
 */
export async function pushShipments(update: OrderStatusUpdate, ctx: Ctx): Promise<DeliveryResult> {
  const state = await graphql<{
    order: {
      fulfillments: { id: string; trackingInfo: { number: string | null }[] }[]
      fulfillmentOrders: { nodes: FulfillmentOrderNode[] }
    } | null
  }>(ctx, ORDER_FULFILMENT_STATE, { id: orderGid(update.externalOrderId) })
  if (!state.order) throw new PermanentError(`Shopify has no order ${update.externalOrderId}`)
  const known = new Set(state.order.fulfillments.flatMap((f) => f.trackingInfo.map((t) => t.number)))
  const open = state.order.fulfillmentOrders.nodes.filter((fo) => ['OPEN', 'IN_PROGRESS'].includes(fo.status))
  const created: string[] = []
  for (const shipment of update.shipments) {
    if (known.has(shipment.trackingNumber)) continue
    const lineItemsByFulfillmentOrder = assign(shipment, open)
    if (lineItemsByFulfillmentOrder.length === 0)
      throw new PermanentError(
        `no open fulfilment-order line items match shipment ${shipment.trackingNumber}`,
      )
    const result = await graphql<{
      fulfillmentCreate: {
        fulfillment: { id: string } | null
        userErrors: { field: string[]; message: string }[]
      }
    }>(ctx, FULFILLMENT_CREATE, {
      fulfillment: {
        notifyCustomer: ctx.config.notifyCustomer,
        trackingInfo: {
          company: shipment.carrier,
          number: shipment.trackingNumber,
          ...(shipment.trackingUrl ? { url: shipment.trackingUrl } : {}),
        },
        lineItemsByFulfillmentOrder,
      },
    })
    checkUserErrors('the fulfilment', result.fulfillmentCreate.userErrors)
    if (result.fulfillmentCreate.fulfillment) created.push(result.fulfillmentCreate.fulfillment.id)
  }
  if (created.length === 0) return { status: 'skipped', reason: 'every shipment is already at Shopify' }
  return { status: 'accepted', externalRef: created.join(',') }
}

/** Spreads a shipment's lines over the open fulfilment orders, by line item id, else by sku. */
function assign(shipment: ShipmentInfo, open: FulfillmentOrderNode[]) {
  const remaining = new Map<string, number>()
  for (const fo of open) for (const li of fo.lineItems.nodes) remaining.set(li.id, li.remainingQuantity)
  const byOrder = new Map<string, { id: string; quantity: number }[]>()
  for (const line of shipment.lines) {
    let need = line.quantity
    for (const fo of open) {
      for (const li of fo.lineItems.nodes) {
        if (need === 0) break
        const same = line.externalLineId
          ? li.lineItem.id === lineItemGid(line.externalLineId)
          : li.lineItem.sku === line.sku
        const left = remaining.get(li.id) ?? 0
        if (!same || left === 0) continue
        const take = Math.min(left, need)
        remaining.set(li.id, left - take)
        need -= take
        const list = byOrder.get(fo.id) ?? []
        list.push({ id: li.id, quantity: take })
        byOrder.set(fo.id, list)
      }
    }
  }
  return [...byOrder].map(([fulfillmentOrderId, fulfillmentOrderLineItems]) => ({
    fulfillmentOrderId,
    fulfillmentOrderLineItems,
  }))
}

const ORDER_CANCEL = `mutation OrderCancel($orderId: ID!, $reason: OrderCancelReason!, $restock: Boolean!, $notifyCustomer: Boolean, $staffNote: String, $refundMethod: OrderCancelRefundMethodInput) {
  orderCancel(orderId: $orderId, reason: $reason, restock: $restock, notifyCustomer: $notifyCustomer, staffNote: $staffNote, refundMethod: $refundMethod) {
    job { id done }
    orderCancelUserErrors { field message code }
  }
}`

/** Cancels at Shopify. Asynchronous there (a job); Shopify's orders/cancelled webhook confirms it. */
export async function cancelOrder(update: OrderStatusUpdate, ctx: Ctx): Promise<DeliveryResult> {
  const result = await graphql<{
    orderCancel: {
      job: { id: string } | null
      orderCancelUserErrors: { field: string[]; message: string; code?: string }[]
    }
  }>(ctx, ORDER_CANCEL, {
    orderId: orderGid(update.externalOrderId),
    reason: 'OTHER',
    restock: true,
    notifyCustomer: ctx.config.notifyCustomer,
    staffNote: (update.reason ?? 'cancelled in Switchyard').slice(0, 255),
    refundMethod: { originalPaymentMethodsRefund: true },
  })
  const errors = result.orderCancel.orderCancelUserErrors
  // Cancelling twice (a retry) is refused as already cancelled: the outcome we wanted.
  if (errors.some((e) => /already.*cancel/i.test(e.message) || e.code === 'ORDER_ALREADY_CANCELLED'))
    return { status: 'skipped', reason: 'already cancelled at Shopify' }
  checkUserErrors('the cancellation', errors)
  return { status: 'accepted', ...(result.orderCancel.job ? { externalRef: result.orderCancel.job.id } : {}) }
}

const ORDER_TRANSACTIONS = `query OrderTransactions($id: ID!) {
  order(id: $id) { id transactions(first: 20) { id kind status gateway } }
}`

const REFUND_CREATE = `mutation RefundCreate($input: RefundInput!, $idempotencyKey: String!) {
  refundCreate(input: $input) @idempotent(key: $idempotencyKey) {
    refund { id }
    userErrors { field message }
  }
}`

/**
 * A refund at Shopify. `@idempotent` is mandatory for refundCreate from API 2026-04; the key is
 * derived from the hub's refund id, so every retry of one refund carries the same key.
 */
export async function createRefund(refund: RefundRequest, ctx: Ctx): Promise<DeliveryResult> {
  const orderId = orderGid(refund.externalOrderId)
  let transactions: unknown[] = []
  if (refund.amount) {
    const tx = await graphql<{
      order: { transactions: { id: string; kind: string; status: string; gateway: string }[] } | null
    }>(ctx, ORDER_TRANSACTIONS, { id: orderId })
    const parent = tx.order?.transactions.find(
      (t) => ['SALE', 'CAPTURE'].includes(t.kind) && t.status === 'SUCCESS',
    )
    if (!parent) throw new PermanentError(`order ${refund.externalOrderId} has no captured payment to refund`)
    transactions = [
      { orderId, parentId: parent.id, gateway: parent.gateway, kind: 'REFUND', amount: refund.amount },
    ]
  }
  const result = await graphql<{
    refundCreate: { refund: { id: string } | null; userErrors: { field: string[]; message: string }[] }
  }>(ctx, REFUND_CREATE, {
    idempotencyKey: `switchyard-refund-${refund.refundId}`,
    input: {
      orderId,
      notify: refund.notifyCustomer,
      ...(refund.reason ? { note: refund.reason } : {}),
      refundLineItems: refund.lines
        .filter((l) => l.externalLineId)
        .map((l) => ({
          lineItemId: lineItemGid(l.externalLineId!),
          quantity: l.quantity,
          restockType: l.restock ? 'RETURN' : 'NO_RESTOCK',
        })),
      transactions,
    },
  })
  checkUserErrors('the refund', result.refundCreate.userErrors)
  return {
    status: 'accepted',
    ...(result.refundCreate.refund ? { externalRef: result.refundCreate.refund.id } : {}),
  }
}
