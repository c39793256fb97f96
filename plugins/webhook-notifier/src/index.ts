/**
 * @module @switchyard/webhook-notifier
 * Customer and back-office notifications as signed webhooks: every order status change of every
 * channel is POSTed to `url` as `{ "type": "order.status", "channelInstanceId", "update" }`, signed
 * the Standard Webhooks way (`webhook-id` = the `Idempotency-Key`, the same on every retry;
 * `webhook-timestamp`; `webhook-signature`), or with the older `X-Switchyard-Signature`
 * (`signatureScheme: 'switchyard-v1'` or `'both'`). The receiver (an email or SMS service, a
 * Slack bridge) decides what to tell whom.
 */
import {
  definePlugin,
  orderStatuses,
  outboundSignatureHeaders,
  outboundSignatureSchemes,
  secret,
} from '@switchyard/plugin-sdk'
import { z } from 'zod'

const config = z.strictObject({
  url: z.url(),
  secret: secret('HMAC-SHA256 key the receiver verifies notifications with'),
  /** Only these statuses are sent; all when absent. */
  statuses: z.array(z.enum(orderStatuses)).min(1).optional(),
  timeoutMs: z.number().int().min(100).max(60_000).default(10_000),
  /** Standard Webhooks by default; `switchyard-v1` or `both` for receivers of the older signature. */
  signatureScheme: z.enum(outboundSignatureSchemes).default('standard-webhooks'),
})

export default definePlugin({
  id: 'webhook-notifier',
  kind: 'notification',
  version: '1.0.0',
  sdk: '^1.0.0',
  displayName: 'Webhook notifier',
  description: 'Posts every order status change as a signed webhook, for email, SMS or chat services.',
  config,
  capabilities: {
    notify: {
      async notify(event, ctx) {
        if (ctx.config.statuses && !ctx.config.statuses.includes(event.update.status)) {
          return { status: 'skipped', reason: `status ${event.update.status} is not subscribed` }
        }
        const body = JSON.stringify({
          type: 'order.status',
          channelInstanceId: event.channelInstanceId,
          update: event.update,
        })
        const id = ctx.idempotencyKey ?? `${event.update.orderId}:${event.update.occurredAt}`
        await ctx.http.request(ctx.config.url, {
          method: 'POST',
          timeoutMs: ctx.config.timeoutMs,
          headers: {
            'content-type': 'application/json',
            'idempotency-key': id,
            ...outboundSignatureHeaders(
              ctx.config.signatureScheme,
              ctx.config.secret,
              id,
              body,
              Math.floor(ctx.clock.now().getTime() / 1000),
            ),
          },
          body,
        })
        return { status: 'accepted' }
      },
    },
  },
})
