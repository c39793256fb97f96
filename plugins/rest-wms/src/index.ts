/**
 * @module @switchyard/rest-wms
 * A generic REST WMS connector. Fulfilment requests are POSTed to `<baseUrl>/fulfilment-orders` with
 * the hub's fulfilment id as `Idempotency-Key`; the WMS answers with its own reference. The WMS calls
 * back, signed with `X-Switchyard-Signature`, under `/webhooks/<instance>`:
 * - `POST /shipments`: a shipment confirmation (carrier, tracking) for one fulfilment;
 * - `POST /rejections`: `{ fulfilmentId, reason }` when it cannot fulfil;
 * - `POST /cancellations`: `{ fulfilmentId, reason? }` when a fulfilment is cancelled (confirming the
 *   hub's request, or on the warehouse's own account);
 * - `POST /picked`: `{ fulfilmentId }` when a store has picked a pick request (`deliveryMethod:
 *   'pickup'`, click and collect) and holds it at the counter;
 * - `POST /returns`: `{ returnId, lines: [{ sku, quantity, condition: resellable | damaged }] }` when a
 *   return (RMA) arrives;
 * - `POST /inventory`: `{ snapshots: [{ locationId, sku, onHand, asOf, eventId? }] }`;
 * - `POST /inbound`: `{ reference, sku, locationId, quantity, expectedDate }`, a purchase order or
 *   ASN expected at a location (the same reference again: a new date or quantity);
 * - `POST /inbound-receipts`: `{ reference, quantity, eventId }` when units of it arrive.
 */
import {
  definePlugin,
  inboundReceiptSchema,
  inboundSupplyNoticeSchema,
  inventorySnapshotSchema,
  PayloadError,
  parseJsonBody,
  type RawRequest,
  returnReceiptSchema,
  SIGNATURE_HEADER,
  shipmentConfirmationSchema,
  verifyTimestamped,
  zodIssues,
} from '@switchyard/plugin-sdk'
import { z } from 'zod'
import { type RestWmsConfig, restWmsConfig } from './config'

const rejectionSchema = z.object({ fulfilmentId: z.string().min(1), reason: z.string().min(1).max(1000) })
const cancellationSchema = z.strictObject({
  fulfilmentId: z.string().min(1),
  reason: z.string().max(1000).optional(),
})
const pickedSchema = z.strictObject({ fulfilmentId: z.string().min(1) })
const inventorySchema = z.object({ snapshots: z.array(inventorySnapshotSchema).min(1).max(10_000) })

function body<T>(request: RawRequest, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(parseJsonBody(request))
  if (!parsed.success) throw new PayloadError('payload is invalid', zodIssues(parsed.error))
  return parsed.data
}

const headers = (config: RestWmsConfig, idempotencyKey: string | undefined) => ({
  'content-type': 'application/json',
  authorization: `Bearer ${config.apiKey}`,
  ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
})

export default definePlugin({
  id: 'rest-wms',
  kind: 'wms',
  version: '1.0.0',
  sdk: '^1.5.0',
  displayName: 'REST WMS',
  description: 'Fulfilment requests over HTTP; shipments, rejections and stock back by signed webhook.',
  config: restWmsConfig,
  capabilities: {
    webhook: {
      produces: [
        'shipment',
        'fulfilment.rejected',
        'fulfilment.cancelled',
        'fulfilment.picked',
        'fulfilment.arrived',
        'inventory',
        'inbound.expected',
        'inbound.received',
        'return.received',
      ],
      verify(request, ctx) {
        return verifyTimestamped({
          secret: ctx.config.webhookSecret,
          rawBody: request.rawBody,
          header: request.headers[SIGNATURE_HEADER],
          toleranceSec: ctx.config.signatureToleranceSec,
        })
      },
      parse(request) {
        const delivery = request.headers['x-switchyard-delivery']
        const dedupe = delivery ? { dedupeKey: delivery } : {}
        switch (request.path) {
          case '/shipments':
            return {
              ...dedupe,
              events: [{ type: 'shipment', shipment: body(request, shipmentConfirmationSchema) }],
            }
          case '/rejections': {
            const r = body(request, rejectionSchema)
            return {
              ...dedupe,
              events: [{ type: 'fulfilment.rejected', fulfilmentId: r.fulfilmentId, reason: r.reason }],
            }
          }
          case '/cancellations': {
            const r = body(request, cancellationSchema)
            return {
              ...dedupe,
              events: [
                {
                  type: 'fulfilment.cancelled',
                  fulfilmentId: r.fulfilmentId,
                  ...(r.reason ? { reason: r.reason } : {}),
                },
              ],
            }
          }
          case '/picked':
            return {
              ...dedupe,
              events: [{ type: 'fulfilment.picked', fulfilmentId: body(request, pickedSchema).fulfilmentId }],
            }
          case '/arrived':
            return {
              ...dedupe,
              events: [
                { type: 'fulfilment.arrived', fulfilmentId: body(request, pickedSchema).fulfilmentId },
              ],
            }
          case '/returns':
            return {
              ...dedupe,
              events: [{ type: 'return.received', receipt: body(request, returnReceiptSchema) }],
            }
          case '/inventory':
            return {
              ...dedupe,
              events: [{ type: 'inventory', snapshots: body(request, inventorySchema).snapshots }],
            }
          case '/inbound':
            return {
              ...dedupe,
              events: [{ type: 'inbound.expected', supply: body(request, inboundSupplyNoticeSchema) }],
            }
          case '/inbound-receipts':
            return {
              ...dedupe,
              events: [{ type: 'inbound.received', receipt: body(request, inboundReceiptSchema) }],
            }
          default:
            throw new PayloadError('unknown webhook path', [
              {
                field: '(path)',
                message: `no route for ${request.path}; use /shipments, /rejections, /cancellations, /picked, /returns, /inventory, /inbound or /inbound-receipts`,
              },
            ])
        }
      },
    },
    fulfilment: {
      async requestFulfilment(request, ctx) {
        const res = await ctx.http.request(`${ctx.config.baseUrl.replace(/\/$/, '')}/fulfilment-orders`, {
          method: 'POST',
          timeoutMs: ctx.config.timeoutMs,
          headers: headers(ctx.config, ctx.idempotencyKey ?? request.fulfilmentId),
          body: JSON.stringify(request),
        })
        const answer = res.text ? (res.json() as { id?: unknown }) : {}
        return { status: 'accepted', ...(typeof answer.id === 'string' ? { externalRef: answer.id } : {}) }
      },
      async cancelFulfilment(request, ctx) {
        const ref = encodeURIComponent(request.externalRef ?? request.fulfilmentId)
        const res = await ctx.http.request(
          `${ctx.config.baseUrl.replace(/\/$/, '')}/fulfilment-orders/${ref}/cancel`,
          {
            method: 'POST',
            timeoutMs: ctx.config.timeoutMs,
            headers: headers(ctx.config, ctx.idempotencyKey),
            body: JSON.stringify({ fulfilmentId: request.fulfilmentId, reason: request.reason ?? null }),
            // 409: the warehouse will not cancel (it has shipped or is packing): an answer, not a failure.
            acceptStatus: (status) => status === 409,
          },
        )
        if (res.status === 409) {
          const why = (res.text ? (res.json() as { error?: string; reason?: string }) : {}) ?? {}
          return { status: 'refused', reason: why.reason ?? why.error ?? 'the warehouse refused to cancel' }
        }
        return { status: 'accepted' }
      },
    },
  },
})

export { type RestWmsConfig, restWmsConfig } from './config'
