import { orderStatuses } from '@switchyard/plugin-sdk'
import { z } from 'zod'
import { apiRoute, apiRouter, json, orderConflict, problem } from '../http/openapi'
import type { HubContext } from '../hub-context'

/**
 * Click and collect (issue 20): the collection of an order the store has at its counter, and the
 * store's receipt of an order shipped to it (ship to store). Mounted under /orders.
 */
export function pickupRoutes(hub: HubContext) {
  const app = apiRouter()
  app.openapi(
    apiRoute('orders:collect', {
      operationId: 'confirmOrderPickup',
      method: 'post',
      path: '/{id}/pickup',
      tags: ['orders'],
      summary: 'Click and collect: the customer collected the order at the store',
      description:
        "Only for an order in `ready_for_pickup` (the store reported it picked); anything else is 409 `OPERATION_NOT_ALLOWED` naming the state. The order's units leave the store's stock, its fulfilment is recorded as shipped with carrier `in-store pickup`, the order becomes `shipped` and its channel is told.",
      request: { params: z.strictObject({ id: z.string().uuid() }) },
      responses: {
        200: json(z.object({ orderId: z.string(), status: z.enum(orderStatuses) }), 'Collected'),
        404: problem("`ORDER_NOT_FOUND` (also another channel's, for a scoped key)"),
        409: orderConflict,
      },
    }),
    async (c) => {
      const principal = c.get('principal')
      const outcome = await hub.core.pickups.collect(
        c.req.valid('param').id,
        `key:${principal.keyId}`,
        principal.channelInstanceId,
      )
      return c.json(outcome, 200)
    },
  )
  app.openapi(
    apiRoute('orders:collect', {
      operationId: 'receiveOrderAtStore',
      method: 'post',
      path: '/{id}/pickup/received',
      tags: ['orders'],
      summary: 'Ship to store: the pickup store received what was sent to it',
      description:
        "For a click-and-collect order shipped to its store (a `shipToStore` rule): every transfer that has shipped to the store and was not received yet is taken in. The units join the store's stock held for the order, and the store's WMS or POS gets its pick request; its `fulfilment.picked` then makes the order `ready_for_pickup`. 409 `OPERATION_NOT_ALLOWED` when the order is not `released` or nothing is on its way to the store.",
      request: { params: z.strictObject({ id: z.string().uuid() }) },
      responses: {
        200: json(
          z.object({
            orderId: z.string(),
            status: z.enum(orderStatuses),
            received: z.array(z.string()).describe('The transfers (fulfilment ids) taken in'),
          }),
          'Received at the store',
        ),
        404: problem("`ORDER_NOT_FOUND` (also another channel's, for a scoped key)"),
        409: orderConflict,
      },
    }),
    async (c) => {
      const principal = c.get('principal')
      const outcome = await hub.core.shipToStore.received(
        c.req.valid('param').id,
        `key:${principal.keyId}`,
        principal.channelInstanceId,
      )
      return c.json(outcome, 200)
    },
  )
  return app
}
