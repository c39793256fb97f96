/**
 * @module @switchyard/rest-channel
 * A generic REST channel for a B2B portal, POS or custom storefront. Orders arrive as canonical
 * order JSON, signed over the raw body (`X-Switchyard-Signature: t=…,v1=…`); status updates go back,
 * signed the same way, to the channel's callback URL.
 *
 * Available stock goes, signed the same way, to `inventoryUrl` when set; prices the hub sets (price
 * sync) to `pricesUrl` when set; refunds after a return to `refundsUrl` when set (a 2xx confirms).
 *
 * Routes under `/webhooks/<instance>`:
 * - `POST /orders`: one canonical order.
 * - `POST /orders/<externalId>/cancel`: the channel cancels an order (body `{ "reason"?: string }`).
 */
import {
  canonicalOrderSchema,
  definePlugin,
  outboundSignatureHeaders,
  PayloadError,
  type PluginContext,
  parseJsonBody,
  SIGNATURE_HEADER,
  verifyTimestamped,
  zodIssues,
} from '@switchyard/plugin-sdk'
import { type RestChannelConfig, restChannelConfig } from './config'

/** POSTs a JSON body to the channel, signed like everything the hub sends it. */
async function postSigned(
  ctx: PluginContext<RestChannelConfig>,
  url: string,
  payload: unknown,
  idempotencyKey: string,
): Promise<void> {
  const body = JSON.stringify(payload)
  await ctx.http.request(url, {
    method: 'POST',
    timeoutMs: ctx.config.timeoutMs,
    headers: {
      'content-type': 'application/json',
      'idempotency-key': idempotencyKey,
      ...outboundSignatureHeaders(
        ctx.config.signatureScheme,
        ctx.config.secret,
        idempotencyKey,
        body,
        Math.floor(ctx.clock.now().getTime() / 1000),
      ),
    },
    body,
  })
}

const CANCEL = /^\/orders\/([^/]+)\/cancel$/

export default definePlugin({
  id: 'rest-channel',
  kind: 'channel',
  version: '1.0.0',
  sdk: '^1.1.0',
  displayName: 'REST channel',
  description: 'Canonical order JSON over signed HTTP, for B2B portals, POS and custom storefronts.',
  config: restChannelConfig,
  capabilities: {
    webhook: {
      produces: ['order', 'order.cancelled'],
      verify(request, ctx) {
        return verifyTimestamped({
          secret: ctx.config.secret,
          rawBody: request.rawBody,
          header: request.headers[SIGNATURE_HEADER],
          toleranceSec: ctx.config.signatureToleranceSec,
        })
      },
      parse(request) {
        const delivery = request.headers['x-switchyard-delivery']
        const dedupe = delivery ? { dedupeKey: delivery } : {}
        if (request.method !== 'POST')
          throw new PayloadError('unsupported method', [{ field: '(method)', message: 'use POST' }])
        const cancel = CANCEL.exec(request.path)
        if (cancel) {
          const body = request.rawBody.length > 0 ? parseJsonBody(request) : {}
          const reason =
            typeof (body as { reason?: unknown }).reason === 'string'
              ? (body as { reason: string }).reason
              : undefined
          return {
            ...dedupe,
            events: [
              {
                type: 'order.cancelled',
                externalOrderId: decodeURIComponent(cancel[1]!),
                ...(reason ? { reason } : {}),
              },
            ],
          }
        }
        if (request.path !== '/orders' && request.path !== '/') {
          throw new PayloadError('unknown webhook path', [
            { field: '(path)', message: `no route for ${request.path}; POST /orders` },
          ])
        }
        const parsed = canonicalOrderSchema.safeParse(parseJsonBody(request))
        if (!parsed.success) throw new PayloadError('order is invalid', zodIssues(parsed.error))
        return { ...dedupe, events: [{ type: 'order', order: parsed.data }] }
      },
    },
    inventoryPush: {
      enabled: (config) => Boolean(config.inventoryUrl),
      async pushInventory(levels, ctx) {
        const config: RestChannelConfig = ctx.config
        if (!config.inventoryUrl) return { status: 'skipped', reason: 'no inventoryUrl configured' }
        await postSigned(
          ctx,
          config.inventoryUrl,
          { levels },
          ctx.idempotencyKey ?? `inventory:${levels[0]?.asOf ?? ''}`,
        )
        return { status: 'accepted' }
      },
    },
    pricePush: {
      enabled: (config) => Boolean(config.pricesUrl),
      async pushPrices(prices, ctx) {
        const config: RestChannelConfig = ctx.config
        if (!config.pricesUrl) return { status: 'skipped', reason: 'no pricesUrl configured' }
        await postSigned(
          ctx,
          config.pricesUrl,
          { prices },
          ctx.idempotencyKey ?? `prices:${prices[0]?.sku ?? ''}:${prices.length}`,
        )
        return { status: 'accepted' }
      },
    },
    refundPush: {
      enabled: (config) => Boolean(config.refundsUrl),
      async pushRefund(refund, ctx) {
        const config: RestChannelConfig = ctx.config
        if (!config.refundsUrl) return { status: 'skipped', reason: 'no refundsUrl configured' }
        // The hub's refund id: the portal pays out once however often this is retried.
        await postSigned(ctx, config.refundsUrl, { refund }, `refund:${refund.refundId}`)
        return { status: 'accepted', externalRef: refund.refundId }
      },
    },
    statusPush: {
      enabled: (config) => Boolean(config.callbackUrl),
      async pushStatus(update, ctx) {
        const config: RestChannelConfig = ctx.config
        if (!config.callbackUrl) return { status: 'skipped', reason: 'no callbackUrl configured' }
        await postSigned(
          ctx,
          config.callbackUrl,
          update,
          ctx.idempotencyKey ?? `${update.orderId}:${update.status}`,
        )
        return { status: 'accepted' }
      },
    },
  },
})

export { type RestChannelConfig, restChannelConfig } from './config'
